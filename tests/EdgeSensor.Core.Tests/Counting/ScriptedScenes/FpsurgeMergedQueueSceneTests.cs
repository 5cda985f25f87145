using EdgeSensor.Core.Counting;
using static EdgeSensor.Core.Tests.Counting.OneWayWalkScript;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, a dense queue under a 3.0 m mount on a sensor whose zones report the nearest surface in their footprint
/// (event-surge, footprint, 3.0 m, seed 3, 230-234 s: two adults 0.5 m apart at a queue's 0.7 m/s after two others).
/// The first two leave a valley between them, so the zones hold the level of that valley as their background; the next
/// two walk in out of it a fraction of a second later, so close that neither zone ever sees the floor between their
/// heads, and each zone holds them as one target about 2.7 times as long as the lag between the zones. They are two
/// people, as they are when the same pair rises from the empty floor. A stroller and its pusher close behind an adult,
/// whose hood and pusher each zone holds as long as two close walkers, stay one crossing (FpsurgeMergedPairTests holds
/// the pusher who rose out of a hood the zone had held as its background).
/// </summary>
[TestClass]
public sealed class FpsurgeMergedQueueSceneTests
{
    private const int MountMm = 3000;
    private const int Sigma = 15;
    private const int HalfPeriodMs = 35;

    // Zone 1 sees everything this many read cycles (70 ms each) after zone 0: 0.63 s, a walk of 0.45 m at 0.7 m/s.
    private const int LagCycles = 9;

    [TestMethod]
    public void TwoAdultsMergedOutOfAQueuesBackground_AreBothCounted()
    {
        var run = new OneWayWalkScript(MountMm, Sigma, HalfPeriodMs, LagCycles, seed: 23);
        run.Floor(4000);
        var zone0 = new List<int>();
        // Two adults with a valley between them (the gap shows the floor only in part), then back to that level.
        Add(zone0, 3, 0);
        Add(zone0, [400, 900, 1400], 1650, 7, [1400, 900]);
        Add(zone0, 3, 700);
        Add(zone0, [1200], 1650, 7, []);
        Add(zone0, 3, 700);
        // Two adults 0.5 m apart, heads 1850 and 1830 mm up: one flat head level for 1.6 s.
        Add(zone0, [1100, 1500], 1850, 10, []);
        Add(zone0, [], 1830, 9, [1400, 900, 400]);
        Add(zone0, 40, 0);
        run.Walk(zone0);
        run.Floor(3000);

        Assert.AreEqual(4, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    [TestMethod]
    public void PusherOutOfAStrollersHoodHeldAsBackground_IsCountedOnce()
    {
        var run = new OneWayWalkScript(MountMm, Sigma, HalfPeriodMs, LagCycles, seed: 23);
        run.Floor(4000);
        var zone0 = new List<int>();
        // An adult, a valley, then a stroller's hood (0.95 m up) for 1.1 s and its pusher (1.75 m) over the handle: one
        // target split off the valley, held as long as two close walkers would be.
        Add(zone0, 3, 0);
        Add(zone0, [400, 900, 1400], 1650, 7, [1400, 900]);
        Add(zone0, 3, 500);
        Add(zone0, [800], 950, 16, []);
        Add(zone0, [1300], 1750, 23, [1400, 900, 400]);
        Add(zone0, 40, 0);
        run.Walk(zone0);
        run.Floor(3000);

        Assert.AreEqual(2, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }
}
