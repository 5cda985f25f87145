using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// A short or faint body in a dense one-way flow: its two zone targets follow each other only within the pair gap (it
/// fills neither zone enough while it is over the line itself), and the next person's target in the first zone has begun
/// before the second zone's ended. Taking that overlapping target for the partner dropped the first zone's side, paired
/// the second zone's with the next person as a crossing the other way, and shifted every later pair by one person.
/// Inside zone 1: zone 0 to zone 1 is an entry.
/// </summary>
[TestClass]
public sealed class SurgeGapPartnerTests
{
    [TestMethod]
    public void ChildWhoseSidesMissEachOtherByAReading_KeepsItsPartner_AndTheFlowItsDirection()
    {
        // event-surge, raster 3.0 m, seed 1, 136-143 s: seven people entering, the fourth a child (about 510 mm above the
        // floor in both zones). Its zone-0 target ended 35 ms before its zone-1 target began; the next adult's zone-0
        // target began 105 ms before the child's zone-1 target ended and reads 320 mm nearer. The child was dropped, two
        // adults were counted as exits and one more entry was lost.
        var run = new PairingScript(mount: 3000);
        run.Target(0, start: 135973, end: 136743, nearest: 1908, episode: 46, height: 1136);
        run.Target(1, start: 136428, end: 137268, nearest: 1918, episode: 47, height: 1122);
        run.Target(0, start: 137093, end: 137793, nearest: 2139, episode: 47, height: 905);
        run.Target(1, start: 137548, end: 138178, nearest: 2111, episode: 48, height: 929);
        run.Target(0, start: 138143, end: 138843, nearest: 2182, episode: 48, height: 862);
        run.Target(1, start: 138668, end: 139368, nearest: 2194, episode: 49, height: 846);
        run.Target(0, start: 139333, end: 139753, nearest: 2540, episode: 49, height: 504, samples: 6);
        run.Target(1, start: 139788, end: 140348, nearest: 2528, episode: 50, height: 512, samples: 8);
        run.Target(0, start: 140243, end: 140873, nearest: 2205, episode: 50, height: 839, reportedAt: 140943);
        run.Target(1, start: 140698, end: 141258, nearest: 2238, episode: 51, height: 802, reportedAt: 141328);
        run.Target(0, start: 140873, end: 141433, nearest: 2011, episode: 50, height: 1033, onset: 140943);
        run.Target(1, start: 141258, end: 141888, nearest: 1991, episode: 51, height: 1049, onset: 141328);
        run.Target(0, start: 141993, end: 142623, nearest: 2211, episode: 51, height: 833);
        run.Target(1, start: 142448, end: 143008, nearest: 2234, episode: 51, height: 806);
        run.Finish();

        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
        Assert.AreEqual(7, run.Pairing.Entries, run.Describe());
    }

    [TestMethod]
    public void QueueOfChildrenOfOneSize_EachKeepsItsGapPartner_AndTheQueueGoesIn()
    {
        // event-surge, raster 2.8 m, seed 1447, 71.6-76.4 s: an adult, three children of 1.35-1.52 m 0.9 s apart (0.7 m at
        // 0.79 m/s) and an adult, all entering. Each child reads only 340-670 mm up, and its zone-0 target ends 105-125 ms
        // before its zone-1 target begins, by when the next child's zone-0 target has begun, reading within 150 mm of it
        // (children of one size): PartnerFit cannot tell them apart by stature. Taking the next child for the partner
        // orphaned the first child's zone-0 side and paired each later zone-0 target with the child ahead's zone-1 side:
        // three exits counted for three children entering. Each gap pair reads as one whole body and the next zone-0 target
        // has its own zone-1 side following it in walking order: the queue goes one way.
        var run = new PairingScript(mount: 2800);
        run.Target(0, start: 71643, end: 72343, nearest: 1554, episode: 16, height: 1287, samples: 9);
        run.Target(1, start: 72098, end: 72728, nearest: 1589, episode: 18, height: 1246, samples: 9);
        run.Target(0, start: 72623, end: 73043, nearest: 2503, episode: 17, height: 338, samples: 6);
        run.Target(1, start: 73148, end: 73708, nearest: 2440, episode: 19, height: 395, samples: 8);
        run.Target(0, start: 73533, end: 74023, nearest: 2285, episode: 18, height: 556, samples: 7);
        run.Target(1, start: 73918, end: 74548, nearest: 2257, episode: 20, height: 578, samples: 9);
        run.Target(0, start: 74373, end: 75003, nearest: 2219, episode: 19, height: 622, samples: 9);
        run.Target(1, start: 74898, end: 75458, nearest: 2168, episode: 21, height: 667, samples: 8);
        run.Target(0, start: 75283, end: 75843, nearest: 1954, episode: 20, height: 887, samples: 8);
        run.Target(1, start: 75738, end: 76368, nearest: 1989, episode: 22, height: 846, samples: 9);
        run.Finish();

        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
        Assert.AreEqual(5, run.Pairing.Entries, run.Describe());
    }

    [TestMethod]
    public void StrollerHoodPiecesFromAStillLevel_AreNotPairedApartFromThePusher()
    {
        // mixed, footprint 2.2 m, held-out seed 105, 122-124 s: a stroller pushed out. Each zone showed a short piece of the
        // hood rising out of the still level the slow vehicle left (about 950 mm above the floor), 245 ms apart, then the
        // pusher. The two pieces read alike, but they are fragments of one long body: pairing them counted the stroller
        // apart from its pusher (two exits for one).
        var run = new PairingScript(mount: 2200);
        run.Target(1, start: 122078, end: 122288, nearest: 1254, episode: 18, height: 937, origin: TargetOrigin.Background, samples: 4);
        run.Target(1, start: 122428, end: 123338, nearest: 472, episode: 18, height: 1719, origin: TargetOrigin.Background, samples: 13);
        run.Target(0, start: 122533, end: 122813, nearest: 1232, episode: 16, height: 959, origin: TargetOrigin.Background, samples: 5);
        run.Target(0, start: 122883, end: 123793, nearest: 479, episode: 16, height: 1712, origin: TargetOrigin.Background, samples: 14);
        run.Finish();

        Assert.AreEqual(1, run.Pairing.Exits, run.Describe());
        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
    }

    [TestMethod]
    public void GapOnlyPairReadingUnlike_StillGivesWayToTheOverlappingTarget()
    {
        // A stray in zone 1 (a leaf's edge, 400 mm farther than the person) ends just before the person leaves zone 0;
        // the person's own zone-1 target overlaps them and reads alike: the stray is dropped, the person counted once.
        var run = new PairingScript(mount: 2500);
        run.Target(0, start: 1000, end: 1800, nearest: 900, episode: 1, height: 1600);
        run.Target(1, start: 1850, end: 2100, nearest: 1300, episode: 1, height: 1200);
        run.Target(1, start: 2150, end: 3000, nearest: 910, episode: 2, height: 1590);
        run.Finish();

        Assert.AreEqual(1, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void GapOnlyPairReadingAlike_WithAnOverlappingRivalReadingAlikeToo_GivesWayAsBefore()
    {
        // Three targets of equal height: nothing tells the gap-only partner from the overlapping one, so the rule of
        // overlapping partners stands (the zone-1 target that overlaps zone 0's is its partner).
        var run = new PairingScript(mount: 2500);
        run.Target(0, start: 1000, end: 1800, nearest: 900, episode: 1, height: 1600);
        run.Target(1, start: 1850, end: 2300, nearest: 905, episode: 1, height: 1595);
        run.Target(0, start: 2200, end: 3000, nearest: 910, episode: 2, height: 1590);
        run.Target(1, start: 2900, end: 3700, nearest: 900, episode: 2, height: 1600);
        run.Finish();

        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }
}
