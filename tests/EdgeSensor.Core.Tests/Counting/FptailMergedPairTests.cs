using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// The pairing stage against two adults walking 0.5 s apart that both zones of a high mount saw as one long target each
/// (the floor between them never showed). Each zone's target lasted about twice the lag between the zones, while one
/// walking adult holds a zone well under that. The sequences are copied (times, distances, heights) from footprint
/// simulator traces at 3.0 m that lost one of the two, or from ones that must stay one person (a single adult, a
/// stroller and its pusher, a wheelchair). Inside zone 1: zone 0 to zone 1 is an entry.
/// </summary>
[TestClass]
public sealed class FptailMergedPairTests
{
    [TestMethod]
    public void TwoAdultsMergedInBothZones_Leaving_CountsBoth()
    {
        // tailgating, 3.0 m, seed 2, 148.6 s and 149.1 s: two exits; zone 1 held one target 1.33 s, zone 0 1.40 s, the
        // zones 0.6 s apart: one exit instead of two.
        var run = new PairingScript(mount: 3000);
        run.Target(1, start: 147278, end: 148608, nearest: 1336, episode: 11, height: 1664);
        run.Target(0, start: 147873, end: 149273, nearest: 1334, episode: 26, height: 1654);
        run.Finish();

        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(2, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void TwoAdultsMergedInBothZones_Entering_CountsBoth()
    {
        // tailgating, 3.0 m, seed 2, 39.2 s: two entries read as one.
        var run = new PairingScript(mount: 3000);
        run.Target(0, start: 37273, end: 38743, nearest: 1288, episode: 10, height: 1716);
        run.Target(1, start: 37938, end: 39338, nearest: 1315, episode: 2, height: 1671);
        run.Finish();

        Assert.AreEqual(2, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void OneAdultWalking_CountsOnce()
    {
        // tailgating, 3.0 m, seed 2, 102.6 s: one adult alone; each zone held it about 1.3 lags.
        var run = new PairingScript(mount: 3000);
        run.Target(0, start: 102583, end: 103353, nearest: 1300, height: 1700);
        run.Target(1, start: 103178, end: 103598, nearest: 1300, height: 1700);
        run.Finish();

        Assert.AreEqual(1, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void StrollerAndPusherInOneTarget_CountsOnce()
    {
        // inclusive-stroller, 3.0 m, 144 s: the stroller and its pusher held each zone 2.5 s, 3.1 lags.
        var run = new PairingScript(mount: 3000);
        run.Target(0, start: 143953, end: 146473, height: 1671);
        run.Target(1, start: 144758, end: 147278, height: 1676);
        run.Finish();

        Assert.AreEqual(1, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void WheelchairHoldingEachZoneTwoLags_CountsOnce()
    {
        // inclusive-wheelchair, 3.0 m, 55 s: a wheelchair (its user's head 1.39 m up) held each zone 2.3 lags, as long
        // as two walking adults would; its user sits lower than a standing adult.
        var run = new PairingScript(mount: 3000);
        run.Target(1, start: 54248, end: 55998, height: 1383);
        run.Target(0, start: 54983, end: 56663, height: 1387);
        run.Finish();

        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(1, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void StrollerPushedAheadHoldingEachZoneTwoAndAHalfLags_CountsOnce()
    {
        // RayScene, 2.8 m (FairCountingSceneTests stroller ahead of an adult): the stroller and its pusher held each zone
        // 2.46 lags, as long as two close walkers might; but when the pushed stroller reached zone 1, zone 0 had seen only
        // its hood (1.8 m from the sensor), the pusher's head (0.98 m) came later.
        var run = new PairingScript(mount: 2800);
        run.Target(0, start: 4569, end: 5721, nearest: 983, height: 1824, headAt: 5400, earlyNearest: 1800);
        run.Target(1, start: 5037, end: 6189, nearest: 979, height: 1815, headAt: 5850, earlyNearest: 1800);
        run.Finish();

        Assert.AreEqual(1, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void OneAdultWithALagOfAFewReadCycles_CountsOnce()
    {
        // sunlight, raster, 2.5 m, seed 2, 201.3 s: one adult; each zone held it 560 ms against a measured lag of 245 ms,
        // three and a half read cycles: too coarse a lag to say the hold was longer than one body's.
        var run = new PairingScript(mount: 2500);
        run.Target(0, start: 200163, end: 200723, nearest: 986, height: 1551);
        run.Target(1, start: 200408, end: 200968, nearest: 1020, height: 1553);
        run.Finish();

        Assert.AreEqual(1, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void TargetsBornOutOfAStillLevel_AreNotSplit()
    {
        // The merged pair of TwoAdultsMergedInBothZones_Leaving_CountsBoth, but both targets rose out of a still level (a
        // door leaf standing open in view): their starts are where the level ended, not where a body walked in, so their
        // holds measure no walk.
        var run = new PairingScript(mount: 3000);
        run.Target(1, start: 147278, end: 148608, nearest: 1336, episode: 11, height: 1664, origin: TargetOrigin.Background);
        run.Target(0, start: 147873, end: 149273, nearest: 1334, episode: 26, height: 1654, origin: TargetOrigin.Background);
        run.Finish();

        Assert.AreEqual(0, run.Pairing.MergedPairSplits, run.Describe());
    }

    [TestMethod]
    public void WheelchairUserSittingTall_CountsOnce()
    {
        // inclusive-wheelchair, footprint, 3.0 m, seed 101, 160.3 s: the user's head 1.49 m up, the chair held each zone
        // 2.3 lags, and the user's head had been seen (1548 mm away against 1506 mm) when the chair reached zone 1.
        var run = new PairingScript(mount: 3000);
        run.Target(0, start: 157813, end: 159353, nearest: 1506, height: 1488, headAt: 158300, earlyNearest: 1548);
        run.Target(1, start: 158478, end: 160018, nearest: 1520, height: 1471);
        run.Finish();

        Assert.AreEqual(1, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void OneAdultWalkingInAndStraightBack_CountsNothing()
    {
        // inclusive-adult, footprint, 3.0 m, seed 2, 180 s: one adult walked from zone 1 well into zone 0 and back; both
        // zones held them as long as two walkers, and zone 1 saw them come back. Both crossings of a merged pair are held
        // as one, so the return cancels them together (cut in two, the first had been confirmed before the return).
        var run = new PairingScript(mount: 3000);
        run.Target(1, start: 178778, end: 180108, nearest: 1350, episode: 24, height: 1639);
        run.Target(1, start: 180108, end: 180248, nearest: 1657, episode: 24, height: 1332, onset: 180178);
        run.Target(0, start: 179373, end: 180633, nearest: 1350, episode: 32, height: 1636);
        run.Target(1, start: 180318, end: 180878, nearest: 1376, episode: 24, height: 1613, origin: TargetOrigin.Background);
        run.Finish();

        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }
}
