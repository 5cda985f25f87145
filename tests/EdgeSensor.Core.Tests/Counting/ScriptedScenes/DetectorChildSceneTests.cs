using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9: children counted far below adults where a zone blends all it sees and the mount is high. A child of
/// 1.0-1.15 m walking under a 2.8-3.0 m mount, the zone reporting the light-weighted mean of its rays (<see cref="RayScene"/>
/// with <c>Blend</c>), on a noisier floor than <see cref="RayScene"/> draws by itself (a VL53L1X's ranging noise at 3 m
/// varies by a factor of two or more with the floor's reflectance and the ambient light; UM2356 "ranging performance"):
/// the child then reads only a few sigma nearer than the floor, under the single-reading threshold.
/// </summary>
[TestClass]
public sealed class DetectorChildSceneTests
{
    private const double Start = 3000;
    private const double Reach = 2600;

    // Extra noise on top of the scene's own, sigma in mm per (distance in m)^2: 6 gives about 54 mm more at 3 m, 60 mm in
    // all at 3 m (a dark floor or one in daylight).
    private const double ExtraNoisePerSquareMetre = 6;

    [TestMethod]
    public void SmallChildUnderBlendedCoverage_NoisyFloor_CountsOnce()
    {
        var failures = new List<string>();
        int scenes = 0;
        foreach (int mount in new[] { 2800, 3000 })
        {
            foreach (int dir in new[] { 1, -1 })
            {
                for (int draw = 0; draw < 6; draw++)
                {
                    int seed = 93000 + (mount / 100 * 10) + (dir > 0 ? 0 : 5) + draw;
                    var rng = new Random(seed);
                    var scene = new RayScene(mount) { Blend = true };
                    double stature = 1000 + (rng.NextDouble() * 150);
                    double speed = (800 + rng.Next(400)) / 1000.0;
                    Mover child = new Mover().Part(0, 170, 140, stature).Part(0, 200, 260 + rng.Next(50), stature * 0.82)
                        .From(Start, -dir * Reach).To(dir * Reach, speed);
                    scene.Movers.Add(child);
                    double duration = child.EndMs + 3000;
                    var counter = new PeopleCounter(new CounterSettings { MountHeightMillimeters = mount, InsideZone = 1 });
                    CounterHarness.Feed(counter, Noisier(scene.Run(duration, seed), new Random(seed + 1)));
                    counter.Tick((long)duration + 2000);
                    scenes++;
                    int expectedEntries = dir > 0 ? 1 : 0;
                    if (counter.Entries != expectedEntries || counter.Exits != 1 - expectedEntries)
                    {
                        failures.Add($"mount {mount} dir {dir} seed {seed}: {CounterHarness.Describe(counter)}");
                    }
                }
            }
        }

        // One in eight may still be missed: the faintest read under 2.5 sigma in one zone (docs/counting.md, Limits). With
        // the single-reading threshold alone 12 of the 24 scenes were missed; with weak dips 2.
        Assert.IsTrue(failures.Count <= scenes / 8, $"{failures.Count} of {scenes} scenes miscounted:\n" + string.Join("\n", failures));
    }

    private static List<TofSample> Noisier(List<TofSample> samples, Random rng) => RayScene.WithExtraNoise(samples, ExtraNoisePerSquareMetre, rng);
}
