using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, a slow wheelchair between a child and a stroller (readings from a simulated trace, footprint model, 2.5 m
/// mount, inclusive seed 4 at 149.8 s), all entering. The chair split off the child in both zones; in zone 0 the
/// stroller's hood came in close behind it, so the chair's target there ended at the valley into the stroller, later
/// than the chair left; in zone 1 it ended on its own, 245 ms earlier. Zone 1's target began later and ended earlier
/// than zone 0's and both were dropped as someone leaning over the line and back: the wheelchair user went uncounted.
/// An end handed on to a follower is no end of the body; the onsets decide.
/// </summary>
[TestClass]
public sealed class FwchairEndHandedOnSceneTests
{
    // Depths below the floor per read cycle (zone 1, zone 0): a child ~1500 mm, the chair (~1290 mm), a stroller (hood
    // ~800 mm) and its pusher (~1650 mm).
    private static readonly int[,] ChildWheelchairStroller =
    {
        { -9, 11 }, { 10, -7 }, { 28, 4 }, { -32, -5 }, { -9, -44 }, { -57, -6 }, { 1, -17 }, { 1, 30 }, { -2, 279 },
        { -5, 500 }, { 9, 703 }, { -16, 944 }, { 1, 1165 }, { 17, 1404 }, { -5, 1486 }, { -19, 1505 }, { -28, 1495 },
        { 0, 1497 }, { -19, 1496 }, { 1493, 1492 }, { 1506, 1482 }, { 1508, 1496 }, { 1497, 280 }, { 1501, 302 },
        { 1498, 345 }, { 1494, 334 }, { 1503, 300 }, { 1286, 297 }, { 1067, 302 }, { 859, 446 }, { 610, 562 },
        { 407, 544 }, { 198, 527 }, { 292, 583 }, { 313, 536 }, { 268, 663 }, { 298, 753 }, { 296, 987 },
        { 296, 1101 }, { 555, 1292 }, { 559, 1301 }, { 542, 1298 }, { 566, 1288 }, { 555, 1282 }, { 779, 1282 },
        { 1289, 1291 }, { 1291, AlternatingZoneScript.Invalid }, { 1291, 1289 }, { 1293, 993 }, { 1281, 992 },
        { 1303, 958 }, { 1287, 977 }, { 1300, 967 }, { 1277, 973 }, { 1250, 814 }, { 1015, 796 }, { 977, 799 },
        { 991, 796 }, { 967, 798 }, { 969, 808 }, { 988, 807 }, { 979, 804 }, { 782, 800 }, { 794, 793 }, { 808, 802 },
        { 784, 786 }, { 778, 802 }, { 796, 861 }, { 791, 989 }, { 801, 970 }, { 799, AlternatingZoneScript.Invalid },
        { 813, 1016 }, { 811, 1226 }, { 808, 1341 }, { 798, 1528 }, { 976, 1645 }, { 980, 1652 }, { 966, 1644 },
        { 966, 1646 }, { 1648, 1657 }, { 1649, 1640 }, { 1649, 1646 }, { 1645, 1342 }, { 1650, 7 }, { 1648, 3 },
        { 1642, 11 }, { 1454, -39 }, { 1341, 66 }, { 1154, -33 }, { 920, 25 }, { 679, 22 }, { 474, -12 }, { 274, -38 },
        { 51, -5 }, { 19, -14 }, { -14, -43 }, { -38, -32 }, { 4, -10 }, { 23, 17 }, { 24, 20 }, { -23, 28 },
        { AlternatingZoneScript.Invalid, -22 }, { -42, 9 }, { AlternatingZoneScript.Invalid, 26 }, { 12, -1 },
        { -6, 10 }, { 21, -28 }, { -53, -21 }, { -41, 4 },
    };

    [TestMethod]
    public void ChairEndingBeforeTheValleyIntoAStroller_AllThreeCounted()
    {
        var run = new CounterZoneScript(2500, 2494, 11, 35, seed: 4);
        run.Floor(4000);
        run.Play(ChildWheelchairStroller);
        run.Floor(4000);
        Assert.AreEqual(3, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }
}
