using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// The pairing stage against two people walking close behind each other (0.5 s) under a high mount: one zone still
/// sees them apart (the second split off a valley), the other sees one long target from the first's arrival to the
/// second's leaving. Each sequence is copied (times, distances, heights) from a simulator trace, footprint model, that
/// lost one of the two, or from one that must stay a single person (a stroller and its pusher, a loiterer, a turn-back).
/// Inside zone 1: zone 0 to zone 1 is an entry.
/// </summary>
[TestClass]
public sealed class TailgatingPairingTests
{
    [TestMethod]
    public void LongTargetOverTwoPeopleWhoReachedItsZoneFirst_CountsBoth()
    {
        // tailgating, 3.0 m, seed 4, 157 s: two people leaving (zone 1 then zone 0). Zone 1 saw one target for 1.33 s;
        // zone 0 saw the first, then the second split off a valley. The first zone-0 target lies within the long one and
        // was settled as a touch across the line: one exit instead of two.
        var run = new PairingScript();
        run.Target(0, start: 156763, end: 157253, nearest: 1308, episode: 15, height: 1682);
        run.Target(1, start: 156238, end: 157568, nearest: 1239, episode: 16, height: 1756);
        run.Target(0, start: 157253, end: 157813, nearest: 1243, episode: 15, height: 1747, onset: 157323);
        run.Finish();

        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(2, run.Pairing.Exits, run.Describe());
        Assert.AreEqual(1, run.Pairing.SpanSplits, run.Describe());
    }

    [TestMethod]
    public void LongTargetOverTwoPeopleWhoLeftTheOtherZoneFirst_CountsBoth()
    {
        // tailgating, 3.0 m, seed 3, 103 s: two people entering (zone 0 then zone 1). The second's zone-0 target ended
        // while zone 1's long target was still open and was settled at once as a touch: one entry instead of two.
        var run = new PairingScript();
        run.Target(0, start: 102513, end: 103213, nearest: 1296, episode: 4, height: 1697);
        run.Target(0, start: 103213, end: 103703, nearest: 1356, episode: 4, height: 1637, onset: 103283);
        run.Target(1, start: 103038, end: 104298, nearest: 1286, episode: 6, height: 1712);
        run.Finish();

        Assert.AreEqual(2, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void SecondPersonFinishingBeforeTheOtherZonesSplitIsConfirmed_IsNoTouch()
    {
        // RayScene, blended coverage, 2.8 m (TailgatingSceneTests): both zones split the two people apart. A split-off
        // target is closed only when the next head is confirmed, so zone 1's first target (ended at its valley, 5613 ms)
        // was still open when the second person's zone-0 target finished (5721 ms), and that one was settled as a touch
        // across the line: one entry instead of two.
        var run = new PairingScript();
        run.Target(0, start: 4713, end: 5289, nearest: 1540, episode: 1, height: 1268, reportedAt: 5433);
        run.Target(0, start: 5289, end: 5721, nearest: 1558, episode: 1, height: 1250, onset: 5433);
        run.Target(1, start: 5181, end: 5613, nearest: 1540, episode: 1, height: 1255, reportedAt: 5757);
        run.Target(1, start: 5613, end: 6045, nearest: 1564, episode: 1, height: 1231, onset: 5757);
        run.Finish();

        Assert.AreEqual(2, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void StrollerAndItsPusherUnderOneLongTarget_CountOnePerson()
    {
        // inclusive-stroller, 2.8 m, seed 1, 179 s: zone 1 split the stroller (hood 1554 mm away, read 1.24 m high) from
        // the adult pushing it (1188 mm); zone 0 saw both as one. The hood is 366 mm below the head: not a second person.
        var run = new PairingScript();
        run.Target(1, start: 178358, end: 179268, nearest: 1554, episode: 21, height: 1240, onset: 178428);
        run.Target(1, start: 179268, end: 180458, nearest: 1188, episode: 21, height: 1606, onset: 179338);
        run.Target(0, start: 179023, end: 181053, nearest: 1177, episode: 15, height: 1616);
        run.Finish();

        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(1, run.Pairing.Exits, run.Describe());
        Assert.AreEqual(0, run.Pairing.SpanSplits, run.Describe());
    }

    [TestMethod]
    public void LoitererWhoseStaySplitsInOneZone_IsNoSecondPerson()
    {
        // loiter, 2.5 m, seed 103, 318 s: someone stood 22 s under the sensor; zone 0 split the stay in two, the second
        // piece confirmed only at its end. Their lags between the zones (0.5 s arriving, 7 s leaving) are no walk.
        var run = new PairingScript();
        run.Target(0, start: 317833, end: 325533, nearest: 864, episode: 15, height: 1628);
        run.Target(0, start: 325533, end: 333723, nearest: 1130, episode: 15, height: 1362, onset: 333653);
        run.Target(1, start: 318288, end: 340968, nearest: 839, episode: 13, height: 1645);
        run.Finish();

        Assert.AreEqual(0, run.Pairing.SpanSplits, run.Describe());
        Assert.IsTrue(run.Pairing.Entries + run.Pairing.Exits <= 1, run.Describe());
    }

    [TestMethod]
    public void PersonLeaningOverTheLineAndComingBack_CountsNothing()
    {
        // turn-back, 2.8 m, seed 105, 48 s: the person's zone-1 reading split while they leaned into zone 0 (the new head
        // confirmed only 70 ms before that piece ended), then they came back into zone 1.
        var run = new PairingScript();
        run.Target(1, start: 48438, end: 49348, nearest: 1198, episode: 2, height: 1598);
        run.Target(1, start: 49348, end: 50258, nearest: 1471, episode: 2, height: 1325, onset: 50188);
        run.Target(0, start: 49103, end: 50573, nearest: 1202, episode: 3, height: 1591);
        run.Target(1, start: 50328, end: 50888, nearest: 1199, episode: 2, height: 1597, origin: TargetOrigin.Background);
        run.Finish();

        Assert.AreEqual(0, run.Pairing.SpanSplits, run.Describe());
        Assert.AreEqual(0, run.Pairing.Entries + run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void DoorLeafAppearingInBothZonesAtOnce_IsNoPairOfPeople()
    {
        // door, raster model, 3.2 m, 50 ms timing budget, seed 2, 154 s: a leaf standing open drops below the background
        // in one zone and, one read cycle later (52 ms), in the other, where it splits in two. Cut in two, the span's
        // second part no longer showed the simultaneous onset the door rule looks for, and was counted.
        var run = new PairingScript(timingBudgetMs: 50);
        run.Target(1, start: 154490, end: 154906, nearest: 2120, episode: 7, height: 1142, origin: TargetOrigin.Background);
        run.Target(0, start: 154542, end: 154750, nearest: 1962, episode: 9, height: 1287, origin: TargetOrigin.Background);
        run.Target(0, start: 154750, end: 155062, nearest: 1782, episode: 9, height: 1467, onset: 154854);
        run.Finish();

        Assert.AreEqual(0, run.Pairing.SpanSplits, run.Describe());
        Assert.IsTrue(run.Pairing.Entries + run.Pairing.Exits <= 1, run.Describe());
    }

    [TestMethod]
    public void DoorLeafClosingBehindAPerson_IsNoSecondPerson()
    {
        // door, raster model, 2.8 m, seed 208, 77 s: an adult leaves (zone 1, top 1076 mm away, then zone 0) and the leaf
        // closes behind them; zone 1 saw adult and leaf as one target, zone 0 split the leaf's edge (1550 mm) off the
        // adult (1275 mm). The edge comes 474 mm less near than the long target's top: no second head.
        var run = new PairingScript();
        run.Target(1, start: 77488, end: 78958, nearest: 1076, episode: 5, height: 1765);
        run.Target(0, start: 77873, end: 78503, nearest: 1275, episode: 6, height: 1566);
        run.Target(0, start: 78503, end: 79203, nearest: 1550, episode: 6, height: 1291, onset: 78783);
        run.Finish();

        Assert.AreEqual(0, run.Pairing.SpanSplits, run.Describe());
        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(1, run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void SwayOfSomeoneStandingConfirmedOnlyAtItsEnd_IsNotPutBack()
    {
        // loiter, raster model, 3.0 m, seed 209, 212 s: someone stands in zone 0 at the line (zone 1 sees their shoulders);
        // zone 0's reading splits, the new head confirmed only 70 ms before that piece ended, and zone 1's splits 4.7 s
        // after its valley. The piece settled as a touch outlasted zone 1's first target, but it is a sway, not a second
        // person passing: put back, it paired with zone 1's last piece as an entry.
        var run = new PairingScript();
        run.Target(0, start: 205623, end: 212623, nearest: 1775, episode: 9, height: 1272, reportedAt: 214233);
        run.Target(0, start: 212623, end: 214303, nearest: 1873, episode: 9, height: 1174, onset: 214233);
        run.Target(1, start: 206288, end: 211818, nearest: 2335, episode: 13, height: 720, reportedAt: 216508);
        run.Target(1, start: 211818, end: 216578, nearest: 2349, episode: 13, height: 706, onset: 216508);
        run.Finish();

        Assert.AreEqual(0, run.Pairing.Entries + run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void OnePersonWhoseReadingSplitInOneZone_CountsOnce()
    {
        // One adult (top 1180 mm) crossing at a steady pace: zone 0 splits their pass in two short halves (a shoulder
        // dip), zone 1 sees one ordinary pass. The span is one body's length, not two.
        var run = new PairingScript();
        run.Target(0, start: 10000, end: 10420, nearest: 1184, episode: 1, height: 1320);
        run.Target(0, start: 10420, end: 10770, nearest: 1181, episode: 1, height: 1320, onset: 10490);
        run.Target(1, start: 10525, end: 11295, nearest: 1178, episode: 1, height: 1320);
        run.Finish();

        Assert.AreEqual(1, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }
}
