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
        md.AppendLine("**Utility.** Error of what a consumer computes per hour: entries, exits, and occupancy at the hour's end");
        md.AppendLine("(noised modes: running sum of released entries − exits from midnight; suppression: the released value, a withheld");
        md.AppendLine("cell taken as its midpoint). RMSE / 95th percentile of the absolute error, in people.");
        md.AppendLine();
        md.AppendLine("| Flow | Window | Disclosure | Entries/h (mean) | Entries | Exits | Occupancy | Cells withheld |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (UtilityRow r in results.Utility)
        {
            md.AppendLine(inv, $"| {r.Flow} | {r.WindowSeconds} s | {r.Disclosure} | {r.MeanHourlyEntries:0.0} | {Cell(r.Entries)} | {Cell(r.Exits)} | {Cell(r.Occupancy)} | {r.WithheldShare:0.0%} |");
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

    private static string Label(string key) =>
        DisclosureUnderTest.All.Concat(DisclosureUnderTest.PersonLevel).FirstOrDefault(d => d.Key == key)?.Label ?? key;

    private static string Cell(ErrorSummary e) => string.Create(CultureInfo.InvariantCulture, $"{e.Rmse:0.0} / {e.P95:0}");
}
