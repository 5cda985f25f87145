using EdgeSensor.Simulator.Accuracy;
using EdgeSensor.Simulator.Population;

namespace EdgeSensor.Simulator.Reporting;

/// <summary>
/// The HTML report of an <c>accuracy</c> run (docs/report.md): event accuracy per scenario and variant (coverage model ×
/// mount), the misses and false counts behind it, the population groups (group-pure scenarios and mixed traffic), and
/// the goals. The same figures as the Markdown of <see cref="AccuracyReport"/>, drawn.
/// </summary>
public static class AccuracyReportHtml
{
    public static void Write(AccuracyRunResult run, string path) => Build(run).Save(path);

    internal static HtmlPage Build(AccuracyRunResult run)
    {
        IReadOnlyList<VariantTally> variants = run.Variants;
        var page = new HtmlPage("EdgeSensor accuracy report");
        page.Heading(1, "EdgeSensor accuracy report");
        page.Paragraph($"Engine measured: {run.Engine.Describe()}.");
        page.Paragraph(string.Create(Svg.Inv,
            $"Seeds {run.FirstSeed}..{run.FirstSeed + (ulong)run.SeedCount - 1} per scenario and variant; {variants.Count} variant(s): {string.Join(", ", variants.Select(v => v.Variant.Label))}."));
        page.Paragraph("Event accuracy = 1 − (missed + false counts) / true crossings: a miss and a false count both cost, where the count accuracy (in brackets in the tables) lets them cancel.", "note");
        if (variants.Count == 0)
        {
            page.Paragraph("No variant was run.", "bad");
            return page;
        }

        Scenarios(page, variants);
        Groups(page, variants);
        Goals(page, variants);
        if (run.BudgetSweep.Count > 0)
        {
            BudgetSweep(page, run.BudgetSweep);
        }

        return page;
    }

    private static void Scenarios(HtmlPage page, IReadOnlyList<VariantTally> variants)
    {
        page.Heading(2, "Scenarios", "scenarios");
        string[] names = [.. variants[0].Scenarios.Select(t => t.Name)];
        page.Table(["scenario", .. variants.Select(v => v.Variant.Label)],
            names.Select(n => (IReadOnlyList<(string, string?)>)[(n, null), .. variants.Select(v => Cell(v.Find(n)))])
                .Append([("overall (all but side-by-side)", null), .. variants.Select(v => Cell(AccuracyGoals.Pooled(v)))]));

        var chart = new BarChart { Title = "Event accuracy per scenario", YLabel = "event accuracy (%)", Categories = names };
        for (int i = 0; i < variants.Count; i++)
        {
            chart.Add(variants[i].Variant.Label, Palette.Nth(i), names.Select(n => Percent(variants[i].Find(n)?.EventAccuracy)));
        }

        page.Chart(chart.ToSvg());
        page.Heading(3, "Misses and false counts");
        foreach (VariantTally v in variants)
        {
            page.Chart(new BarChart { Title = $"Misses and false counts per scenario, {v.Variant.Label}", YLabel = "crossings", Categories = names }
                .Add("true crossings", Palette.Truth, names.Select(n => (double)(v.Find(n) is { } t ? t.TruthEntries + t.TruthExits : 0)))
                .Add("missed", Palette.Bad, names.Select(n => (double)(v.Find(n)?.Missed ?? 0)))
                .Add("false counts", Palette.Lost, names.Select(n => (double)(v.Find(n)?.FalseCounts ?? 0)))
                .ToSvg());
        }
    }

    private static void Groups(HtmlPage page, IReadOnlyList<VariantTally> variants)
    {
        PopulationGroup[] groups = Enum.GetValues<PopulationGroup>();
        string[] groupNames = [.. groups.Select(AccuracyGoals.Name)];
        page.Heading(2, "Population groups", "groups");
        if (AccuracyRunner.ByGroup(variants[0].Scenarios).Count > 0)
        {
            page.Heading(3, "Group-pure scenarios");
            var chart = new BarChart { Title = "Event accuracy per population group (group-pure scenarios)", YLabel = "event accuracy (%)", Categories = groupNames };
            for (int i = 0; i < variants.Count; i++)
            {
                var byGroup = AccuracyRunner.ByGroup(variants[i].Scenarios);
                chart.Add(variants[i].Variant.Label, Palette.Nth(i), groups.Select(g => Percent(byGroup.FirstOrDefault(x => x.Group == g).Tally?.EventAccuracy)));
            }

            page.Chart(chart.ToSvg());
        }
        else
        {
            page.Paragraph("No group-pure scenario (inclusive-*) was run.", "note");
        }

        if (AccuracyGoals.Mixed(variants[0]) is null)
        {
            page.Paragraph("No mixed-traffic scenario was run.", "note");
            return;
        }

        page.Heading(3, $"Mixed traffic ({string.Join(", ", AccuracyGoals.MixedScenarios)})");
        page.Paragraph("Each false count is charged to the group of the person nearest to it in time and space; those with nobody near are listed apart.", "note");
        page.Table(["group", .. variants.Select(v => v.Variant.Label)],
            groups.Select(g => (IReadOnlyList<(string, string?)>)[(AccuracyGoals.Name(g), null), .. variants.Select(v => MixedCell(v, (int)g))])
                .Append([("false counts with nobody near", null), .. variants.Select(v => (AccuracyGoals.Mixed(v)!.UnattributedFalseCounts.ToString(Svg.Inv), (string?)null))]));
        foreach (VariantTally v in variants)
        {
            ScenarioTally mixed = AccuracyGoals.Mixed(v)!;
            page.Chart(new BarChart { Title = $"Misses and false counts per group in mixed traffic, {v.Variant.Label}", YLabel = "crossings", Categories = groupNames }
                .Add("true crossings", Palette.Truth, groups.Select(g => (double)mixed.TruthByGroup[(int)g]))
                .Add("missed", Palette.Bad, groups.Select(g => (double)mixed.MissedByGroup[(int)g]))
                .Add("false counts", Palette.Lost, groups.Select(g => (double)mixed.FalseByGroup[(int)g]))
                .ToSvg());
        }
    }

    private static void Goals(HtmlPage page, IReadOnlyList<VariantTally> variants)
    {
        page.Heading(2, "Goals", "goals");
        page.Paragraph(string.Create(Svg.Inv,
            $"Goals apply up to {AccuracyGoals.HighestGoalMountMillimeters / 1000.0:0.0} m mounts; above it the figures are reported."), "note");
        var checks = variants.Select(AccuracyGoals.Check).ToArray();
        page.Table(["goal", .. variants.Select(v => v.Variant.Label)],
            Enumerable.Range(0, checks[0].Count).Select(i => (IReadOnlyList<(string, string?)>)
                [(checks[0][i].Goal, null), .. checks.Select((c, v) => c[i].Met switch
                {
                    null => ("not run", (string?)null),
                    true => ("met", "good"),
                    false when (variants[v].Variant.MountHeightMillimeters ?? 0) > AccuracyGoals.HighestGoalMountMillimeters => ("missed (reported)", "fair"),
                    false => ("NOT MET", "poor"),
                })]));
    }

    private static void BudgetSweep(HtmlPage page, IReadOnlyList<VariantTally> sweep)
    {
        page.Heading(2, "Timing budget above the goals' mounts", "budget-sweep");
        page.Table(["variant", "overall event accuracy", "worst group vs adults", "goals met"],
            sweep.Select(v =>
            {
                IReadOnlyList<GoalCheck> checks = AccuracyGoals.Check(v);
                double? gap = AccuracyReport.WorstGroupGap(v);
                return (IReadOnlyList<string>)
                [
                    v.Variant.Label,
                    AccuracyReport.P(AccuracyGoals.Pooled(v).EventAccuracy),
                    gap is double g ? (-g * 100).ToString("+0.0;−0.0;0.0", Svg.Inv) + " pp" : "n/a",
                    $"{checks.Count(c => c.Met == true)}/{checks.Count}",
                ];
            }));
        var labels = sweep.Select(v => v.Variant.Label).ToList();
        page.Chart(new BarChart { Title = "Overall event accuracy per timing budget", YLabel = "event accuracy (%)", Categories = labels }
            .Add("overall", Palette.Counted, sweep.Select(v => Percent(AccuracyGoals.Pooled(v).EventAccuracy)))
            .ToSvg());
    }

    private static (string, string?) Cell(ScenarioTally? t)
    {
        if (t is null)
        {
            return ("not run", null);
        }

        if (t.TruthEntries + t.TruthExits == 0)
        {
            return (t.TurnBackEvents > 0 ? $"{t.TurnBackFalseCounts}/{t.TurnBackEvents} turn-backs counted" : $"{t.FalseCounts} false", t.FalseCounts == 0 ? "good" : "poor");
        }

        return ($"{AccuracyReport.P(t.EventAccuracy)} ({AccuracyReport.P(t.Accuracy)}), {t.Missed} missed, {t.FalseCounts} false", Grade(t.EventAccuracy));
    }

    private static (string, string?) MixedCell(VariantTally v, int group)
    {
        ScenarioTally mixed = AccuracyGoals.Mixed(v)!;
        return mixed.TruthByGroup[group] == 0
            ? ($"no truth ({mixed.FalseByGroup[group]} false)", null)
            : ($"{AccuracyReport.P(mixed.GroupEventAccuracy(group))} ({AccuracyReport.P(mixed.GroupCountAccuracy(group))}), {mixed.TruthByGroup[group]} true, {mixed.MissedByGroup[group]} missed, {mixed.FalseByGroup[group]} false",
                Grade(mixed.GroupEventAccuracy(group)));
    }

    private static string? Grade(double? accuracy) => accuracy switch
    {
        null => null,
        >= 0.95 => "good",
        >= 0.85 => "fair",
        _ => "poor",
    };

    private static double Percent(double? value) => value is double v ? v * 100 : 0;
}
