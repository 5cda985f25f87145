using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, a wheelchair user right behind an adult in a dense flow (readings from a simulated trace, footprint model,
/// 2.2 m mount, event-surge seed 5 at 180.9 s), then another adult. In zone 0 the chair's footrest (~300 mm) came in as the
/// adult left, so the zone held it as a still level and the user's target rose out of it a reading late; zone 1 read its
/// floor between the two and began the chair's target on the footrest. The onsets came 35 ms apart in the wrong order,
/// the ends 315 ms apart in the right one, and the pair was refused as a turn-back: the wheelchair user went uncounted.
/// Onsets less than a read cycle apart are simultaneous to the zones; the order they were left in decides.
/// </summary>
[TestClass]
public sealed class WheelchairOnsetTogetherSceneTests
{
    // Depths below the floor per read cycle (zone 1, zone 0); three entries (zone 0 to zone 1): an adult ~1600 mm, the
    // chair (footrest ~300 mm, then the seated user ~1275 mm), an adult ~1590 mm.
    private static readonly int[,] AdultWheelchairAdult =
    {
        { 12, 7 }, { 8, -14 }, { -13, -11 }, { 16, -2 }, { 26, 17 }, { 11, 5 }, { -14, -10 }, { -8, 8 }, { -5, 198 },
        { 24, 658 }, { 5, 1081 }, { 4, 1317 }, { 0, 1599 }, { -11, 1595 }, { 1598, 1596 }, { 1592, 1310 }, { 1600, 307 },
        { 1410, 293 }, { 1171, 285 }, { 731, 295 }, { 297, 304 }, { 18, 299 }, { -5, 309 }, { 299, 551 }, { 296, 606 },
        { 297, 664 }, { 302, 818 }, { 290, 813 }, { 284, 800 }, { 304, 1042 }, { 604, 1226 }, { 806, 1272 }, { 800, 1276 },
        { 820, 1274 }, { 1265, 1274 }, { 1284, 1273 }, { 1282, 1278 }, { 1276, 834 }, { 1274, 1070 }, { 1278, 1362 },
        { 1185, 1464 }, { 1001, 1564 }, { 837, 1594 }, { 1459, 1593 }, { 1583, 1586 }, { 1588, 1464 }, { 1582, 0 },
        { 1563, -13 }, { 1470, -12 }, { 1385, 18 }, { 1091, -18 }, { 799, -5 }, { 509, 7 }, { 229, 12 }, { -24, 1 },
        { -14, 7 }, { 0, 17 }, { -19, -26 }, { -15, 28 }, { -3, -11 }, { -6, -6 }, { -14, 5 }, { 29, 8 }, { 25, -30 },
    };

    [TestMethod]
    public void ChairRisingOutOfItsFootrestInOneZone_AllThreeCounted()
    {
        var run = new CounterZoneScript(2200, 2201, 11, 35, seed: 5);
        run.Floor(4000);
        run.Play(AdultWheelchairAdult);
        run.Floor(4000);
        Assert.AreEqual(3, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }
}
