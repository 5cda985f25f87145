using System.CommandLine;
using System.Text.Json;
using EdgeSensor.Simulator.Commands;

namespace EdgeSensor.Simulator.Tests.Commands;

/// <summary>
/// The simulator's command line explains itself (issue 10): --help on every command prints usage and exits 0; every bad
/// input is a line in words with a non-zero exit, never a stack trace or a .NET type name; tables fit 80 columns.
/// </summary>
[TestClass]
public sealed class CommandLineTests
{
    public TestContext TestContext { get; set; } = null!;

    /// <summary>Every command path of the tool, from the declarations themselves, so a new command is covered too.</summary>
    private static IEnumerable<object[]> CommandPaths()
    {
        yield return [string.Empty];
        foreach (Command command in SimulatorApp.Build().Subcommands)
        {
            yield return [command.Name];
            foreach (Command sub in command.Subcommands)
            {
                yield return [$"{command.Name} {sub.Name}"];
            }
        }
    }

    [TestMethod]
    [DynamicData(nameof(CommandPaths))]
    public void Help_OnEveryCommand_PrintsUsage_AndExitsZero(string path)
    {
        string[] words = path.Length == 0 ? [] : path.Split(' ');
        foreach (string help in new[] { "--help", "-h" })
        {
            var (code, stdout, stderr) = SimulatorCli.Run([.. words, help]);

            Assert.AreEqual(ExitCodes.Ok, code, $"{path} {help}: {stderr}");
            StringAssert.Contains(stdout, "Usage:", $"{path} {help}");
            StringAssert.Contains(stdout, path.Length == 0 ? "Commands:" : $" {path} ", $"{path} {help}: the usage line names the command");
            StringAssert.Contains(stdout, "--help", $"{path} {help}: the options are listed");
            Assert.AreEqual(string.Empty, stderr, $"{path} {help}");
        }
    }

    [TestMethod]
    public void EveryCommand_IsDeclared()
    {
        CollectionAssert.AreEquivalent(
            new[] { "replay", "trace", "accuracy", "privacy", "scenarios", "run", "plot" },
            SimulatorApp.Build().Subcommands.Select(c => c.Name).ToArray());
    }

    [TestMethod]
    [DataRow("trace --scenario mixed --seed 1 --out OUT --duration 5m", "--duration must be an integer 30..86400, got '5m'")]
    [DataRow("trace --scenario mixed --seed x --out OUT", "--seed must be an integer 0..")]
    [DataRow("trace --scenario mixed --out OUT", "Option '--seed' is required")]
    [DataRow("trace --scenario nowhere --seed 1 --out OUT", "unknown scenario 'nowhere'; known: single-file")]
    [DataRow("replay TRACE --inside-zone 5", "--inside-zone must be an integer 0..1, got '5'")]
    [DataRow("replay TRACE --bogus", "Unrecognized command or argument '--bogus'")]
    [DataRow("replay", "Required argument 'trace.csv' missing")]
    [DataRow("run --devices", "Required argument missing for option: '--devices'")]
    [DataRow("run --devices 100001", "--devices must be an integer 1..100000, got '100001'")]
    [DataRow("run --devices 2.5", "--devices must be an integer 1..100000, got '2.5'")]
    [DataRow("run --minutes 5m", "--minutes must be a number, got '5m'")]
    [DataRow("run --window-seconds 7", "--window-seconds must be an integer 10..3600, got '7'")]
    [DataRow("run --window-seconds 70", "--window-seconds must be 10..3600 and divide 86400")]
    [DataRow("run --disclosure dp:1", "--disclosure dp needs --window-seconds of at least 900")]
    [DataRow("run --disclosure suppress:1", "--disclosure must be none, suppress:<k 2..100> or dp:<epsilon 0.01..10>, got 'suppress:1'")]
    [DataRow("run --speed warp", "--speed must be max or realtime, got 'warp'")]
    [DataRow("run --json=maybe", "Unrecognized command or argument 'maybe'")]
    [DataRow("run --broker host:99999", "--broker must be embedded or host:port, got 'host:99999'")]
    [DataRow("accuracy --seeds 0", "--seeds must be an integer 1..1000, got '0'")]
    [DataRow("accuracy --coverage sideways", "--coverage must be footprint, raster or both, not 'sideways'")]
    [DataRow("accuracy --mount 2500,tall", "'tall' is not one")]
    [DataRow("accuracy --roi 3x8", "--roi must be WxH (SPADs along x across the walking line, each 4..16, e.g. 8x12), optionally @centre0,centre1 (SPADs 0..255), not '3x8'")]
    [DataRow("accuracy --roi 8x17", "--roi must be WxH")]
    [DataRow("accuracy --roi 8by8", "not '8by8'")]
    [DataRow("accuracy --roi 8x8x8", "not '8x8x8'")]
    [DataRow("accuracy --roi 8x-8", "not '8x-8'")]
    [DataRow("accuracy --roi 8x12@167", "not '8x12@167'")]
    [DataRow("accuracy --roi 8x12@167,256", "not '8x12@167,256'")]
    [DataRow("accuracy --roi 10x16", "--roi 10x16: a 10x16 region centred on SPAD 167 (zone 0) leaves the 16x16 array")]
    [DataRow("accuracy --roi 8x8@167,167", "--roi 8x8@167,167: the two zones need different centres")]
    [DataRow("accuracy --roi", "Required argument missing for option: '--roi'")]
    [DataRow("accuracy --traces --help", "--traces needs a value, got the option '--help'")]
    [DataRow("accuracy --scenario --json", "--scenario needs a value, got the option '--json'")]
    [DataRow("run --bundle -h", "--bundle needs a value, got the option '-h'")]
    [DataRow("run --bundle b.json", "--bundle needs --keystore and --site")]
    [DataRow("privacy --write-doc", "Required argument missing for option: '--write-doc'")]
    [DataRow("privacy extra", "Unrecognized command or argument 'extra'")]
    [DataRow("scenarios --all", "Unrecognized command or argument '--all'")]
    [DataRow("frobnicate", "Unrecognized command or argument 'frobnicate'")]
    [DataRow("", "Required command was not provided")]
    public void BadInput_IsALineInWords_WithUsageExitCode_AndNoStackTrace(string commandLine, string expected)
    {
        string folder = Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string trace = Path.Combine(folder, "t.csv");
        File.WriteAllText(trace, "t_ms,kind,channel,value,status\n0,pir,0,1,0\n");
        string[] args = [.. commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a switch { "OUT" => Path.Combine(folder, "out.csv"), "TRACE" => trace, _ => a })];

        var (code, stdout, stderr) = SimulatorCli.Run(args);

        Assert.AreEqual(ExitCodes.Usage, code, stderr);
        StringAssert.Contains(stderr, expected);
        StringAssert.Contains(stderr, "usage: ");
        Assert.AreEqual(string.Empty, stdout, "nothing but the error");
        Assert.DoesNotContain("   at ", stderr, "no stack trace");
        Assert.DoesNotContain("Exception", stderr);
        Assert.DoesNotContain("System.", stderr, "no .NET type name");
        Assert.IsFalse(File.Exists(Path.Combine(folder, "out.csv")), "nothing written");
        Assert.IsFalse(Directory.Exists("--help"), "an option is never taken as a folder name");
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public void RunTable_FitsEightyColumns()
    {
        var (code, stdout, stderr) = SimulatorCli.Run("run", "--devices", "3", "--minutes", "3");

        Assert.AreEqual(ExitCodes.Ok, code, stderr);
        string[] lines = stdout.ReplaceLineEndings("\n").Split('\n');
        Assert.IsGreaterThan(8, lines.Length, stdout);
        foreach (string line in lines)
        {
            Assert.IsLessThanOrEqualTo(80, line.Length, $"wider than 80 columns: '{line}'");
        }
    }

    [TestMethod]
    public void Scenarios_FitEightyColumns_AndNameEveryScenario()
    {
        var (code, stdout, _) = SimulatorCli.Run("scenarios");

        Assert.AreEqual(ExitCodes.Ok, code);
        foreach (string line in stdout.ReplaceLineEndings("\n").Split('\n'))
        {
            Assert.IsLessThanOrEqualTo(80, line.Length, $"wider than 80 columns: '{line}'");
        }

        foreach (string name in EdgeSensor.Simulator.Scenarios.ScenarioSuite.Names)
        {
            Assert.Contains($"{name} ", stdout);
        }
    }

    [TestMethod]
    [DataRow("none", "--disclosure none releases every count as counted")]
    [DataRow("suppress:3", "--disclosure suppress:3 releases counts from 3 on")]
    [DataRow("dp:2", "--disclosure dp:2 is above 1 per person per 24 h")]
    public void WeakerDisclosure_NeedsWeakenPrivacy_AndIsWarnedOnStandardError(string disclosure, string reason)
    {
        string[] run = ["run", "--devices", "1", "--minutes", "1", "--window-seconds", disclosure.StartsWith("dp", StringComparison.Ordinal) ? "900" : "60", "--disclosure", disclosure];

        var (code, stdout, stderr) = SimulatorCli.Run(run);
        Assert.AreEqual(ExitCodes.Usage, code, stderr);
        StringAssert.Contains(stderr, reason);
        StringAssert.Contains(stderr, "pass --weaken-privacy to confirm");
        Assert.AreEqual(string.Empty, stdout, "nothing ran");

        (code, stdout, stderr) = SimulatorCli.Run([.. run, "--weaken-privacy"]);
        Assert.AreEqual(ExitCodes.Ok, code, stderr);
        StringAssert.StartsWith(stderr, "Warning: ");
        StringAssert.Contains(stderr, reason);
        Assert.DoesNotContain("Warning", stdout, "the warning goes to standard error only");
    }

    [TestMethod]
    [DataRow("suppress:5")]
    [DataRow("suppress:20")]
    [DataRow("dp:0.5")]
    public void AsPrivateAsTheDefaultOrMore_NeedsNoConfirmation(string disclosure)
    {
        string window = disclosure.StartsWith("dp", StringComparison.Ordinal) ? "900" : "60";
        var (code, _, stderr) = SimulatorCli.Run("run", "--devices", "1", "--minutes", "1", "--window-seconds", window, "--disclosure", disclosure);

        Assert.AreEqual(ExitCodes.Ok, code, stderr);
        Assert.DoesNotContain("Warning", stderr);
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public void Run_ByDefault_SuppressesSmallCounts()
    {
        var (code, stdout, stderr) = SimulatorCli.Run("run", "--devices", "2", "--minutes", "3", "--seed", "4", "--json");

        Assert.AreEqual(ExitCodes.Ok, code, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.AreEqual("suppress:5", doc.RootElement.GetProperty("disclosure").GetString());
        Assert.IsGreaterThan(0, doc.RootElement.GetProperty("devices").EnumerateArray().Sum(d => d.GetProperty("suppressedReports").GetInt32()),
            "one-minute windows of this crowd hold counts under 5");
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public void Run_DifferentialPrivacy_IsTheDevicesPersonLevelMode()
    {
        var (code, stdout, stderr) = SimulatorCli.Run("run", "--devices", "1", "--minutes", "30", "--window-seconds", "900", "--disclosure", "dp:1", "--json");

        Assert.AreEqual(ExitCodes.Ok, code, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement device = doc.RootElement.GetProperty("devices")[0];
        Assert.AreEqual(2, device.GetProperty("opened").GetInt32());
        Assert.AreEqual(2, device.GetProperty("noisedReports").GetInt32(), "every window is a noised cell (mode 3, person-level)");
    }
}
