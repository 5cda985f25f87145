using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// Issue 9, turn-backs counted: a person walks up to the line with the head in their zone, reaches over it (the
/// far zone sees only their edge, a shoulder or an arm, far below the head) and goes back. Their own zone never
/// empties, but the head's move towards the line and back cuts its presence in two at a valley. Copied (times,
/// distances) from the simulator's raster-model turn-back scenario at 2.8 m, seeds 4 and 5, which each counted an
/// exit. Inside zone 1: zone 1 then zone 0 is an exit.
/// </summary>
[TestClass]
public sealed class TurnBackEdgePairingTests
{
    [TestMethod]
    public void EdgeOverTheLineWhileTheHeadStaysInItsZone_CountsNothing()
    {
        // Seed 4: head in zone 0 (1504 mm, then 1562 mm after the valley), the edge in zone 1 (2005 mm: 501 mm lower,
        // one more than one body's head-to-shoulder gap). Before, the first zone-0 target was dropped as the stray
        // of a mismatch and the split-off one, detected after the edge, made it an exit.
        var run = new PairingScript(mount: 2800);
        run.Target(0, start: 37203, end: 37693, nearest: 1504, episode: 6, reportedAt: 37833, samples: 9);
        run.Target(1, start: 37448, end: 37868, nearest: 2005, episode: 3, samples: 6);
        run.Target(0, start: 37693, onset: 37833, end: 37973, nearest: 1562, episode: 6, samples: 3);
        run.Finish();

        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void EdgeHeldOverTheLineWhileStandingAtIt_CountsNothing()
    {
        // Seed 5: the person stands at the line for over a second, head in zone 0 (1490 mm, 1514 mm), edge in zone 1
        // (1994 mm, 504 mm lower), and goes back.
        var run = new PairingScript(mount: 2800);
        run.Target(0, start: 25933, end: 27543, nearest: 1490, episode: 1, reportedAt: 27613, samples: 24);
        run.Target(1, start: 26388, end: 27648, nearest: 1994, episode: 1, samples: 18);
        run.Target(0, start: 27543, onset: 27613, end: 27823, nearest: 1514, episode: 1, samples: 4);
        run.Finish();

        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void PersonCrossingRightAfterAStrayAheadInTheirZone_IsStillCounted()
    {
        // The rule's bound: a stray ahead (a leaf's edge, higher than the person) in zone 0 that the person's own zone-0
        // target splits off, while the person comes from zone 1: the stray is dropped, the person counted as an exit.
        var run = new PairingScript(mount: 2800);
        run.Target(1, start: 10000, end: 10700, nearest: 1300, episode: 1);
        run.Target(0, start: 9800, end: 10300, nearest: 700, episode: 1, reportedAt: 10440);
        run.Target(0, start: 10300, onset: 10440, end: 11000, nearest: 1320, episode: 1);
        run.Finish();

        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(1, run.Pairing.Exits, run.Describe());
    }
}
