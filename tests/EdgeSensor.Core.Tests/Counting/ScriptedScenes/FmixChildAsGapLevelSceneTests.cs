using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, children in mixed traffic under a footprint-model zone (event-surge, footprint, 2.8 and 3.0 m, seed 3, ~234 s):
/// in a queue, a child about 1.0 m tall walks right behind one adult and right ahead of the next. In the zone passed first
/// the adult ahead had split off the one before at a shallow valley, and the zone holds that valley's level (as near as the
/// adults' shoulders) as the level the adult rose from; when that adult leaves, the zone takes what it reads next for that
/// level, following it slowly down, and the child reads farther than it the whole time: no target, the child is the gap
/// between two walkers. The next adult then rises out of it as a target of its own (born out of a background), and the
/// other zone, whose level had followed the first adult's slower way out down to near the floor, shows the child and the
/// adult stepping straight up out of its level. The pairing asked whether the adult's one target covered the other zone's
/// two bodies, but measured the child's arrival from that target's start, which came just before the child reached the other
/// zone, against the adult's lag of several read cycles: refused, and the child was lost. The level the target rose out of was the child.
/// </summary>
[TestClass]
public sealed class FmixChildAsGapLevelSceneTests
{
    private const int MountMm = 2800;
    private const int Sigma = 15;
    private const int HalfPeriodMs = 35;

    // The adults ahead come into zone 1 this many read cycles after zone 0.
    private const int LagCycles = 5;

    [TestMethod]
    public void ChildReadAsTheGapLevel_BetweenTwoAdults_IsCountedToo()
    {
        var zone0 = new List<int>();
        OneWayWalkScript.Add(zone0, [600, 1200], 1850, 6, [1550]);
        OneWayWalkScript.Add(zone0, [], 1850, 6, [1500, 350]);
        OneWayWalkScript.Add(zone0, [650, 850], 1000, 8, []);
        OneWayWalkScript.Add(zone0, [1100, 1350, 1550, 1800], 1900, 8, [1500, 900, 300]);
        var zone1 = new List<int>();
        OneWayWalkScript.Add(zone1, LagCycles, 0);
        OneWayWalkScript.Add(zone1, [600, 1200], 1850, 6, [1550]);
        OneWayWalkScript.Add(zone1, [], 1850, 6, [1600, 1450, 1250, 1050, 800, 600, 400, 200]);
        OneWayWalkScript.Add(zone1, [], 1000, 8, []);
        OneWayWalkScript.Add(zone1, [1850], 1900, 10, [1500, 900, 300]);

        var run = new CounterZoneScript(MountMm, MountMm, Sigma, HalfPeriodMs, seed: 29);
        run.Floor(4000);
        run.Play(zone0, zone1);
        run.Floor(4000);

        Assert.AreEqual(4, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }
}
