using EdgeSensor.Core.Reports;

namespace EdgeSensor.Simulator.Privacy;

/// <summary>Share of withheld counters the differencing attack pins down to one value.</summary>
/// <param name="Withheld">Withheld counter cells (entries, exits, occupancy, peak) seen.</param>
/// <param name="Recovered">Of those, pinned down to a single value.</param>
/// <param name="Wrong">Pinned down to a value other than the truth (0 unless the attacker's assumptions are wrong).</param>
public sealed record DifferencingResult(string Disclosure, string Flows, long Withheld, long Recovered, long Wrong)
{
    public double RecoveredShare => Withheld == 0 ? 0 : (double)Recovered / Withheld;
}

/// <summary>
/// The differencing attack: from the released values of a day, recover withheld ones exactly. The attacker knows the
/// site was empty at midnight and uses every exact relation between a window's counters — occ(t) = occ(t−1) +
/// entries(t) − exits(t), max(occ(t−1), occ(t)) ≤ peak(t) ≤ occ(t−1) + entries(t), nothing negative — and what the
/// mask says a withheld value can be, propagating intervals over the whole day until nothing changes. A cell whose
/// interval shrinks to one value is recovered. Noised releases give no exact relation, so nothing is recovered there.
/// </summary>
public static class DifferencingAttack
{
    private const int Unbounded = 1 << 20;

    public static DifferencingResult Run(DisclosureUnderTest disclosure, IReadOnlyList<DailyFlow> flows, int windowSeconds, int daysPerFlow, ulong firstSeed)
    {
        long withheld = 0, recovered = 0, wrong = 0;
        foreach (DailyFlow flow in flows)
        {
            for (int d = 0; d < daysPerFlow; d++)
            {
                ulong seed = firstSeed + (ulong)d;
                IReadOnlyList<ReleasedWindow> windows = SiteDevice.Run(flow.Generate(seed), windowSeconds, disclosure.Create(seed), seed);
                (long w, long r, long x) = Attack(windows, disclosure);
                withheld += w;
                recovered += r;
                wrong += x;
            }
        }

        return new DifferencingResult(disclosure.Key, string.Join(", ", flows.Select(f => f.Name)), withheld, recovered, wrong);
    }

    /// <summary>Runs the attack on one day's windows: (withheld cells, recovered, recovered wrongly).</summary>
    public static (long Withheld, long Recovered, long Wrong) Attack(IReadOnlyList<ReleasedWindow> windows, DisclosureUnderTest disclosure)
    {
        int n = windows.Count;
        byte[] bits = [SuppressedFields.Entries, SuppressedFields.Exits, SuppressedFields.OccupancyAtEnd, SuppressedFields.PeakOccupancy];
        long withheldCells = windows.Sum(w => bits.Count(b => w.IsWithheld(b)));
        if (!disclosure.ExactReleases || withheldCells == 0)
        {
            return (withheldCells, 0, 0);
        }

        // lo/hi per window of entries, exits, occupancy at end, peak; occupancy "before window 0" is 0.
        var lo = new int[n, 4];
        var hi = new int[n, 4];
        for (int t = 0; t < n; t++)
        {
            int[] released = [windows[t].Entries, windows[t].Exits, windows[t].OccupancyAtEnd, windows[t].PeakOccupancy];
            for (int k = 0; k < 4; k++)
            {
                bool hidden = windows[t].IsWithheld(bits[k]);
                lo[t, k] = hidden ? disclosure.WithheldLow : released[k];
                hi[t, k] = hidden ? Math.Min(k == 2 ? disclosure.WithheldOccupancyHigh : disclosure.WithheldHigh, Unbounded) : released[k];
            }
        }

        bool changed = true;
        for (int pass = 0; changed && pass < 200; pass++)
        {
            changed = false;
            for (int t = 0; t < n; t++)
            {
                changed |= Propagate(lo, hi, t);
            }

            for (int t = n - 1; t >= 0; t--)
            {
                changed |= Propagate(lo, hi, t);
            }
        }

        long recovered = 0, wrongCells = 0;
        for (int t = 0; t < n; t++)
        {
            int[] truth = [windows[t].TrueEntries, windows[t].TrueExits, windows[t].TrueOccupancyAtEnd, windows[t].TruePeakOccupancy];
            for (int k = 0; k < 4; k++)
            {
                if (windows[t].IsWithheld(bits[k]) && lo[t, k] == hi[t, k])
                {
                    recovered++;
                    wrongCells += lo[t, k] == truth[k] ? 0 : 1;
                }
            }
        }

        return (withheldCells, recovered, wrongCells);
    }

    // One window's relations; returns whether any interval narrowed.
    private static bool Propagate(int[,] lo, int[,] hi, int t)
    {
        const int E = 0, X = 1, O = 2, P = 3;
        int prevLo = t == 0 ? 0 : lo[t - 1, O];
        int prevHi = t == 0 ? 0 : hi[t - 1, O];
        bool changed = false;

        // occ = prev + e − x, rearranged for each term.
        changed |= Narrow(lo, hi, t, O, prevLo + lo[t, E] - hi[t, X], prevHi + hi[t, E] - lo[t, X]);
        changed |= Narrow(lo, hi, t, E, lo[t, O] - prevHi + lo[t, X], hi[t, O] - prevLo + hi[t, X]);
        changed |= Narrow(lo, hi, t, X, prevLo + lo[t, E] - hi[t, O], prevHi + hi[t, E] - lo[t, O]);

        // max(prev, occ) ≤ peak ≤ prev + e.
        changed |= Narrow(lo, hi, t, P, Math.Max(prevLo, lo[t, O]), prevHi + hi[t, E]);
        changed |= Narrow(lo, hi, t, O, 0, hi[t, P]);
        changed |= Narrow(lo, hi, t, E, lo[t, P] - prevHi, Unbounded);
        if (t > 0)
        {
            changed |= Narrow(lo, hi, t - 1, O, lo[t, O] - hi[t, E] + lo[t, X], hi[t, O] - lo[t, E] + hi[t, X]);
            changed |= Narrow(lo, hi, t - 1, O, lo[t, P] - hi[t, E], hi[t, P]);
        }

        return changed;
    }

    private static bool Narrow(int[,] lo, int[,] hi, int t, int k, int newLo, int newHi)
    {
        bool changed = false;
        newLo = Math.Max(newLo, 0);
        if (newLo > lo[t, k] && newLo <= hi[t, k])
        {
            lo[t, k] = newLo;
            changed = true;
        }

        if (newHi < hi[t, k] && newHi >= lo[t, k])
        {
            hi[t, k] = newHi;
            changed = true;
        }

        return changed;
    }
}
