using System.CommandLine;
using EdgeSensor.Simulator.Scenarios;

namespace EdgeSensor.Simulator.Commands;

/// <summary><c>scenarios</c>: lists the named scenarios.</summary>
public static class ScenariosCommand
{
    /// <summary>The widest name, so descriptions line up.</summary>
    private const int NameWidth = 22;

    internal static Command Create()
    {
        var command = new Command("scenarios", "List the named scenarios (for trace, accuracy and run).");
        command.SetAction(parse => Run(parse.InvocationConfiguration.Output));
        return command;
    }

    public static int Run(TextWriter stdout)
    {
        foreach (ScenarioDefinition s in ScenarioSuite.All)
        {
            foreach (string line in ColumnText.Labelled(s.Name, NameWidth, s.Description))
            {
                stdout.WriteLine(line);
            }
        }

        return ExitCodes.Ok;
    }
}
