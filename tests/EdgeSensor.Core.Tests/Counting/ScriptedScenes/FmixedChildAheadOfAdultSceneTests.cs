using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, children in mixed traffic under a footprint-model zone (event-surge, footprint, 2.5 m, seed 3, ~234-236 s;
/// 3.0 m, seed 104, ~129 s): a child about 1.2 m tall walking right ahead of an adult 1.85 m tall in a queue, the adult's
/// head coming in as the child's leaves, no floor between them in either zone. Each zone splits the two at the step from
/// the child's level to the adult's. The adult's head came into the outside zone (0) after the child's had come into the
/// inside zone (1), the shape of a stroller pushed over the line ahead of its pusher, and zone 0 merged the two as one
/// (CrossingStateMachine.TakesOverVehicle) although the child held zone 0 no longer than the adult did: the child was
/// lost. A stroller and the reach to its handle are longer than the pusher's body, so in neither zone do they hold it for
/// less time than the pusher; a child right ahead of an adult is cut short by the adult's head in at least one (here zone
/// 1: 0.49 s against 0.84 s). Zone 1 reads each body three read cycles (0.21 s) after zone 0.
/// </summary>
[TestClass]
public sealed class FmixedChildAheadOfAdultSceneTests
{
    private const int MountMm = 2500;
    private const int Sigma = 15;
    private const int HalfPeriodMs = 35;
    private const int LagCycles = 3;

    [TestMethod]
    public void ChildRightAheadOfAnAdult_IsCountedToo()
    {
        // Zone 1 holds the child's level for 4 readings and the adult's head for 8.
        PeopleCounter counter = WalkLowThenTall(lowReadingsInZone1: 4, tallReadingsInZone1: 8);

        Assert.AreEqual(2, counter.Entries, CounterHarness.Describe(counter));
        Assert.AreEqual(0, counter.Exits, CounterHarness.Describe(counter));
    }

    [TestMethod]
    public void LowOneAsLongAsTheTallOneInBothZones_IsOneBody()
    {
        // The same shape, but zone 1 too holds the low level at least as long as the head behind it: a stroller's hood and
        // its pusher, one crossing.
        PeopleCounter counter = WalkLowThenTall(lowReadingsInZone1: 7, tallReadingsInZone1: 5);

        Assert.AreEqual(1, counter.Entries, CounterHarness.Describe(counter));
        Assert.AreEqual(0, counter.Exits, CounterHarness.Describe(counter));
    }

    // Zone 0: the low one's way in and its level for 4 readings (0.49 s), then the tall one's way in, head for 4 readings
    // and way out (0.49 s). Zone 1: the same bodies 3 read cycles later, held as long as asked.
    private static PeopleCounter WalkLowThenTall(int lowReadingsInZone1, int tallReadingsInZone1)
    {
        var zone0 = new List<int>();
        OneWayWalkScript.Add(zone0, [400, 800, 1100], 1200, 4, []);
        OneWayWalkScript.Add(zone0, [1450, 1700], 1850, 4, [600]);
        var zone1 = new List<int>();
        OneWayWalkScript.Add(zone1, LagCycles, 0);
        OneWayWalkScript.Add(zone1, [400, 800, 1100], 1200, lowReadingsInZone1, []);
        OneWayWalkScript.Add(zone1, [1450, 1700], 1850, tallReadingsInZone1, [900, 300]);

        var run = new CounterZoneScript(MountMm, MountMm, Sigma, HalfPeriodMs, seed: 23);
        run.Floor(4000);
        run.Play(zone0, zone1);

        run.Floor(4000);
        return run.Counter;
    }
}
