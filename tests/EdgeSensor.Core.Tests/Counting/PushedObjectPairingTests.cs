using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// The pairing stage against a pushed stroller and the bodies it can be mistaken for, with the targets (times, heights)
/// copied from simulator traces of the raster coverage model, where every body reads lower than its top and a high
/// mount squeezes a stroller and its pusher to within 100-300 mm of each other. Inside zone 1: zone 0 to zone 1 is an
/// entry.
/// </summary>
[TestClass]
public sealed class PushedObjectPairingTests
{
    [TestMethod]
    public void StrollerWhosePusherReadsOnly200mmTaller_CountsOnePerson()
    {
        // inclusive-stroller, raster, 2.5 m, seed 1, at 178-181 s: in each zone the stroller (1030-1090 mm) rises from
        // the floor and the pusher (1250-1270 mm) splits off it with no floor between them, after a stroller target
        // twice as long. Before, the 200 mm rise was below the 300 mm asked of a pusher, and both were counted.
        var run = new PairingScript(2500);
        run.Target(1, start: 178638, end: 179758, height: 1027, episode: 5);
        run.Target(0, start: 179093, end: 180073, height: 1085, episode: 3);
        run.Target(1, start: 179758, onset: 179828, end: 180318, height: 1246, episode: 5);
        run.Target(0, start: 180073, onset: 180213, end: 180563, height: 1267, episode: 3);
        run.Finish();

        Assert.AreEqual(1, run.Pairing.Exits, run.Describe());
        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(2, run.Pairing.PushedObjectMerges, run.Describe());
    }

    [TestMethod]
    public void LowTargetThatLeftTheFloorBeforeThePersonBehind_IsNoPushedObject()
    {
        // The same heights and times, but the zones emptied between the low target and the taller one (the taller rose
        // from the floor, in a new presence): a child walking ahead of an adult, not a vehicle on its pusher's hands.
        var run = new PairingScript(2500);
        run.Target(1, start: 178638, end: 179758, height: 1027, episode: 5);
        run.Target(0, start: 179093, end: 180073, height: 1085, episode: 3);
        run.Target(1, start: 179828, end: 180318, height: 1246, episode: 6);
        run.Target(0, start: 180213, end: 180563, height: 1267, episode: 4);
        run.Finish();

        Assert.AreEqual(2, run.Pairing.Exits, run.Describe());
        Assert.AreEqual(0, run.Pairing.PushedObjectMerges, run.Describe());
    }

    [TestMethod]
    public void TwoAdultsCloseBehindEachOther_ReadingAlike_CountTwice()
    {
        // tailgating, raster, 3.0 m, seed 104, at 158-160 s: two adults read 1070 and 1120 mm, the second split off the
        // first. The first lasted less than twice as long as the second: one body, not a stroller's length.
        var run = new PairingScript(3000);
        run.Target(0, start: 158303, end: 158933, height: 1066, episode: 25);
        run.Target(1, start: 158758, end: 159248, height: 1075, episode: 22);
        run.Target(0, start: 158933, onset: 159003, end: 159283, height: 1126, episode: 25);
        run.Target(1, start: 159248, onset: 159388, end: 159668, height: 1123, episode: 22);
        run.Finish();

        Assert.AreEqual(2, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.PushedObjectMerges, run.Describe());
    }

    [TestMethod]
    public void PusherMergedWithItsStroller_IsNotPushedByTheNextPerson()
    {
        // A low, long vehicle (690-730 mm) with its pusher holding on (1050-1080 mm, the zone never clear between them),
        // followed at once by another person (1230-1240 mm). A pusher is a person walking, not a thing pushed: once merged
        // it is no lead to hold back again. Before, the merged target was held and swallowed the next person too.
        var run = new PairingScript(2800);
        run.Target(0, start: 236143, end: 237193, height: 726, episode: 104);
        run.Target(1, start: 236738, end: 237858, height: 688, episode: 107);
        run.Target(0, start: 237333, end: 237963, height: 1080, episode: 104);
        run.Target(1, start: 238068, end: 238768, height: 1046, episode: 107);
        run.Target(0, start: 238243, onset: 238383, end: 239013, height: 1242, episode: 104);
        run.Target(1, start: 238768, onset: 238838, end: 239468, height: 1231, episode: 107);
        run.Finish();

        Assert.AreEqual(2, run.Pairing.PushedObjectMerges, run.Describe());
        Assert.AreEqual(2, run.Pairing.Entries, run.Describe());
    }

    [TestMethod]
    public void WheelchairWithTheFloorShowingBeforeThePersonBehind_IsNoPushedObject()
    {
        // event-surge, raster, 2.8 m, seed 2, at 236-239 s: a wheelchair user (690-730 mm under this blending zone: as low
        // and as long as a stroller), then an adult close behind (1050-1080 mm) and another (1230-1240 mm). Each zone read
        // its floor between the chair and the first adult (a new occupancy episode): nobody held on, three people, three
        // entries (the truth rows: a wheelchair user at 237.6 s, adults at 238.9 and 239.7 s).
        var run = new PairingScript(2800);
        run.Target(0, start: 236143, end: 237193, height: 726, episode: 104);
        run.Target(1, start: 236738, end: 237858, height: 688, episode: 107);
        run.Target(0, start: 237613, end: 238243, height: 1080, episode: 105);
        run.Target(1, start: 238068, end: 238768, height: 1046, episode: 108);
        run.Target(0, start: 238243, onset: 238383, end: 239013, height: 1242, episode: 105);
        run.Target(1, start: 238768, onset: 238838, end: 239468, height: 1231, episode: 108);
        run.Finish();

        Assert.AreEqual(3, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.PushedObjectMerges, run.Describe());
    }
}
