using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EdgeSensor.Simulator.Accuracy;
using EdgeSensor.Simulator.Reporting;
using EdgeSensor.Simulator.Scenarios;
using EdgeSensor.Simulator.Sensors;

namespace EdgeSensor.Simulator.Commands;

/// <summary>
/// <c>accuracy</c>: the scenario suite over seeds, under every simulation variant asked for (coverage model × mount
/// height, body parameters randomised per seed), with a timing-budget sweep for mounts above the goals' range.
/// </summary>
public static class AccuracyCommand
{
    public const string Usage = "accuracy [--seeds <n>] [--first-seed <n>] [--scenario <name>]... [--coverage footprint|raster|both] [--mount <mm>[,<mm>...]] [--timing-budget <ms>] [--reference-bodies] [--json] [--traces <dir>] [--write-doc <file.md>] [--report <file.html>]";

    /// <summary>The mount heights a run covers unless told otherwise (mm).</summary>
    public static readonly int[] DefaultMounts = [2200, 2500, 2800, 3000, 3200];

    /// <summary>Budgets tried at mounts above the goals' range, for the recommendation (ms).</summary>
    public static readonly int[] SweepBudgets = [20, 33, 50];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (!CommandLine.TryParse(args, ["seeds", "first-seed", "scenario", "traces", "mount", "mount-height", "timing-budget", "write-doc", "coverage", "report"],
                ["json", "reference-bodies"], out var cl, out string error)
            || !cl.TryGetInt("seeds", 1, 1000, out long? seeds, out error)
            || !cl.TryGetInt("first-seed", 0, long.MaxValue / 2, out long? first, out error)
            || !cl.TryGetInt("mount-height", 2000, 4000, out long? mountHeight, out error)
            || !cl.TryGetInt("timing-budget", 15, 500, out long? budget, out error)
            || !TryCoverage(cl.Value("coverage"), out CoverageModel[] coverages, out error)
            || !TryMounts(cl.Value("mount"), mountHeight, out int[] mounts, out error)
            || !ReportFile.TryCheck(cl.Value("report"), out error))
        {
            stderr.WriteLine($"error: {error}\nusage: {Usage}");
            return ExitCodes.Usage;
        }

        var scenarios = new List<ScenarioDefinition>();
        foreach (string name in cl.Values("scenario"))
        {
            if (!ScenarioSuite.TryGet(name, out ScenarioDefinition s))
            {
                stderr.WriteLine($"error: unknown scenario '{name}'; known: {string.Join(", ", ScenarioSuite.Names)}");
                return ExitCodes.Usage;
            }

            scenarios.Add(s);
        }

        if (scenarios.Count == 0)
        {
            scenarios.AddRange(ScenarioSuite.All);
        }

        bool randomised = !cl.Has("reference-bodies");
        int? fixedBudget = budget is long b ? (int)b : null;
        SimulationVariant Variant(CoverageModel c, int mount, int? ms) =>
            SimulationVariant.Widened(c, mount, ms) with { RandomiseBodyParameters = randomised };
        SimulationVariant[] main = [.. from c in coverages from m in mounts select Variant(c, m, fixedBudget)];
        // Above the goals' range the report recommends a budget: try the others there (unless one was fixed).
        SimulationVariant[] sweep = fixedBudget is not null
            ? []
            : [.. from m in mounts.Where(m => m > AccuracyGoals.HighestGoalMountMillimeters)
                  from ms in SweepBudgets.Where(x => x != 33)
                  from c in coverages
                  select Variant(c, m, ms)];

        string? traces = cl.Value("traces");
        if (traces is not null)
        {
            Directory.CreateDirectory(traces);
        }

        int seedCount = (int)(seeds ?? 5);
        ulong firstSeed = (ulong)(first ?? 1);
        ulong[] seedList = [.. Enumerable.Range(0, seedCount).Select(i => firstSeed + (ulong)i)];
        var clock = Stopwatch.StartNew();
        IReadOnlyList<VariantTally> all = AccuracyRunner.Run(scenarios, seedList, [.. main, .. sweep], traces);
        var sweepTallies = all.Skip(main.Length).ToList();
        // The sweep's table also shows the default budget at the same mounts, taken from the main run.
        var defaults = all.Take(main.Length).Where(v => sweep.Any(s => s.MountHeightMillimeters == v.Variant.MountHeightMillimeters));
        var result = new AccuracyRunResult(all.Take(main.Length).ToList(),
            [.. defaults.Concat(sweepTallies).OrderBy(v => v.Variant.MountHeightMillimeters).ThenBy(v => v.Variant.TimingBudgetMs ?? 33).ThenBy(v => v.Variant.CoverageModel)],
            seedCount, firstSeed, EngineStamp.Of(Directory.GetCurrentDirectory()));
        if (cl.Has("json"))
        {
            stdout.WriteLine(JsonSerializer.Serialize(all.Select(v => new
            {
                variant = v.Variant.Label,
                coverage = v.Variant.CoverageModel.ToString().ToLowerInvariant(),
                mountHeightMm = v.Variant.MountHeightMillimeters,
                timingBudgetMs = v.Variant.TimingBudgetMs,
                randomisedBodies = v.Variant.RandomiseBodyParameters,
                scenarios = v.Scenarios.Select(t => new
                {
                    scenario = t.Name, runs = t.Runs, truthEntries = t.TruthEntries, entries = t.Entries, truthExits = t.TruthExits, exits = t.Exits,
                    eventAccuracy = t.EventAccuracy, accuracy = t.Accuracy, entryAccuracy = t.EntryAccuracy, exitAccuracy = t.ExitAccuracy,
                    worstRunAccuracy = t.WorstRunAccuracy, worstRunEventAccuracy = t.WorstRunEventAccuracy,
                    missed = t.Missed, falseCounts = t.FalseCounts, unattributedFalseCounts = t.UnattributedFalseCounts,
                    truthByGroup = t.TruthByGroup, missedByGroup = t.MissedByGroup, falseByGroup = t.FalseByGroup,
                    turnBackEvents = t.TurnBackEvents, turnBackFalseCounts = t.TurnBackFalseCounts,
                }),
            })));
        }
        else if (cl.Value("write-doc") is string doc)
        {
            // The doc's generated block names the exact command, so its figures can be told apart and redone.
            string command = "dotnet run -c Release --project simulator/EdgeSensor.Simulator -- accuracy " + string.Join(" ", args);
            if (!DocReportBlock.TryWrite(doc, "accuracy-report", command, AccuracyReport.ToMarkdown(result), out error))
            {
                stderr.WriteLine($"error: {error}");
                return ExitCodes.BadInput;
            }

            stdout.WriteLine($"wrote the accuracy report into {doc}");
        }
        else
        {
            stdout.Write(AccuracyReport.ToMarkdown(result));
        }

        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenarios.Count} scenarios x {seedCount} seeds x {main.Length + sweep.Length} variants in {clock.Elapsed.TotalSeconds:0.0} s"));
        return cl.Value("report") is not string report || ReportFile.Emit(report, report, path => AccuracyReportHtml.Write(result, path), stderr)
            ? ExitCodes.Ok : ExitCodes.BadInput;
    }

    private static bool TryCoverage(string? value, out CoverageModel[] coverages, out string error)
    {
        error = string.Empty;
        coverages = value?.ToLowerInvariant() switch
        {
            null or "both" => [CoverageModel.Footprint, CoverageModel.Raster],
            "footprint" => [CoverageModel.Footprint],
            "raster" => [CoverageModel.Raster],
            _ => [],
        };
        if (coverages.Length == 0)
        {
            error = $"--coverage must be footprint, raster or both, not '{value}'";
            return false;
        }

        return true;
    }

    private static bool TryMounts(string? list, long? single, out int[] mounts, out string error)
    {
        error = string.Empty;
        if (list is not null && single is not null)
        {
            mounts = [];
            error = "give --mount or --mount-height, not both";
            return false;
        }

        if (single is long one)
        {
            mounts = [(int)one];
            return true;
        }

        if (list is null)
        {
            mounts = DefaultMounts;
            return true;
        }

        var parsed = new List<int>();
        foreach (string part in list.Split(','))
        {
            if (!int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int mm) || mm < 2000 || mm > 4000)
            {
                mounts = [];
                error = $"--mount takes mount heights in mm between 2000 and 4000, comma-separated; '{part}' is not one";
                return false;
            }

            if (!parsed.Contains(mm))
            {
                parsed.Add(mm);
            }
        }

        mounts = [.. parsed];
        return true;
    }
}
