using EdgeSensor.Core.Reports;

namespace EdgeSensor.Simulator.Privacy;

/// <summary>Error of what a consumer computes, for one flow, window length and disclosure configuration.</summary>
/// <param name="WithheldShare">Share of entries/exits cells withheld (suppression), else 0.</param>
/// <param name="AidedEntries">Suppression only: hourly entries when a withheld flow is estimated from the released
/// occupancy change (the larger direction = |change| + the small one's midpoint), else the same as <paramref name="Entries"/>.</param>
public sealed record UtilityRow(string Flow, int WindowSeconds, DisclosureUnderTest Disclosure, double MeanHourlyEntries,
    ErrorSummary Entries, ErrorSummary Exits, ErrorSummary Occupancy, double WithheldShare, ErrorSummary AidedEntries, ErrorSummary AidedExits);

/// <summary>
/// Utility: hourly entries, hourly exits and occupancy at each hour's end, as a consumer computes them from the
/// released reports, against the truth. Noised modes: occupancy is the running sum of released entries − exits from
/// the day start (the site is empty at midnight), as the SDK derives it. Suppression: a withheld cell counts as the
/// midpoint of what the mask allows (0..k−1: (k−1)/2), and occupancy is the released end value of the hour's last
/// window (its midpoint when withheld).
/// </summary>
public static class UtilityEvaluation
{
    public static UtilityRow Run(DailyFlow flow, int windowSeconds, DisclosureUnderTest disclosure, int days, ulong firstSeed) =>
        Run(flow.Name, [.. Enumerable.Range(0, days).Select(d => flow.Generate(firstSeed + (ulong)d))], windowSeconds, disclosure, firstSeed);

    /// <summary>The same over days generated beforehand (day i has seed <paramref name="firstSeed"/> + i).</summary>
    public static UtilityRow Run(string flowName, IReadOnlyList<SiteDay> siteDays, int windowSeconds, DisclosureUnderTest disclosure, ulong firstSeed)
    {
        int days = siteDays.Count;
        var entries = new List<double>();
        var exits = new List<double>();
        var occupancy = new List<double>();
        var aidedEntries = new List<double>();
        var aidedExits = new List<double>();
        long cells = 0, withheld = 0, trueEntries = 0;
        int perHour = 3600 / windowSeconds;
        double midpoint = disclosure.WithheldEstimate;
        for (int d = 0; d < days; d++)
        {
            ulong seed = firstSeed + (ulong)d;
            SiteDay day = siteDays[d];
            IReadOnlyList<ReleasedWindow> windows = SiteDevice.Run(day, windowSeconds, disclosure.Create(seed), seed);
            double derived = 0, truth = 0;
            for (int h = 0; h < 24; h++)
            {
                double e = 0, x = 0, te = 0, tx = 0, ae = 0, ax = 0;
                ReleasedWindow last = windows[(h * perHour) + perHour - 1];
                for (int i = h * perHour; i < (h + 1) * perHour; i++)
                {
                    ReleasedWindow w = windows[i];
                    e += w.IsWithheld(SuppressedFields.Entries) ? midpoint : w.Entries;
                    x += w.IsWithheld(SuppressedFields.Exits) ? midpoint : w.Exits;
                    (double aidedE, double aidedX) = Aided(windows, i, midpoint);
                    ae += aidedE;
                    ax += aidedX;
                    te += w.TrueEntries;
                    tx += w.TrueExits;
                    cells += 2;
                    withheld += (w.IsWithheld(SuppressedFields.Entries) ? 1 : 0) + (w.IsWithheld(SuppressedFields.Exits) ? 1 : 0);
                }

                derived += e - x;
                truth += te - tx;
                trueEntries += (long)te;
                entries.Add(e - te);
                exits.Add(x - tx);
                aidedEntries.Add(ae - te);
                aidedExits.Add(ax - tx);
                if (disclosure.ExactReleases)
                {
                    double released = last.IsWithheld(SuppressedFields.OccupancyAtEnd) ? midpoint : last.OccupancyAtEnd;
                    occupancy.Add(released - last.TrueOccupancyAtEnd);
                }
                else
                {
                    occupancy.Add(derived - truth);
                }
            }
        }

        return new UtilityRow(flowName, windowSeconds, disclosure, trueEntries / (24.0 * days),
            ErrorSummary.Of(entries), ErrorSummary.Of(exits), ErrorSummary.Of(occupancy), cells == 0 ? 0 : (double)withheld / cells,
            ErrorSummary.Of(aidedEntries), ErrorSummary.Of(aidedExits));
    }

    // A withheld flow next to two released occupancies: their change is entries − exits, and the mask says one of the
    // two is small, so the larger direction is the change plus the small one's midpoint.
    private static (double Entries, double Exits) Aided(IReadOnlyList<ReleasedWindow> windows, int i, double midpoint)
    {
        ReleasedWindow w = windows[i];
        bool entriesHidden = w.IsWithheld(SuppressedFields.Entries), exitsHidden = w.IsWithheld(SuppressedFields.Exits);
        double e = entriesHidden ? midpoint : w.Entries, x = exitsHidden ? midpoint : w.Exits;
        if (!entriesHidden || !exitsHidden || i == 0 || w.IsWithheld(SuppressedFields.OccupancyAtEnd) || windows[i - 1].IsWithheld(SuppressedFields.OccupancyAtEnd))
        {
            return (e, x);
        }

        double change = w.OccupancyAtEnd - windows[i - 1].OccupancyAtEnd;
        return change >= 0 ? (change + midpoint, midpoint) : (midpoint, midpoint - change);
    }
}
