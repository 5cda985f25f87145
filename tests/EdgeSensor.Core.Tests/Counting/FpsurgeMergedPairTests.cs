using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// <see cref="MergedPair"/> on targets born out of a background, copied (times, distances, heights, how long the zone had
/// held the level before) from footprint simulator traces at 3.0 m. In a dense queue every target rises out of the short
/// gap behind the person ahead; a stroller's pusher rises out of the hood the zone held for longer.
/// </summary>
[TestClass]
public sealed class FpsurgeMergedPairTests
{
    // Each zone is ranged once every two 33 ms timing budgets.
    private const int ReadCycleMs = 66;

    [TestMethod]
    public void TwoAdultsOutOfAQueuesGap_AreTwoPeople()
    {
        // event-surge, 3.0 m, seed 3, 232.3 s and 233.0 s: two adults 0.5 m apart, each zone held them 1.75 s against a
        // lag of 0.67 s (2.6 lags); the zones had held the gap behind the person ahead for 140 and 70 ms.
        TargetSummary zone0 = Target(230473, 232223, nearest: 1117, height: 1874, earlyNearest: 1161, heldMs: 140);
        TargetSummary zone1 = Target(231138, 232888, nearest: 1128, height: 1859, earlyNearest: 1128, heldMs: 70);

        Assert.IsTrue(MergedPair.IsTwoPeople(zone0, zone1, ReadCycleMs));
    }

    [TestMethod]
    public void PusherOutOfAStrollersHoodHeldAsBackground_IsOnePerson()
    {
        // inclusive-stroller, 3.0 m, seed 5, 198.2 s (an exit: zone 1 first): the pusher rose out of the stroller's hood,
        // which each zone had held for 0.9 s, and held each zone 2.2 lags.
        TargetSummary zone0 = Target(197223, 198903, nearest: 1306, height: 1686, earlyNearest: 0, heldMs: 910);
        TargetSummary zone1 = Target(196418, 198168, nearest: 1301, height: 1691, earlyNearest: 1320, heldMs: 910);

        Assert.IsFalse(MergedPair.IsTwoPeople(zone0, zone1, ReadCycleMs));
    }

    [TestMethod]
    public void BackgroundHeldForAnUnknownTime_IsNoWalk()
    {
        // The queue's pair, but the time the level was held is not known (0): nothing says the level was a gap.
        TargetSummary zone0 = Target(230473, 232223, nearest: 1117, height: 1874, earlyNearest: 1161, heldMs: 0);
        TargetSummary zone1 = Target(231138, 232888, nearest: 1128, height: 1859, earlyNearest: 1128, heldMs: 0);

        Assert.IsFalse(MergedPair.IsTwoPeople(zone0, zone1, ReadCycleMs));
    }

    [TestMethod]
    public void OneAdultOutOfAQueuesGap_IsOnePerson()
    {
        // event-surge, 3.0 m, seed 3, 230.1 s: one adult out of the gap behind the person ahead, 1.4 lags in each zone.
        TargetSummary zone0 = Target(228303, 229353, nearest: 1333, height: 1658, earlyNearest: 1333, heldMs: 70);
        TargetSummary zone1 = Target(228968, 230018, nearest: 1332, height: 1655, earlyNearest: 1332, heldMs: 140);

        Assert.IsFalse(MergedPair.IsTwoPeople(zone0, zone1, ReadCycleMs));
    }

    private static TargetSummary Target(long start, long end, int nearest, int height, int earlyNearest, long heldMs)
    {
        return new TargetSummary
        {
            StartMs = start,
            OnsetMs = start,
            CoreStartMs = start,
            EndMs = end,
            NearestMillimeters = nearest,
            FarthestCoreMillimeters = nearest,
            HeightMillimeters = height,
            Samples = (int)((end - start) / ReadCycleMs),
            Origin = TargetOrigin.Background,
            NearestWhenOtherRoseMillimeters = earlyNearest,
            BackgroundHeldMs = heldMs,
        };
    }
}
