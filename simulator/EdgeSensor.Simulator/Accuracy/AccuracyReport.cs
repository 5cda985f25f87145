using System.Globalization;
using System.Text;
using EdgeSensor.Simulator.Population;

namespace EdgeSensor.Simulator.Accuracy;

/// <summary>What one accuracy run measured: the main variants (coverage model × mount), an optional timing-budget sweep, and the engine.</summary>
public sealed record AccuracyRunResult(
    IReadOnlyList<VariantTally> Variants,
    IReadOnlyList<VariantTally> BudgetSweep,
    int SeedCount,
    ulong FirstSeed,
    EngineStamp Engine);

/// <summary>
/// Formats a run as Markdown (the block of docs/accuracy.md). The headline of every scenario and group is the event
/// accuracy, with the count accuracy beside it in brackets; goals are checked on event accuracy per variant.
/// </summary>
public static class AccuracyReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The scenarios' timing budget, used where a variant does not override it.</summary>
    private const int DefaultBudgetMs = 33;

    public static string ToMarkdown(AccuracyRunResult run)
    {
        var sb = new StringBuilder();
        IReadOnlyList<VariantTally> variants = run.Variants;
        sb.AppendLine(Inv, $"Engine measured: {run.Engine.Describe()}.");
        sb.AppendLine();
        sb.AppendLine(Inv, $"Seeds {run.FirstSeed}..{run.FirstSeed + (ulong)run.SeedCount - 1} per scenario and variant; {Bodies(variants)}. Each cell: **event accuracy** (misses and false counts both charged) and, in brackets, count accuracy (offsetting errors cancel).");
        string header = "| " + string.Join(" | ", variants.Select(v => v.Variant.Label)) + " |";
        string rule = string.Concat(Enumerable.Repeat("---:|", variants.Count));

        sb.AppendLine();
        sb.AppendLine("#### Scenarios");
        sb.AppendLine();
        sb.AppendLine("| scenario " + header);
        sb.AppendLine("|---|" + rule);
        foreach (string name in variants[0].Scenarios.Select(t => t.Name))
        {
            sb.AppendLine($"| {name} | " + string.Join(" | ", variants.Select(v => Cell(v.Find(name)))) + " |");
        }

        sb.AppendLine("| **overall** (all but side-by-side) | " + string.Join(" | ", variants.Select(v => "**" + Cell(AccuracyGoals.Pooled(v)) + "**")) + " |");

        if (AccuracyRunner.ByGroup(variants[0].Scenarios).Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("#### Population groups (group-pure scenarios `inclusive-*`), with the event-accuracy difference to adults");
            sb.AppendLine();
            sb.AppendLine("| group " + header);
            sb.AppendLine("|---|" + rule);
            foreach (PopulationGroup g in Enum.GetValues<PopulationGroup>())
            {
                sb.AppendLine($"| {AccuracyGoals.Name(g)} | " + string.Join(" | ", variants.Select(v => PureGroupCell(v, g))) + " |");
            }
        }

        if (AccuracyGoals.Mixed(variants[0]) is not null)
        {
            sb.AppendLine();
            sb.AppendLine(Inv, $"#### Population groups in mixed traffic ({string.Join(", ", AccuracyGoals.MixedScenarios)}): event (count) accuracy, truth/missed/false, difference to adults; each false count is charged to the group of the person nearest to it");
            sb.AppendLine();
            sb.AppendLine("| group " + header);
            sb.AppendLine("|---|" + rule);
            foreach (PopulationGroup g in Enum.GetValues<PopulationGroup>())
            {
                sb.AppendLine($"| {AccuracyGoals.Name(g)} | " + string.Join(" | ", variants.Select(v => MixedGroupCell(v, g))) + " |");
            }

            sb.AppendLine("| false counts with nobody near | " + string.Join(" | ", variants.Select(v => AccuracyGoals.Mixed(v)!.UnattributedFalseCounts.ToString(Inv))) + " |");
        }

        sb.AppendLine();
        sb.AppendLine(Inv, $"#### Goals (event accuracy; they apply up to {AccuracyGoals.HighestGoalMountMillimeters / 1000.0:0.0} m, above it the figures are reported)");
        sb.AppendLine();
        sb.AppendLine("| goal " + header);
        sb.AppendLine("|---|" + rule);
        var checks = variants.Select(AccuracyGoals.Check).ToArray();
        for (int i = 0; i < checks[0].Count; i++)
        {
            sb.AppendLine($"| {checks[0][i].Goal} | " + string.Join(" | ", checks.Select((c, v) => GoalCell(c[i], variants[v]))) + " |");
        }

        sb.AppendLine("| **all goals** | " + string.Join(" | ", checks.Select((c, v) => AllGoalsCell(c, variants[v]))) + " |");

        if (run.BudgetSweep.Count > 0)
        {
            AppendBudgetSweep(sb, run);
        }

        sb.AppendLine();
        sb.AppendLine("<details><summary>Every figure of every variant (truth, counts, misses, false counts)</summary>");
        sb.AppendLine();
        sb.AppendLine(DetailHeader);
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (VariantTally v in variants.Concat(run.BudgetSweep))
        {
            foreach (ScenarioTally t in v.Scenarios)
            {
                sb.AppendLine(DetailRow(v, t));
            }
        }

        sb.AppendLine();
        sb.AppendLine("</details>");
        return sb.ToString();
    }

    public const string DetailHeader =
        "| variant | scenario | runs | truth in | counted in | truth out | counted out | missed | false | event acc. | count acc. | worst seed (event) | turn-backs counted | false with nobody near |";

    /// <summary>One row of the detail table: a scenario's raw figures under one variant (the drift test regenerates some).</summary>
    public static string DetailRow(VariantTally v, ScenarioTally t) =>
        string.Create(Inv, $"| {v.Variant.Label} | {t.Name} | {t.Runs} | {t.TruthEntries} | {t.Entries} | {t.TruthExits} | {t.Exits} | {t.Missed} | {t.FalseCounts} | {P(t.EventAccuracy)} | {P(t.Accuracy)} | {P(t.WorstRunEventAccuracy)} | {TurnBacks(t)} | {t.UnattributedFalseCounts} |");

    private static void AppendBudgetSweep(StringBuilder sb, AccuracyRunResult run)
    {
        sb.AppendLine();
        sb.AppendLine(Inv, $"#### Timing budget above {AccuracyGoals.HighestGoalMountMillimeters / 1000.0:0.0} m (rows without a budget: {DefaultBudgetMs} ms): overall event accuracy, and the worst group's difference to adults (group-pure)");
        sb.AppendLine();
        IReadOnlyList<VariantTally> sweep = run.BudgetSweep;
        sb.AppendLine("| variant | overall | worst group vs adults | goals met |");
        sb.AppendLine("|---|---:|---:|---:|");
        foreach (VariantTally v in sweep)
        {
            IReadOnlyList<GoalCheck> checks = AccuracyGoals.Check(v);
            sb.AppendLine(Inv, $"| {v.Variant.Label} | {P(AccuracyGoals.Pooled(v).EventAccuracy)} | {Pp(-WorstGroupGap(v))} | {checks.Count(c => c.Met == true)}/{checks.Count} |");
        }

        // Recommend, per mount, the budget whose worse coverage model does best overall.
        foreach (var mount in sweep.GroupBy(v => v.Variant.MountHeightMillimeters))
        {
            var best = mount.GroupBy(v => v.Variant.TimingBudgetMs)
                .Select(b => (Budget: b.Key ?? DefaultBudgetMs, Worst: b.Min(v => AccuracyGoals.Pooled(v).EventAccuracy ?? 0)))
                .OrderByDescending(b => b.Worst).ThenBy(b => b.Budget).First();
            sb.AppendLine();
            sb.AppendLine(Inv, $"Recommended timing budget at {mount.Key / 1000.0:0.0##} m: **{best.Budget} ms** (overall event accuracy {P(best.Worst)} on the worse coverage model).");
        }
    }

    /// <summary>How far (fraction) the worst non-adult group's event accuracy is below the adults' (group-pure), or null.</summary>
    public static double? WorstGroupGap(VariantTally v)
    {
        var groups = AccuracyRunner.ByGroup(v.Scenarios);
        double? adult = groups.FirstOrDefault(g => g.Group == PopulationGroup.Adult).Tally?.EventAccuracy;
        double? worst = null;
        foreach (var (group, t) in groups.Where(g => g.Group != PopulationGroup.Adult))
        {
            double? gap = adult - t.EventAccuracy;
            worst = worst is null || gap > worst ? gap : worst;
        }

        return worst;
    }

    private static string Bodies(IReadOnlyList<VariantTally> variants)
    {
        bool bodies = variants.All(v => v.Variant.RandomiseBodyParameters);
        bool noise = variants.All(v => v.Variant.RandomiseSensorNoise);
        string drawn = (bodies, noise) switch
        {
            (true, true) => "body and spacing parameters and the sensor's noise drawn per seed",
            (true, false) => "body and spacing parameters drawn per seed",
            (false, true) => "the sensor's noise drawn per seed, reference body parameters where the variant says so",
            _ => "reference body parameters and sensor noise where the variant says so",
        };
        return drawn + " (docs/simulator.md)";
    }

    private static string Cell(ScenarioTally? t)
    {
        if (t is null)
        {
            return "not run";
        }

        if (t.TruthEntries + t.TruthExits == 0)
        {
            // Nothing to count: turn-backs counted, or (nobody at all) false counts an hour with the count and hours behind it.
            return t.TurnBackEvents > 0 ? $"{t.TurnBackFalseCounts}/{t.TurnBackEvents} turn-backs counted"
                : t.Hours > 0 ? string.Create(Inv, $"{t.FalseCountsPerHour:0.00} false/h ({t.FalseCounts} in {t.Hours:0.#} h)") : $"{t.FalseCounts} false";
        }

        return $"{P(t.EventAccuracy)} ({P(t.Accuracy)})";
    }

    private static string PureGroupCell(VariantTally v, PopulationGroup g)
    {
        var groups = AccuracyRunner.ByGroup(v.Scenarios);
        ScenarioTally? t = groups.FirstOrDefault(x => x.Group == g).Tally;
        ScenarioTally? adult = groups.FirstOrDefault(x => x.Group == PopulationGroup.Adult).Tally;
        if (t is null)
        {
            return "not run";
        }

        string cell = Cell(t);
        return g == PopulationGroup.Adult ? cell : cell + " " + Pp(t.EventAccuracy - adult?.EventAccuracy);
    }

    private static string MixedGroupCell(VariantTally v, PopulationGroup g)
    {
        ScenarioTally mixed = AccuracyGoals.Mixed(v)!;
        int i = (int)g;
        if (mixed.TruthByGroup[i] == 0)
        {
            return $"no truth ({mixed.FalseByGroup[i]} false)";
        }

        string cell = $"{P(mixed.GroupEventAccuracy(i))} ({P(mixed.GroupCountAccuracy(i))}) {mixed.TruthByGroup[i]}/{mixed.MissedByGroup[i]}/{mixed.FalseByGroup[i]}";
        return g == PopulationGroup.Adult ? cell : cell + " " + Pp(mixed.GroupEventAccuracy(i) - mixed.GroupEventAccuracy(0));
    }

    private static string GoalCell(GoalCheck c, VariantTally v)
    {
        string value = c.PerHour ? PerHour(c.Value) : c.Goal.Contains("within", StringComparison.Ordinal) ? Pp(-c.Value) : P(c.Value);
        if (c.CountGap > AccuracyGoals.GroupGap && c.Value <= AccuracyGoals.GroupGap)
        {
            // The event gap is within the goal, the count gap is not: say what missed it.
            value += $" (count {Pp(-c.CountGap)})";
        }

        bool goalApplies = (v.Variant.MountHeightMillimeters ?? 0) <= AccuracyGoals.HighestGoalMountMillimeters;
        return c.Met switch
        {
            null => "not run",
            true => value + " met",
            false => goalApplies ? $"**{value} NOT MET**" : value + " (missed; reported)",
        };
    }

    private static string AllGoalsCell(IReadOnlyList<GoalCheck> checks, VariantTally v)
    {
        int met = checks.Count(c => c.Met == true), run = checks.Count(c => c.Met is not null);
        bool goalApplies = (v.Variant.MountHeightMillimeters ?? 0) <= AccuracyGoals.HighestGoalMountMillimeters;
        string tally = run == checks.Count ? $"{met}/{run}" : $"{met}/{run} run";
        return met == run ? $"**{tally} MET**" : goalApplies ? $"**{tally} NOT MET**" : tally + " (reported)";
    }

    private static string TurnBacks(ScenarioTally t) =>
        t.TurnBackEvents > 0 ? $"{t.TurnBackFalseCounts}/{t.TurnBackEvents} ({P(t.TurnBackFalseCountRate)})" : "";

    /// <summary>A rate an hour, two decimals (one false count in 5 h is 0.20/h).</summary>
    private static string PerHour(double? rate) =>
        rate is double r ? r.ToString("0.00", Inv) + "/h" : "n/a";

    /// <summary>A difference to adults in percentage points (negative = below adults).</summary>
    private static string Pp(double? gap) =>
        gap is double g ? (g * 100).ToString("+0.0;−0.0;0.0", Inv) + " pp" : "n/a";

    public static string P(double? value) =>
        value is double v ? (v * 100).ToString("0.0", Inv) + "%" : "n/a";
}
