using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, children at a high mount (raster model, 2.8 m): a child seen in one zone reads in the next as a run of shallow
/// readings, each below the floor but the first three too shallow on average to make a weak dip; the window slides on and
/// the run is confirmed a reading or two later, dated from the first reading of the window that made it. The first zone's
/// target must wait for that window while it begins within the pair gap, instead of being given up as partnerless when the
/// first window of the run fell short.
/// </summary>
[TestClass]
public sealed class RchildSlidingWindowSceneTests
{
    private const int FloorMm = 2750;
    private const int Sigma = 50;
    private const int HalfPeriodMs = 35;

    [TestMethod]
    public void RunConfirmedBySlidingWindowWithinThePairGap_PartnersTheTarget()
    {
        var run = new CounterZoneScript(2800, FloorMm, Sigma, HalfPeriodMs, seed: 7);
        run.Floor(4000);
        run.Both(6, 300, 0);
        // Zone 1 back on its floor while zone 0 reads a faint body: three shallow readings (each deep enough to be part of a
        // dip, together too shallow for one), then deeper ones that complete a window begun within the gap, but only after
        // the gap has run out.
        run.Both(1, 0, 100);
        run.Both(2, 0, 40);
        run.Both(3, 0, 170);
        run.Floor(3000);
        Assert.AreEqual(0, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(1, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    // The same run begun a second after the target left: no partner, however the window slides.
    [TestMethod]
    public void RunLongAfterTheTarget_IsNoPartner()
    {
        var run = new CounterZoneScript(2800, FloorMm, Sigma, HalfPeriodMs, seed: 7);
        run.Floor(4000);
        run.Both(6, 300, 0);
        run.Both(15, 0, 0);
        run.Both(1, 0, 100);
        run.Both(2, 0, 40);
        run.Both(3, 0, 170);
        run.Floor(3000);
        Assert.AreEqual(0, run.Counter.Entries + run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }
}
