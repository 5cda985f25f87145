using System.Text.Json;
using EdgeSensor.Simulator.Commands;
using EdgeSensor.Simulator.Replay;
using EdgeSensor.Simulator.Scenarios;

namespace EdgeSensor.Simulator.Tests.Commands;

[TestClass]
public sealed class ReplayCommandTests
{
    public TestContext TestContext { get; set; } = null!;

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "traces", name);

    private static (int Code, string Out, string Err) Run(params string[] args) => SimulatorCli.Run(args);

    private string Temp(string content) => SimulatorCli.TempFile(TestContext, content, ".csv");

    [TestMethod]
    public void JsonHasTheIntegerFieldsScorersRelyOn()
    {
        var (code, stdout, stderr) = Run("replay", Fixture("single-file-60s-seed1.csv"), "--json");
        Assert.AreEqual(0, code, stderr);
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, lines, "exactly one JSON object on stdout");
        using JsonDocument doc = JsonDocument.Parse(lines[0]);
        foreach (string field in new[] { "entries", "exits", "truthEntries", "truthExits" })
        {
            Assert.IsTrue(doc.RootElement.TryGetProperty(field, out JsonElement e), field);
            Assert.AreEqual(JsonValueKind.Number, e.ValueKind, field);
            Assert.IsTrue(e.TryGetInt32(out _), $"{field} is an integer");
        }

        Assert.IsGreaterThan(0, doc.RootElement.GetProperty("truthEntries").GetInt32() + doc.RootElement.GetProperty("truthExits").GetInt32());
        Assert.AreEqual("Calibrated", doc.RootElement.GetProperty("calibration").GetString());
    }

    [TestMethod]
    public void HandMadeFixtureCountsOneEntry()
    {
        var (code, stdout, stderr) = Run("replay", Fixture("one-entry.csv"), "--json", "--events");
        Assert.AreEqual(0, code, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.AreEqual(1, doc.RootElement.GetProperty("truthEntries").GetInt32());
        Assert.AreEqual(0, doc.RootElement.GetProperty("truthExits").GetInt32());
        Assert.AreEqual(1, doc.RootElement.GetProperty("entries").GetInt32(), stdout);
        Assert.AreEqual(0, doc.RootElement.GetProperty("exits").GetInt32(), stdout);
        Assert.AreEqual(1, doc.RootElement.GetProperty("crossings").GetArrayLength());
    }

    [TestMethod]
    public void InsideZoneSwapsEntriesAndExits()
    {
        var (_, normal, _) = Run("replay", Fixture("one-entry.csv"), "--json");
        var (code, swapped, stderr) = Run("replay", Fixture("one-entry.csv"), "--json", "--inside-zone", "0");
        Assert.AreEqual(0, code, stderr);
        using JsonDocument a = JsonDocument.Parse(normal), b = JsonDocument.Parse(swapped);
        Assert.AreEqual(a.RootElement.GetProperty("entries").GetInt32(), b.RootElement.GetProperty("exits").GetInt32());
        Assert.AreEqual(a.RootElement.GetProperty("exits").GetInt32(), b.RootElement.GetProperty("entries").GetInt32());
    }

    [TestMethod]
    public void TruthRowsNeverReachTheEngine()
    {
        // Only truth rows: the engine sees no sensor data and must count nothing.
        string path = Temp("t_ms,kind,channel,value,status\n1000,truth,0,1,0\n2000,truth,0,-1,0\n3000,truth,0,1,0\n");
        var (code, stdout, stderr) = Run("replay", path, "--json");
        Assert.AreEqual(0, code, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.AreEqual(0, doc.RootElement.GetProperty("entries").GetInt32());
        Assert.AreEqual(0, doc.RootElement.GetProperty("exits").GetInt32());
        Assert.AreEqual(2, doc.RootElement.GetProperty("truthEntries").GetInt32());
        Assert.AreEqual(1, doc.RootElement.GetProperty("truthExits").GetInt32());
    }

    [TestMethod]
    [DataRow("t_ms,kind,channel,value,status\n0,tof,0,2400,0\n5,tof,1,abc,0\n", 3, DisplayName = "bad value")]
    [DataRow("# zones: 4\nt_ms,kind,channel,value,status\n", 1, DisplayName = "bad metadata")]
    [DataRow("0,tof,0,2400,0\n", 1, DisplayName = "no header")]
    [DataRow("t_ms,kind,channel,value,status\n9,pir,0,1,0\n3,pir,0,0,0\n", 3, DisplayName = "out of order")]
    [DataRow("t_ms,kind,channel,value,status\n0,sonar,0,1,0\n", 2, DisplayName = "unknown kind")]
    public void MalformedTraceFailsNamingTheLine(string content, int line)
    {
        string path = Temp(content);
        var (code, stdout, stderr) = Run("replay", path, "--json");
        Assert.AreEqual(1, code);
        Assert.AreEqual(string.Empty, stdout, "no JSON for a bad trace");
        StringAssert.Contains(stderr, $"line {line}:");
    }

    [TestMethod]
    public void MissingFileAndBadUsageFail()
    {
        Assert.AreEqual(1, Run("replay", "/nonexistent/trace.csv", "--json").Code);
        Assert.AreEqual(2, Run("replay").Code);
        Assert.AreEqual(2, Run("replay", Fixture("one-entry.csv"), "--bogus").Code);
        Assert.AreEqual(2, Run("replay", Fixture("one-entry.csv"), "--inside-zone", "5").Code);
        Assert.AreEqual(2, Run("frobnicate").Code);
    }

    [TestMethod]
    public void TraceCommandWritesAReplayableTrace()
    {
        string path = Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), $"{Guid.NewGuid():N}.csv");
        var (code, _, stderr) = Run("trace", "--scenario", "inclusive-child", "--seed", "4", "--out", path);
        Assert.AreEqual(0, code, stderr);
        var (replayCode, stdout, _) = Run("replay", path, "--json");
        Assert.AreEqual(0, replayCode);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.IsGreaterThan(10, doc.RootElement.GetProperty("truthEntries").GetInt32() + doc.RootElement.GetProperty("truthExits").GetInt32());
        // The file replayed by the command counts exactly what the in-memory replay (used by `accuracy`) counts.
        Assert.IsTrue(ScenarioSuite.TryGet("inclusive-child", out var scenario));
        var memory = TraceReplayer.Run(ScenarioRunner.Generate(scenario, 4), new ReplayOptions());
        Assert.AreEqual(memory.Entries, doc.RootElement.GetProperty("entries").GetInt32());
        Assert.AreEqual(memory.Exits, doc.RootElement.GetProperty("exits").GetInt32());
        Assert.AreEqual(memory.TruthEntries, doc.RootElement.GetProperty("truthEntries").GetInt32());
        Assert.AreEqual(2, Run("trace", "--scenario", "no-such", "--seed", "1", "--out", path).Code);
        Assert.AreEqual(2, Run("trace", "--scenario", "mixed", "--out", path).Code);
    }

    [TestMethod]
    public void AccuracyCommandPrintsTheTableAndChecksGoals()
    {
        var (code, stdout, stderr) = Run("accuracy", "--seeds", "1", "--scenario", "single-file", "--scenario", "turn-back", "--coverage", "both", "--mount", "2500");
        Assert.AreEqual(0, code, stderr);
        StringAssert.Contains(stdout, "| scenario | footprint 2.5 m | raster 2.5 m |");
        StringAssert.Contains(stdout, "| footprint 2.5 m | single-file | 1 |");
        StringAssert.Contains(stdout, "| raster 2.5 m | turn-back | 1 |");
        StringAssert.Contains(stdout, "| single-file >= 99% |");
        StringAssert.Contains(stdout, "| tailgating (0.5 s) >= 97% | not run | not run |");
        var (jsonCode, json, _) = Run("accuracy", "--seeds", "1", "--scenario", "single-file", "--coverage", "raster", "--mount", "2200,3200", "--timing-budget", "33", "--json");
        Assert.AreEqual(0, jsonCode);
        using JsonDocument doc = JsonDocument.Parse(json);
        Assert.AreEqual(2, doc.RootElement.GetArrayLength(), "one entry per variant (a fixed budget: no sweep)");
        Assert.AreEqual("raster", doc.RootElement[1].GetProperty("coverage").GetString());
        Assert.AreEqual(3200, doc.RootElement[1].GetProperty("mountHeightMm").GetInt32());
        Assert.AreEqual("single-file", doc.RootElement[0].GetProperty("scenarios")[0].GetProperty("scenario").GetString());
        string errors = Path.Combine(Path.GetTempPath(), $"edgesensor-errors-{Guid.NewGuid():N}.csv");
        try
        {
            var (errorsCode, _, errorsErr) = Run("accuracy", "--seeds", "1", "--scenario", "side-by-side", "--coverage", "footprint", "--mount", "2500", "--errors", errors);
            Assert.AreEqual(0, errorsCode, errorsErr);
            StringAssert.Contains(errorsErr, "errors: " + errors);
            string[] lines = File.ReadAllLines(errors);
            Assert.AreEqual("trace,variant,scenario,seed,time_ms,error,direction,group,nearest_other_ms,zone0_dip_sigma,zone1_dip_sigma", lines[0]);
            // Two people abreast look like one to two zones along the line: one of each pair is always missed.
            Assert.IsGreaterThan(1, lines.Length, "side-by-side pairs are listed");
            Assert.IsTrue(lines.Skip(1).All(l => l.StartsWith("side-by-side-footprint-2500mm-seed1.csv,footprint 2.5 m,side-by-side,1,", StringComparison.Ordinal)), string.Join(" | ", lines));
            Assert.IsTrue(lines.Skip(1).Any(l => l.Contains(",missed,", StringComparison.Ordinal)), string.Join(" | ", lines));
            // The one of a pair abreast who is missed walked under the sensor in plain view: far above the floor noise in both zones.
            foreach (string[] miss in lines.Skip(1).Select(l => l.Split(',')).Where(f => f[5] == "missed"))
            {
                Assert.IsGreaterThan(5.0, double.Parse(miss[9], System.Globalization.CultureInfo.InvariantCulture), string.Join(",", miss));
                Assert.IsGreaterThan(5.0, double.Parse(miss[10], System.Globalization.CultureInfo.InvariantCulture), string.Join(",", miss));
            }
        }
        finally
        {
            File.Delete(errors);
        }

        Assert.AreEqual(2, Run("accuracy", "--errors", Path.GetTempPath()).Code, "a folder is refused before the run");
        Assert.AreEqual(2, Run("accuracy", "--seeds", "0").Code);
        Assert.AreEqual(2, Run("accuracy", "--coverage", "rays").Code);
        Assert.AreEqual(2, Run("accuracy", "--mount", "2500,9000").Code);
        Assert.AreEqual(2, Run("accuracy", "--mount", "2500", "--mount-height", "2500").Code);
        Assert.AreEqual(2, Run("accuracy", "--scenario", "nope").Code);
    }

    [TestMethod]
    public void IgnoringTofReplaysAsAPirOnlyDevice()
    {
        var (code, stdout, stderr) = Run("replay", Fixture("single-file-60s-seed1.csv"), "--json", "--ignore-tof");
        Assert.AreEqual(0, code, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.AreEqual("PirOnly", doc.RootElement.GetProperty("calibration").GetString());
        Assert.AreEqual(0, doc.RootElement.GetProperty("entries").GetInt32() + doc.RootElement.GetProperty("exits").GetInt32());
        Assert.IsGreaterThan(0, doc.RootElement.GetProperty("pirRows").GetInt32());
    }

    [TestMethod]
    public void TraceOptionsReachTheMetadata()
    {
        string path = Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), $"{Guid.NewGuid():N}.csv");
        var (code, _, stderr) = Run("trace", "--scenario", "single-file", "--seed", "2", "--duration", "40",
            "--mount-height", "3000", "--timing-budget", "50", "--out", path);
        Assert.AreEqual(0, code, stderr);
        var trace = EdgeSensor.Simulator.Traces.TraceReader.ReadFile(path);
        Assert.AreEqual(3000, trace.Metadata.MountHeightMillimeters);
        Assert.AreEqual(50, trace.Metadata.TimingBudgetMs);
        // 50 ms budget + 2 ms switching per measurement; the empty floor reads about 3000 mm.
        var tof = trace.Records.Where(r => r.Kind == EdgeSensor.Simulator.Traces.TraceKind.Tof).Take(20).ToArray();
        Assert.AreEqual(52, tof[1].TimeMs - tof[0].TimeMs);
        Assert.AreEqual(3000, tof.Where(r => r.Status == 0).Average(r => r.Value), 40);
        Assert.AreEqual(2, Run("trace", "--scenario", "mixed", "--seed", "1", "--out", path, "--mount-height", "9000").Code);
    }
}
