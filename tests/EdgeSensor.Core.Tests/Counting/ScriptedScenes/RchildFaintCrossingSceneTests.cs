using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, children alone at a high mount (raster model, 2.8-3.0 m): a small child blends into each zone at only about 1.5
/// sigma of the floor noise, under the enter threshold, the weak dip (2.5 sigma over three readings) and its long look (1.75
/// sigma over six), so neither zone opens a target and nothing is paired. Over both zones together the passage still shows:
/// a shallow dip of about a zone's passage time in the zone the child comes from, then one in the other zone, in walking
/// order, overlapping at the line, and the first zone back on its floor afterwards (FaintCrossing). A turn-back reverses
/// that order on its way back, one zone alone is no crossing, nor are two dips apart in time, nor a faint edge next to a
/// body that reads clearly in the other zone.
/// </summary>
[TestClass]
public sealed class RchildFaintCrossingSceneTests
{
    private const int FloorMm = 2750;
    private const int Sigma = 50;
    private const int HalfPeriodMs = 35;

    // 1.5-1.7 sigma of the noise these zones measure after the script's floor (35-40 mm): a target in one zone at most (the
    // weak dip's long look asks six readings at 1.75 sigma), while eight readings sum to 12-14 sigma.
    private const int FaintMm = 60;

    [TestMethod]
    public void FaintDipsInWalkingOrder_CountTheChild()
    {
        CounterZoneScript run = Settled();
        // Zone 0 (outside) for 630 ms, the last three readings as the child reaches zone 1 (inside), then zone 1 alone.
        run.Both(6, 0, FaintMm);
        run.Both(3, FaintMm, FaintMm);
        run.Both(6, FaintMm, 0);
        run.Floor(3000);
        Assert.AreEqual(1, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    // The same child turning back over the line: zone 0 dips again after zone 1 (the order reverses).
    [TestMethod]
    public void FaintTurnBack_IsNoCrossing()
    {
        CounterZoneScript run = Settled();
        run.Both(6, 0, FaintMm);
        run.Both(3, FaintMm, FaintMm);
        run.Both(6, FaintMm, 0);
        run.Both(3, FaintMm, FaintMm);
        run.Both(6, 0, FaintMm);
        run.Floor(3000);
        Assert.AreEqual(0, run.Counter.Entries + run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    // A child who came from zone 1's side, stepped into zone 0 and went back: zone 1 dipped before zone 0 did.
    [TestMethod]
    public void FaintTurnBackFromTheOtherSide_IsNoCrossing()
    {
        CounterZoneScript run = Settled();
        run.Both(6, FaintMm, 0);
        run.Both(3, FaintMm, FaintMm);
        run.Both(6, 0, FaintMm);
        run.Both(3, FaintMm, FaintMm);
        run.Both(6, FaintMm, 0);
        run.Floor(3000);
        Assert.AreEqual(0, run.Counter.Entries + run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    // A faint dip in one zone only (someone at the edge of the view who never came near the line).
    [TestMethod]
    public void FaintDipInOneZone_IsNoCrossing()
    {
        CounterZoneScript run = Settled();
        run.Both(12, 0, FaintMm);
        run.Floor(3000);
        Assert.AreEqual(0, run.Counter.Entries + run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    // The same two dips with zone 0 back on its floor for 630 ms before zone 1 dips: a body crossing the line is in both
    // zones' views at once, so these are two stray dips, not one passage.
    [TestMethod]
    public void FaintDipsApartInTime_AreNoCrossing()
    {
        CounterZoneScript run = Settled();
        run.Both(9, 0, FaintMm);
        run.Both(9, 0, 0);
        run.Both(9, FaintMm, 0);
        run.Floor(3000);
        Assert.AreEqual(0, run.Counter.Entries + run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    // Someone who reads clearly in zone 0 (a target at more than twice the enter delta: an adult stepping up to the line
    // and back) while their edge shows faintly in zone 1 in walking order: a body that reads clearly in one zone reads
    // clearly in the other when it crosses, so the faint dip is no crossing (the pairing stage dropped the lone target).
    [TestMethod]
    public void ClearTargetWithAFaintEdgeInTheOtherZone_IsNoCrossing()
    {
        CounterZoneScript run = Settled();
        run.Both(5, 0, 600);
        run.Both(3, FaintMm, 600);
        run.Both(6, FaintMm, 0);
        run.Floor(3000);
        Assert.AreEqual(0, run.Counter.Entries + run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    // Ten seconds of floor: each zone has measured its noise over more than 128 readings since it calibrated.
    private static CounterZoneScript Settled()
    {
        var run = new CounterZoneScript(2800, FloorMm, Sigma, HalfPeriodMs, seed: 5);
        run.Floor(10000);
        return run;
    }
}
