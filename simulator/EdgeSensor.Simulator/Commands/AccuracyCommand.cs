using System.Diagnostics;
using System.Text.Json;
using EdgeSensor.Simulator.Accuracy;
using EdgeSensor.Simulator.Scenarios;

namespace EdgeSensor.Simulator.Commands;

/// <summary><c>accuracy [--seeds n] [--first-seed n] [--scenario name]... [--json] [--traces dir] [--write-doc file.md]</c>: the suite over seeds.</summary>
public static class AccuracyCommand
{
    public const string Usage = "accuracy [--seeds <n>] [--first-seed <n>] [--scenario <name>]... [--mount-height <mm>] [--timing-budget <ms>] [--json] [--traces <dir>] [--write-doc <file.md>]";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (!CommandLine.TryParse(args, ["seeds", "first-seed", "scenario", "traces", "mount-height", "timing-budget", "write-doc"], ["json"], out var cl, out string error)
            || !cl.TryGetInt("seeds", 1, 1000, out long? seeds, out error)
            || !cl.TryGetInt("first-seed", 0, long.MaxValue / 2, out long? first, out error)
            || !cl.TryGetInt("mount-height", 2000, 4000, out long? mountHeight, out error)
            || !cl.TryGetInt("timing-budget", 15, 500, out long? budget, out error))
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

        for (int i = 0; i < scenarios.Count; i++)
        {
            scenarios[i] = scenarios[i] with
            {
                MountHeightMillimeters = (int)(mountHeight ?? scenarios[i].MountHeightMillimeters),
                TimingBudgetMs = (int)(budget ?? scenarios[i].TimingBudgetMs),
            };
        }

        string? traces = cl.Value("traces");
        if (traces is not null)
        {
            Directory.CreateDirectory(traces);
        }

        int seedCount = (int)(seeds ?? 5);
        ulong firstSeed = (ulong)(first ?? 1);
        ulong[] seedList = [.. Enumerable.Range(0, seedCount).Select(i => firstSeed + (ulong)i)];
        var clock = Stopwatch.StartNew();
        IReadOnlyList<ScenarioTally> tallies = AccuracyRunner.Run(scenarios, seedList, traces);
        if (cl.Has("json"))
        {
            stdout.WriteLine(JsonSerializer.Serialize(tallies.Select(t => new
            {
                scenario = t.Name, runs = t.Runs, truthEntries = t.TruthEntries, entries = t.Entries, truthExits = t.TruthExits, exits = t.Exits,
                accuracy = t.Accuracy, entryAccuracy = t.EntryAccuracy, exitAccuracy = t.ExitAccuracy, worstRunAccuracy = t.WorstRunAccuracy,
                missed = t.Missed, falseCounts = t.FalseCounts, eventAccuracy = t.EventAccuracy,
                turnBackEvents = t.TurnBackEvents, turnBackFalseCounts = t.TurnBackFalseCounts,
            })));
        }
        else if (cl.Value("write-doc") is string doc)
        {
            // The doc's generated block names the exact command, so its figures can be told apart and redone.
            string command = "dotnet run -c Release --project simulator/EdgeSensor.Simulator -- accuracy " + string.Join(" ", args);
            if (!DocReportBlock.TryWrite(doc, "accuracy-report", command, AccuracyReport.ToMarkdown(tallies, seedCount, firstSeed), out error))
            {
                stderr.WriteLine($"error: {error}");
                return ExitCodes.BadInput;
            }

            stdout.WriteLine($"wrote the accuracy report into {doc}");
        }
        else
        {
            stdout.Write(AccuracyReport.ToMarkdown(tallies, seedCount, firstSeed));
        }

        stderr.WriteLine($"{scenarios.Count} scenarios x {seedCount} seeds in {clock.Elapsed.TotalSeconds:0.0} s");
        return ExitCodes.Ok;
    }
}
