using EdgeSensor.Simulator.Scenarios;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Commands;

/// <summary><c>trace --scenario &lt;name&gt; --seed &lt;n&gt; --out &lt;file.csv|-&gt; [--duration s]</c>: writes a simulated trace with its ground truth.</summary>
public static class TraceCommand
{
    public const string Usage = "trace --scenario <name> --seed <n> --out <file.csv | -> [--duration <seconds>] [--mount-height <mm>] [--timing-budget <ms>] [--persons <people.csv>]";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (!CommandLine.TryParse(args, ["scenario", "seed", "out", "duration", "persons", "mount-height", "timing-budget"], [], out var cl, out string error)
            || !cl.TryGetInt("seed", 0, long.MaxValue, out long? seed, out error)
            || !cl.TryGetInt("duration", 30, 86_400, out long? duration, out error)
            || !cl.TryGetInt("mount-height", 2000, 4000, out long? mountHeight, out error)
            || !cl.TryGetInt("timing-budget", 15, 500, out long? budget, out error))
        {
            stderr.WriteLine($"error: {error}\nusage: {Usage}");
            return ExitCodes.Usage;
        }

        string? name = cl.Value("scenario");
        string? output = cl.Value("out");
        if (name is null || seed is null || output is null || cl.Positional.Count > 0)
        {
            stderr.WriteLine($"error: --scenario, --seed and --out are required\nusage: {Usage}");
            return ExitCodes.Usage;
        }

        if (!ScenarioSuite.TryGet(name, out ScenarioDefinition scenario))
        {
            stderr.WriteLine($"error: unknown scenario '{name}'; known: {string.Join(", ", ScenarioSuite.Names)}");
            return ExitCodes.Usage;
        }

        if (duration is long seconds)
        {
            // A shorter or longer run of the same scenario (arrivals stop TailSeconds before the end).
            scenario = scenario with { DurationSeconds = seconds };
        }

        if (mountHeight is long height)
        {
            scenario = scenario with { MountHeightMillimeters = (int)height };
        }

        if (budget is long ms)
        {
            scenario = scenario with { TimingBudgetMs = (int)ms };
        }

        Trace trace = ScenarioRunner.Generate(scenario, (ulong)seed.Value, out Scenes.Scene scene);
        string? persons = cl.Value("persons");
        if (output == "-")
        {
            TraceWriter.Write(stdout, trace);
            if (persons is not null)
            {
                using var writer = new StreamWriter(persons);
                Scenes.PersonTable.Write(writer, scene);
            }

            return ExitCodes.Ok;
        }

        try
        {
            TraceWriter.WriteFile(output, trace);
            if (persons is not null)
            {
                using var writer = new StreamWriter(persons);
                Scenes.PersonTable.Write(writer, scene);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot write {output}: {e.Message}");
            return ExitCodes.BadInput;
        }

        int truth = trace.Records.Count(r => r.Kind == TraceKind.Truth);
        stderr.WriteLine($"wrote {output}: scenario {scenario.Name}, seed {seed}, {trace.Records.Count} rows, {truth} true crossings");
        return ExitCodes.Ok;
    }
}
