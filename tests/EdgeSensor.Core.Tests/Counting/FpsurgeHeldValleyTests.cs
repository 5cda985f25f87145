using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// The valley split when the zone holds the valley as a level: after a head, the zone settles on a still surface (a door
/// leaf standing open at the footprint's edge, a stroller's hood, as in footprint traces at 3.0 m: door, seed 2, 37.3 s;
/// event-surge, 2.5 m, seed 3, 158.4 s). One reading of that level lower than its highest by the fall threshold is its
/// noise, not a second head; a second head keeps coming in over the next readings, and is dated from the first of them.
/// </summary>
[TestClass]
public sealed class FpsurgeHeldValleyTests
{
    private const int Floor = 3000;
    private const int Sigma = 15;

    // An adult's head passes, then the zone settles on a level 1.2 m above the floor.
    private static readonly int[] HeadThenLevel = [.. new[] { 2500, 1800, 1300 }, .. DetectorScript.Level(1000, 6), 1400, 1800, .. DetectorScript.Level(1780, 8)];

    [TestMethod]
    public void OneLowReadingOfAHeldLevel_IsNoSecondHead()
    {
        DetectorScript.Recorded run = DetectorScript.Run(Floor, Sigma, HeadThenLevel, [1690], DetectorScript.Level(1780, 8), [2400, Floor, Floor, Floor]);

        Assert.IsFalse(run.Names.Contains("Split"), run.Names);
        Assert.AreEqual(1, run.Finished.Count, run.Names);
    }

    [TestMethod]
    public void HeadComingInOutOfAHeldLevel_IsSplitAndDatedFromItsFirstReading()
    {
        DetectorScript.Recorded run = DetectorScript.Run(Floor, Sigma, HeadThenLevel, [1650, 1300], DetectorScript.Level(1000, 6), [1800, 2400, Floor, Floor, Floor]);

        Assert.AreEqual("Rise Split Fall", run.Names);
        long firstReadingMs = (DetectorScript.FloorSamples + HeadThenLevel.Length) * DetectorScript.PeriodMs;
        Assert.AreEqual(firstReadingMs, run.Finished[1].OnsetMs, run.Names);
    }
}
