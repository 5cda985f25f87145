using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, a door under a 2.5 m mount (raster model; door scene, seed 2 at 12.2 s): the leaf has swung open and stands
/// at the edge of both zones, read between their thresholds. A person walks out, from zone 1 to zone 0. Their zone-1
/// target is held open by the leaf's fringe after their body has left it, and ends in the read cycle the zone-0 target
/// ends: the door's end-together rule (a leaf coming to rest in both zones at once) refused the pair and the person was
/// not counted. Their body's core (readings at least half its height) left zone 1 five read cycles before it left zone
/// 0; a leaf's core comes to rest in both zones within two (<see cref="DoorDiscriminator"/>, CoreEndBudgets).
/// Depths are how much nearer than the floor a zone reads, as recorded (inside zone 1).
/// </summary>
[TestClass]
public sealed class RdoorFringeEndSceneTests
{
    private const int FloorMm = 2553;
    private const int Sigma = 38;
    private const int HalfPeriodMs = 35;

    // Zone 1 reads the leaf's fringe (210-250 mm) around the person's body; the person walks from zone 1 into zone 0.
    // Zone 1's target runs on the fringe after the body has left, until both zones clear in the same read cycle.
    private static readonly int[,] WalkOutUnderLeaf =
    {
        { 230, 0 }, { 210, 0 }, { 240, 0 }, { 400, 0 }, { 800, 0 }, { 1200, 0 }, { 1400, 0 }, { 1400, 1100 },
        { 1000, 1400 }, { 240, 1400 }, { 220, 1100 }, { 250, 900 }, { 210, 300 }, { 230, 250 }, { 240, 220 },
    };

    [TestMethod]
    public void WalksOutUnderALeafStandingOpen_CountsOneExit()
    {
        var failures = new List<string>();
        for (int seed = 1; seed <= 6; seed++)
        {
            var run = new CounterZoneScript(2500, FloorMm, Sigma, HalfPeriodMs, seed);
            run.Floor(4000);
            run.Play(WalkOutUnderLeaf);
            run.Floor(4000);

            if (run.Counter.Exits != 1 || run.Counter.Entries != 0)
            {
                failures.Add($"noise seed {seed}: {CounterHarness.Describe(run.Counter)}");
            }
        }

        Assert.AreEqual(0, failures.Count, string.Join("\n", failures));
    }
}
