using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, raster loiter at 3.0 m: a person stops 0.2 m short of the line, in the zone they came through, and stands
/// there swaying. Their head moving off and back cuts their target at a valley, and the part after it returns to the
/// valley's level: the zone takes their still blend of head, shoulders and floor for its background. When they walk on
/// over the line the next zone sees them pass, while their own zone goes from that background to the floor without a
/// target; the crossing must still be counted (it was lost), and nothing when they walk back the way they came.
/// Mount 3.0 m, inside zone 1: zone 0 to zone 1 is an entry. Depths are how much nearer than the floor a zone reads.
/// </summary>
[TestClass]
public sealed class RloiterStanderWalkOffSceneTests
{
    private const int FloorMm = 3040;
    private const int Sigma = 25;
    private const int HalfPeriodMs = 35;

    // As in loiter, raster, 3.0 m, seed 1, at 191-212 s: head 970 mm nearer than the floor, the standing blend 790.
    private const int Head = 970;
    private const int Standing = 790;

    [TestMethod]
    public void StanderTakenForBackground_WalksOn_CountedOnce()
    {
        var run = StandThenLeave();

        // Walks on: zone 0 clears as the head passes into zone 1, which sees it go through.
        run.Both(1, 400, 600);
        run.Both(1, 800, 200);
        run.Both(4, Head, 0);
        run.Both(1, 500, 0);
        run.Floor(4000);

        Assert.AreEqual(1, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    [TestMethod]
    public void StanderTakenForBackground_WalksBack_CountsNothing()
    {
        var run = StandThenLeave();

        // Walks back the way they came: zone 0 clears, zone 1 never sees them.
        run.Both(1, 0, 600);
        run.Both(1, 0, 300);
        run.Floor(4000);

        Assert.AreEqual(0, run.Counter.Entries + run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    private static CounterZoneScript StandThenLeave()
    {
        var run = new CounterZoneScript(3000, FloorMm, Sigma, HalfPeriodMs, seed: 41);
        run.Floor(4000);

        // Walks up through zone 0 and stops short of the line; zone 1 sees nothing of them.
        run.Both(1, 0, 400);
        run.Both(1, 0, 800);
        run.Both(40, 0, Head);

        // Sways: the head moves off (a valley at the standing blend) and back, then settles on the blend.
        run.Both(10, 0, Standing);
        run.Both(8, 0, Head - 60);
        run.Both(200, 0, Standing);
        return run;
    }
}
