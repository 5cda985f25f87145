using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, dense flow on a blending sensor: a child walking a few hundred ms behind an adult reads clearly in one zone
/// but only faintly (about 3 sigma; readings of 110-150 mm on a 40 mm noise, over the weak-dip depth and under the clear threshold) in the other, where the adult has just left. The faint dip comes too soon after the
/// adult's target for a quiet floor, yet it is no fading tail of the adult: the zone had come back to the floor and then
/// read nearer again. It must still become the child's target there, so that the child is counted.
/// </summary>
[TestClass]
public sealed class RsurgeFaintFollowerSceneTests
{
    private const int FloorMm = 2500;
    private const int Sigma = 40;
    private const int HalfPeriodMs = 35;

    // The adult: shoulders, head and shoulders again as they pass a zone (one reading per cycle), far over any threshold.
    private static readonly int[] Adult = [500, 900, 1150, 1250, 1200, 1000, 700, 400];

    [TestMethod]
    public void FaintFollowerRightBehindAnAdult_IsCountedToo()
    {
        var run = new Run();
        run.Floor(4000);
        // The adult passes zone 0, then zone 1 four cycles later. Zone 0 is back on the floor for three cycles while the
        // adult is still in zone 1; then the child reads faintly there, and walks on into zone 1, where it reads clearly.
        int[] zone0 = [.. Adult, 0, 0, 0, 130, 140, 150, 135, 120, 110, 0, 0, 0, 0, 0, 0];
        int[] zone1 = [0, 0, 0, 0, .. Adult, 0, 0, 0, 0, 0, 180, 260, 300, 280, 220, 160];
        run.Profile(zone1, zone0);
        run.Floor(3000);
        Assert.AreEqual(2, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    // The adult's own fading tail in zone 0 (readings moving monotonically back to the floor, never nearer again) is no
    // second body, though it lies within the quiet time: still one count.
    [TestMethod]
    public void FadingTailOfTheAdult_IsNoSecondBody()
    {
        var run = new Run();
        run.Floor(4000);
        int[] zone0 = [.. Adult, 125, 115, 105, 95, 80, 60, 0, 0, 0, 0, 0, 0];
        int[] zone1 = [0, 0, 0, 0, .. Adult, 0, 0, 0, 0, 0, 0, 0, 0];
        run.Profile(zone1, zone0);
        run.Floor(3000);
        Assert.AreEqual(1, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    private sealed class Run() : CounterZoneScript(2500, FloorMm, Sigma, HalfPeriodMs, seed: 17)
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
