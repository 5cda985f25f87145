using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// Plays a written profile of one zone's readings (levels held for some samples, ramps between them) into a lone
/// <see cref="ZoneOccupancyDetector"/> and records what it reported: the detector tests write a traced shape down
/// and assert the events and finished targets.
/// </summary>
internal static class DetectorScript
{
    // One zone is ranged every other read cycle of about 35 ms.
    public const int PeriodMs = 70;

    // Readings of the bare floor played before the profile.
    public const int FloorSamples = 20;

    /// <summary>A level held for <paramref name="samples"/> readings, with a small alternating wobble (a walker's bob and the ranging noise).</summary>
    public static int[] Level(int distance, int samples)
    {
        var level = new int[samples];
        for (int i = 0; i < samples; i++)
        {
            level[i] = distance + ((i % 3) - 1) * 10;
        }

        return level;
    }

    /// <summary>
    /// Plays <see cref="FloorSamples"/> readings of the floor, then <paramref name="parts"/>, into a detector with a
    /// 200 mm split depth and the thresholds the channel derives from a floor noise of <paramref name="sigma"/>.
    /// </summary>
    public static Recorded Run(int floor, int sigma, params int[][] parts)
    {
        var zone = new ZoneOccupancyDetector(200);
        zone.SetThresholds(floor, 5 * sigma, (10 * sigma) / 3, sigma);
        var recorded = new Recorded();
        long t = 0;
        foreach (int[] part in new[] { Level(floor, FloorSamples) }.Concat(parts))
        {
            foreach (int d in part)
            {
                ZoneEvent e = zone.Update(t, d);
                if (e != ZoneEvent.None)
                {
                    recorded.Add(e, zone.Finished);
                }

                t += PeriodMs;
            }
        }

        return recorded;
    }

    /// <summary>The events a detector reported, and the targets it finished.</summary>
    public sealed class Recorded
    {
        private readonly List<string> _names = new();

        public List<TargetSummary> Finished { get; } = new();

        public string Names => string.Join(" ", _names);

        public void Add(ZoneEvent e, TargetSummary finished)
        {
            _names.Add(e.ToString());
            if (e == ZoneEvent.Split || e == ZoneEvent.Fall)
            {
                Finished.Add(finished);
            }
        }
    }
}
