using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, children in mixed traffic under a footprint-model zone (event-surge, footprint, 2.5-3.0 m, seeds 2-3, ~230 s
/// and ~234 s): a child about 1.0 m tall walking right ahead of an adult 1.8 m tall in a slow queue (0.7-0.8 m/s), no
/// floor between them in either zone. The child's level stands below the 1150 mm the child-ahead split asks (a stroller's
/// hood stands as high) and the child and adult stayed one target in each zone: one count. What tells a child from a hood
/// is length along the path, at the pace the adult's own head level gives: in the zone passed second the child's level,
/// from the target's start to the adult's head, is about 0.3-0.5 m long, a stroller's hood 0.8 m or more ahead of its
/// pusher's head. That zone splits the two; the zone passed first, where the zone's slanted edge adds to the child's lead,
/// holds them as one target, which the pairing cuts at the other zone's two bodies (TwoBodySpan). The child comes into zone
/// 1 (over the line) about as long after zone 0 as it takes to walk zone 0's length at its head height; the adult's head
/// comes into zone 1 three read cycles (0.21 s) after zone 0, the zone being shorter at head height.
/// </summary>
[TestClass]
public sealed class FsurgeChildShortAlongPathSceneTests
{
    private const int MountMm = 2500;
    private const int Sigma = 15;
    private const int HalfPeriodMs = 35;

    // The low one comes into zone 1 this many read cycles after zone 0 (its walk over zone 0's 0.36 m at 1.0 m high),
    // the tall one's head HeadLagCycles after (zone 0's 0.17 m at 1.8 m high), at about 0.65 m/s.
    private const int LowLagCycles = 8;
    private const int HeadLagCycles = 3;

    [TestMethod]
    public void ChildShortAlongThePath_RightAheadOfAnAdult_IsCountedToo()
    {
        // Zone 1 holds the child's level for 8 readings (0.63 s from the target's start to the adult's head) and the adult's
        // head for 8 (0.49 s: ~0.65 m/s over the zone's 0.17 m at head height and the head's 0.15 m): 0.41 m long. In zone 0
        // the zone's slanted edge adds 0.2 m: one target there.
        PeopleCounter counter = WalkLowThenTall(lowReadingsInZone0: 10, tallReadings: 8);

        Assert.AreEqual(2, counter.Entries, CounterHarness.Describe(counter));
        Assert.AreEqual(0, counter.Exits, CounterHarness.Describe(counter));
    }

    [TestMethod]
    public void HoodLongAlongThePath_StaysOneWithItsPusher()
    {
        // The same heights, but the low level lasts 13 readings in zone 1 before a head held 6 (~0.9 m/s): 0.9 m ahead of
        // the head, a stroller's hood, one crossing with its pusher.
        PeopleCounter counter = WalkLowThenTall(lowReadingsInZone0: 15, tallReadings: 6);

        Assert.AreEqual(1, counter.Entries, CounterHarness.Describe(counter));
        Assert.AreEqual(0, counter.Exits, CounterHarness.Describe(counter));
    }

    // Zone 0 (passed first): the low one's way in and its level, then the tall one's way in, head and way out. Zone 1: the
    // same bodies later, each coming in over the line as a step; the low level is two readings shorter there (the tall
    // one's shoulders reach zone 0's slanted edge before its head does).
    private static PeopleCounter WalkLowThenTall(int lowReadingsInZone0, int tallReadings)
    {
        var zone0 = new List<int>();
        OneWayWalkScript.Add(zone0, [400, 800], 1000, lowReadingsInZone0, []);
        OneWayWalkScript.Add(zone0, [1400, 1650], 1800, tallReadings, [600]);
        var zone1 = new List<int>();
        OneWayWalkScript.Add(zone1, LowLagCycles, 0);
        int lowReadingsInZone1 = lowReadingsInZone0 + 4 + HeadLagCycles - LowLagCycles - 1;
        OneWayWalkScript.Add(zone1, [900], 1000, lowReadingsInZone1 - 1, []);
        OneWayWalkScript.Add(zone1, [1750], 1800, tallReadings - 1, [900, 300]);

        var run = new CounterZoneScript(MountMm, MountMm, Sigma, HalfPeriodMs, seed: 23);
        run.Floor(4000);
        run.Play(zone0, zone1);

        run.Floor(4000);
        return run.Counter;
    }
}
