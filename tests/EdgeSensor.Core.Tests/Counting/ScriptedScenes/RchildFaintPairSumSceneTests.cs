using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, children alone at a high mount (raster model, 2.8-3.0 m): a faint crossing (FaintCrossing) asked each zone's
/// window of 8 readings to sum to 10 sigma. The two zones are mirror halves of one view and a child blends into both
/// alike, but each window's own noise spreads its sum by about 2.8 sigma, so a child at about 9 sigma in each zone reads
/// 7 in one and 11 in the other as often as not and was lost. The two zones' windows together (each 6 sigma or more, 18
/// between them, in walking order) count it; a dip in one zone with the other under 6 sigma does not, nor a pair of weak
/// dips before each zone has tracked its noise for 512 readings (its sigma may still be 10-15 % low then).
/// </summary>
[TestClass]
public sealed class RchildFaintPairSumSceneTests
{
    private const int FloorMm = 2750;
    private const int Sigma = 50;
    private const int HalfPeriodMs = 35;

    // Against the 44-50 mm of noise these zones measure after 40 s of the script's floor: 8 readings at 45 mm sum to 7-8
    // sigma (under 10), at 80 mm to 13-14.5 sigma; together 20-22 sigma.
    private const int WeakMm = 45;
    private const int FaintMm = 80;

    // Well under 6 sigma over 8 readings (3.2-3.6 sigma).
    private const int TraceMm = 20;

    // Against the 35-40 mm these zones measure after 10 s: 7-8 sigma and 12-14 sigma, 19-22 together.
    private const int EarlyWeakMm = 35;
    private const int EarlyFaintMm = 60;

    [TestMethod]
    public void WeakAndFaintDipsInWalkingOrder_CountTheChild()
    {
        CounterZoneScript run = Settled(40000);
        // Zone 0 (outside) for 630 ms, weakly, the last three readings as the child reaches zone 1 (inside), then zone 1 alone.
        run.WalkIn(WeakMm, FaintMm);
        run.Floor(3000);
        Assert.AreEqual(1, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    // The other zone shows only a trace: one zone's faint dip is no crossing, however the other zone's noise adds to it.
    [TestMethod]
    public void FaintDipWithATraceInTheOtherZone_IsNoCrossing()
    {
        CounterZoneScript run = Settled(40000);
        run.WalkIn(TraceMm, FaintMm);
        run.Floor(3000);
        Assert.AreEqual(0, run.Counter.Entries + run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    // The same weak pair 10 s after boot: the zones' noise estimates have not settled enough for a weak dip yet.
    [TestMethod]
    public void WeakPairBeforeTheNoiseSettled_IsNoCrossing()
    {
        CounterZoneScript run = Settled(10000);
        run.WalkIn(EarlyWeakMm, EarlyFaintMm);
        run.Floor(3000);
        Assert.AreEqual(0, run.Counter.Entries + run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    private static CounterZoneScript Settled(int floorMs)
    {
        var run = new CounterZoneScript(2800, FloorMm, Sigma, HalfPeriodMs, seed: 5);
        run.Floor(floorMs);
        return run;
    }
}
