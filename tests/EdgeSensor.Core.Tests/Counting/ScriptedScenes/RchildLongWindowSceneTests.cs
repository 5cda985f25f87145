using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, children under a 2.8-3.0 m mount on the blending (raster) model: the faintest children read about 2 sigma of
/// the floor noise nearer than the floor for their whole passage of a zone, never three readings in a row at the weak
/// depth (2.5 sigma) the short window needs. Six readings averaging 1.75 sigma are as unlikely by chance as three at 2.5
/// sigma, so the longer window opens the target; it must rise out of the level the zone read just before, so that a
/// leaf standing at the footprint's edge (a small level that stays) does not build one.
/// </summary>
[TestClass]
public sealed class RchildLongWindowSceneTests
{
    private const int FloorMm = 2950;
    private const int Sigma = 50;
    private const int HalfPeriodMs = 35;

    // 2 sigma for eight readings in each zone, in walking order (zone 0 first, overlapping at the line).
    [TestMethod]
    public void FaintChildAtTwoSigmaForItsWholePassage_CountsOnce()
    {
        var run = new CounterZoneScript(3000, FloorMm, Sigma, HalfPeriodMs, seed: 11);
        run.Floor(4000);
        run.Both(5, 0, 110);
        run.Both(3, 110, 110);
        run.Both(5, 110, 0);
        run.Floor(3000);
        Assert.AreEqual(1, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    // The same readings in zone 0 on top of a leaf that has stood there at about 1 sigma: measured from that level they are
    // only 1 sigma deep, no body; what zone 1 then sees has no partner to make a crossing with.
    [TestMethod]
    public void SameDipOnTopOfAStandingLevel_IsNoTarget()
    {
        var run = new CounterZoneScript(3000, FloorMm, Sigma, HalfPeriodMs, seed: 11);
        run.Floor(4000);
        run.Both(40, 0, 35);
        run.Both(6, 0, 95);
        run.Both(2, 0, 35);
        run.Both(6, 100, 35);
        run.Both(20, 0, 35);
        Assert.AreEqual(0, run.Counter.Entries + run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }
}
