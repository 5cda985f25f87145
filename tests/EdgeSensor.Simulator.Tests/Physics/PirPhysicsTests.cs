using EdgeSensor.Simulator.Randomness;
using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Sensors;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Tests.Physics;

[TestClass]
public sealed class PirPhysicsTests
{
    private static readonly PirSensorOptions Options = new() { HoldMs = 2000, BlockMs = 2500, WarmUpMs = 0, FalseTriggersPerHour = 0 };

    private static List<TraceRecord> Run(Scene scene, PirSensorOptions options)
    {
        var rows = new List<TraceRecord>();
        new PirSensorModel(options).Sample(scene, new Rng(1), rows);
        return rows;
    }

    [TestMethod]
    public void OutputHoldsAfterLastMotionThenFalls()
    {
        // Walks 3000 mm at 1 m/s from 1 s to 4 s; the cone radius at 1 m is 1400·tan 50° ≈ 1668 mm, so motion is
        // seen from about 1.33 s (x = -1668) to 4 s (x = +1500, still inside, then the walk ends).
        Scene scene = TestScenes.Of(12_000, TestScenes.Walking(1, TestScenes.Block(1700), -2000, 1000, 1000, 4000));
        List<TraceRecord> rows = Run(scene, Options);
        Assert.AreEqual(new TraceRecord(0, TraceKind.Pir, 0, 0, 0), rows[0]);
        Assert.HasCount(3, rows, string.Join(";", rows));
        Assert.AreEqual(1, rows[1].Value);
        Assert.AreEqual(1350, rows[1].TimeMs, 50, "rises when the walker enters the cone");
        Assert.AreEqual(0, rows[2].Value);
        Assert.AreEqual(4000 + 2000, rows[2].TimeMs, 60, "falls one hold time after the last motion");
    }

    [TestMethod]
    public void MotionDuringBlockTimeIsIgnored()
    {
        // A second walker moves under the sensor 1 s after the output fell: blocked (2.5 s), so it rises only when the block ends.
        Scene scene = TestScenes.Of(20_000,
            TestScenes.Walking(1, TestScenes.Block(1700), -1000, 1000, 1000, 3000),
            TestScenes.Walking(2, TestScenes.Block(1700), -1500, 1500, 6000, 12_000));
        List<TraceRecord> rows = Run(scene, Options);
        long fell = rows.First(r => r.Value == 0 && r.TimeMs > 0).TimeMs;
        Assert.AreEqual(5000, fell, 60);
        TraceRecord rise = rows.First(r => r.TimeMs > fell && r.Value == 1);
        Assert.AreEqual(fell + 2500, rise.TimeMs, 60, "re-triggers only when the block time is over");
    }

    [TestMethod]
    public void WarmUpIsErraticAndFalseTriggersHappenAtTheirRate()
    {
        Scene empty = TestScenes.Of(3_600_000);
        List<TraceRecord> rows = Run(empty, Options with { WarmUpMs = 20_000, FalseTriggersPerHour = 60 });
        int warmEdges = rows.Count(r => r.TimeMs > 0 && r.TimeMs < 20_000);
        Assert.IsGreaterThan(3, warmEdges, "toggles during warm-up");
        int rises = rows.Count(r => r.TimeMs > 22_000 && r.Value == 1);
        Assert.IsInRange(35, 90, rises, "about 60 false triggers in an hour");
    }
}
