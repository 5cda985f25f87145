using EdgeSensor.Core.Aggregation;
using EdgeSensor.Core.Reports;
using EdgeSensor.Simulator.Randomness;

namespace EdgeSensor.Simulator.Privacy;

/// <summary>
/// One device for one day at counts level: the day's crossings, PIR levels and ToF sample health go through the
/// core's <see cref="WindowAggregator"/> exactly as the device loop feeds it, and every closed window through the
/// disclosure stage under test. The device boots at midnight (uptime 0) with the site empty.
/// </summary>
public static class SiteDevice
{
    /// <summary>2026-01-05T00:00:00Z, a Monday: the day every simulated day is dated.</summary>
    public const uint DayStartUnixSeconds = 1767571200;

    /// <summary>ToF samples per second (33 ms timing budget).</summary>
    private const int SamplesPerSecond = 30;

    /// <summary>Share of invalid samples with nobody there (ambient light, range noise).</summary>
    private const double IdleInvalidShare = 0.004;

    /// <summary>Share of invalid samples while someone moves under the sensor (fast targets fail the range checks more often).</summary>
    private const double MotionInvalidShare = 0.08;

    /// <summary>The PIR module stays high this long after motion ends (HC-SR501-class hold at its shortest).</summary>
    private const double PirHoldSeconds = 2.5;

    /// <summary>Spurious PIR triggers per hour (warm air, sunlight), as the scenarios assume.</summary>
    private const double PirFalseTriggersPerHour = 2;

    public static IReadOnlyList<ReleasedWindow> Run(SiteDay day, int windowSeconds, IDisclosureStage stage, ulong seed)
    {
        var aggregator = new WindowAggregator(new AggregatorSettings { WindowLengthSeconds = windowSeconds, FirmwareVersion = 0x010000 });
        aggregator.SetCalibrationState(CalibrationState.Calibrated);
        Rng rng = Rng.ForStream(seed, 90);
        List<(double Start, double End)> pir = PirIntervals(day, rng);
        var events = new List<(double Time, int Order, int Kind)>();
        foreach (Crossing c in day.Crossings)
        {
            events.Add((c.TimeSeconds, 1, c.Delta));
        }

        foreach ((double start, double end) in pir)
        {
            events.Add((start, 0, 2));
            events.Add((end, 0, 3));
        }

        int windows = (int)(SiteDay.Length / windowSeconds);
        double[] motionSeconds = MotionPerWindow(day, windowSeconds, windows);
        for (int w = 1; w <= windows; w++)
        {
            events.Add((w * (double)windowSeconds, 2, 4));
        }

        events.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Order.CompareTo(b.Order));
        var released = new List<ReleasedWindow>(windows);
        var report = new WindowReport();
        var truth = new WindowReport();
        aggregator.TryCloseWindow(DayStartUnixSeconds, 0, report);
        int occupancy = 0;
        foreach ((double time, _, int kind) in events)
        {
            long ms = (long)(time * 1000);
            switch (kind)
            {
                case 1:
                    aggregator.RecordEntry();
                    aggregator.RecordOccupancy(++occupancy);
                    break;
                case -1:
                    aggregator.RecordExit();
                    occupancy = Math.Max(0, occupancy - 1);
                    aggregator.RecordOccupancy(occupancy);
                    break;
                case 2:
                case 3:
                    aggregator.RecordPirState(kind == 2, ms);
                    break;
                default:
                    RecordSamples(aggregator, windowSeconds, motionSeconds[released.Count], rng);
                    if (!aggregator.TryCloseWindow(DayStartUnixSeconds + (uint)time, ms, report))
                    {
                        throw new InvalidOperationException($"the aggregator did not close the window ending at {time} s");
                    }

                    Copy(report, truth);
                    stage.Apply(report, ms);
                    released.Add(ReleasedWindow.From(released.Count, report, truth));
                    break;
            }
        }

        return released;
    }

    // The PIR is high while someone moves under it (plus its hold time), and now and then for no one.
    private static List<(double Start, double End)> PirIntervals(SiteDay day, Rng rng)
    {
        var raw = day.Motion.Select(m => (Start: Math.Max(0, m.StartSeconds), End: Math.Min(SiteDay.Length - 1, m.EndSeconds + PirHoldSeconds))).ToList();
        for (double t = rng.Exponential(3600 / PirFalseTriggersPerHour); t < SiteDay.Length - 10; t += rng.Exponential(3600 / PirFalseTriggersPerHour))
        {
            raw.Add((t, t + PirHoldSeconds));
        }

        raw.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<(double Start, double End)>();
        foreach (var interval in raw)
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, interval.End));
            }
            else
            {
                merged.Add(interval);
            }
        }

        return merged;
    }

    // Seconds of motion under the sensor in each window (overlapping motions count twice: two people, more samples hit).
    private static double[] MotionPerWindow(SiteDay day, int windowSeconds, int windows)
    {
        var seconds = new double[windows];
        foreach (Motion m in day.Motion)
        {
            double start = Math.Max(0, m.StartSeconds), end = Math.Min(SiteDay.Length, m.EndSeconds);
            for (int w = (int)(start / windowSeconds); w < windows && w * (double)windowSeconds < end; w++)
            {
                seconds[w] += Math.Max(0, Math.Min(end, (w + 1) * (double)windowSeconds) - Math.Max(start, w * (double)windowSeconds));
            }
        }

        return seconds;
    }

    private static void RecordSamples(WindowAggregator aggregator, int windowSeconds, double motionSeconds, Rng rng)
    {
        motionSeconds = Math.Min(motionSeconds, windowSeconds);
        int total = windowSeconds * SamplesPerSecond;
        double expected = (total - (motionSeconds * SamplesPerSecond)) * IdleInvalidShare + (motionSeconds * SamplesPerSecond * MotionInvalidShare);
        int invalid = (int)Math.Clamp(Math.Round(rng.Normal(expected, Math.Sqrt(expected + 1))), 0, total);
        aggregator.RecordSamples(total, invalid);
    }

    private static void Copy(WindowReport from, WindowReport to)
    {
        to.Entries = from.Entries;
        to.Exits = from.Exits;
        to.OccupancyAtEnd = from.OccupancyAtEnd;
        to.PeakOccupancy = from.PeakOccupancy;
    }
}
