using System.CommandLine;
using EdgeSensor.Simulator.Scenarios;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Commands;

/// <summary><c>trace --scenario &lt;name&gt; --seed &lt;n&gt; --out &lt;file.csv|-&gt; [--duration s]</c>: writes a simulated trace with its ground truth.</summary>
public static class TraceCommand
{
    internal static Command Create()
    {
        var scenario = OptionValues.Text("--scenario", "name", "The scenario to simulate (see the scenarios command). Required.");
        var seed = OptionValues.Integer("--seed", 0, long.MaxValue, "Seed of the crowd and the sensor noise. Required.");
        var output = OptionValues.Text("--out", "file.csv|-", "Where to write the trace; - writes it to stdout. Required.");
        var duration = OptionValues.Integer("--duration", 30, 86_400, "Simulated seconds (30..86400; default the scenario's).");
        var mountHeight = OptionValues.Integer("--mount-height", 2000, 4000, "Sensor height above the floor, mm (2000..4000).");
        var timingBudget = OptionValues.Integer("--timing-budget", 15, 500, "ToF timing budget, ms (15..500).");
        var persons = OptionValues.Text("--persons", "people.csv", "Also write the simulated people (one row each) to this file.");
        scenario.Required = true;
        seed.Required = true;
        output.Required = true;

        var command = new Command("trace", "Write a simulated trace (ToF and PIR rows) with its ground truth.")
        {
            scenario, seed, output, duration, mountHeight, timingBudget, persons,
        };
        command.SetAction(parse => Run(
            parse.GetValue(scenario)!,
            parse.GetValue(seed)!.Value,
            parse.GetValue(output)!,
            parse.GetValue(duration),
            parse.GetValue(mountHeight),
            parse.GetValue(timingBudget),
            parse.GetValue(persons),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string name, long seed, string output, long? duration, long? mountHeight, long? budget, string? persons, TextWriter stdout, TextWriter stderr)
    {
        if (!ScenarioSuite.TryGet(name, out ScenarioDefinition scenario))
        {
            throw new UsageException($"unknown scenario '{name}'; known: {string.Join(", ", ScenarioSuite.Names)}");
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

        Trace trace = ScenarioRunner.Generate(scenario, (ulong)seed, out Scenes.Scene scene);
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
