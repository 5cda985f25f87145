using EdgeSensor.Simulator.Scenarios;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Commands;

/// <summary><c>trace --scenario &lt;name&gt; --seed &lt;n&gt; --out &lt;file.csv|-&gt;</c>: writes a simulated trace with its ground truth.</summary>
public static class TraceCommand
{
    public const string Usage = "trace --scenario <name> --seed <n> --out <file.csv | ->";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (!CommandLine.TryParse(args, ["scenario", "seed", "out"], [], out var cl, out string error)
            || !cl.TryGetInt("seed", 0, long.MaxValue, out long? seed, out error))
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

        Trace trace = ScenarioRunner.Generate(scenario, (ulong)seed.Value);
        if (output == "-")
        {
            TraceWriter.Write(stdout, trace);
            return ExitCodes.Ok;
        }

        try
        {
            TraceWriter.WriteFile(output, trace);
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
