using EdgeSensor.Simulator.Accuracy;
using EdgeSensor.Simulator.Replay;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Tests.Accuracy;

[TestClass]
public sealed class ScoreTests
{
    [TestMethod]
    [DataRow(100, 100, 1.0)]
    [DataRow(99, 100, 0.99)]
    [DataRow(101, 100, 0.99)]
    [DataRow(0, 100, 0.0)]
    [DataRow(300, 100, 0.0)]
    public void DirectionAccuracyIsOneMinusRelativeError(int counted, int truth, double expected) =>
        Assert.AreEqual(expected, Score.DirectionAccuracy(counted, truth)!.Value, 1e-12);

    [TestMethod]
    public void NoTruthMeansNoAccuracy()
    {
        Assert.IsNull(Score.DirectionAccuracy(3, 0));
        Assert.IsNull(Score.CombinedAccuracy(1, 0, 2, 0));
        Assert.AreEqual(0.5, Score.CombinedAccuracy(3, 2, 1, 2)!.Value, 1e-12, "(|3-2| + |1-2|) / 4 off");
    }

    [TestMethod]
    public void EventMatchingChargesOffsettingErrors()
    {
        TraceRecord[] truth =
        [
            new(10_000, TraceKind.Truth, 0, 1, 0),
            new(20_000, TraceKind.Truth, 0, 1, 0),
            new(30_000, TraceKind.Truth, 0, -1, 0),
        ];
        CountedCrossing[] counted =
        [
            new(10_400, 1),   // matches the first entry
            new(25_000, 1),   // 5 s after the second entry: too late, a false count (and the entry is missed)
            new(30_100, -1),  // matches the exit
            new(30_200, 1),   // no entry near: false
        ];
        Score.MatchEvents(truth, counted, out int missed, out int falseCounts);
        Assert.AreEqual(1, missed);
        Assert.AreEqual(2, falseCounts);
        // Count accuracy does not see the late one: entries 3 counted for 2 true.
        Assert.AreEqual(0.5, Score.DirectionAccuracy(3, 2)!.Value, 1e-12);
    }

    [TestMethod]
    public void ErrorEvents_TellALateCountFromAnAbsentOne()
    {
        TraceRecord[] truth =
        [
            new(10_000, TraceKind.Truth, 2, 1, 0),   // a wheelchair user's entry, counted 3.5 s late
            new(40_000, TraceKind.Truth, 1, -1, 0),  // a child's exit, never counted
        ];
        CountedCrossing[] counted = [new(13_500, 1), new(60_000, -1)];
        Score.MatchEvents(truth, counted, out int missed, out int falseCounts, out var unmatched, out var missedTruths, null);

        var errors = ErrorEvent.Of("t.csv", "raster 2.5 m", "mixed", 7, missedTruths, unmatched, _ => Population.PopulationGroup.Adult).ToList();

        Assert.AreEqual(missed + falseCounts, errors.Count);
        ErrorEvent lateMiss = errors.Single(e => e.IsMiss && e.TimeMs == 10_000);
        Assert.AreEqual(3_500, lateMiss.NearestCountOffsetMs, "the late count is named with its delay");
        Assert.AreEqual(Population.PopulationGroup.Wheelchair, lateMiss.Group, "a miss belongs to its truth row's group");
        Assert.IsNull(errors.Single(e => e.IsMiss && e.TimeMs == 40_000).NearestCountOffsetMs, "the exit 20 s away is no late count of it");
        Assert.AreEqual(-3_500, errors.Single(e => !e.IsMiss && e.TimeMs == 13_500).NearestCountOffsetMs);
        Assert.AreEqual("t.csv,raster 2.5 m,mixed,7,10000,missed,entry,wheelchair,3500,,", lateMiss.ToCsv(), "no visibility given: its columns stay empty");
        Assert.AreEqual(ErrorEvent.CsvHeader.Split(',').Length, lateMiss.ToCsv().Split(',').Length);
    }

    [TestMethod]
    public void AccuracyRunnerTalliesTheSuite()
    {
        Assert.IsTrue(EdgeSensor.Simulator.Scenarios.ScenarioSuite.TryGet("turn-back", out var turnBack));
        ScenarioTally t = AccuracyRunner.Run([turnBack with { DurationSeconds = 120 }], [9])[0];
        Assert.AreEqual(1, t.Runs);
        Assert.AreEqual(0, t.TruthEntries + t.TruthExits);
        Assert.IsGreaterThan(3, t.TurnBackEvents);
        Assert.AreEqual(t.Entries + t.Exits, t.FalseCounts, "in a turn-back-only scene every count is false");
        Assert.AreEqual(t.Missed + t.FalseCounts, t.Errors.Count, "every error is listed");
        Assert.IsTrue(t.Errors.All(e => !e.IsMiss && e.Trace == "turn-back-seed9.csv"));
        var variant = new VariantTally(EdgeSensor.Simulator.Scenarios.SimulationVariant.Reference, [t]);
        string report = AccuracyReport.ToMarkdown(new AccuracyRunResult([variant], [], 1, 9, EngineStamp.Unknown));
        StringAssert.Contains(report, "| footprint (reference bodies) | turn-back | 1 |");
    }
}
