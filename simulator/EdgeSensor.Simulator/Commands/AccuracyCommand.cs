using System.CommandLine;
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
    /// <summary>The mount heights a run covers unless told otherwise (mm).</summary>
    public static readonly int[] DefaultMounts = [2200, 2500, 2800, 3000, 3200];

    /// <summary>Budgets tried at mounts above the goals' range, for the recommendation (ms).</summary>
    public static readonly int[] SweepBudgets = [20, 33, 50];

    internal static Command Create()
    {
        var seeds = OptionValues.Integer("--seeds", 1, 1000, "Seeds per scenario and variant (1..1000; default 5).");
        var firstSeed = OptionValues.Integer("--first-seed", 0, long.MaxValue / 2, "The first seed (default 1).");
        var scenario = OptionValues.Texts("--scenario", "name", "Only this scenario; repeat for more (default all).");
        var coverage = OptionValues.Text("--coverage", "footprint|raster|both", "Coverage model of the ToF zones (default both).");
        var mount = OptionValues.Text("--mount", "mm[,mm...]", "Mount heights in mm, 2000..4000, comma-separated (default 2200,2500,2800,3000,3200).");
        var mountHeight = OptionValues.Integer("--mount-height", 2000, 4000, "One mount height in mm (instead of --mount).");
        var timingBudget = OptionValues.Integer("--timing-budget", 15, 500, "Fix the ToF timing budget, ms (15..500); no budget sweep.");
        var referenceBodies = OptionValues.Flag("--reference-bodies", "Do not randomise body parameters per seed.");
        var json = OptionValues.Flag("--json", "Print the tallies as JSON.");
        var traces = OptionValues.Text("--traces", "dir", "Also write every simulated trace into this folder.");
        var writeDoc = OptionValues.Text("--write-doc", "file.md", "Write the report into this doc's accuracy-report block instead of stdout.");
        var report = OptionValues.Text("--report", "file.html", "Also write the self-contained HTML report here (docs/report.md).");
        var roi = OptionValues.Text("--roi", "WxH[@c0,c1]", "Each zone's region of interest: W SPADs along the walking line x H across, 4..16 (default 8x16, centres 167,231).");
        var errors = OptionValues.Text("--errors", "file.csv", "Also list every miss and false count here: trace, variant, scenario, seed, time, group, nearest other (docs/accuracy.md).");

        var command = new Command("accuracy", "The scenario suite over seeds, coverage models and mount heights: accuracy against the goals (docs/accuracy.md).")
        {
            seeds, firstSeed, scenario, coverage, mount, mountHeight, timingBudget, referenceBodies, json, traces, writeDoc, report, errors, roi,
        };
        command.SetAction(parse =>
        {
            ZoneRoi zoneRoi = ZoneRoi.PeopleCounting;
            if (!TryCoverage(parse.GetValue(coverage), out CoverageModel[] coverages, out string error)
                || (parse.GetValue(roi) is string roiText && !ZoneRoi.TryParse(roiText, out zoneRoi, out error))
                || !TryMounts(parse.GetValue(mount), parse.GetValue(mountHeight), out int[] mounts, out error)
                || !ReportFile.TryCheck(parse.GetValue(report), out error)
                || !ReportFile.TryCheck(parse.GetValue(errors), "--errors", out error))
            {
                throw new UsageException(error);
            }

            return Run(parse, new AccuracyRequest(
                parse.GetValue(scenario) ?? [], coverages, mounts, parse.GetValue(seeds), parse.GetValue(firstSeed), parse.GetValue(timingBudget),
                !parse.GetValue(referenceBodies), parse.GetValue(json), parse.GetValue(traces), parse.GetValue(writeDoc), parse.GetValue(report),
                parse.GetValue(errors), zoneRoi));
        });
        return command;
    }

    /// <summary>What one accuracy command asks for, as parsed.</summary>
    private sealed record AccuracyRequest(
        string[] Scenarios, CoverageModel[] Coverages, int[] Mounts, long? Seeds, long? FirstSeed, long? TimingBudget,
        bool RandomisedBodies, bool Json, string? Traces, string? WriteDoc, string? Report, string? Errors, ZoneRoi Roi);

    private static int Run(ParseResult parse, AccuracyRequest request)
    {
        TextWriter stdout = parse.InvocationConfiguration.Output;
        TextWriter stderr = parse.InvocationConfiguration.Error;
        CoverageModel[] coverages = request.Coverages;
        int[] mounts = request.Mounts;
        long? seeds = request.Seeds;
        long? first = request.FirstSeed;
        long? budget = request.TimingBudget;
        var scenarios = new List<ScenarioDefinition>();
        foreach (string name in request.Scenarios)
        {
            if (!ScenarioSuite.TryGet(name, out ScenarioDefinition s))
            {
                throw new UsageException($"unknown scenario '{name}'; known: {string.Join(", ", ScenarioSuite.Names)}");
            }

            scenarios.Add(s);
        }

        if (scenarios.Count == 0)
        {
            scenarios.AddRange(ScenarioSuite.All);
        }

        bool randomised = request.RandomisedBodies;
        int? fixedBudget = budget is long b ? (int)b : null;
        SimulationVariant Variant(CoverageModel c, int mount, int? ms) =>
            SimulationVariant.Widened(c, mount, ms) with { RandomiseBodyParameters = randomised, Roi = request.Roi };
        SimulationVariant[] main = [.. from c in coverages from m in mounts select Variant(c, m, fixedBudget)];
        // Above the goals' range the report recommends a budget: try the others there (unless one was fixed).
        SimulationVariant[] sweep = fixedBudget is not null
            ? []
            : [.. from m in mounts.Where(m => m > AccuracyGoals.HighestGoalMountMillimeters)
                  from ms in SweepBudgets.Where(x => x != 33)
                  from c in coverages
                  select Variant(c, m, ms)];

        string? traces = request.Traces;
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
        if (request.Json)
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
        else if (request.WriteDoc is string doc)
        {
            // The doc's generated block names the exact command, so its figures can be told apart and redone.
            string command = "dotnet run -c Release --project simulator/EdgeSensor.Simulator -- " + CommandText.Of(parse);
            if (!DocReportBlock.TryWrite(doc, "accuracy-report", command, AccuracyReport.ToMarkdown(result), out string error))
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
        bool written = request.Errors is not string errorsPath
            || ReportFile.Emit(errorsPath, errorsPath, path => File.WriteAllLines(path, ErrorLines(all)), stderr, "errors");
        written &= request.Report is not string reportPath || ReportFile.Emit(reportPath, reportPath, path => AccuracyReportHtml.Write(result, path), stderr);
        return written ? ExitCodes.Ok : ExitCodes.BadInput;
    }

    private static IEnumerable<string> ErrorLines(IReadOnlyList<VariantTally> tallies)
    {
        yield return ErrorEvent.CsvHeader;
        foreach (ErrorEvent e in tallies.SelectMany(v => v.Scenarios).SelectMany(t => t.Errors))
        {
            yield return e.ToCsv();
        }
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
