using EdgeSensor.Simulator.Replay;
using EdgeSensor.Simulator.Scenarios;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Tests.Fleet;

/// <summary>A streamed trace is the generated trace, row for row, and holds only the rows not yet played.</summary>
[TestClass]
public sealed class StreamedTraceTests
{
    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void EveryScenario_StreamsTheRowsItGenerates_InTheSameOrder()
    {
        foreach (ScenarioDefinition scenario in ScenarioSuite.All)
        {
            foreach (ulong seed in new ulong[] { 1, 1007 })
            {
                Trace whole = ScenarioRunner.Generate(scenario, seed);
                TraceRecord[] streamed = [.. ScenarioRunner.Stream(scenario, seed)];

                CollectionAssert.AreEqual(whole.Records.ToArray(), streamed, $"{scenario.Name}, seed {seed}");
                CollectionAssert.AreEqual(whole.Metadata.Entries.ToArray(), ScenarioRunner.Stream(scenario, seed).Metadata.Entries.ToArray());
            }
        }
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void HoursLong_TheStreamedSceneGivesTheWholeScenesRows_HoldingOnlyThePeoplePresent()
    {
        ScenarioSuite.TryGet("mixed", out ScenarioDefinition mixed);
        ScenarioDefinition scenario = mixed with { DurationSeconds = 2 * 3600 };
        Trace whole = ScenarioRunner.Generate(scenario, 77);
        StreamedTrace streamed = ScenarioRunner.Stream(scenario, 77);
        int mostPeople = 0, rows = 0;
        foreach (TraceRecord row in streamed)
        {
            Assert.AreEqual(whole.Records[rows], row, $"row {rows}");
            rows++;
            mostPeople = Math.Max(mostPeople, streamed.PeopleHeld);
        }

        Assert.AreEqual(whole.Records.Count, rows);
        int persons = int.Parse(whole.Metadata["persons"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.IsTrue(persons > 500, $"two busy hours, {persons} people");
        Assert.IsTrue(mostPeople < persons / 10, $"held at most {mostPeople} of {persons} people at once");
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public void PlayedInSteps_ItDeliversWhatTheWholeTraceDelivers_HoldingOneStepsRows()
    {
        ScenarioSuite.TryGet("mixed", out ScenarioDefinition mixed);
        ScenarioDefinition scenario = mixed with { DurationSeconds = 1200 };
        Trace whole = ScenarioRunner.Generate(scenario, 5);
        var wholeSink = new RecordingSink();
        new TracePlayback(whole.Records, 20).AdvanceTo(1_200_000, wholeSink);

        StreamedTrace streamed = ScenarioRunner.Stream(scenario, 5);
        var playback = new TracePlayback(streamed, 20);
        var streamedSink = new RecordingSink();
        int mostHeld = 0;
        for (long until = 1000; until <= 1_200_000; until += 1000)
        {
            streamed.FillThrough(until, playback.NextTickMs - playback.TickMs);
            mostHeld = Math.Max(mostHeld, streamed.Held);
            playback.AdvanceTo(until, streamedSink);
        }

        CollectionAssert.AreEqual(wholeSink.Rows, streamedSink.Rows);
        Assert.AreEqual(wholeSink.Ticks, streamedSink.Ticks);
        Assert.IsTrue(playback.TruthEntries + playback.TruthExits > 100, "people crossed");
        Assert.IsTrue(streamed.Ended);
        Assert.IsTrue(mostHeld < 200, $"one second holds about 30 ToF rows, held {mostHeld}");
    }

    private sealed class RecordingSink : ITraceSink
    {
        public List<TraceRecord> Rows { get; } = [];

        public int Ticks { get; private set; }

        public void OnTof(in TraceRecord row) => Rows.Add(row);

        public void OnPir(in TraceRecord row) => Rows.Add(row);

        public void OnTick(long timeMs) => Ticks++;
    }
}
