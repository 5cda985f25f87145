using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, children in a queue on a blending sensor (raster model, 2.5-2.8 m): a child walking right behind an adult
/// reads only faintly (3-5 sigma, under the enter threshold) in the zone they pass first, where the adult's blend has not
/// yet faded back to the floor when the child's begins: the zone never reads its floor between the two, so neither the
/// quiet floor nor the detector's re-dip (two floor readings) lets the dip count, and the child's target in the other
/// zone, faint but clear, is left without a partner. A dip that begins within the quiet time after a body left the zone
/// is still that child's passage when the other zone's next target, a whole faint passage, follows it in walking order
/// the way the adult went (<see cref="FaintPartner"/>).
/// </summary>
[TestClass]
public sealed class RredipQueuedChildSceneTests
{
    private const int FloorMm = 2500;
    private const int Sigma = 40;
    private const int HalfPeriodMs = 35;

    // The adult: shoulders, head and shoulders again as they pass a zone (one reading per cycle), far over any threshold.
    private static readonly int[] Adult = [500, 900, 1150, 1250, 1200, 1000, 700, 400];

    // The adult passes zone 0, then zone 1 four cycles later; the child follows so close that zone 0 reads about 3 sigma
    // nearer than the floor from the adult's last reading on (never back within half the weak depth of the floor), and
    // then reads a faint target in zone 1 right after the adult's there: the shape of mixed-raster-2500mm-seed1's
    // readings at 328 s, scaled to this floor's thresholds.
    [TestMethod]
    public void ChildRightBehindAnAdult_FaintOnlyWhereTheAdultFaded_IsCountedToo()
    {
        var run = new Run();
        run.Floor(4000);
        int[] zone0 = [.. Adult, 60, 100, 110, 105, 110, 100, 95, 90, 70, 0, 0, 0, 0, 0, 0, 0, 0];
        int[] zone1 = [0, 0, 0, 0, .. Adult, 60, 30, 150, 210, 240, 230, 200, 150, 60, 0, 0, 0, 0];
        run.Profile(zone1, zone0);
        run.Floor(3000);
        Assert.AreEqual(2, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    // The same child, with the next adult in the queue close behind: that adult's target opens in zone 0 after the child's
    // dip there and before the child's faint target in zone 1 has ended. The dip is still the child between the two
    // adults (queued ahead of the open target): three entries.
    [TestMethod]
    public void ChildBetweenTwoAdults_NextAdultAlreadyInTheFirstZone_IsCountedToo()
    {
        var run = new Run();
        run.Floor(4000);
        int[] zone0 = [.. Adult, 60, 100, 110, 105, 110, 100, 95, 90, 70, 0, .. Adult, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        int[] zone1 = [0, 0, 0, 0, .. Adult, 60, 30, 150, 210, 240, 230, 200, 150, 60, 0, .. Adult, 0, 0, 0, 0, 0, 0];
        run.Profile(zone1, zone0);
        run.Floor(3000);
        Assert.AreEqual(3, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    // The same dip in zone 0, but what follows in zone 1 is a flicker of two readings (a stray edge, noise), no body
    // passing the zone (six readings or more): the dip is the adult's fading tail, still one count.
    [TestMethod]
    public void TailFollowedOnlyByAFlicker_IsNoSecondBody()
    {
        var run = new Run();
        run.Floor(4000);
        int[] zone0 = [.. Adult, 60, 100, 110, 105, 110, 100, 95, 90, 70, 0, 0, 0, 0, 0, 0, 0, 0];
        int[] zone1 = [0, 0, 0, 0, .. Adult, 60, 30, 230, 230, 30, 0, 0, 0, 0, 0, 0, 0, 0];
        run.Profile(zone1, zone0);
        run.Floor(3000);
        Assert.AreEqual(1, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    // Against the adult's way: the adult enters (zone 0, then zone 1); a dip follows them in zone 1 and a faint target in
    // zone 0 follows that dip. A follower in a queue walks the way the body ahead went, and a body coming back against it
    // shows in the zone it passes first as it would on a quiet floor; this dip in the quiet time is the adult's tail. No
    // exit.
    [TestMethod]
    public void DipAgainstTheAdultsWay_IsNoExit()
    {
        var run = new Run();
        run.Floor(4000);
        int[] zone1 = [0, 0, 0, 0, .. Adult, 60, 100, 110, 105, 110, 100, 95, 90, 70, 0, 0, 0, 0, 0, 0, 0, 0];
        int[] zone0 = [.. Adult, 0, 0, 0, 0, 0, 0, 0, 60, 30, 150, 210, 240, 230, 200, 150, 60, 0, 0, 0, 0, 0];
        run.Profile(zone1, zone0);
        run.Floor(3000);
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    private sealed class Run() : CounterZoneScript(2500, FloorMm, Sigma, HalfPeriodMs, seed: 23)
    {
        // One reading per cycle from each list (zone 1's first), as deep as it says.
        public void Profile(int[] zone1, int[] zone0)
        {
            for (int i = 0; i < zone1.Length; i++)
            {
                Both(1, zone1[i], zone0[i]);
            }
        }
    }
}
