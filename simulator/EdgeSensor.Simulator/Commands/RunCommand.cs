using EdgeSensor.Core.Reports;
using EdgeSensor.Simulator.Fleet;
using EdgeSensor.Simulator.Scenarios;

namespace EdgeSensor.Simulator.Commands;

/// <summary>
/// <c>run</c>: the product's main job, the simulator end to end: virtual devices, an MQTT broker (embedded by
/// default), the SDK consumer, and a summary of what was sealed, published and opened (docs/simulator-run.md).
/// </summary>
public static class RunCommand
{
    public const string Usage = "run [--devices <n>] [--scenario <name>] [--seed <n>] [--minutes <m>] [--window-seconds <s>] [--broker embedded|<host:port>] [--disclosure none|suppress:<k>|dp:<epsilon>] [--speed max|realtime] [--sensors trace|driver] [--live auto|on|off] [--store <reports.db>] [--bare-subscriber] [--json]";

    /// <summary>Exit code: a sealed report was lost or a report was rejected.</summary>
    public const int ReportsLost = 3;

    /// <summary>Exit code: the broker could not be reached.</summary>
    public const int BrokerUnavailable = 4;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (!TryParse(args, out FleetOptions? options, out bool json, out string error))
        {
            stderr.WriteLine($"error: {error}\nusage: {Usage}");
            return ExitCodes.Usage;
        }

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

            return result.Ok ? ExitCodes.Ok : ReportsLost;
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

    internal static bool TryParse(IReadOnlyList<string> args, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FleetOptions? options, out bool json, out string error)
    {
        options = null;
        json = false;
        if (!CommandLine.TryParse(args, ["devices", "scenario", "seed", "minutes", "window-seconds", "broker", "disclosure", "speed", "sensors", "live", "store"], ["json", "bare-subscriber"], out var cl, out error)
            || !cl.TryGetInt("devices", 1, FleetOptions.MaxDevices, out long? devices, out error)
            || !cl.TryGetInt("seed", 0, long.MaxValue / 2000, out long? seed, out error)
            || !cl.TryGetInt("window-seconds", 10, 3600, out long? window, out error))
        {
            return false;
        }

        if (cl.Positional.Count > 0)
        {
            error = $"unexpected argument '{cl.Positional[0]}'";
            return false;
        }

        string scenario = cl.Value("scenario") ?? "mixed";
        if (!ScenarioSuite.TryGet(scenario, out _))
        {
            error = $"unknown scenario '{scenario}'; known: {string.Join(", ", ScenarioSuite.Names)}";
            return false;
        }

        double minutes = 10;
        string? minutesText = cl.Value("minutes");
        if (minutesText is not null && !double.TryParse(minutesText, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out minutes))
        {
            error = $"--minutes must be a number, got '{minutesText}'";
            return false;
        }

        string speed = cl.Value("speed") ?? "max";
        if (speed is not ("max" or "realtime"))
        {
            error = $"--speed must be max or realtime, got '{speed}'";
            return false;
        }

        string sensors = cl.Value("sensors") ?? "trace";
        if (sensors is not ("trace" or "driver"))
        {
            error = $"--sensors must be trace or driver, got '{sensors}'";
            return false;
        }

        if (!FleetOptions.TryParseBroker(cl.Value("broker") ?? "embedded", out string? host, out int port, out error)
            || !FleetOptions.TryParseDisclosure(cl.Value("disclosure") ?? "none", out DisclosureMode mode, out ushort k, out ushort epsilonMilli, out error)
            || !FleetOptions.TryParseLive(cl.Value("live") ?? "auto", out LiveView live, out error))
        {
            return false;
        }

        var parsed = new FleetOptions
        {
            Devices = (int)(devices ?? 3),
            Scenario = scenario,
            Seed = (ulong)(seed ?? 1),
            Minutes = minutes,
            WindowSeconds = (int)(window ?? 60),
            BrokerHost = host,
            BrokerPort = port,
            Disclosure = mode,
            SuppressionThreshold = k,
            EpsilonMilli = epsilonMilli,
            Realtime = speed == "realtime",
            SensorsThroughDrivers = sensors == "driver",
            Live = live,
            StorePath = cl.Value("store"),
            BareSubscriber = cl.Has("bare-subscriber"),
        };
        if (!parsed.TryValidate(out error))
        {
            return false;
        }

        options = parsed;
        json = cl.Has("json");
        return true;
    }
}
