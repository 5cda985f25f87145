using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// Issue 9, raster door: an automatic door's leaf swings open through the inside zone and then the outside one, the
/// way an exit walks, and stops standing open at the footprint's edge. The inside zone's target rose from the bare
/// floor and settled on the still level the open leaf holds there; the outside zone's target ended a little later
/// (a fall to the floor, or a settle of its own). Copied (times, distances) from the simulator's raster-model door
/// scenario at 3.0 m, seeds 1 and 4, which each counted an exit for it. Inside zone 1: zone 1 then zone 0 is an exit.
/// </summary>
[TestClass]
public sealed class RdoorLeafOpeningPairingTests
{
    [TestMethod]
    public void LeafSwingingOpen_SettlingInTheZoneItSweptFirst_CountsNothing()
    {
        // Seed 1, 15.7 s: zone 1 from 15748 to where its still level began (16518, reported 0.8 s later), zone 0 from
        // 16133 back to the floor at 16693. The walker the door opened for comes 1.3 s later.
        var run = new PairingScript(mount: 3000);
        run.Target(1, start: 15748, end: 16518, nearest: 1454, height: 1596, episode: 1, reportedAt: 17358, samples: 24, stillAfter: true, stillMm: 2731, settled: true);
        run.Target(0, start: 16133, end: 16693, nearest: 1636, height: 1417, episode: 1, samples: 8);
        run.FinishTicking();

        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void LeafSwingingOpen_SettlingInBothZones_CountsNothing()
    {
        // Seed 4, 160.6 s: both zones settle on the open leaf, 105 ms apart (more than the one read cycle of the
        // simultaneous-settle rule: each level is dated where its noisy readings first held still).
        var run = new PairingScript(mount: 3000);
        run.Target(1, start: 160648, end: 161348, nearest: 1438, height: 1606, episode: 8, reportedAt: 162188, samples: 23, stillAfter: true, stillMm: 2724, settled: true);
        run.Target(0, start: 160963, end: 161453, nearest: 1633, height: 1417, episode: 18, reportedAt: 162293, samples: 17, stillAfter: true, stillMm: 2906, settled: true);
        run.FinishTicking();

        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void WalkerUnderTheOpenLeaf_IsStillCounted()
    {
        // The rule's bound, seed 4 at 162.5 s: with the leaf standing open in both zones, the walker's targets rise out of
        // its level and return to it; the origin zone still holds the leaf afterwards, but the target did not settle on
        // a level of its own. An exit.
        var run = new PairingScript(mount: 3000);
        run.Target(1, start: 162468, end: 162748, nearest: 2114, episode: 8, samples: 5, origin: TargetOrigin.Background, stillAfter: true, stillMm: 2538);
        run.Target(0, start: 162713, end: 163133, nearest: 2129, episode: 18, samples: 7, origin: TargetOrigin.Background, stillAfter: true, stillMm: 2801);
        run.FinishTicking();

        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(1, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void LoitererStandingAcrossTheLine_ThenWalkingOn_IsStillCounted()
    {
        // The rule's other bound, raster loiter scenario at 2.2 m, seed 1: a person comes out of zone 1 and stands 25 s
        // across the line. Zone 1 settles on the still level of their back (1277 mm), zone 0 holds their head the whole
        // time and ends when they walk on; zone 1's level fades a little after that. An exit.
        var run = new PairingScript(mount: 2200);
        run.Target(1, start: 24358, end: 24778, nearest: 679, episode: 1, reportedAt: 25618, samples: 19, stillAfter: true, stillMm: 1277, settled: true);
        run.Target(0, start: 24603, end: 49593, nearest: 662, episode: 1, samples: 356);
        run.Empty(1, 49800);
        run.FinishTicking();

        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(1, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void TailgatersWhoseSecondReturnsToTheValleyLevel_AreBothCounted()
    {
        // Raster tailgating at 3.0 m, seed 1, 21.3 s: two exits 0.5 s apart, split at a valley in both zones. The second
        // one's zone-1 target returns to the valley's level, so zone 1 holds a still level in the episode of the first
        // one's target when that pairs; but the first left the zone (a valley), it did not settle on the level.
        var run = new PairingScript(mount: 3000);
        run.Target(1, start: 21348, end: 21978, nearest: 1810, episode: 1, reportedAt: 22048, samples: 10);
        run.Target(1, start: 21978, onset: 22048, end: 22398, nearest: 2109, episode: 1, samples: 6, stillAfter: true, stillMm: 2478);
        run.Target(0, start: 21803, end: 22363, nearest: 1785, episode: 1, reportedAt: 22433, samples: 9);
        run.Target(0, start: 22363, onset: 22433, end: 22783, nearest: 2065, episode: 1, samples: 6, stillAfter: true, stillMm: 2559);
        run.Empty(1, 23000);
        run.Empty(0, 23300);
        run.FinishTicking();

        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(2, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void WalkerEndingOnTheOpenLeafsEdge_IsStillCounted()
    {
        // Raster door at 3.0 m, seed 4, 186.4 s: an entry under the leaf standing open. Zone 0 sees only the leaf's low
        // edge (2894 mm, 160 mm above its floor), which it had not taken for a background yet, so the walker's target
        // there rises from the floor and settles on it; zone 1, where most of the leaf stands, sees the walker rise out
        // of its level. An entry, not a leaf.
        var run = new PairingScript(mount: 3000);
        run.Target(0, start: 186443, end: 186933, nearest: 1928, episode: 22, reportedAt: 187773, samples: 19, stillAfter: true, stillMm: 2894, settled: true);
        run.Target(1, start: 186828, end: 187178, nearest: 1909, episode: 10, samples: 6, origin: TargetOrigin.Background, stillAfter: true, stillMm: 2625);
        run.FinishTicking();

        Assert.AreEqual(1, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void WalkerFollowedByAStrollerSettlingOnItsHood_IsStillCounted()
    {
        // Footprint mixed traffic at 2.2 m, seed 101, 223.6 s: an adult exits with a stroller pushed close behind. Both
        // zones settle, 245 ms apart, on the stroller's flat hood (about 1040 mm above the floor) as it comes in. Far
        // higher than an open leaf's edge: an exit.
        var run = new PairingScript(mount: 2200);
        run.Target(1, start: 223578, end: 224278, nearest: 450, height: 1742, episode: 32, reportedAt: 225118, samples: 23, stillAfter: true, stillMm: 1154, settled: true);
        run.Target(0, start: 224033, end: 224523, nearest: 455, height: 1737, episode: 34, reportedAt: 225363, samples: 20, stillAfter: true, stillMm: 1148, settled: true);
        run.Empty(1, 226000);
        run.Empty(0, 226300);
        run.FinishTicking();

        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(1, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void WalkerCrossingFromTheFloor_IsStillCounted()
    {
        // A walker's origin target ends back on the floor before the destination's: an exit as ever.
        var run = new PairingScript(mount: 3000);
        run.Target(1, start: 20000, end: 20700, nearest: 1450, episode: 3, samples: 10);
        run.Target(0, start: 20385, end: 21085, nearest: 1470, episode: 3, samples: 10);
        run.FinishTicking();

        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(1, run.Pairing.Exits, run.Describe());
    }
}
