using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, children under a blending coverage model at a high mount: a child who reads as a target in one zone may read
/// only 2-2.5 sigma nearer than the floor in the other (the zones' footprints differ, and the child walks nearer one
/// zone's edge), under the weak-dip depth of 2.5 sigma, so the target in the first zone is left without a partner and
/// the child is not counted. A faint dip that meets the other zone's target in walking order is the same body
/// (<see cref="FaintPartner"/>). A body that stays in one zone, or turns back there, must still never count.
/// </summary>
[TestClass]
public sealed class FaintPartnerSceneTests
{
    private const double Start = 3000;
    private const double Reach = 2600;

    // Extra noise on top of the scene's own, sigma in mm per (distance in m)^2: 12 adds about 110 mm at 3 m (a dark
    // floor, or one in daylight: a VL53L1X's ranging noise at 3 m varies by a factor of two or more with the floor's
    // reflectance and the ambient light; UM2356 "ranging performance"). The child then often reads as a target in one
    // zone only.
    private const double ExtraNoisePerSquareMetre = 12;

    [TestMethod]
    public void SmallChildOnANoisierFloor_CountsOnce()
    {
        var failures = new List<string>();
        int scenes = 0;
        foreach (int mount in new[] { 2800, 3000 })
        {
            foreach (int dir in new[] { 1, -1 })
            {
                for (int draw = 0; draw < 8; draw++)
                {
                    int seed = 95000 + (mount / 100 * 10) + (dir > 0 ? 0 : 5) + draw;
                    var rng = new Random(seed);
                    double stature = 1000 + (rng.NextDouble() * 150);
                    double speed = (700 + rng.Next(600)) / 1000.0;
                    Mover child = new Mover().Part(0, 170, 140, stature).Part(0, 200, 260 + rng.Next(50), stature * 0.82)
                        .From(Start, -dir * Reach).To(dir * Reach, speed);
                    var counter = Run(mount, seed, child);
                    scenes++;
                    int expectedEntries = dir > 0 ? 1 : 0;
                    if (counter.Entries != expectedEntries || counter.Exits != 1 - expectedEntries)
                    {
                        failures.Add($"mount {mount} dir {dir} seed {seed}: {CounterHarness.Describe(counter)}");
                    }
                }
            }
        }

        // Without faint partners 19 of the 32 scenes were missed (the child a target in one zone only); with them 13.
        Assert.IsTrue(failures.Count <= (scenes * 7) / 16, $"{failures.Count} of {scenes} scenes miscounted:\n" + string.Join("\n", failures));
    }

    // A child walks into one zone, stops there 3 s, and walks back out the way they came: nothing to count, however the
    // other zone's noise dips meanwhile.
    [TestMethod]
    public void ChildStoppingInOneZoneAndGoingBack_CountsNothing()
    {
        var failures = new List<string>();
        foreach (int mount in new[] { 2800, 3000 })
        {
            for (int draw = 0; draw < 12; draw++)
            {
                int seed = 96000 + (mount / 100 * 10) + draw;
                var rng = new Random(seed);
                double stature = 1000 + (rng.NextDouble() * 150);
                double speed = (700 + rng.Next(600)) / 1000.0;
                Mover child = new Mover().Part(0, 170, 140, stature).Part(0, 200, 280, stature * 0.82)
                    .From(Start, -Reach).To(-250, speed).Stay(500 + rng.Next(2500)).To(-Reach, speed);
                var counter = Run(mount, seed, child);
                if (counter.Entries != 0 || counter.Exits != 0)
                {
                    failures.Add($"mount {mount} seed {seed}: {CounterHarness.Describe(counter)}");
                }
            }
        }

        Assert.AreEqual(0, failures.Count, string.Join("\n", failures));
    }

    private static PeopleCounter Run(int mount, int seed, Mover body)
    {
        var scene = new RayScene(mount) { Blend = true };
        scene.Movers.Add(body);
        double duration = body.EndMs + 3000;
        var counter = new PeopleCounter(new CounterSettings { MountHeightMillimeters = mount, InsideZone = 1 });
        CounterHarness.Feed(counter, Noisier(scene.Run(duration, seed), new Random(seed + 1)));
        counter.Tick((long)duration + 2000);
        return counter;
    }

    private static List<TofSample> Noisier(List<TofSample> samples, Random rng) => RayScene.WithExtraNoise(samples, ExtraNoisePerSquareMetre, rng);
}
