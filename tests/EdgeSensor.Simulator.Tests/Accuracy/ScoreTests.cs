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

    // Channels of simulated truth rows: 0 adult, 1 child. Counts come ~400 ms after their person (docs/accuracy.md).
    private static TraceRecord Entry(long ms, int group) => new(ms, TraceKind.Truth, group, 1, 0);

    // Walkers alone, each counted 400 ms after its truth row: what tells the matcher how late a count comes.
    private static readonly TraceRecord[] LoneWalkers = [Entry(10_000, 0), Entry(20_000, 0), Entry(30_000, 0)];
    private static readonly CountedCrossing[] LoneCounts = [new(10_400, 1), new(20_400, 1), new(30_400, 1)];

    [TestMethod]
    public void EventMatching_ChargesTheMissToTheChildBetweenTwoCountedAdults()
    {
        // Adult, child 1 s behind, adult 1 s behind that; the counter counted both adults (each 400 ms late). Taking the
        // truth rows in order and the nearest free count, the child would get the second adult's count (1.4 s away) and
        // the second adult the miss.
        TraceRecord[] truth = [.. LoneWalkers, Entry(100_000, 0), Entry(101_000, 1), Entry(102_000, 0)];
        CountedCrossing[] counted = [.. LoneCounts, new(100_400, 1), new(102_400, 1)];
        var missedByGroup = new int[2];
        Score.MatchEvents(truth, counted, out int missed, out int falseCounts, out _, out var missedTruths, missedByGroup);

        Assert.AreEqual(1, missed);
        Assert.AreEqual(0, falseCounts);
        CollectionAssert.AreEqual(new[] { 0, 1 }, missedByGroup, "the child is the one missed");
        Assert.AreEqual(101_000, missedTruths.Single().TimeMs);
    }

    [TestMethod]
    public void EventMatching_ChargesTheMissToTheChildJustBehindACountedAdult()
    {
        // A child 600 ms behind an adult; one count, 400 ms after the adult. Nearest in time it is the child's (200 ms
        // against 400 ms), but a count comes ~400 ms after its person: it is the adult's.
        TraceRecord[] truth = [.. LoneWalkers, Entry(200_000, 0), Entry(200_600, 1)];
        CountedCrossing[] counted = [.. LoneCounts, new(200_400, 1)];
        var missedByGroup = new int[2];
        Score.MatchEvents(truth, counted, out int missed, out _, out _, out _, missedByGroup);

        Assert.AreEqual(1, missed);
        CollectionAssert.AreEqual(new[] { 0, 1 }, missedByGroup);
    }

    [TestMethod]
    public void EventMatching_MatchesAsManyAsTheToleranceAllows()
    {
        // Taken in truth order, the entry at 10 s would grab the count at 11 s (nearer than the one at 8.1 s), leaving the
        // entry at 12.9 s none within 2 s: one miss and one false count where two matches exist.
        TraceRecord[] truth = [Entry(10_000, 0), Entry(12_900, 0)];
        CountedCrossing[] counted = [new(8_100, 1), new(11_000, 1)];
        Score.MatchEvents(truth, counted, out int missed, out int falseCounts);

        Assert.AreEqual(0, missed);
        Assert.AreEqual(0, falseCounts);
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
