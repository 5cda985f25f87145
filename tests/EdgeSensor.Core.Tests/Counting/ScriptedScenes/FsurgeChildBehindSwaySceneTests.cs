using EdgeSensor.Core.Counting;
using static EdgeSensor.Core.Tests.Counting.OneWayWalkScript;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, children in mixed traffic under a 2.8 m mount on a sensor whose zones report the nearest surface in their
/// footprint (event-surge, footprint, 2.8 m, seed 101 at 104-107 s: a dense queue, a child about 1.1 m tall right behind
/// the third of three adults). The second adult's target, split off a valley, returns to the valley's level and the zone
/// holds it as background; the third adult rises out of that level less than 0.5 m nearer, and when their target returns to
/// it, it is taken for a sway of someone standing on the level (the zone had held it only for the gap between two heads).
/// No follower behind a valley's level was then looked for, and the child behind, reading farther than the level, left no
/// target in either zone: one count lost. A level held only for a walker's pass is no stander's, and the follower's own
/// level between it and the floor is reported as after a valley split. Someone who stood on the level (2 s or more) and
/// swayed leaves only their own parts moving, and nothing is reported then.
/// </summary>
[TestClass]
public sealed class FsurgeChildBehindSwaySceneTests
{
    private const int MountMm = 2800;
    private const int Sigma = 15;
    private const int HalfPeriodMs = 35;

    // Zone 1 sees everything this many read cycles (70 ms each) after zone 0: 0.42 s.
    private const int LagCycles = 6;

    [TestMethod]
    public void ChildRightBehindAThirdAdultRisenOutOfTheGapLevel_IsCountedToo()
    {
        // Two adults split at a valley 1.45 m up, the second's target back on that level for 2 readings, a third adult's
        // head 1.75 m up (0.3 m nearer than the level) held for 8 readings, then straight down to a child's head 1.1 m up
        // held for 9 readings, and out to the floor.
        PeopleCounter counter = WalkBehindThreeAdults(levelReadings: 2, childReadings: 9);

        Assert.AreEqual(4, counter.Entries, CounterHarness.Describe(counter));
        Assert.AreEqual(0, counter.Exits, CounterHarness.Describe(counter));
    }

    [TestMethod]
    public void ThirdAdultWhoseShouldersFollowTheHead_IsCountedOnce()
    {
        // The same three adults; the third one's shoulders, 1.1 m up, are seen alone for 2 readings as they leave.
        PeopleCounter counter = WalkBehindThreeAdults(levelReadings: 2, childReadings: 2);

        Assert.AreEqual(3, counter.Entries, CounterHarness.Describe(counter));
        Assert.AreEqual(0, counter.Exits, CounterHarness.Describe(counter));
    }

    private static PeopleCounter WalkBehindThreeAdults(int levelReadings, int childReadings)
    {
        var run = new OneWayWalkScript(MountMm, Sigma, HalfPeriodMs, LagCycles, seed: 31);
        run.Floor(4000);
        var zone0 = new List<int>();
        Add(zone0, 3, 0);
        Add(zone0, [500, 1100, 1600], 1820, 10, [1450, 1450]);
        Add(zone0, [], 1780, 8, []);
        Add(zone0, levelReadings, 1450);
        Add(zone0, [], 1750, 8, []);
        Add(zone0, [], 1100, childReadings, [800, 300]);
        Add(zone0, 40, 0);
        run.Walk(zone0);
        run.Floor(3000);
        return run.Counter;
    }
}
