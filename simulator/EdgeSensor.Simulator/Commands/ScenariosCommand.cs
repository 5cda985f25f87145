using EdgeSensor.Simulator.Scenarios;

namespace EdgeSensor.Simulator.Commands;

/// <summary><c>scenarios</c>: lists the named scenarios.</summary>
public static class ScenariosCommand
{
    public static int Run(TextWriter stdout)
    {
        foreach (ScenarioDefinition s in ScenarioSuite.All)
        {
            stdout.WriteLine($"{s.Name,-22} {s.Description}");
        }

        return ExitCodes.Ok;
    }
}
