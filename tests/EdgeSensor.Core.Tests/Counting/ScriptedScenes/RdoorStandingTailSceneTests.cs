using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, a door at 2.5-2.8 m (raster model; door scene, seed 2 at 196.6 s, 2.5 m): a leaf standing open at the edge of
/// the zone a person walks out of reads between that zone's exit and enter thresholds. After the person has left the
/// zone its readings stay in that band, so its target did not end until the noise carried a reading past the exit
/// threshold, after the person had passed the other zone too; the other zone's target then lay within it, was taken for
/// a touch across the line, and the person was not counted. A clear body leaves through the band in a reading or two: a
/// target that lingers there longer ends where the band began. A faint body reads in the band for as long as it is in
/// view, so its end stays where its readings left the band.
/// </summary>
[TestClass]
public sealed class RdoorStandingTailSceneTests
{
    private const int Floor = 2500;
    private const int Enter = 120;
    private const int Exit = 80;
    private const int PeriodMs = 70;

    [TestMethod]
    public void ClearBodyFollowedByAStandingLevelBetweenTheThresholds_EndsWhereTheLevelBegan()
    {
        var zone = Detector();
        long t = FeedFloor(zone, 0, 20);
        t = Feed(zone, t, [1500, 1250, 1200, 1300, 1700]);
        long bandStart = t;
        t = Feed(zone, t, [2405, 2410, 2398, 2412, 2404, 2409]);
        Assert.AreEqual(ZoneEvent.Fall, zone.Update(t, Floor));
        Assert.AreEqual(bandStart, zone.Finished.EndMs);
    }

    // A faint body: its readings come past the enter threshold once and stay in the band while it passes; it ends where
    // its readings went back to the floor.
    [TestMethod]
    public void FaintBodyInTheBand_EndsWhereItLeftTheBand()
    {
        var zone = Detector();
        long t = FeedFloor(zone, 0, 20);
        t = Feed(zone, t, [2390, 2370, 2395, 2405, 2410, 2398, 2412, 2404]);
        Assert.AreEqual(ZoneEvent.Fall, zone.Update(t, Floor));
        Assert.AreEqual(t, zone.Finished.EndMs);
    }

    private static ZoneOccupancyDetector Detector()
    {
        var zone = new ZoneOccupancyDetector(200);
        zone.SetThresholds(Floor, Enter, Exit, 24);
        zone.SetWeakDip(60);
        return zone;
    }

    private static long FeedFloor(ZoneOccupancyDetector zone, long t, int samples)
    {
        for (int i = 0; i < samples; i++, t += PeriodMs)
        {
            zone.Update(t, Floor + ((i % 3) * 10) - 10);
        }

        return t;
    }

    private static long Feed(ZoneOccupancyDetector zone, long t, int[] readings)
    {
        foreach (int reading in readings)
        {
            zone.Update(t, reading);
            t += PeriodMs;
        }

        return t;
    }
}
