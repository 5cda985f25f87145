using EdgeSensor.Core.Counting;
using EdgeSensor.Core.Reports;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>Feeds generated samples into a <see cref="PeopleCounter"/> and ticks it to the end of the scene.</summary>
internal static class CounterHarness
{
    public static PeopleCounter Run(SceneGenerator scene, double durationMs, int seed = 1, CounterSettings? settings = null)
    {
        var counter = new PeopleCounter(settings ?? new CounterSettings { MountHeightMillimeters = scene.MountMillimeters });
        Feed(counter, scene.Run(durationMs, seed));
        counter.Tick((long)durationMs + 400);
        return counter;
    }

    public static void Feed(PeopleCounter counter, List<TofSample> samples)
    {
        foreach (var s in samples)
        {
            counter.AddTofSample(s.TimeMs, s.Zone, s.DistanceMillimeters, s.RangeStatus);
        }
    }

    public static string Describe(PeopleCounter c) =>
        $"entries {c.Entries} exits {c.Exits} turnbacks {c.TurnBacks} orphans {c.OrphanTargets} door {c.DoorRejections} low {c.LowObjectRejections} base {c.BaselineMillimeters(0)}/{c.BaselineMillimeters(1)} state {c.CalibrationState}";
}
