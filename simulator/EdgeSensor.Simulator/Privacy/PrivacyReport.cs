using System.Globalization;
using System.Text;

namespace EdgeSensor.Simulator.Privacy;

/// <summary>The evaluation's figures as Markdown (the generated block of docs/privacy.md).</summary>
public static class PrivacyReport
{
    public static string ToMarkdown(PrivacyResults results)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        PrivacyEvaluationOptions o = results.Options;
        md.AppendLine(inv, $"Seed {o.Seed}; utility over {o.UtilityDays} days per flow ({o.ScenarioDays} tiled days per scenario); lone-worker detector trained on {o.TrainDays} and judged on {o.TestDays} held-out days per row; differencing over {o.DifferencingDays} days per flow.");
        md.AppendLine();
        md.AppendLine("**Utility, person-level DP (mode 3).** Error of what a consumer computes per hour from the released reports:");
        md.AppendLine("entries, exits, and occupancy at the hour's end as the running sum of released entries − exits from midnight");
        md.AppendLine("(the site is empty then). RMSE / 95th percentile of the absolute error, in people; C = 4.");
        md.AppendLine();
        md.AppendLine("| Flow | Window | ε per person per day | Entries/h (mean) | Entries | Exits | Occupancy |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (UtilityRow r in results.Utility.Where(r => !r.Disclosure.ExactReleases))
        {
            md.AppendLine(inv, $"| {r.Flow} | {r.WindowSeconds} s | {EpsilonOf(r.Disclosure)} | {r.MeanHourlyEntries:0.0} | {Cell(r.Entries)} | {Cell(r.Exits)} | {Cell(r.Occupancy)} |");
        }

        md.AppendLine();
        md.AppendLine("**Utility, small-count suppression k = 5 (issue 14 rules).** Share of entries/exits cells withheld, and the error");
        md.AppendLine("of hourly sums with a withheld cell taken as the midpoint 2 of 0..4 (*midpoint*), or, where the flow is withheld");
        md.AppendLine("between two released occupancies, with the larger direction taken as their change + 2 (*aided*). Occupancy: the");
        md.AppendLine("released value at the hour's end (2 when withheld).");
        md.AppendLine();
        md.AppendLine("| Flow | Window | Entries/h (mean) | Cells withheld | Entries, midpoint | Entries, aided | Exits, midpoint | Exits, aided | Occupancy |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (UtilityRow r in results.Utility.Where(r => r.Disclosure.ExactReleases))
        {
            md.AppendLine(inv, $"| {r.Flow} | {r.WindowSeconds} s | {r.MeanHourlyEntries:0.0} | {r.WithheldShare:0.0%} | {Cell(r.Entries)} | {Cell(r.AidedEntries)} | {Cell(r.Exits)} | {Cell(r.AidedExits)} | {Cell(r.Occupancy)} |");
        }

        md.AppendLine();
        md.AppendLine("**Lone-worker detector.** Empty site vs one person in between 07:00 and 10:00 who stays 2 h or 8 h. Held-out");
        md.AppendLine("accuracy (50 % = chance). *Blind*: the attacker does not know when; *informed*: it knows the entry and exit windows.");
        md.AppendLine();
        md.AppendLine("| Disclosure | Window | Stay | Blind | Informed | Blind model |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (AttackResult a in results.Attacks)
        {
            md.AppendLine(inv, $"| {Label(a.Disclosure)} | {a.WindowSeconds} s | {a.StayHours:0} h | {a.Blind:0.0%} | {a.Informed:0.0%} | {a.BlindModel} |");
        }

        md.AppendLine();
        md.AppendLine("**Differencing attack.** Withheld counters pinned down to one value from the released ones (occupancy chain,");
        md.AppendLine("peak bounds, the mask's meaning, site empty at midnight), over the four day-shaped flows at 900 s windows.");
        md.AppendLine();
        md.AppendLine("| Disclosure | Withheld counters | Recovered exactly | Share |");
        md.AppendLine("|---|---|---|---|");
        foreach (DifferencingResult d in results.Differencing)
        {
            string share = d.Withheld == 0 ? "–" : d.RecoveredShare.ToString("0.0%", inv);
            md.AppendLine(inv, $"| {Label(d.Disclosure)} | {d.Withheld} | {d.Recovered} | {share} |");
        }

        return md.ToString();
    }

    private static string EpsilonOf(DisclosureUnderTest d) =>
        d.Key == "dp-person" ? "1 (default)" : d.Key.Replace("dp-person-", "", StringComparison.Ordinal) switch
        {
            "500" => "0.5",
            "2000" => "2",
            string other => other,
        };

    private static string Label(string key) =>
        DisclosureUnderTest.All.FirstOrDefault(d => d.Key == key)?.Label ?? key;

    private static string Cell(ErrorSummary e) => string.Create(CultureInfo.InvariantCulture, $"{e.Rmse:0.0} / {e.P95:0}");
}
