using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, children in a queue at a high mount (raster model, 2.8-3.0 m; the group-pure scenarios queue people 2 s
/// apart): a faint crossing (FaintCrossing) was refused when the other zone had dipped within 2 s before its first dip, as
/// someone who came from that side and may be going back. A child walking 2.4 s behind another one going the same way
/// finds the other zone's dip of the child ahead there, but that dip had itself followed one of this zone's in walking
/// order: its body came from this side and walked on. Both children count. And a child 1.8 s behind another one dips
/// the first zone again within the 800 ms the crossing ahead waits for the first zone to stay on its floor (a turn-back
/// passes it again): that crossing now waits on, and the child behind going on into the other zone decides it.
/// </summary>
[TestClass]
public sealed class RchildFaintQueueSceneTests
{
    private const int FloorMm = 2750;
    private const int Sigma = 50;
    private const int HalfPeriodMs = 35;

    // 1.5-1.7 sigma of the noise these zones measure after the script's floor: eight readings sum to 12-14 sigma.
    private const int FaintMm = 60;

    [TestMethod]
    public void TwoFaintChildrenInAQueue_BothCount()
    {
        var run = new CounterZoneScript(2800, FloorMm, Sigma, HalfPeriodMs, seed: 5);
        run.Floor(10000);
        // The child ahead: zone 0 (outside), both at the line, zone 1 (inside): 1.05 s. The child behind enters zone 0
        // 2.4 s after the first did, about 1 s after the first one's dip in zone 1 was over. Between and after them the
        // zones read their floors exactly (the script's floor noise is wider than what the zones measure of it, and its
        // own faint dips would stand in for a queue's).
        run.WalkIn(FaintMm, FaintMm);
        run.Both(20, 0, 0);
        run.WalkIn(FaintMm, FaintMm);
        run.Both(45, 0, 0);
        Assert.AreEqual(2, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    // The child behind enters zone 0 1.8 s after the first did, 400 ms after the first one's dip in zone 1 was over.
    [TestMethod]
    public void TwoFaintChildrenCloseInAQueue_BothCount()
    {
        var run = new CounterZoneScript(2800, FloorMm, Sigma, HalfPeriodMs, seed: 5);
        run.Floor(10000);
        run.WalkIn(FaintMm, FaintMm);
        run.Both(11, 0, 0);
        run.WalkIn(FaintMm, FaintMm);
        run.Both(45, 0, 0);
        Assert.AreEqual(2, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }
}
