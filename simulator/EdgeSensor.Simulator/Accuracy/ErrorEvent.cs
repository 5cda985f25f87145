using EdgeSensor.Simulator.Population;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Accuracy;

/// <summary>
/// One counting error of an accuracy run: a truth crossing no count matched (a miss) or a count no truth matched (a
/// false count), with what it takes to find it again: the trace file `--traces` writes for its variant, scenario
/// and seed, the time locates it in the trace (`plot`). <see cref="NearestCountOffsetMs"/> tells a late count from
/// an absent one: for a miss, the signed time from the truth to the nearest unmatched count of the same direction
/// within <see cref="LateReachMs"/>; for a false count, to the nearest unmatched truth of the same direction.
/// <see cref="Zone0DipSigmas"/> and <see cref="Zone1DipSigmas"/> tell, for a miss, how visible the person was to each
/// zone at all (<see cref="ZoneVisibility"/>): a miss nobody could see from a lost one.
/// </summary>
public sealed record ErrorEvent(string Trace, string Variant, string Scenario, ulong Seed, long TimeMs, bool IsMiss, int Direction, PopulationGroup? Group, long? NearestCountOffsetMs,
    double? Zone0DipSigmas = null, double? Zone1DipSigmas = null)
{
    /// <summary>How far (ms) a count may be from a missed truth and still be called that truth's late (or early) count.</summary>
    public const long LateReachMs = 10_000;

    /// <summary>The CSV header <see cref="ToCsv"/> writes under.</summary>
    public const string CsvHeader = "trace,variant,scenario,seed,time_ms,error,direction,group,nearest_other_ms,zone0_dip_sigma,zone1_dip_sigma";

    /// <summary>One CSV line (no field needs quoting: labels, names and file names are the simulator's own, without commas).</summary>
    public string ToCsv() => string.Join(',',
        Trace, Variant, Scenario, Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), TimeMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        IsMiss ? "missed" : "false", Direction > 0 ? "entry" : "exit", Group?.ToString().ToLowerInvariant() ?? "nobody-near",
        NearestCountOffsetMs?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        Zone0DipSigmas?.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        Zone1DipSigmas?.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) ?? "");

    /// <summary>
    /// The errors of one run: misses against the unmatched counts, false counts against the misses; each miss with how
    /// visible it was to each zone when <paramref name="visibility"/> is given.
    /// </summary>
    public static IEnumerable<ErrorEvent> Of(string trace, string variant, string scenario, ulong seed, IReadOnlyList<TraceRecord> missed,
        IReadOnlyList<Replay.CountedCrossing> unmatched, Func<long, PopulationGroup?> attribute, ZoneVisibility? visibility = null)
    {
        foreach (TraceRecord truth in missed)
        {
            long? offset = Nearest(truth.TimeMs, truth.Value, unmatched.Select(c => (c.TimeMs, c.Direction)));
            PopulationGroup? group = truth.Channel is >= 0 and <= 3 ? (PopulationGroup)truth.Channel : null;
            yield return new ErrorEvent(trace, variant, scenario, seed, truth.TimeMs, true, truth.Value, group, offset,
                visibility?.DipSigmas(0, truth.TimeMs), visibility?.DipSigmas(1, truth.TimeMs));
        }

        foreach (Replay.CountedCrossing count in unmatched)
        {
            long? offset = Nearest(count.TimeMs, count.Direction, missed.Select(t => (t.TimeMs, t.Value)));
            yield return new ErrorEvent(trace, variant, scenario, seed, count.TimeMs, false, count.Direction, attribute(count.TimeMs), offset);
        }
    }

    private static long? Nearest(long timeMs, int direction, IEnumerable<(long TimeMs, int Direction)> others)
    {
        long? best = null;
        foreach ((long t, int d) in others)
        {
            long offset = t - timeMs;
            if (d == direction && Math.Abs(offset) <= LateReachMs && (best is null || Math.Abs(offset) < Math.Abs(best.Value)))
            {
                best = offset;
            }
        }

        return best;
    }
}
