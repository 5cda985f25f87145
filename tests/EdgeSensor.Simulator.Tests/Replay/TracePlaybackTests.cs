using EdgeSensor.Core.Counting;
using EdgeSensor.Simulator.Replay;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Tests.Replay;

/// <summary>The one trace-to-engine path: settings from metadata, rows then ticks, invalid rows by the engine's rule.</summary>
[TestClass]
public sealed class TracePlaybackTests
{
    [TestMethod]
    public void SettingsFor_TakesTheMetadata_AndTheEngineDefaultsForWhatItLeavesOut()
    {
        var metadata = new TraceMetadata { MountHeightMillimeters = 2700, InsideZone = 0, TimingBudgetMs = 50 };

        CounterSettings settings = TraceReplayer.SettingsFor(metadata);

        Assert.AreEqual(2700, settings.MountHeightMillimeters);
        Assert.AreEqual(0, settings.InsideZone);
        Assert.AreEqual(50, settings.TimingBudgetMilliseconds);
        Assert.AreEqual(new CounterSettings().PirHoldMilliseconds, settings.PirHoldMilliseconds);
        Assert.IsTrue(settings.TofFitted);

        metadata.PirHoldMs = 4000;
        Assert.AreEqual(4000, TraceReplayer.SettingsFor(metadata).PirHoldMilliseconds);
    }

    [TestMethod]
    public void SettingsFor_RejectsMetadataTheEngineRejects()
    {
        Assert.ThrowsExactly<ArgumentException>(() => TraceReplayer.SettingsFor(new TraceMetadata { InsideZone = 5 }));
    }

    [TestMethod]
    public void Replay_CountsInvalidRowsByTheEnginesRule_AStatusZeroRowWithNoDistanceIsInvalid()
    {
        TraceRecord[] rows =
        [
            new(33, TraceKind.Tof, 0, 2400, 0),   // valid
            new(66, TraceKind.Tof, 1, 0, 0),      // status 0 but no distance: the engine does not use it
            new(99, TraceKind.Tof, 0, 2400, 2),   // signal fail
            new(120, TraceKind.Truth, 0, 1, 0),
        ];

        ReplayResult result = TraceReplayer.Run(new Trace(new TraceMetadata(), rows), new ReplayOptions());

        Assert.AreEqual(3, result.TofRows);
        Assert.AreEqual(2, result.InvalidTofRows);
        Assert.AreEqual(1, result.TruthRows);
        Assert.AreEqual(1, result.TruthEntries);
    }

    [TestMethod]
    public void AdvanceTo_DeliversTheRowsDueByATick_BeforeThatTick_AndNeverTheTruth()
    {
        TraceRecord[] rows =
        [
            new(0, TraceKind.Pir, 0, 1, 0),
            new(20, TraceKind.Tof, 0, 2400, 0),
            new(25, TraceKind.Truth, 0, -1, 0),
            new(41, TraceKind.Tof, 1, 2400, 0),
        ];
        var sink = new RecordingSink();
        var playback = new TracePlayback(rows, 20);

        playback.AdvanceTo(40, sink);

        CollectionAssert.AreEqual(new[] { "pir@0", "tick@0", "tof@20", "tick@20", "tick@40" }, sink.Events);
        Assert.AreEqual(1, playback.TruthExits);
        Assert.AreEqual(60, playback.NextTickMs);

        playback.AdvanceTo(60, sink);
        CollectionAssert.AreEqual(new[] { "tof@41", "tick@60" }, sink.Events.Skip(5).ToArray());
    }

    private sealed class RecordingSink : ITraceSink
    {
        public List<string> Events { get; } = [];

        public void OnTof(in TraceRecord row) => Events.Add($"tof@{row.TimeMs}");

        public void OnPir(in TraceRecord row) => Events.Add($"pir@{row.TimeMs}");

        public void OnTick(long timeMs) => Events.Add($"tick@{timeMs}");
    }
}
