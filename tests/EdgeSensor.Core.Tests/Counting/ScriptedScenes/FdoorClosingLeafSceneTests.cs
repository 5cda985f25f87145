using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, a door at a 3.0 m mount (footprint model): a person walks out through the door, and the leaf closing behind
/// them sweeps back into the zone they came from before they have left the other. The leaf's edge reads some 420 mm
/// farther than their head, within the gap two sides of one body may show, so it was taken for the person coming back
/// and their crossing was undone. A return brings back the head the person crossed with.
/// </summary>
[TestClass]
public sealed class FdoorClosingLeafSceneTests
{
    private const int FloorMm = 2950;
    private const int Sigma = 15;
    private const int HalfPeriodMs = 35;
    private const int Head = 1700;

    [TestMethod]
    public void LeafClosingBehindThePerson_LeavesTheirCrossing()
    {
        Assert.AreEqual("0 in, 1 out", Walk(returnDepth: Head - 420));
    }

    // The same person turning back over the line with their head: nothing counts.
    [TestMethod]
    public void PersonComingBack_UndoesTheCrossing()
    {
        Assert.AreEqual("0 in, 0 out", Walk(returnDepth: Head - 60));
    }

    private static string Walk(int returnDepth)
    {
        var run = new CounterZoneScript(3000, FloorMm, Sigma, HalfPeriodMs, seed: 5);
        run.Floor(4000);
        // A head over shoulders: the readings rise to the head and fall away again in each zone (not a flat edge).
        run.Both(2, Head - 300, 0);
        run.Both(2, Head, 0);
        run.Both(2, Head - 100, Head - 300);
        run.Both(2, Head - 300, Head);
        run.Both(3, 0, Head - 100);
        run.Both(3, returnDepth, Head - 300);
        run.Both(5, returnDepth, 0);
        run.Floor(3000);
        return $"{run.Counter.Entries} in, {run.Counter.Exits} out";
    }
}
