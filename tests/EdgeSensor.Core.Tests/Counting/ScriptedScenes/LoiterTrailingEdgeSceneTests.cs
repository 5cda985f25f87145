using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, footprint loiter at 2.2 m: a person walks over the line, stops just past it for 6 s (the zone takes their
/// still blend of head and shoulders for a level of its own), then walks back the way they came. Nothing crossed:
/// nothing may count. As they leave the zone they stood in towards the line, that zone reads their trailing edge (a
/// back, a bag) once, low, just after their target there ended. Taken for someone new walking into the zone, that one
/// reading confirmed the held crossing before the way back could cancel it: an entry, then the exit, both false.
/// Mount 2.2 m, inside zone 1: zone 0 to zone 1 is an entry. Depths are how much nearer than the floor a zone reads.
/// </summary>
[TestClass]
public sealed class LoiterTrailingEdgeSceneTests
{
    private const int FloorMm = 2200;
    private const int Sigma = 25;
    private const int HalfPeriodMs = 35;

    // As in loiter, footprint, 2.2 m, seed 103, at 220.5-228.3 s: head 1710 mm nearer than the floor, the standing
    // blend 1428, the trailing edge 320.
    private const int Head = 1710;
    private const int Standing = 1428;
    private const int TrailingEdge = 320;

    [TestMethod]
    public void StandsPastTheLine_GoesBack_TrailingEdgeOnce_CountsNothing()
    {
        var failures = new List<string>();
        for (int seed = 1; seed <= 6; seed++)
        {
            var run = WalkInAndStand(seed);

            // Walks back: the head comes over the line into zone 0, zone 1 reads the trailing edge once as zone 0 clears.
            run.Both(2, Head, 0);
            run.Both(2, Head, Head);
            run.Both(2, 0, Head);
            run.Both(1, 0, 1480);
            run.Both(1, TrailingEdge, 1260);
            run.Both(1, 0, 890);
            run.Both(1, 0, 555);
            run.Both(1, 0, 165);
            run.Floor(4000);

            if (run.Counter.Entries + run.Counter.Exits != 0)
            {
                failures.Add($"noise seed {seed}: {CounterHarness.Describe(run.Counter)}");
            }
        }

        Assert.AreEqual(0, failures.Count, string.Join("\n", failures));
    }

    private static CounterZoneScript WalkInAndStand(int seed)
    {
        var run = new CounterZoneScript(2200, FloorMm, Sigma, HalfPeriodMs, seed);
        run.Floor(4000);

        // Walks up through zone 0 and over the line into zone 1, then stands there on the blend for 6 s.
        run.Both(1, 0, 150);
        run.Both(1, 0, 515);
        run.Both(1, 0, 890);
        run.Both(1, 0, 1250);
        run.Both(1, 0, 1470);
        run.Both(1, 0, Head);
        run.Both(3, Head, Head);
        run.Both(1, Head, 0);
        // Standing still is never quite still: the blend wobbles by a centimetre or two (a flat level would be a door leaf).
        int[] wobble = { 0, 12, -8, 5, -14, 9, -3, 15, -10 };
        for (int i = 0; i < 85; i++)
        {
            run.Both(1, Standing + wobble[i % wobble.Length], 0);
        }

        return run;
    }
}
