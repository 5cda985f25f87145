using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// Issue 9, raster door, the stretched-walk rule's bounds (<c>CrossingStateMachine.IsStretchedWalk</c>): a target that
/// spans the other zone's in time is a walker's side stretched by a level near its zone's floor only when the other
/// zone's target shows the same body. Scene: <c>RdoorStretchedWalkSceneTests</c>.
/// </summary>
[TestClass]
public sealed class RdoorStretchedWalkPairingTests
{
    [TestMethod]
    public void WheelchairFootrestReachingOverTheLine_CountsNothing()
    {
        // Footprint inclusive-wheelchair at 2.2 m, seed 2, 193.3 s: a wheelchair in zone 0, its front (the footrest,
        // 317 mm up) first, reaches over the line into zone 1 for 1.5 s and goes no further; nobody crossed. Zone 1 reads
        // only the footrest (341 mm up), far lower than the user's head in zone 0 (796 mm up, a seated user's blend).
        var run = new PairingScript(mount: 2200);
        run.Target(0, start: 193303, end: 195683, nearest: 1395, height: 796, samples: 34, headAt: 193900, earlyNearest: 1883, coreStart: 193793);
        run.Target(1, start: 193688, end: 195158, nearest: 1849, height: 341, samples: 21, coreStart: 193688);
        run.FinishTicking();

        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void WalkerStretchedByTheOpenLeaf_IsCountedTheWayTheyWalked()
    {
        // Raster door at 2.5 m, seed 2, 15.3 s (the scene test's walker in): zone 1's target rose on the leaf's level at
        // 14768 and read the walker's head only from 15678, after zone 0 had seen them from 15293; it ended on the
        // leaf's level after zone 0 emptied. An entry.
        var run = new PairingScript(mount: 2500);
        run.Target(1, start: 14768, end: 16308, nearest: 1057, height: 1493, episode: 10, samples: 35, headAt: 15678, earlyNearest: 2360, coreStart: 15678, reportedAt: 17108, stillAfter: true, stillMm: 2460, settled: true);
        run.Target(0, start: 15293, end: 15853, nearest: 1034, height: 1432, episode: 3, samples: 8, coreStart: 15433);
        run.FinishTicking();

        Assert.AreEqual(1, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }
}
