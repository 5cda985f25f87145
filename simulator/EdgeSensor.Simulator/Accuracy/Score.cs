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
    /// <see cref="MatchToleranceMs"/>, as many as can be, and among those matchings the one whose counts sit nearest to
    /// their truth rows' times plus the trace's typical delay (<see cref="TypicalLag"/>, <see cref="MatchInOrder"/>).
    /// Unmatched truths are misses, unmatched counts are false counts. Offsetting errors (a miss and a false count)
    /// cancel in the count accuracy but not here.
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
        TraceRecord[] truths = [.. records.Where(r => r.Kind == TraceKind.Truth).OrderBy(r => r.TimeMs)];
        int[] countIndex = [.. Enumerable.Range(0, counted.Count).OrderBy(i => counted[i].TimeMs)];
        CountedCrossing[] counts = [.. countIndex.Select(i => counted[i])];
        long lag = TypicalLag(truths, counts);
        var truthMatched = new bool[truths.Length];
        var used = new bool[counted.Count];
        foreach (int direction in truths.Select(r => r.Value).Concat(counts.Select(c => c.Direction)).Distinct())
        {
            int[] t = [.. Enumerable.Range(0, truths.Length).Where(i => truths[i].Value == direction)];
            int[] c = [.. Enumerable.Range(0, counts.Length).Where(j => counts[j].Direction == direction)];
            foreach ((int ti, int cj) in MatchInOrder([.. t.Select(i => truths[i].TimeMs)], [.. c.Select(j => counts[j].TimeMs)], lag))
            {
                truthMatched[t[ti]] = true;
                used[countIndex[c[cj]]] = true;
            }
        }

        var misses = new List<TraceRecord>();
        for (int i = 0; i < truths.Length; i++)
        {
            if (truthMatched[i])
            {
                continue;
            }

            misses.Add(truths[i]);
            if (missedByChannel is not null && truths[i].Channel >= 0 && truths[i].Channel < missedByChannel.Length)
            {
                missedByChannel[truths[i].Channel]++;
            }
        }

        missed = misses.Count;
        falseCounts = used.Count(u => !u);
        unmatched = [.. counted.Where((_, i) => !used[i])];
        missedTruths = misses;
    }

    /// <summary>
    /// How long after a truth crossing its count typically comes: the median, over the counts, of the time from the
    /// nearest truth crossing of the same direction within <see cref="MatchToleranceMs"/> (0 when there is none). The
    /// counter counts a walker when the body has left the second zone, a few hundred ms after its truth row (when it
    /// crossed the line); slow, long bodies come later.
    /// </summary>
    internal static long TypicalLag(IReadOnlyList<TraceRecord> truths, IReadOnlyList<CountedCrossing> counts)
    {
        var lags = new List<long>();
        foreach (CountedCrossing c in counts)
        {
            long best = long.MaxValue;
            foreach (TraceRecord r in truths)
            {
                long lag = c.TimeMs - r.TimeMs;
                if (r.Value == c.Direction && Math.Abs(lag) <= MatchToleranceMs && Math.Abs(lag) < Math.Abs(best))
                {
                    best = lag;
                }
            }

            if (best != long.MaxValue)
            {
                lags.Add(best);
            }
        }

        lags.Sort();
        return lags.Count == 0 ? 0 : lags[lags.Count / 2];
    }

    /// <summary>
    /// The best matching of two sorted time lists, a count within <see cref="MatchToleranceMs"/> of its truth: the most
    /// pairs, then the least summed distance of each count from its truth's time plus the typical <paramref name="lag"/>.
    /// Which person a count stands for matters when one of two close walkers is missed: the miss belongs to the one
    /// the counter lost, and so to that person's population group. A greedy pass in truth order hands a count to the
    /// earlier person whenever it can, and a plain nearest-in-time rule to the later one of a pair a few hundred ms apart
    /// (a count comes that much after its own person); measured from where the count should be, neither bias remains.
    /// On a line an optimal matching never crosses (two crossed pairs within the tolerance can be swapped into two
    /// uncrossed ones within it, at no greater cost), so a dynamic programme over both lists in order finds it.
    /// </summary>
    internal static List<(int Truth, int Count)> MatchInOrder(long[] truths, long[] counts, long lag)
    {
        int n = truths.Length, m = counts.Length;
        // best[i, j]: the most pairs, then the least summed difference, among truths[i..] and counts[j..].
        var pairs = new int[n + 1, m + 1];
        var cost = new long[n + 1, m + 1];
        for (int i = n; i >= 0; i--)
        {
            for (int j = m; j >= 0; j--)
            {
                if (i == n || j == m)
                {
                    continue;
                }

                (int p, long c) = Better((pairs[i + 1, j], cost[i + 1, j]), (pairs[i, j + 1], cost[i, j + 1]));
                if (Math.Abs(counts[j] - truths[i]) <= MatchToleranceMs)
                {
                    (p, c) = Better((p, c), (pairs[i + 1, j + 1] + 1, cost[i + 1, j + 1] + Math.Abs(counts[j] - truths[i] - lag)));
                }

                pairs[i, j] = p;
                cost[i, j] = c;
            }
        }

        var matched = new List<(int, int)>();
        for (int i = 0, j = 0; i < n && j < m;)
        {
            if (Math.Abs(counts[j] - truths[i]) <= MatchToleranceMs && pairs[i, j] == pairs[i + 1, j + 1] + 1
                && cost[i, j] == cost[i + 1, j + 1] + Math.Abs(counts[j] - truths[i] - lag))
            {
                matched.Add((i, j));
                i++;
                j++;
            }
            else if (pairs[i, j] == pairs[i + 1, j] && cost[i, j] == cost[i + 1, j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return matched;
    }

    private static (int Pairs, long Cost) Better((int Pairs, long Cost) a, (int Pairs, long Cost) b) =>
        a.Pairs != b.Pairs ? (a.Pairs > b.Pairs ? a : b) : (a.Cost <= b.Cost ? a : b);
}
