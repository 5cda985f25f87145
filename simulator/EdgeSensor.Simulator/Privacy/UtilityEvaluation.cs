using EdgeSensor.Core.Reports;

namespace EdgeSensor.Simulator.Privacy;

/// <summary>Error of what a consumer computes, for one flow, window length and disclosure configuration.</summary>
/// <param name="WithheldShare">Share of entries/exits cells withheld (suppression), else 0.</param>
public sealed record UtilityRow(string Flow, int WindowSeconds, string Disclosure, double MeanHourlyEntries,
    ErrorSummary Entries, ErrorSummary Exits, ErrorSummary Occupancy, double WithheldShare);

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
                double e = 0, x = 0, te = 0, tx = 0;
                ReleasedWindow last = windows[(h * perHour) + perHour - 1];
                for (int i = h * perHour; i < (h + 1) * perHour; i++)
                {
                    ReleasedWindow w = windows[i];
                    e += w.IsWithheld(SuppressedFields.Entries) ? midpoint : w.Entries;
                    x += w.IsWithheld(SuppressedFields.Exits) ? midpoint : w.Exits;
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

        return new UtilityRow(flowName, windowSeconds, disclosure.Label, trueEntries / (24.0 * days),
            ErrorSummary.Of(entries), ErrorSummary.Of(exits), ErrorSummary.Of(occupancy), cells == 0 ? 0 : (double)withheld / cells);
    }
}
