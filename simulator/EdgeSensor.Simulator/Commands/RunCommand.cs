using System.CommandLine;
using System.Globalization;
using EdgeSensor.Simulator.Faults;
using EdgeSensor.Simulator.Fleet;
using EdgeSensor.Simulator.Reporting;
using EdgeSensor.Simulator.Scenarios;

namespace EdgeSensor.Simulator.Commands;

/// <summary>
/// <c>run</c>: the product's main job, the simulator end to end: virtual devices, an MQTT broker (embedded by
/// default), the SDK consumer, and a summary of what was sealed, published and opened (docs/simulator-run.md).
/// </summary>
public static class RunCommand
{
    /// <summary>Exit code: a sealed report was lost or a report was rejected.</summary>
    public const int ReportsLost = 3;

    /// <summary>Exit code: the broker could not be reached.</summary>
    public const int BrokerUnavailable = 4;

    /// <summary>The run's options, declared together (other options are added here too).</summary>
    private sealed class RunOptions
    {
        public Option<long?> Devices { get; } = OptionValues.Integer("--devices", 1, FleetOptions.MaxDevices, $"Virtual devices (1..{FleetOptions.MaxDevices}; default 3, or all of --site's).");
        public Option<string?> Scenario { get; } = OptionValues.Text("--scenario", "name", "The crowd each device sees (see the scenarios command; default mixed).");
        public Option<long?> Seed { get; } = OptionValues.Integer("--seed", 0, long.MaxValue / 2000, "Seed of the crowds (default 1).");
        public Option<string?> Minutes { get; } = OptionValues.Text("--minutes", "m", "Simulated minutes per device (above 0, at most 1440; default 10).");
        public Option<long?> WindowSeconds { get; } = OptionValues.Integer("--window-seconds", 10, 3600, "Aggregation window, s (divides a day; default 60; dp needs 900 or more).");
        public Option<string?> Broker { get; } = OptionValues.Text("--broker", "embedded|host:port", "Broker: embedded (default) or a running one, host[:port].");
        public Option<string?> Disclosure { get; } = OptionValues.Text("--disclosure", "suppress:k|dp:epsilon|none", "Disclosure control (default suppress:5; k 2..100; dp is person-level, ε 0.01..10 per person per 24 h). none, k below 5 or ε above 1 need --weaken-privacy.");
        public Option<bool> WeakenPrivacy { get; } = OptionValues.Flag("--weaken-privacy", "Confirm a disclosure weaker than the defaults (none, k below 5, ε above 1); a warning is printed.");
        public Option<string> Speed { get; } = OptionValues.Choice("--speed", "Simulated time as fast as possible or paced to the wall clock", "max", "realtime");
        public Option<string> Sensors { get; } = OptionValues.Choice("--sensors", "Readings straight from the sensor physics, or through the firmware's drivers", "trace", "driver");
        public Option<string?> KeyStore { get; } = OptionValues.Text("--keystore", "keys.json", $"Run as the provisioned devices of --site from this key store (default ${ProvisionedIdentities.PathVariable} or ./{ProvisionedIdentities.DefaultPath}); unlocked by $EDGESENSOR_KEYSTORE_KEY or ${ProvisionedIdentities.PassphraseVariable}.");
        public Option<string?> Site { get; } = OptionValues.Text("--site", "site", "The provisioned site to run as (with --keystore).");
        public Option<string[]> Bundles { get; } = OptionValues.Texts("--bundle", "file.json", "A provisioned device's configuration bundle (repeatable): the run takes its disclosure and window instead of --disclosure and --window-seconds.");
        public Option<string> Live { get; } = OptionValues.Choice("--live", "A live view on a terminal (auto: when stdout is one), or plain progress lines", "auto", "on", "off");
        public Option<string?> Store { get; } = OptionValues.Text("--store", "reports.db", "Also keep the opened reports in this SQLite database, through the SDK's sink.");
        public Option<bool> BareSubscriber { get; } = OptionValues.Flag("--bare-subscriber", "Run a bare MQTTnet subscriber beside the SDK consumer and compare their latency per report.");
        public Option<string?> Report { get; } = OptionValues.Text("--report", "file.html", $"Where to write the HTML report (default ./{RunReport.DefaultFileName}, never over an existing file; docs/report.md).");
        public Option<string[]> Faults { get; } = OptionValues.Texts("--fault", "KIND@AT[+DURATION][:VALUE]", "Inject a fault into every device (repeatable): broker-outage@10m+3m, wifi-drop@5m+2m, reboot@12.5m, power-cut@12.5m[+30s], clock-step@5m:+90s, sensor-dropout@20m+2m (docs/simulator-run.md).");
        public Option<bool> Json { get; } = OptionValues.Flag("--json", "Print the summary as JSON.");

        private IEnumerable<Option> All => [Devices, Scenario, Seed, Minutes, WindowSeconds, Broker, Disclosure, WeakenPrivacy, Speed, Sensors, KeyStore, Site, Bundles, Live, Store, BareSubscriber, Report, Faults, Json];

        /// <summary>Declares every run option on <paramref name="command"/> (the CLI's and <see cref="TryParse"/>'s alike).</summary>
        public Command AddTo(Command command)
        {
            foreach (Option option in All)
            {
                command.Options.Add(option);
            }

            return command;
        }
    }

    internal static Command Create(Func<string, string?> environment)
    {
        var options = new RunOptions();
        var command = options.AddTo(new Command("run", "The main job: virtual devices running the firmware's core publish sealed reports over MQTT to the SDK consumer (docs/simulator-run.md)."));

        command.SetAction(parse =>
        {
            TextWriter stdout = parse.InvocationConfiguration.Output;
            TextWriter stderr = parse.InvocationConfiguration.Error;
            if (!TryBuild(parse, options, out FleetOptions? fleet, out string error)
                || !ReportFile.TryCheck(parse.GetValue(options.Report), out error))
            {
                throw new UsageException(error);
            }

            if (fleet.PrivacyWeakening() is string weaker)
            {
                if (!parse.GetValue(options.WeakenPrivacy))
                {
                    throw new UsageException($"{weaker}. This weakens privacy: pass --weaken-privacy to confirm.");
                }

                stderr.WriteLine($"Warning: {weaker} (--weaken-privacy).");
            }

            if (parse.GetValue(options.Bundles) is { Length: > 0 } && parse.GetValue(options.Site) is null)
            {
                throw new UsageException("--bundle needs --keystore and --site: the bundles are those of provisioned devices");
            }

            if (parse.GetValue(options.KeyStore) is not null || parse.GetValue(options.Site) is not null)
            {
                try
                {
                    fleet = WithProvisionedIdentities(parse, options, fleet, environment, stderr);
                }
                catch (ProvisionedIdentityException ex)
                {
                    stderr.WriteLine($"error: {ex.Message}");
                    return ExitCodes.BadInput;
                }
            }

            return Run(fleet, parse.GetValue(options.Json), stdout, stderr, parse.GetValue(options.Report));
        });
        return command;
    }

    /// <summary>
    /// Runs the fleet, prints its summary and writes the HTML report (to <paramref name="reportPath"/>, or the default
    /// name); the exit code says whether every report arrived.
    /// </summary>
    public static int Run(FleetOptions options, bool json, TextWriter stdout, TextWriter stderr, string? reportPath = null)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            FleetResult result = Live.LiveRun.RunAsync(options, stdout, stderr, cancel.Token).GetAwaiter().GetResult();
            if (json)
            {
                stdout.WriteLine(FleetSummary.ToJson(result));
            }
            else
            {
                FleetSummary.WriteTable(stdout, result);
            }

            bool reported = ReportFile.Emit(reportPath, RunReport.DefaultFileName, path => RunReport.Write(result, path), stderr);
            return !result.Ok ? ReportsLost : reported ? ExitCodes.Ok : ExitCodes.BadInput;
        }
        catch (FleetException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return BrokerUnavailable;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("cancelled");
            return ReportsLost;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Parses run's arguments (without the command name) into fleet options; false with the reason in words.</summary>
    internal static bool TryParse(IReadOnlyList<string> args, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FleetOptions? options, out bool json, out string error)
    {
        var declared = new RunOptions();
        var command = declared.AddTo(new Command("run"));

        ParseResult parse = command.Parse([.. args], new ParserConfiguration { ResponseFileTokenReplacer = null });
        json = parse.GetValue(declared.Json);
        if (parse.Errors.Count > 0)
        {
            options = null;
            error = parse.Errors[0].Message;
            return false;
        }

        return TryBuild(parse, declared, out options, out error);
    }

    private static bool TryBuild(ParseResult parse, RunOptions declared, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FleetOptions? options, out string error)
    {
        options = null;
        string scenario = parse.GetValue(declared.Scenario) ?? "mixed";
        if (!ScenarioSuite.TryGet(scenario, out _))
        {
            error = $"unknown scenario '{scenario}'; known: {string.Join(", ", ScenarioSuite.Names)}";
            return false;
        }

        double minutes = 10;
        string? minutesText = parse.GetValue(declared.Minutes);
        if (minutesText is not null && !double.TryParse(minutesText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out minutes))
        {
            error = $"--minutes must be a number, got '{minutesText}'";
            return false;
        }

        if (!FleetOptions.TryParseBroker(parse.GetValue(declared.Broker) ?? "embedded", out string? host, out int port, out error)
            || !FleetOptions.TryParseDisclosure(parse.GetValue(declared.Disclosure) ?? "suppress:5", out var mode, out ushort k, out ushort epsilonMilli, out error)
            || !FleetOptions.TryParseLive(parse.GetValue(declared.Live) ?? "auto", out LiveView live, out error)
            || !FaultSchedule.TryParse(parse.GetValue(declared.Faults) ?? [], out FaultSchedule faults, out error))
        {
            return false;
        }

        var parsed = new FleetOptions
        {
            Devices = (int)(parse.GetValue(declared.Devices) ?? 3),
            Scenario = scenario,
            Seed = (ulong)(parse.GetValue(declared.Seed) ?? 1),
            Minutes = minutes,
            WindowSeconds = (int)(parse.GetValue(declared.WindowSeconds) ?? 60),
            BrokerHost = host,
            BrokerPort = port,
            Disclosure = mode,
            SuppressionThreshold = k,
            EpsilonMilli = epsilonMilli,
            Realtime = parse.GetValue(declared.Speed) == "realtime",
            SensorsThroughDrivers = parse.GetValue(declared.Sensors) == "driver",
            Live = live,
            StorePath = parse.GetValue(declared.Store),
            BareSubscriber = parse.GetValue(declared.BareSubscriber),
            Faults = faults,
        };
        if (!parsed.TryValidate(out error))
        {
            return false;
        }

        options = parsed;
        return true;
    }

    private static FleetOptions WithProvisionedIdentities(ParseResult parse, RunOptions declared, FleetOptions fleet, Func<string, string?> environment, TextWriter stderr)
    {
        string site = parse.GetValue(declared.Site)
            ?? throw new ProvisionedIdentityException("--keystore needs --site: the provisioned site whose devices the run plays");
        int? wanted = (int?)parse.GetValue(declared.Devices);
        var identities = ProvisionedIdentities.Load(parse.GetValue(declared.KeyStore), site, wanted, environment, out string path);
        if (ProvisionedIdentities.Shortfall(site, identities.Count, wanted) is string note)
        {
            stderr.WriteLine($"note: {note}");
        }

        var provisioned = fleet with { Identities = identities, Devices = identities.Count, Site = site };
        if (parse.GetValue(declared.Bundles) is { Length: > 0 } bundles)
        {
            provisioned = ProvisionedSettings.Apply(provisioned, identities, bundles);
            stderr.WriteLine($"settings: disclosure {provisioned.DisclosureText}, {provisioned.WindowSeconds} s windows, from {bundles.Length} bundle{(bundles.Length == 1 ? "" : "s")}");
        }

        if (!provisioned.TryValidate(out string error))
        {
            throw new ProvisionedIdentityException(error);
        }

        stderr.WriteLine($"devices: {identities.Count} provisioned device{(identities.Count == 1 ? "" : "s")} of site '{site}' from {path}");
        return provisioned;
    }
}
