using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, children at a high mount (raster model, 3.0 m): a child's blend reaches past the enter threshold on a reading
/// or two in each zone and stays a little short of it otherwise, so each zone's target is long but its core (the readings
/// nearer than the threshold) is one reading. One reading has no spread, so the two targets looked flat at the same
/// distance, like a door leaf, and the child was refused. Flatness needs several core readings in each zone.
/// </summary>
[TestClass]
public sealed class RchildThinCoreSceneTests
{
    private const int FloorMm = 2950;
    private const int Sigma = 40;
    private const int HalfPeriodMs = 35;

    [TestMethod]
    public void FaintChildWithOneCoreReadingPerZone_IsCounted()
    {
        var run = new CounterZoneScript(3000, FloorMm, Sigma, HalfPeriodMs, seed: 11);
        run.Floor(4000);
        run.Both(1, 215, 0);
        run.Both(4, 125, 0);
        run.Both(2, 125, 125);
        run.Both(1, 0, 215);
        run.Both(4, 0, 125);
        run.Floor(3000);
        Assert.AreEqual(1, run.Counter.Exits, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Entries, CounterHarness.Describe(run.Counter));
    }

    // A leaf's edge held flat over many core readings in both zones at the same distance is still a door.
    [TestMethod]
    public void FlatTargetsWithManyCoreReadingsInBothZones_AreADoor()
    {
        var run = new CounterZoneScript(3000, FloorMm, Sigma, HalfPeriodMs, seed: 11);
        run.Floor(4000);
        run.Both(6, 260, 0);
        run.Both(2, 260, 260);
        run.Both(6, 0, 260);
        run.Floor(3000);
        Assert.AreEqual(0, run.Counter.Entries + run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }
}
