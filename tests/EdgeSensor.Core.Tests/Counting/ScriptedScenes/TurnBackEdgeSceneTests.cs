using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, turn-backs counted: a person walks up to the line, stops with the head just short of it while an arm
/// reaches over it, and walks back the way they came. Nothing crossed: nothing may count. A <see cref="RayScene"/>
/// with the zones reporting the blend of what they see: the far zone sees the arm far below the head, and the head's
/// move towards the line and back cuts its own zone's presence at a valley.
/// </summary>
[TestClass]
public sealed class TurnBackEdgeSceneTests
{
    private const double Start = 3000;
    private const double Reach = 2600;

    [TestMethod]
    public void ReachesOverTheLineAndGoesBack_CountsNothing()
    {
        var failures = new List<string>();
        int scenes = 0;
        foreach (int mount in new[] { 2800, 3000 })
        {
            foreach (int dir in new[] { 1, -1 })
            {
                for (int seed = 1; seed <= 8; seed++)
                {
                    // A 1.81 m adult at 0.94 m/s stops with the head's centre 40 mm short of the line for 0.57 s, an arm
                    // held forward at 1.1 m reaching 0.35 m ahead (over the line), then walks back.
                    var scene = new RayScene(mount) { CoverShare = 0.33, Blend = true };
                    const double Stature = 1806;
                    const double ReachAhead = 345;
                    Mover m = new Mover().Part(0, 220, 170, Stature).Part(0, 280, 450, Stature * 0.82)
                        .Part(ReachAhead / 2, ReachAhead, 90, 1106, across: 150);
                    m.From(Start, -dir * Reach).To(-dir * 41, 0.94).Stay(570).To(-dir * Reach, 0.94);
                    scene.Movers.Add(m);

                    double duration = m.EndMs + 3000;
                    var counter = new PeopleCounter(new CounterSettings { MountHeightMillimeters = mount, InsideZone = 1 });
                    foreach (TofSample sample in scene.Run(duration, 31000 + seed))
                    {
                        counter.AddTofSample(sample.TimeMs, sample.Zone, sample.DistanceMillimeters, sample.RangeStatus);
                    }

                    counter.Tick((long)duration + 2000);
                    scenes++;
                    if (counter.Entries != 0 || counter.Exits != 0)
                    {
                        failures.Add($"mount {mount} dir {dir} noise seed {seed}: {CounterHarness.Describe(counter)}");
                    }
                }
            }
        }

        Assert.AreEqual(0, failures.Count, $"{failures.Count} of {scenes} scenes counted:\n" + string.Join("\n", failures));
    }
}
