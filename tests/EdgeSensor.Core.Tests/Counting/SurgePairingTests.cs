using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// The pairing stage in a dense one-way flow (an event gate): people about 1 s apart all walking the same way, one
/// body's target overlapping the next one's in the other zone. Once one target is left over, first-in first-out pairs
/// every target with the previous person's in the other zone: start order and end order still agree, so each is counted
/// the wrong way. Inside zone 1: zone 0 to zone 1 is an entry.
/// </summary>
[TestClass]
public sealed class SurgePairingTests
{
    [TestMethod]
    public void LeftOverTargetInADenseFlow_DoesNotLockThePairingIntoTheWrongPhase()
    {
        // event-surge, footprint 2.2 m, held-out seed 104, 183-196 s: seven people entering. Zone 0 saw the second and
        // third as one target; zone 1 saw them apart, the third 320 mm lower. The left-over zone-1 target paired with the
        // fourth person's zone-0 target as an exit, and from then on each zone-0 target with the previous zone-1 one.
        var run = new PairingScript(mount: 2200);
        run.Target(0, start: 180283, end: 181543, nearest: 528, episode: 62, height: 1665);
        run.Target(1, start: 181088, end: 182348, nearest: 533, episode: 53, height: 1659);
        run.Target(0, start: 181543, end: 182803, nearest: 597, episode: 62, height: 1596, onset: 181613);
        run.Target(1, start: 182418, end: 183678, nearest: 591, episode: 54, height: 1601);
        run.Target(0, start: 183223, end: 184553, nearest: 440, episode: 63, height: 1753);
        run.Target(1, start: 184028, end: 184728, nearest: 438, episode: 55, height: 1754);
        run.Target(1, start: 184798, end: 185428, nearest: 758, episode: 56, height: 1434);
        run.Target(0, start: 184973, end: 186023, nearest: 935, episode: 64, height: 1258);
        run.Target(1, start: 185778, end: 186898, nearest: 935, episode: 57, height: 1257);
        run.Target(0, start: 186443, end: 188753, nearest: 908, episode: 65, height: 1285);
        run.Target(1, start: 187248, end: 189628, nearest: 877, episode: 58, height: 1315);
        run.Target(0, start: 189173, end: 190433, nearest: 475, episode: 66, height: 1718);
        run.Target(1, start: 190048, end: 191238, nearest: 476, episode: 59, height: 1716);
        run.Target(0, start: 190853, end: 194283, nearest: 512, episode: 67, height: 1681);
        run.Target(1, start: 191658, end: 195088, nearest: 510, episode: 60, height: 1682);
        run.Finish();

        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
        Assert.IsTrue(run.Pairing.Entries >= 6, run.Describe());
    }

    [TestMethod]
    public void PersonReadingLowerInOneZoneWithNoOverlappingFollower_StillPairs()
    {
        // One body seen by its head in zone 0 and its shoulders in zone 1 (250 mm farther), the next person in zone 1
        // starting only after the first has left zone 0: nothing else could be its partner.
        var run = new PairingScript(mount: 2200);
        run.Target(0, start: 1000, end: 2200, nearest: 600, episode: 1, height: 1600);
        run.Target(1, start: 1800, end: 3000, nearest: 850, episode: 1, height: 1350);
        run.Target(1, start: 3300, end: 4500, nearest: 600, episode: 2, height: 1600);
        run.Target(0, start: 3900, end: 5100, nearest: 600, episode: 2, height: 1600);
        run.Finish();

        Assert.AreEqual(1, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(1, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void CounterflowWithAPartnerReadingLower_KeepsItsPartner()
    {
        // Someone entering reads 200 mm lower in zone 1 (shoulders); someone leaving, as tall as the first's head, starts
        // in zone 1 while the first is still in zone 0. The first's own zone-1 target started earlier and ended first.
        var run = new PairingScript(mount: 2200);
        run.Target(0, start: 1000, end: 2200, nearest: 600, episode: 1, height: 1600);
        run.Target(1, start: 1800, end: 2900, nearest: 800, episode: 1, height: 1400);
        run.Target(1, start: 3000, end: 4200, nearest: 610, episode: 2, height: 1590);
        run.Target(0, start: 3700, end: 4900, nearest: 610, episode: 2, height: 1590);
        run.Finish();

        Assert.AreEqual(1, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(1, run.Pairing.Exits, run.Describe());
    }
}
