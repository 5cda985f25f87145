using System.CommandLine;

namespace EdgeSensor.Simulator.Commands;

/// <summary>The simulator's command tree (System.CommandLine) and its error handling: every usage error is a line in words and exit code 2.</summary>
internal static class SimulatorApp
{
    public static RootCommand Build() => Build(Environment.GetEnvironmentVariable);

    public static RootCommand Build(Func<string, string?> environment)
    {
        var root = new RootCommand("EdgeSensor simulator: crowds, sensor physics and virtual devices running the firmware's core (docs/simulator.md).");
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(TraceCommand.Create());
        root.Subcommands.Add(AccuracyCommand.Create());
        root.Subcommands.Add(PrivacyCommand.Create());
        root.Subcommands.Add(ScenariosCommand.Create());
        root.Subcommands.Add(RunCommand.Create(environment));
        root.Subcommands.Add(PlotCommand.Create());
        return root;
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment)
    {
        // No response files: "@/dev/zero" would be read to the end of memory before any validation runs.
        ParseResult parse = Build(environment).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                stderr.WriteLine($"error: {problem.Message}");
            }

            stderr.WriteLine(UsageLine(parse.CommandResult.Command));
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            stderr.WriteLine(UsageLine(parse.CommandResult.Command));
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Files the user named: their message is the answer.
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
    }

    /// <summary>"usage: run [options] (run --help for all of them)".</summary>
    public static string UsageLine(Command command) => command is RootCommand
        ? "usage: EdgeSensor.Simulator <command> [options] (replay, trace, accuracy, privacy, scenarios, run, plot; --help for each)"
        : $"usage: {command.Name} [options] ({command.Name} --help for all of them)";
}

/// <summary>A command line that parsed but does not make sense (a combination, an unknown name): exit code 2 and a line in words.</summary>
internal sealed class UsageException(string message) : Exception(message);
