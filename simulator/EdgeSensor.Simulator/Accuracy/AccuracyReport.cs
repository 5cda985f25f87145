using System.Globalization;
using System.Text;
using EdgeSensor.Simulator.Population;

namespace EdgeSensor.Simulator.Accuracy;

/// <summary>Formats tallies as Markdown tables (ready for docs/accuracy.md) with the goals checked.</summary>
public static class AccuracyReport
{
    public static string ToMarkdown(IReadOnlyList<ScenarioTally> tallies, int seedCount, ulong firstSeed)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Seeds {firstSeed}..{firstSeed + (ulong)seedCount - 1} ({seedCount} per scenario). Accuracy = 1 - (|counted entries - truth entries| + |counted exits - truth exits|) / (truth entries + truth exits); event accuracy also charges offsetting misses and false counts.");
        sb.AppendLine();
        sb.AppendLine("| scenario | runs | truth in | counted in | truth out | counted out | accuracy | entry acc. | exit acc. | worst seed | missed | false | event acc. | turn-back false counts |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (ScenarioTally t in tallies)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {t.Name} | {t.Runs} | {t.TruthEntries} | {t.Entries} | {t.TruthExits} | {t.Exits} | {P(t.Accuracy)} | {P(t.EntryAccuracy)} | {P(t.ExitAccuracy)} | {P(t.WorstRunAccuracy)} | {t.Missed} | {t.FalseCounts} | {P(t.EventAccuracy)} | {TurnBacks(t)} |");
        }

        var groups = AccuracyRunner.ByGroup(tallies);
        if (groups.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Population groups (group-pure variants of the inclusive scenario):");
            sb.AppendLine();
            sb.AppendLine("| group | truth in | counted in | truth out | counted out | accuracy | event acc. | vs adults (pp) |");
            sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            double? adult = groups.FirstOrDefault(g => g.Group == PopulationGroup.Adult).Tally?.Accuracy;
            foreach (var (group, t) in groups)
            {
                string delta = adult is double a && t.Accuracy is double x ? ((x - a) * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "n/a";
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"| {group.ToString().ToLowerInvariant()} | {t.TruthEntries} | {t.Entries} | {t.TruthExits} | {t.Exits} | {P(t.Accuracy)} | {P(t.EventAccuracy)} | {delta} |");
            }
        }

        string[] mixedScenes = ["inclusive", "event-surge", "mixed"];
        var mixedTallies = tallies.Where(t => mixedScenes.Contains(t.Name)).ToList();
        if (mixedTallies.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"Population groups in mixed traffic ({string.Join(", ", mixedTallies.Select(t => t.Name))}): truth crossings and misses by event matching (a miss is not offset by a false count here; false counts cannot be attributed to a group):");
            sb.AppendLine();
            sb.AppendLine("| group | truth | missed | found |");
            sb.AppendLine("|---|---:|---:|---:|");
            foreach (PopulationGroup g in Enum.GetValues<PopulationGroup>())
            {
                int truth = mixedTallies.Sum(t => t.TruthByGroup[(int)g]);
                int missed = mixedTallies.Sum(t => t.MissedByGroup[(int)g]);
                string found = truth > 0 ? P(1 - missed / (double)truth) : "n/a";
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {g.ToString().ToLowerInvariant()} | {truth} | {missed} | {found} |");
            }
        }

        sb.AppendLine();
        sb.AppendLine("Goals:");
        sb.AppendLine();
        foreach (string line in Goals(tallies))
        {
            sb.AppendLine(line);
        }

        return sb.ToString();
    }

    public static IEnumerable<string> Goals(IReadOnlyList<ScenarioTally> tallies)
    {
        ScenarioTally? Find(string name) => tallies.FirstOrDefault(t => t.Name == name);
        string Check(string label, double? value, double goal, bool atLeast) => value is double v
            ? $"- {label}: {P(v)} (goal {(atLeast ? ">=" : "<=")} {P(goal)}) {((atLeast ? v >= goal : v <= goal) ? "MET" : "NOT MET")}"
            : $"- {label}: not run";
        yield return Check("single-file accuracy", Find("single-file")?.Accuracy, 0.99, true);
        yield return Check("tailgating accuracy (0.5 s headway)", Find("tailgating")?.Accuracy, 0.97, true);
        yield return Check("turn-backs counted", Find("turn-back")?.TurnBackFalseCountRate, 0.02, false);
        yield return Check("sunlight accuracy", Find("sunlight")?.Accuracy, 0.97, true);
        var groups = AccuracyRunner.ByGroup(tallies);
        double? adult = groups.FirstOrDefault(g => g.Group == PopulationGroup.Adult).Tally?.Accuracy;
        foreach (var (group, t) in groups)
        {
            if (group != PopulationGroup.Adult && adult is double a && t.Accuracy is double x)
            {
                double gap = a - x;
                yield return $"- {group.ToString().ToLowerInvariant()} vs adults: {(gap * 100).ToString("0.0", CultureInfo.InvariantCulture)} pp below (goal <= 1.0 pp) {(gap <= 0.01 ? "MET" : "NOT MET")}";
            }
        }

        ScenarioTally? side = Find("side-by-side");
        if (side is not null)
        {
            yield return $"- side-by-side accuracy: {P(side.Accuracy)} (no goal: two zones along the walking line cannot separate two people abreast)";
        }
    }

    private static string TurnBacks(ScenarioTally t) =>
        t.TurnBackEvents > 0 ? $"{t.TurnBackFalseCounts}/{t.TurnBackEvents} ({P(t.TurnBackFalseCountRate)})" : "";

    private static string P(double? value) =>
        value is double v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";
}
