using CsCheck;
using EdgeSensor.Sdk.Tests.Hostile;

namespace EdgeSensor.Cli.Tests.Hostile;

/// <summary>
/// Random argument vectors built from the tool's real commands and options with hostile values (negative, huge,
/// NaN, empty, newlines, control and unpaired surrogate characters, markup, paths to /dev/zero, folders, the key
/// store itself): every run ends with an exit code from <see cref="ExitCodes"/> and never prints a stack trace, in
/// bounded time. Paths always point into the harness folder or at fixed system files (nothing is written to the
/// working folder), and tail and store only ever reach port 1 on the loopback for a few milliseconds.
/// </summary>
[TestClass]
public sealed class CliHostileTests
{
    private static readonly string[] s_values =
    [
        "-1", "0", "1", "2", "5", "65536", "2147483648", "-9223372036854775809", "99999999999999999999", "NaN", "Infinity", "-0", "1e308", "0.5",
        "", " ", "\n", "a\nb", "\r\n", "\0", "\uD800", "\u00e9", "\U0001F600", "--help", "-", "--", "@x", "[red]", "[/]", "{0}", "%s%n",
        "00:00:00", "-00:00:01", "24855.00:00:00", "1.00:00:00", "2026-13-45", "2026-11-28T00:00:00Z",
        "0123456789abcdef", "ffffffffffffffff", "g123456789abcdef", "a-b_c", "north-gate", "differential-privacy", "none", "suppression", "true", "false",
        "edgesensor/a/0123456789abcdef/report", "01 02 03", "0100", new string('x', 5000), new string('9', 400),
    ];

    // Connection strings that parse but can never reach a server, or do not parse: the loopback's port 1 (refused at
    // once), a unix socket folder that does not exist, bad numbers, markup in the password. No host name that would
    // need a DNS lookup, so every run ends in milliseconds.
    private static readonly string[] s_postgresValues =
    [
        "Host=127.0.0.1;Port=1;Username=u;Database=d", "Host=127.0.0.1;Port=1;Timeout=1;Password=[red]{0}", "Host=/nonexistent;Username=u",
        "Host=127.0.0.1;Port=99999", "Host=127.0.0.1;Port=-1", "Timeout=-5", "Host=127.0.0.1;Port=1;SSL Mode=Require", "Keepalive=x",
        "Host=127.0.0.1;Port=1;Database=a\nb", "Host", ";;;", "=", "Host=127.0.0.1;Port=1;Unknown Keyword=1",
    ];

    // Listen addresses for --metrics: loopback ports (freed when the run ends), other families and malformed ones.
    private static readonly string[] s_metricsValues = ["0", "127.0.0.1:0", "127.0.0.1:65535", "[::1]:9464", "::1:9464", "localhost:x", "0.0.0.0:", ":9464", "10.255.255.1:9464"];

    private sealed record Command(string[] Words, string[] Options, string[] PathOptions, bool DeviceArgument, bool Network, string[] Required);

    private static readonly string[] s_bundleOptions =
    [
        "--broker-host", "--broker-port", "--no-tls", "--mqtt-username", "--wifi-ssid", "--wifi-open", "--i2c-sda-pin", "--i2c-scl-pin", "--tof-xshut-pin",
        "--tof-interrupt-pin", "--pir-pin", "--status-led-pin", "--mount-height", "--timing-budget", "--roi-width", "--roi-height", "--zone0-center",
        "--zone1-center", "--inside-zone", "--pir-hold", "--window", "--disclosure", "--threshold", "--epsilon", "--crossings-per-person",
        "--weaken-privacy", "--force", "--daily-budget", "--release-pir-activity", // the last two were removed: refused with their replacement
    ];

    private static readonly string[] s_bundleRequired = ["--broker-host", "h", "--wifi-ssid", "lab", "--wifi-open"];

    private static readonly Command[] s_commands =
    [
        new(["provision"], ["--site", "-s", .. s_bundleOptions], ["--keystore", "--ca-file", "--mqtt-password-file", "--wifi-password-file"], false, false, ["--site", "r", .. s_bundleRequired]),
        new(["devices", "list"], ["--site", "-s"], ["--keystore"], false, false, []),
        new(["devices", "revoke"], [], ["--keystore"], true, false, []),
        new(["devices", "rotate"], s_bundleOptions, ["--keystore", "--ca-file", "--mqtt-password-file", "--wifi-password-file", "--from"], true, false, s_bundleRequired),
        new(["tail"], ["--count", "-n", "--site", "--device", "--group", "--client-id", "--username", "--tls", "--metrics"], ["--keystore", "--ca-file", "--cert-file", "--key-file"], false, true, []),
        new(["store"], ["--count", "--site", "-s", "--device", "-d", "--group", "-g", "--client-id", "-u", "--tls", "--metrics", "--postgres"], ["--keystore", "--db", "--ca-file", "--cert-file", "--key-file"], false, true, []),
        new(["export"], ["--site", "--device", "--from", "--to", "--force", "--postgres"], ["--db"], false, false, []),
        new(["open"], ["--hex", "--topic"], ["--keystore", "--file", "-f"], false, false, []),
    ];

    [TestMethod]
    public async Task AnyArguments_EndWithAnExitCode_NeverAStackTrace()
    {
        using var cli = new CliHarness();
        cli.Environment["EDGESENSOR_KEYSTORE"] = cli.KeyStorePath; // the default key store is the harness's, never ./
        var (provisioned, provisionOutput) = await cli.RunAsync("provision", "--site", "r", "--broker-host", "h", "--wifi-ssid", "lab", "--wifi-open", "--out", Path.Combine(cli.Directory, "first.json"));
        Assert.AreEqual(ExitCodes.Success, provisioned, provisionOutput);
        string deviceId = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(cli.Directory, "first.json"))).RootElement.GetProperty("deviceId").GetString()!;

        string[] paths =
        [
            cli.KeyStorePath, Path.Combine(cli.Directory, "x.json"), Path.Combine(cli.Directory, "missing", "x"), Path.Combine(cli.Directory, "\n"),
            Path.Combine(cli.Directory, "-5"), Path.Combine(cli.Directory, "reports.db"), cli.Directory, "/dev/zero", "/dev/null", "/", "", "@/dev/zero",
        ];
        var exitCodes = new HashSet<int> { ExitCodes.Success, ExitCodes.Failure, ExitCodes.Usage, ExitCodes.KeyStore, ExitCodes.Broker, ExitCodes.Rejected };
        var seen = new Dictionary<int, int>();
        int outCounter = 0;

        var value = Gen.Frequency((8, Gen.Int[0, s_values.Length - 1].Select(i => s_values[i])), (1, Gen.String[0, 20]));
        var path = Gen.Int[0, paths.Length - 1].Select(i => paths[i]);
        var vectors = Gen.Select(Gen.Int[0, s_commands.Length - 1], Gen.Bool, Gen.Int[0, 1000].Array[0, 6], value.Array[6], path.Array[6], Gen.Int[0, 7].Array[3], (c, required, picks, values, pathValues, network) =>
        {
            Command command = s_commands[c];
            var args = new List<string>(command.Words);
            if (command.DeviceArgument)
            {
                args.Add(picks.Length > 0 && picks[0] % 2 == 0 ? deviceId : values[0]);
            }

            if (required)
            {
                args.AddRange(command.Required);
            }

            string[] all = [.. command.Options, .. command.PathOptions];
            for (int i = 0; i < picks.Length; i++)
            {
                string option = all[picks[i] % all.Length];
                args.Add(option);
                if (command.PathOptions.Contains(option))
                {
                    args.Add(pathValues[i]);
                }
                else if (option is "--postgres" or "--metrics")
                {
                    string[] special = option == "--postgres" ? s_postgresValues : s_metricsValues;
                    args.Add(picks[i] % 2 == 0 ? special[picks[i] / 2 % special.Length] : values[i]);
                }
                else if (option is not ("--no-tls" or "--wifi-open" or "--weaken-privacy" or "--release-pir-activity" or "--force" or "--tls"))
                {
                    args.Add(values[i]);
                }
            }

            if (command.Words[0] is "provision" || command.Words is [_, "rotate"])
            {
                args.AddRange(["--out", Path.Combine(cli.Directory, $"out{Interlocked.Increment(ref outCounter) % 50}.json"), "--force"]);
            }
            else if (command.Words[0] is "export")
            {
                args.AddRange(["--out", Path.Combine(cli.Directory, "export.csv"), "--force"]);
            }
            else if (command.Network)
            {
                // Never a real connection: invalid values fail before connecting, valid ones become port 1 for 20 ms.
                args.AddRange(["--host", "127.0.0.1", "--port", network[0] == 0 ? "-1" : network[0] == 1 ? "65536" : "1"]);
                args.AddRange(["--duration", network[1] == 0 ? "-00:00:01" : network[1] == 1 ? "x" : "00:00:00.02"]);
            }

            return args.ToArray();
        });

        var report = HostileRun.Run("cli", 1_500, vectors, args =>
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var run = cli.RunAsync(args);
            Assert.IsTrue(run.Wait(TimeSpan.FromSeconds(30)), "the tool hung");
            if (started.Elapsed > TimeSpan.FromSeconds(2))
            {
                Console.WriteLine($"slow run ({started.Elapsed.TotalSeconds:0.0} s): {string.Join(" ", args.Select(a => "'" + a.Replace("\n", "\\n", StringComparison.Ordinal) + "'"))}");
            }

            var (code, output) = run.Result;
            Assert.Contains(code, exitCodes, $"exit code {code}: {output}");
            Assert.DoesNotContain("   at ", output, "no stack trace");
            seen[code] = seen.GetValueOrDefault(code) + 1;
        }, args => string.Join(" ", args.Select(a => "'" + a.Replace("\n", "\\n", StringComparison.Ordinal) + "'")));

        Console.WriteLine("cli exit codes: " + string.Join(", ", seen.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}")));
        Assert.IsGreaterThan(2, seen.Count, "the vectors reach more than one outcome");
        Assert.IsLessThan(TimeSpan.FromSeconds(10), report.WorstTime, "worst time of one run");
    }
}
