using EdgeSensor.Core.Counting;
using static EdgeSensor.Core.Tests.Counting.OneWayWalkScript;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, a dense flow under a 3.0 m mount on a sensor whose zones report the nearest surface in their footprint
/// (event-surge, footprint, 3.0 m, seed 3, 269-272 s: an adult 1.7 m tall with a person about 0.25 m shorter right behind).
/// Neither zone sees the floor between them: each holds the first head's level and then, within one reading, the second
/// head's, 250 mm farther. A farther step of more than 200 mm used to be read as the first person's shoulders, so the
/// two stayed one target in both zones and one count. But one body's shoulders (or a backpack) behind its head stay in
/// view alone only for the little they reach beyond the head, while the head's level lasted the zone's length plus the
/// head's: a farther level held at least as long as the head before it is a second head. One adult whose shoulders
/// follow the head for a shorter time stays one count.
/// </summary>
[TestClass]
public sealed class FsurgeShorterFollowerSceneTests
{
    private const int MountMm = 3000;
    private const int Sigma = 15;
    private const int HalfPeriodMs = 35;

    // Zone 1 sees everything this many read cycles (70 ms each) after zone 0: 0.63 s.
    private const int LagCycles = 9;

    [TestMethod]
    public void ShorterPersonRightBehindAnAdult_IsCountedToo()
    {
        var run = new OneWayWalkScript(MountMm, Sigma, HalfPeriodMs, LagCycles, seed: 23);
        run.Floor(4000);
        var zone0 = new List<int>();
        Add(zone0, 3, 0);
        // An adult's head 1.85 m up for 10 readings, then straight onto a head 1.6 m up held as long.
        Add(zone0, [400, 900, 1400], 1850, 10, []);
        Add(zone0, [], 1600, 10, [1200, 700, 300]);
        Add(zone0, 40, 0);
        run.Walk(zone0);
        run.Floor(3000);

        Assert.AreEqual(2, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    [TestMethod]
    public void AdultWhoseShouldersFollowTheHead_IsCountedOnce()
    {
        var run = new OneWayWalkScript(MountMm, Sigma, HalfPeriodMs, LagCycles, seed: 23);
        run.Floor(4000);
        var zone0 = new List<int>();
        Add(zone0, 3, 0);
        // One adult: the head 1.85 m up for 8 readings, then the shoulders 1.6 m up for 4 (half as long) as the body leaves.
        Add(zone0, [400, 900, 1400], 1850, 8, []);
        Add(zone0, [], 1600, 4, [1200, 700, 300]);
        Add(zone0, 40, 0);
        run.Walk(zone0);
        run.Floor(3000);

        Assert.AreEqual(1, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }
}
