using EdgeSensor.Simulator.Replay;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Accuracy;

/// <summary>The accuracy definitions used by the report (docs/accuracy.md states them).</summary>
public static class Score
{
    /// <summary>How far (ms) a counted crossing may be from a truth crossing of the same direction to match it.</summary>
    public const long MatchToleranceMs = 2000;

    /// <summary>Count accuracy of one direction: 1 − |counted − truth| / truth, floored at 0; null when truth is 0.</summary>
    public static double? DirectionAccuracy(int counted, int truth) =>
        truth <= 0 ? null : Math.Max(0, 1 - Math.Abs(counted - truth) / (double)truth);

    /// <summary>Count accuracy over both directions: 1 − (|ΔE| + |ΔX|) / (truthE + truthX); null when there is no truth.</summary>
    public static double? CombinedAccuracy(int entries, int truthEntries, int exits, int truthExits)
    {
        int truth = truthEntries + truthExits;
        return truth <= 0 ? null : Math.Max(0, 1 - (Math.Abs(entries - truthEntries) + Math.Abs(exits - truthExits)) / (double)truth);
    }

    /// <summary>
    /// Event matching: each truth crossing is matched to at most one counted crossing of the same direction within
    /// <see cref="MatchToleranceMs"/> (earliest first). Unmatched truths are misses, unmatched counts are false counts.
    /// Offsetting errors (a miss and a false count) cancel in the count accuracy but not here.
    /// </summary>
    public static void MatchEvents(IReadOnlyList<TraceRecord> records, IReadOnlyList<CountedCrossing> counted, out int missed, out int falseCounts) =>
        MatchEvents(records, counted, out missed, out falseCounts, out _, null);

    /// <summary>As above; also returns the unmatched counts and, when given an array, tallies misses by the truth
    /// rows' channel (the population group in simulated traces).</summary>
    public static void MatchEvents(IReadOnlyList<TraceRecord> records, IReadOnlyList<CountedCrossing> counted, out int missed, out int falseCounts,
        out IReadOnlyList<CountedCrossing> unmatched, int[]? missedByChannel) =>
        MatchEvents(records, counted, out missed, out falseCounts, out unmatched, out _, missedByChannel);

    /// <summary>As above; also returns the truth rows no count matched (the misses themselves).</summary>
    public static void MatchEvents(IReadOnlyList<TraceRecord> records, IReadOnlyList<CountedCrossing> counted, out int missed, out int falseCounts,
        out IReadOnlyList<CountedCrossing> unmatched, out IReadOnlyList<TraceRecord> missedTruths, int[]? missedByChannel)
    {
        var used = new bool[counted.Count];
        var misses = new List<TraceRecord>();
        missed = 0;
        foreach (TraceRecord r in records)
        {
            if (r.Kind != TraceKind.Truth)
            {
                continue;
            }

            int best = -1;
            long bestDistance = long.MaxValue;
            for (int i = 0; i < counted.Count; i++)
            {
                long distance = Math.Abs(counted[i].TimeMs - r.TimeMs);
                if (!used[i] && counted[i].Direction == r.Value && distance <= MatchToleranceMs && distance < bestDistance)
                {
                    best = i;
                    bestDistance = distance;
                }
            }

            if (best >= 0)
            {
                used[best] = true;
            }
            else
            {
                missed++;
                misses.Add(r);
                if (missedByChannel is not null && r.Channel >= 0 && r.Channel < missedByChannel.Length)
                {
                    missedByChannel[r.Channel]++;
                }
            }
        }

        falseCounts = used.Count(u => !u);
        unmatched = [.. counted.Where((_, i) => !used[i])];
        missedTruths = misses;
    }
}
