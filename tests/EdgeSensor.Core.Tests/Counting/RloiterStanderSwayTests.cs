using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// Issue 9, raster loiter: the walk off a stander's still level (<see cref="ZoneOccupancyDetector.LeftStillLevel"/>).
/// It is reported on the one reading that showed it: the loop's ticks and invalid readings between two readings of the
/// zone change nothing, and the pairing stage queued the same walk off once per tick (three times between two readings
/// of a zone). A stander who sways, their head moving off the level and back a few hundred mm, is still the stander
/// standing there since they settled: their walk off is reported after it. A new head rising out of a level near the
/// floor (the tail of the person before, in a dense flow) is someone else, and the level is no stander's.
/// </summary>
[TestClass]
public sealed class RloiterStanderSwayTests
{
    private const int Floor = 3000;
    private const int Sigma = 30;
    private const int PeriodMs = 70;

    [TestMethod]
    public void WalkOff_IsNotReportedAgainByTicksOrInvalidReadings()
    {
        var settings = new CounterSettings { MountHeightMillimeters = Floor };
        var zone = new ZoneChannel(settings);
        var rng = new Random(7);
        long t = 0;
        foreach (int d in StanderProfile(swayBy: 0, sways: 0))
        {
            int reading = d >= Floor ? Floor + (int)(10 * StandardNormal.Next(rng)) : d;
            zone.Process(t, reading, 0);
            if (zone.Detector.LeftStillLevel)
            {
                zone.CheckTimeout(t + 20);
                Assert.IsFalse(zone.Detector.LeftStillLevel, "a tick after the walk off reported it again");
                zone.Process(t + 35, 0, 2);
                Assert.IsFalse(zone.Detector.LeftStillLevel, "an invalid reading after the walk off reported it again");
                return;
            }

            t += PeriodMs;
        }

        Assert.Fail("the stander's walk off was never reported");
    }

    [TestMethod]
    public void StanderWhoSways_WalkOffReportedFromTheirSettling()
    {
        var (lefts, finished, levelMs) = Play(StanderProfile(swayBy: 250, sways: 3));

        Assert.AreEqual(1, lefts);
        Assert.AreEqual(levelMs, finished.StartMs, "the walk off is dated from when they first settled, not their last sway");
    }

    [TestMethod]
    public void NewHeadOutOfALevelNearTheFloor_IsNoStandersSway()
    {
        // A dense flow: the level between two people is the first one's tail, 300 mm above the floor, and each next head
        // rises 1.5 m out of it; the levels between them add up to more than a stander's time, but nobody stood there.
        var (lefts, _, _) = Play(StanderProfile(swayBy: 1500, sways: 3, level: 2700));

        Assert.AreEqual(0, lefts);
    }

    // Head at 2000 mm, a sway off to the level and back (a valley split), the level (the zone's background from then on)
    // held, with sways rising swayBy mm out of it, then a walk off to the floor.
    private static List<int> StanderProfile(int swayBy, int sways, int level = 2200)
    {
        var profile = new List<int>();
        profile.AddRange(DetectorScript.Level(Floor, 20));
        profile.AddRange(DetectorScript.Level(2000, 20));
        profile.AddRange(DetectorScript.Level(level, 10));
        profile.AddRange(DetectorScript.Level(2060, 5));
        profile.AddRange(DetectorScript.Level(level, sways == 0 ? 40 : 12));
        for (int i = 0; i < sways; i++)
        {
            profile.AddRange(DetectorScript.Level(level - swayBy, 6));
            profile.AddRange(DetectorScript.Level(level, 12));
        }

        profile.AddRange([2500, 2800, Floor, Floor]);
        profile.AddRange(DetectorScript.Level(Floor, 20));
        return profile;
    }

    private static (int Lefts, TargetSummary Finished, long LevelMs) Play(List<int> profile)
    {
        var zone = new ZoneOccupancyDetector(200);
        zone.SetThresholds(Floor, 5 * Sigma, (10 * Sigma) / 3, Sigma);
        int lefts = 0;
        TargetSummary finished = default;
        long levelMs = -1;
        long t = 0;
        foreach (int d in profile)
        {
            DetectorState before = zone.State;
            zone.Update(t, d);
            if (levelMs < 0 && before == DetectorState.Target && zone.State == DetectorState.Background)
            {
                levelMs = t;
            }

            if (zone.LeftStillLevel)
            {
                lefts++;
                finished = zone.Finished;
            }

            t += PeriodMs;
        }

        Assert.IsTrue(levelMs >= 0, "the level was never taken for background");
        return (lefts, finished, levelMs);
    }
}
