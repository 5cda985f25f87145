using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, children in mixed traffic under a footprint-model zone (event-surge, footprint, 2.8-3.0 m, seeds 104, 302,
/// 308): a child about 1.1 m tall walking slowly (0.5-0.6 m/s, a queue) right ahead of an adult, no floor between them in
/// either zone. The zone passed first holds the two as one target; in the other the adult's head steps straight up out of
/// the child's level (a valley split with nothing lower between), which cuts the child's own target short there: from
/// then on that zone reads the adult's nearer head while the child is still under it. The pairing measured the child's
/// lag between the zones against that cut-short target (its lag longer than its stay plus the pair gap, its pass seen
/// shorter than half a lag) and the one target's length against two lags, which two walkers closer than a zone's length
/// do not reach, refused to cut the one target at the two bodies and counted one.
/// </summary>
[TestClass]
public sealed class FmixChildCutShortSceneTests
{
    private const int MountMm = 2800;
    private const int Sigma = 15;
    private const int HalfPeriodMs = 35;

    // Each body comes into zone 1 this many read cycles after zone 0: a slow queue's pace.
    private const int LagCycles = 18;

    [TestMethod]
    public void SlowChild_CutShortByTheAdultStepping_IsCountedToo()
    {
        PeopleCounter counter = WalkChildThenAdult();

        Assert.AreEqual(2, counter.Entries, CounterHarness.Describe(counter));
        Assert.AreEqual(0, counter.Exits, CounterHarness.Describe(counter));
    }

    // Zone 0 (passed first): the child's way in and level, then the adult's head rising gradually out of it, held, and the
    // adult's back going. Zone 1: the child LagCycles later, out of the floor; the adult's head comes in sooner after it
    // there (the zone is shorter at head height) and steps straight up out of its level; the adult leaves LagCycles after
    // leaving zone 0.
    private static PeopleCounter WalkChildThenAdult()
    {
        const int child = 1100;
        const int adult = 1800;
        int[] back = [1650, 1500, 1350, 1200, 1050, 900, 750, 600, 450, 300];
        var zone0 = new List<int>();
        OneWayWalkScript.Add(zone0, [500, 800], child, 12, []);
        OneWayWalkScript.Add(zone0, [1200, 1400, 1600], adult, 10, back[5..]);
        var zone1 = new List<int>();
        OneWayWalkScript.Add(zone1, LagCycles, 0);
        OneWayWalkScript.Add(zone1, [child - 100], child, 8, []);
        OneWayWalkScript.Add(zone1, [adult - 50], adult, 12, back);

        var run = new CounterZoneScript(MountMm, MountMm, Sigma, HalfPeriodMs, seed: 29);
        run.Floor(4000);
        run.Play(zone0, zone1);

        run.Floor(4000);
        return run.Counter;
    }
}
