using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, wheelchair users and strollers through the automatic door (door-inclusive scenario, raster model, 2.8-3.0 m):
/// the leaf standing open at the zone's edge is the zone's background, a shallow level just inside the enter threshold. A
/// wheelchair user or a stroller comes into the zone slowly and reads low (the seated head or the hood blends with the
/// floor around it), a few centimetres nearer with each reading; the background follows each reading a quarter of the way,
/// so it was dragged along and the body never read a fall nearer than it. The zone saw no target, and the crossing was lost
/// (raster 3.0 m, seed 4 at 88.0 s: the inside zone went from the leaf's 2 710 mm down to 2 315 mm and back, and stayed
/// empty). While readings keep coming more than half a fall nearer than a level that stood still, the level as it stood is
/// what they are judged against (ZoneOccupancyDetector.ApproachLevel).
/// </summary>
[TestClass]
public sealed class RdincSlowBodyUnderLeafSceneTests
{
    private const int Floor = 2500;
    private const int Enter = 120;
    private const int Exit = 80;
    private const int PeriodMs = 70;
    private const int Leaf = 2330;

    [TestMethod]
    public void SlowLowBodyUnderAStandingLeaf_RisesAsATarget()
    {
        var zone = Detector();
        long t = LeafStandingOpen(zone, 12);
        bool rose = false;
        t = Approach(zone, t, ref rose);
        Assert.IsTrue(rose, "the body coming in under the leaf was never a target");
        t = Feed(zone, t, [2180, 2220, 2260, 2300, 2330, 2325, 2335, 2330], out bool fell);
        Assert.IsTrue(fell, "the body's target did not end on the leaf's level");
        Assert.IsTrue(zone.Finished.NearestMillimeters <= 2160, "nearest " + zone.Finished.NearestMillimeters);
    }

    // The body leaves as slowly as it came: once its target ended back near the held level, its later parts (a wheelchair's
    // back and its pusher) still read up to a fall nearer than the leaf for a while. Judged against the held level they rose
    // as a second body, counted the other way 2.5 s later (raster 3.0 m, seed 816 at 282.3 s: the inside zone's target ended
    // at 2 571 mm on the leaf's 2 671 mm and rose again at 2 480 mm); the zone follows its readings again from the body's end.
    [TestMethod]
    public void SlowBodysLaterParts_DoNotRiseAgainstTheHeldLeaf()
    {
        var zone = Detector();
        long t = LeafStandingOpen(zone, 12);
        bool rose = false;
        t = Approach(zone, t, ref rose);
        Assert.IsTrue(rose, "the body coming in under the leaf was never a target");
        t = Feed(zone, t, [2180, 2220, 2260], out bool fell);
        Assert.IsTrue(fell, "the body's target did not end near the leaf's level");
        int rises = 0;
        foreach (int reading in new[] { 2170, 2165, 2175, 2200, 2250, 2290, 2330, 2325, 2335, 2330, 2325 })
        {
            rises += zone.Update(t, reading) == ZoneEvent.Rise ? 1 : 0;
            t += PeriodMs;
        }

        Assert.AreEqual(0, rises, "the body's later part rose as a body of its own");
    }

    // Floor, the leaf's edge sweeping in, the leaf settling on its shallow level, then that level held for holdSamples more.
    private static long LeafStandingOpen(ZoneOccupancyDetector zone, int holdSamples)
    {
        long t = 0;
        for (int i = 0; i < 20; i++, t += PeriodMs)
        {
            zone.Update(t, Floor + ((i % 3) * 10) - 10);
        }

        t = Feed(zone, t, [1500, 1000, 1000, 1300, 2000], out _);
        bool settled = false;
        for (int i = 0; i < 15 + holdSamples; i++, t += PeriodMs)
        {
            settled |= zone.Update(t, Leaf + ((i % 3) * 5) - 5) == ZoneEvent.Fall;
        }

        Assert.IsTrue(settled, "the leaf's target did not settle on its level");
        return t;
    }

    // A body reading 25 mm nearer with each reading, from the leaf's level down to 2 155 mm (175 mm nearer than the leaf; a
    // seated head blended with the floor around it under a 3 m mount), then holding there.
    private static long Approach(ZoneOccupancyDetector zone, long t, ref bool rose)
    {
        for (int d = Leaf - 25; d >= 2155; d -= 25, t += PeriodMs)
        {
            rose |= zone.Update(t, d) == ZoneEvent.Rise;
        }

        for (int i = 0; i < 5; i++, t += PeriodMs)
        {
            rose |= zone.Update(t, 2155) == ZoneEvent.Rise;
        }

        return t;
    }

    private static ZoneOccupancyDetector Detector()
    {
        var zone = new ZoneOccupancyDetector(200);
        zone.SetThresholds(Floor, Enter, Exit, 24);
        zone.SetWeakDip(60);
        return zone;
    }

    private static long Feed(ZoneOccupancyDetector zone, long t, int[] readings, out bool fell)
    {
        fell = false;
        foreach (int reading in readings)
        {
            fell |= zone.Update(t, reading) == ZoneEvent.Fall;
            t += PeriodMs;
        }

        return t;
    }
}
