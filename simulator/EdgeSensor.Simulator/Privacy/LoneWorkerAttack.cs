using EdgeSensor.Core.Reports;
using EdgeSensor.Simulator.Randomness;

namespace EdgeSensor.Simulator.Privacy;

/// <summary>Held-out accuracy of the lone-worker detector against one disclosure configuration and stay.</summary>
/// <param name="Blind">The attacker does not know when the worker came (arrival anywhere 07:00–10:00).</param>
/// <param name="Informed">The attacker knows the windows of the entry and of the exit (the strongest attacker).</param>
public sealed record AttackResult(string Disclosure, double StayHours, int WindowSeconds, double Blind, string BlindModel, double Informed, string InformedModel, int TestDays);

/// <summary>
/// The lone-worker detector: a site that is empty all day, or one person who walks in between 07:00 and 10:00,
/// stays (moving under the sensor now and then) and walks out. The attacker sees every released report field
/// (counters, PIR, health, mask, ε and budget) of the day's windows, trains a classifier on labelled days and is
/// judged on held-out days. Both classes are equally likely, so 50 % is chance.
/// </summary>
public static class LoneWorkerAttack
{
    private const double Hour = 3600;

    public static readonly string[] BlindFeatureNames =
    [
        "total entries", "total exits", "largest entries", "largest exits", "total occupancy", "largest occupancy", "total peak",
        "windows with counters withheld", "windows with PIR withheld", "windows with health withheld", "total PIR", "windows with PIR",
        "total invalid samples", "largest invalid samples", "largest derived occupancy", "largest entries + later exits",
        "largest 2 h occupancy", "largest 8 h occupancy", "largest 2 h PIR", "largest 2 h invalid samples", "largest 2 h withheld",
    ];

    /// <summary>The informed attacker has every blind statistic and these.</summary>
    public static readonly string[] InformedFeatureNames =
    [
        .. BlindFeatureNames,
        "entries at arrival", "exits at departure", "occupancy during stay", "peak during stay", "PIR during stay",
        "invalid samples during stay", "withheld during stay", "withheld at arrival", "withheld at departure",
    ];

    public static AttackResult Run(DisclosureUnderTest disclosure, double stayHours, int windowSeconds, int trainDays, int testDays, ulong seed)
    {
        var (trainBlind, trainInformed, trainLabels) = Days(disclosure, stayHours, windowSeconds, trainDays, seed);
        var (testBlind, testInformed, testLabels) = Days(disclosure, stayHours, windowSeconds, testDays, seed + 1_000_003);
        Classifier blind = Classifier.Train(trainBlind, trainLabels);
        Classifier informed = Classifier.Train(trainInformed, trainLabels);
        return new AttackResult(disclosure.Key, stayHours, windowSeconds,
            blind.Accuracy(testBlind, testLabels), blind.Describe(BlindFeatureNames),
            informed.Accuracy(testInformed, testLabels), informed.Describe(InformedFeatureNames), testDays);
    }

    /// <summary>One day: empty, or the lone worker; also the windows of the (would-be) entry and exit.</summary>
    public static (SiteDay Day, double Arrival, double Departure) Day(bool worker, double stayHours, ulong seed)
    {
        Rng rng = Rng.ForStream(seed, 50);
        double arrival = rng.Uniform(7 * Hour, 10 * Hour);
        double departure = arrival + (stayHours * Hour);
        if (!worker)
        {
            return (new SiteDay([], []), arrival, departure);
        }

        // Now and then the worker walks under the sensor without crossing (about once an hour, 5–60 s).
        var moves = new List<Motion>();
        for (double t = arrival + rng.Exponential(Hour); t < departure - 60; t += rng.Exponential(Hour))
        {
            moves.Add(new Motion(t, t + rng.Uniform(5, 60)));
        }

        return (SiteDay.FromVisits([(arrival, departure)], moves), arrival, departure);
    }

    private static (List<double[]>, List<double[]>, List<bool>) Days(DisclosureUnderTest disclosure, double stayHours, int windowSeconds, int count, ulong seed)
    {
        var blind = new List<double[]>(count);
        var informed = new List<double[]>(count);
        var labels = new List<bool>(count);
        for (int i = 0; i < count; i++)
        {
            ulong daySeed = seed + (ulong)i;
            bool worker = i % 2 == 1;
            (SiteDay day, double arrival, double departure) = Day(worker, stayHours, daySeed);
            IReadOnlyList<ReleasedWindow> w = SiteDevice.Run(day, windowSeconds, disclosure.Create(daySeed), daySeed);
            blind.Add(BlindFeatures(w, windowSeconds));
            informed.Add([.. blind[^1], .. InformedFeatures(w, (int)(arrival / windowSeconds), (int)(departure / windowSeconds))]);
            labels.Add(worker);
        }

        return (blind, informed, labels);
    }

    private static double[] BlindFeatures(IReadOnlyList<ReleasedWindow> w, int windowSeconds)
    {
        double derived = 0, largestDerived = 0, largestEntries = 0, bestPair = 0;
        foreach (ReleasedWindow r in w)
        {
            derived += r.Entries - r.Exits;
            largestDerived = Math.Max(largestDerived, derived);
            largestEntries = Math.Max(largestEntries, r.Entries);
            bestPair = Math.Max(bestPair, largestEntries + r.Exits);
        }

        int twoHours = Math.Max(1, (int)(2 * Hour / windowSeconds));
        int eightHours = Math.Max(1, (int)(8 * Hour / windowSeconds));
        return
        [
            w.Sum(r => r.Entries), w.Sum(r => r.Exits), w.Max(r => r.Entries), w.Max(r => r.Exits),
            w.Sum(r => r.OccupancyAtEnd), w.Max(r => r.OccupancyAtEnd), w.Sum(r => r.PeakOccupancy),
            w.Count(r => (r.SuppressedMask & SuppressedFields.AllCounters) != 0), w.Count(r => r.IsWithheld(SuppressedFields.PirActivity)),
            w.Count(r => r.IsWithheld(SuppressedFields.Health)), w.Sum(r => r.PirActivityPermille), w.Count(r => r.PirActivityPermille > 0),
            w.Sum(r => r.InvalidSamplePermille), w.Max(r => r.InvalidSamplePermille), largestDerived, bestPair,
            LargestBlock(w, twoHours, r => r.OccupancyAtEnd), LargestBlock(w, eightHours, r => r.OccupancyAtEnd),
            LargestBlock(w, twoHours, r => r.PirActivityPermille), LargestBlock(w, twoHours, r => r.InvalidSamplePermille),
            LargestBlock(w, twoHours, r => r.SuppressedMask == 0 ? 0 : 1),
        ];
    }

    private static double[] InformedFeatures(IReadOnlyList<ReleasedWindow> w, int arrival, int departure)
    {
        departure = Math.Min(departure, w.Count - 1);
        var stay = w.Skip(arrival).Take(departure - arrival + 1).ToList();
        return
        [
            w[arrival].Entries, w[departure].Exits, stay.Sum(r => r.OccupancyAtEnd), stay.Sum(r => r.PeakOccupancy),
            stay.Sum(r => r.PirActivityPermille), stay.Sum(r => r.InvalidSamplePermille), stay.Count(r => r.SuppressedMask != 0),
            w[arrival].SuppressedMask, w[departure].SuppressedMask,
        ];
    }

    private static double LargestBlock(IReadOnlyList<ReleasedWindow> w, int length, Func<ReleasedWindow, double> value)
    {
        double sum = 0, best = double.NegativeInfinity;
        for (int i = 0; i < w.Count; i++)
        {
            sum += value(w[i]);
            if (i >= length)
            {
                sum -= value(w[i - length]);
            }

            if (i >= length - 1)
            {
                best = Math.Max(best, sum);
            }
        }

        return best;
    }
}
