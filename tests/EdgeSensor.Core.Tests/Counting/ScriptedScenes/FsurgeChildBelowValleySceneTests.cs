using EdgeSensor.Core.Counting;
using static EdgeSensor.Core.Tests.Counting.OneWayWalkScript;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, children in mixed traffic under a 2.8 m mount on a sensor whose zones report the nearest surface in their
/// footprint (event-surge, footprint, 2.8 m, seed 310, 73-76 s: two adults close behind each other, a child about 1.27 m
/// tall right behind the second). Each zone splits the two adults at the valley between their heads and keeps the valley's
/// top as background when the second adult's target returns to it; the child behind reads farther than that level, so
/// nothing of them was a drop below the background, and they left no target in either zone: one count lost. A level of
/// its own between the valley's level and the floor, flat like a walker's head and taller than anything pushed, is that
/// follower. One adult's shoulders, seen alone for a reading or two as they leave, are no such level.
/// </summary>
[TestClass]
public sealed class FsurgeChildBelowValleySceneTests
{
    private const int MountMm = 2800;
    private const int Sigma = 15;
    private const int HalfPeriodMs = 35;

    // Zone 1 sees everything this many read cycles (70 ms each) after zone 0: 0.42 s.
    private const int LagCycles = 6;

    [TestMethod]
    public void ChildRightBehindTheSecondOfTwoAdults_IsCountedToo()
    {
        // An adult's head 1.82 m up, a valley to 1.48 m between the two heads, the second adult's head 1.78 m up, then
        // straight down to a child's head 1.26 m up held for 8 readings, and out to the floor.
        PeopleCounter counter = WalkBehindTwoAdults(lowerLevelReadings: 8);

        Assert.AreEqual(3, counter.Entries, CounterHarness.Describe(counter));
        Assert.AreEqual(0, counter.Exits, CounterHarness.Describe(counter));
    }

    [TestMethod]
    public void SecondAdultWhoseShouldersFollowTheHead_IsCountedOnce()
    {
        // The same two adults; the second one's shoulders, 1.26 m up, are seen alone for 2 readings as they leave.
        PeopleCounter counter = WalkBehindTwoAdults(lowerLevelReadings: 2);

        Assert.AreEqual(2, counter.Entries, CounterHarness.Describe(counter));
        Assert.AreEqual(0, counter.Exits, CounterHarness.Describe(counter));
    }

    private static PeopleCounter WalkBehindTwoAdults(int lowerLevelReadings)
    {
        var run = new OneWayWalkScript(MountMm, Sigma, HalfPeriodMs, LagCycles, seed: 31);
        run.Floor(4000);
        var zone0 = new List<int>();
        Add(zone0, 3, 0);
        Add(zone0, [500, 1100, 1600], 1820, 10, [1480, 1480]);
        Add(zone0, [], 1780, 8, []);
        Add(zone0, [], 1260, lowerLevelReadings, [1000, 400]);
        Add(zone0, 40, 0);
        run.Walk(zone0);
        run.Floor(3000);
        return run.Counter;
    }
}
