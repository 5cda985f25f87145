using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// A held crossing told from a door leaf by how far each zone's still level lies: a person standing past the line reads
/// clearly nearer in the destination (head and shoulders) than in the origin (their edge, under a wide footprint), while
/// one leaf reads about equally far in both. Inside zone 1: zone 1 to zone 0 is an exit. Times and distances follow the
/// simulator's raster-model traces at 3.0 m (floor ~3060 mm).
/// </summary>
[TestClass]
public sealed class HeldStillLevelDistanceTests
{
    [TestMethod]
    public void PersonStandingPastTheLine_SeenAtTheOriginsEdge_IsHeldUntilTheyGo()
    {
        // Loiter, seed 1 at 458 s: an exit; the person stops in zone 0 (still level 2194 mm) and zone 1's wider footprint
        // keeps their edge as a still level of its own (2544 mm). They walk on at 461.5 s: the levels go. Before, a still
        // level in the origin always meant a leaf, and the exit was counted 3 s early, while they stood.
        var run = new PairingScript(3000);
        run.Target(1, start: 457000, end: 457700, nearest: 1350, episode: 25, samples: 10, reportedAt: 458500, stillAfter: true, stillMm: 2544);
        run.Target(0, start: 457400, end: 458043, nearest: 1380, episode: 20, samples: 10, reportedAt: 458760, stillAfter: true, stillMm: 2194);
        run.Empty(1, 461400);
        run.Empty(0, 461500);
        run.FinishTicking();

        Assert.AreEqual(1, run.Pairing.Exits, run.Describe());
        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.IsTrue(run.FirstCountMs >= 461400, $"counted at {run.FirstCountMs} ms, while the person still stood");
    }

    [TestMethod]
    public void LeafReadingAboutEquallyFarInBothZones_DoesNotDelayTheCount()
    {
        // Door, 3.0 m: after the person passes, the open leaf settles in both zones, 2700 and 2860 mm away (the leaf's
        // slant across the zones), for 5 s. The exit (crossed at about 457700 ms) must count within 2 s.
        var run = new PairingScript(3000);
        run.Target(1, start: 457000, end: 457700, nearest: 1350, episode: 25, samples: 10, reportedAt: 458500, stillAfter: true, stillMm: 2860);
        run.Target(0, start: 457400, end: 458043, nearest: 1380, episode: 20, samples: 10, reportedAt: 458760, stillAfter: true, stillMm: 2700);
        run.Empty(1, 463000);
        run.Empty(0, 463000);
        run.FinishTicking();

        Assert.AreEqual(1, run.Pairing.Exits, run.Describe());
        Assert.IsTrue(run.FirstCountMs <= 457700 + 2000, $"counted at {run.FirstCountMs} ms");
    }
}
