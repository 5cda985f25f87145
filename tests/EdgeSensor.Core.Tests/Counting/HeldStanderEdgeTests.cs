using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// A person who stops just past the line leaves a still level in the zone they stand in, and the zone behind them sees
/// their edge. That edge is no follower: it comes no nearer than the stander's level, while a follower's head does. Mount
/// 3.0 m, inside zone 1: zone 1 to zone 0 is an exit.
/// </summary>
[TestClass]
public sealed class HeldStanderEdgeTests
{
    [TestMethod]
    public void StandersEdgeBehindTheLine_DoesNotConfirmTheCrossing_TheyMayStillTurnBack()
    {
        // As in loiter, raster, 3.0 m, seed 1, at 38-50 s: the person stands in zone 0 (a still level 2.1 m away) and
        // zone 1 sees their edge (2.7 m away) as a target of its own; the standing body sways and zone 0 rises briefly
        // out of its level. Before, that rise with the edge open behind it was taken for the next person of a queue, and
        // the crossing was confirmed; here the person then steps back over the line.
        var run = Scene(edgeNearest: 2700);
        run.FinishTicking();

        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(1, run.Pairing.TurnBacks, run.Describe());
    }

    [TestMethod]
    public void FollowersHeadBehindTheLine_ConfirmsTheCrossingAtOnce()
    {
        // The same, but what zone 1 sees comes nearer than the stander's level from the start: a head, the next person.
        var run = Scene(edgeNearest: 1300);
        run.FinishTicking();

        Assert.IsTrue(run.FirstCountMs <= 12100, $"first count at {run.FirstCountMs}; {run.Describe()}");
    }

    private static PairingScript Scene(int edgeNearest)
    {
        var run = new PairingScript(3000);
        run.Target(1, start: 10000, end: 10800, nearest: 1300, episode: 1);
        run.Target(0, start: 10300, end: 11300, nearest: 1300, episode: 1, stillAfter: true, stillMm: 2100);
        run.Target(0, start: 12000, end: 12100, nearest: 2050, episode: 1, origin: TargetOrigin.Background, stillAfter: true, stillMm: 2100);
        run.Empty(0, 14000);
        run.Target(1, start: 11000, end: 15000, nearest: 1300, episode: 2, headAt: 14000, earlyNearest: edgeNearest);
        return run;
    }
}
