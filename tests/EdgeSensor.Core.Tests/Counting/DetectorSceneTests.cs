using EdgeSensor.Core.Counting;
using EdgeSensor.Core.Tests.Counting.ScriptedScenes;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// Detection-level failures of issue 9, each reproduced first as a scripted scene (<see cref="RayScene"/>) or as the
/// sampled profile a simulated trace showed, then fixed in <see cref="ZoneOccupancyDetector"/> / <see cref="ZoneChannel"/>.
/// </summary>
[TestClass]
public sealed class DetectorSceneTests
{
    private const double Start = 3000;
    private const double Reach = 2600;

    // Footprint model, 2.8 m, tailgating seed 5 (37.1 s): the first head at ~1230 mm, one sample of the gap at
    // 1362 mm, then the second head at ~1050 mm. The gap shows only 130-150 mm at this mount, under the 171 mm the
    // split depth shrinks to, and it came and went within two samples.
    [TestMethod]
    public void Detector_BriefShallowValleyBetweenTailgaters_Splits()
    {
        var d = new ZoneOccupancyDetector(200);
        d.SetThresholds(2800, 150, 100, 30);
        int[] profile = { 2491, 2089, 1783, 1503, 1218, 1240, 1236, 1223, 1221, 1238, 1362, 1062, 1049, 1050, 1043, 1059, 1055, 2826 };
        int splits = 0;
        for (int i = 0; i < profile.Length; i++)
        {
            if (d.Update(i * 70, profile[i]) == ZoneEvent.Split)
            {
                splits++;
                Assert.AreEqual(700, d.Finished.EndMs, "the first target ends at the valley's top");
            }
        }

        Assert.AreEqual(1, splits);
    }

    // A person standing still sways: the reading drifts away from the head and back over a second or more. As deep as
    // the tailgaters' gap above, but slow: one person, not two.
    [TestMethod]
    public void Detector_SlowSwayAsDeepAsABriefValley_IsNotSplit()
    {
        var d = new ZoneOccupancyDetector(200);
        d.SetThresholds(2800, 150, 100, 30);
        int[] profile = { 2491, 2089, 1783, 1503, 1218, 1230, 1250, 1280, 1310, 1340, 1362, 1350, 1320, 1280, 1240, 1225, 1220, 2826 };
        for (int i = 0; i < profile.Length; i++)
        {
            Assert.AreNotEqual(ZoneEvent.Split, d.Update(i * 70, profile[i]), $"sample {i}");
        }
    }

    // Two adults 0.5 s apart (the tailgating scenario's headway) at 2.5-3.0 m, both directions, seen the way the
    // footprint coverage model sees them (the highest surface that covers even a sliver of the zone): each zone must
    // give two targets. (Pairing them is the next stage's work; this checks that the detector separates them.)
    // At 1.15-1.5 m/s the two are 575-750 mm apart: the gap between them shows, if only for a sample or two.
    [TestMethod]
    public void TailgatersHalfASecondApart_GiveTwoTargetsPerZone_AtHighMounts() => RunTailgaters(1150, 1500, 91000);

    // Slower, 0.5 s apart is 500-575 mm centre to centre: at 2.8-3.0 m the follower's head enters the zone's far edge
    // (0.24 x depth from the line at head height) before the leader's has left at the line, so the zone that sees the
    // follower come in never shows a gap at all; only the other zone does. Two zones cannot separate them by a valley.
    [TestMethod]
    [Ignore("Known limit (docs/counting.md, Limits): slow tailgaters at 2.8-3.0 m leave no gap in the zone they walk into (12 of 48 scenes)")]
    public void SlowTailgatersHalfASecondApart_GiveTwoTargetsPerZone_AtHighMounts() => RunTailgaters(1000, 1150, 92000);

    private static void RunTailgaters(int minSpeed, int maxSpeed, int seedBase)
    {
        var failures = new List<string>();
        int scenes = 0;
        foreach (int mount in new[] { 2500, 2800, 3000 })
        {
            foreach (int dir in new[] { 1, -1 })
            {
                for (int draw = 0; draw < 8; draw++)
                {
                    int seed = seedBase + (mount / 100 * 10) + (dir > 0 ? 0 : 5) + draw;
                    var rng = new Random(seed);
                    var scene = new RayScene(mount) { CoverShare = rng.Next(1, 4) / 100.0, RaysAlong = 12, RaysAcross = 24 };
                    double speed = rng.Next(minSpeed, maxSpeed) / 1000.0;
                    double headwayMs = 500;
                    scene.Movers.Add(Scenes.Adult(rng).From(Start, -dir * Reach).To(dir * Reach, speed));
                    scene.Movers.Add(Scenes.Adult(rng).From(Start + headwayMs, -dir * Reach).To(dir * Reach, speed));
                    double duration = scene.Movers[1].EndMs + 3000;
                    int[] targets = CountTargets(mount, scene.Run(duration, seed));
                    scenes++;
                    if (targets[0] != 2 || targets[1] != 2)
                    {
                        failures.Add($"mount {mount} dir {dir} seed {seed} speed {speed:0.00} share {scene.CoverShare:0.00}: targets {targets[0]}/{targets[1]}");
                    }
                }
            }
        }

        Assert.AreEqual(0, failures.Count, $"{failures.Count} of {scenes} scenes gave other than two targets per zone:\n" + string.Join("\n", failures));
    }

    // Finished targets per zone at least a person's minimum height above the floor (what the pairing stage is given).
    private static int[] CountTargets(int mount, List<TofSample> samples)
    {
        var settings = new CounterSettings { MountHeightMillimeters = mount };
        var zones = new[] { new ZoneChannel(settings), new ZoneChannel(settings) };
        var counts = new int[2];
        foreach (var s in samples)
        {
            ZoneEvent e = zones[s.Zone].Process(s.TimeMs, s.DistanceMillimeters, s.RangeStatus);
            if ((e == ZoneEvent.Fall || e == ZoneEvent.Split) && zones[s.Zone].FinishedTarget.HeightMillimeters >= settings.MinPersonHeightMillimeters)
            {
                counts[s.Zone]++;
            }
        }

        return counts;
    }
}
