using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, raster loiter at 3.0 m: a person walks in from outside (zone 0) and stops across the line, head over zone 0
/// and front over zone 1, and stands there swaying; both zones take their still blend for background, and what the zones
/// saw of their arrival pairs as no crossing (zone 1's first target lies within zone 0's: a lean over the line). When they
/// leave, zone 1 reports the walk off its level (dated from when they settled there) and zone 0 a target rising out of
/// its level as they move. Read by those targets' starts, zone 1 was first whichever way they went, and a loiterer who went
/// back out was counted as an exit. Where they came from is where their presence began: zone 0.
/// Mount 3.0 m, inside zone 1: zone 0 to zone 1 is an entry. Depths are how much nearer than the floor a zone reads.
/// </summary>
[TestClass]
public sealed class RloiterStraddlerSceneTests
{
    private const int FloorMm = 3040;
    private const int Sigma = 25;
    private const int HalfPeriodMs = 35;

    // As in loiter, raster, 3.0 m, seed 1, at 410-434 s: head 1020 mm nearer than the floor in zone 0, the front 820-900 in
    // zone 1; the standing blends 520-600 and 600-690.
    private const int Head = 1020;
    private const int Front = 900;
    private const int Level0 = 600;
    private const int Level1 = 600;

    // The edge of the back of someone standing in zone 1, as zone 0 sees it: far lower than their blend there.
    private const int BackEdge = 300;

    [TestMethod]
    public void StraddlerGoesBackOut_CountsNothing()
    {
        var run = StandAcrossTheLine();

        // Back the way they came: zone 1 clears first, zone 0 sees the head move and then clears.
        run.Both(2, 300, Head);
        run.Both(4, 0, Head);
        run.Both(2, 0, 500);
        run.Floor(4000);

        Assert.AreEqual(0, run.Counter.Entries + run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    [TestMethod]
    public void StraddlerWalksOnIn_CountedOnce()
    {
        var run = StandAcrossTheLine();

        // On over the line: zone 0 clears first, zone 1 sees the head pass and then clears.
        run.Both(2, Head, 300);
        run.Both(4, Head, 0);
        run.Both(2, 500, 0);
        run.Floor(4000);

        Assert.AreEqual(1, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    [TestMethod]
    public void CrossedThenStoodPastTheLine_GoesBack_CountsNothing()
    {
        // The other case: they walked over the line into zone 1, their crossing is held while they stand there, and zone 0
        // keeps the edge of their back as a level. Going back, zone 1's walk off and zone 0's target are their departure
        // (the held crossing took their arrival already): back over the line, which cancels the held entry.
        var run = new CounterZoneScript(3000, FloorMm, Sigma, HalfPeriodMs, seed: 47);
        run.Floor(4000);
        run.Both(1, 0, 400);
        run.Both(1, 0, 800);
        run.Both(6, 300, Head);
        run.Both(6, Head, Head);
        run.Both(2, Head, 600);
        run.Both(40, Head, BackEdge);
        run.Both(8, Level1, BackEdge);
        run.Both(5, Head - 60, BackEdge);
        run.Both(250, Level1, BackEdge);

        run.Both(2, 300, Head);
        run.Both(4, 0, Head);
        run.Both(2, 0, 500);
        run.Floor(4000);

        Assert.AreEqual(0, run.Counter.Entries + run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    private static CounterZoneScript StandAcrossTheLine()
    {
        var run = new CounterZoneScript(3000, FloorMm, Sigma, HalfPeriodMs, seed: 43);
        run.Floor(4000);

        // Walks in through zone 0 and stops across the line.
        run.Both(1, 0, 400);
        run.Both(1, 200, 800);
        run.Both(3, 500, Head);
        run.Both(30, Front, Head);

        // Sways: zone 1's front moves off (a valley at its standing blend) and back, and it settles on the blend...
        run.Both(8, Level1, Head);
        run.Both(5, Front - 20, Head);
        run.Both(40, Level1, Head);

        // ...then zone 0's head does the same, and the person stands still across the line.
        run.Both(8, Level1, Level0);
        run.Both(5, Level1, Head - 60);
        run.Both(250, Level1, Level0);
        return run;
    }
}
