using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// A person who stops just past the line and sways keeps the zone they stand in occupied as a target (the sway keeps
/// it from settling into a still level), and the zone behind them sees their edge. A target of that edge finishing
/// in the zone behind is no follower: it comes nowhere near as close to the sensor as the head they crossed with.
/// Mount 2.2 m, inside zone 1: zone 0 to zone 1 is an entry.
/// </summary>
[TestClass]
public sealed class LoiterTrackedStanderTests
{
    [TestMethod]
    public void StandersEdgeWhileTheyStillStand_DoesNotConfirmTheCrossing_TheyTurnBack()
    {
        // As in loiter, raster, 2.2 m, seed 3, at 31-54 s: the person walks in through zone 0 (head 1420 mm away), stands
        // in zone 1 for 20 s (946 mm, swaying; a valley splits the target at 33.2 s), and zone 0 holds their edge as a
        // still level 1880 mm away, out of which a sway rises briefly (1782 mm). Before, that rise finishing while the
        // person stood was taken for the next person of a queue and the entry confirmed 2.8 s after they stopped; they
        // then walked back out, and an exit was counted too.
        var run = Scene(edgeNearest: 1782);
        run.FinishTicking();

        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }

    private static PairingScript Scene(int edgeNearest)
    {
        var run = new PairingScript(2200);
        run.Target(0, start: 30950, end: 31300, nearest: 1420, episode: 2, stillAfter: true, stillMm: 1880);
        run.Target(1, start: 31140, end: 33178, nearest: 946, episode: 2, reportedAt: 33878);
        run.Target(0, start: 33493, end: 33800, nearest: edgeNearest, episode: 2, origin: TargetOrigin.Background, samples: 5, stillAfter: true, stillMm: 1880);
        run.Target(1, start: 33178, onset: 33878, end: 53700, nearest: 1164, episode: 2);
        run.Target(0, start: 53450, end: 54000, nearest: 1255, episode: 2, origin: TargetOrigin.Background);
        run.Empty(0, 54100);
        return run;
    }
}
