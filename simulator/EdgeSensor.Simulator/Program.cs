using EdgeSensor.Simulator.Commands;

namespace EdgeSensor.Simulator;

/// <summary>Entry point: dispatches to the commands (docs/simulator.md documents each).</summary>
public static class Program
{
    private const string Usage = """
        usage: EdgeSensor.Simulator <command> [options]
          {0}
          {1}
          {2}
          {3}
          scenarios                     list the named scenarios
          run [options]                 the main job: virtual devices -> MQTT -> SDK (see docs/simulator-run.md)
          plot <trace.csv> [--out <file.svg|.png>]  draw a trace with its truth and engine crossings (docs/report.md)
        exit codes: 0 ok, 1 bad or unreadable trace, 2 usage error
        """;

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            stderr.WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, Usage, ReplayCommand.Usage, TraceCommand.Usage, AccuracyCommand.Usage, PrivacyCommand.Usage));
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        string[] rest = args[1..];
        return args[0] switch
        {
            "replay" => ReplayCommand.Run(rest, stdout, stderr),
            "trace" => TraceCommand.Run(rest, stdout, stderr),
            "accuracy" => AccuracyCommand.Run(rest, stdout, stderr),
            "privacy" => PrivacyCommand.Run(rest, stdout, stderr),
            "scenarios" => ScenariosCommand.Run(stdout),
            "run" => RunCommand.Run(rest, stdout, stderr),
            "plot" => PlotCommand.Run(rest, stdout, stderr),
            _ => UnknownCommand(args[0], stderr),
        };
    }

    private static int UnknownCommand(string name, TextWriter stderr)
    {
        stderr.WriteLine($"error: unknown command '{name}' (replay, trace, accuracy, privacy, scenarios, run, plot)");
        return ExitCodes.Usage;
    }
}
