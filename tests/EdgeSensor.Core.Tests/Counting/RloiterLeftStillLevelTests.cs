using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// Issue 9, raster loiter: a person who stops and sways cuts their own target at a valley, and the part after it returns to
/// the valley's level, which the zone then holds as its background. When they walk off it, the detector reports the walk
/// off (<see cref="ZoneOccupancyDetector.LeftStillLevel"/>) with a target from the level's start to the first reading of the
/// floor; the level a valley split leaves behind a walker only for a close follower's gap is no stander and reports nothing.
/// </summary>
[TestClass]
public sealed class RloiterLeftStillLevelTests
{
    private const int Floor = 3000;
    private const int Sigma = 30;
    private const int PeriodMs = 70;

    [TestMethod]
    public void StanderWalksOffTheirLevel_ReportsOneTargetToTheFirstFloorReading()
    {
        var (lefts, finished, levelMs, floorMs) = Play(standSamples: 60);

        Assert.AreEqual(1, lefts);
        Assert.AreEqual(TargetOrigin.Background, finished.Origin);
        Assert.AreEqual(levelMs, finished.StartMs);
        Assert.AreEqual(floorMs, finished.EndMs);
        Assert.AreEqual(2200, finished.NearestMillimeters, 40);
    }

    [TestMethod]
    public void LevelHeldOnlyForAWalkersGap_ReportsNothing()
    {
        var (lefts, _, _, _) = Play(standSamples: 10);

        Assert.AreEqual(0, lefts);
    }

    // Head at 2000 mm, a sway off to 2200 and back (a valley split), back to 2200 (the zone's background from then on),
    // held for standSamples readings, then a walk off to the floor.
    private static (int Lefts, TargetSummary Finished, long LevelMs, long FloorMs) Play(int standSamples)
    {
        var zone = new ZoneOccupancyDetector(200);
        zone.SetThresholds(Floor, 5 * Sigma, (10 * Sigma) / 3, Sigma);
        var profile = new List<int>();
        profile.AddRange(DetectorScript.Level(Floor, 20));
        profile.AddRange(DetectorScript.Level(2000, 20));
        profile.AddRange(DetectorScript.Level(2200, 10));
        profile.AddRange(DetectorScript.Level(2060, 5));
        profile.AddRange(DetectorScript.Level(2200, standSamples));
        profile.AddRange([2500, 2800, Floor, Floor]);
        profile.AddRange(DetectorScript.Level(Floor, 20));

        int lefts = 0;
        TargetSummary finished = default;
        long levelMs = -1;
        long floorMs = -1;
        long t = 0;
        foreach (int d in profile)
        {
            DetectorState before = zone.State;
            zone.Update(t, d);
            if (before == DetectorState.Target && zone.State == DetectorState.Background)
            {
                levelMs = t;
            }

            if (floorMs < 0 && levelMs >= 0 && d >= Floor)
            {
                floorMs = t;
            }

            if (zone.LeftStillLevel)
            {
                lefts++;
                finished = zone.Finished;
            }

            t += PeriodMs;
        }

        Assert.IsTrue(levelMs >= 0, "the stander's level was never taken for background");
        return (lefts, finished, levelMs, floorMs);
    }
}
