using EdgeSensor.Simulator.Commands;

namespace EdgeSensor.Simulator;

/// <summary>Entry point: the commands are declared in Commands/ (docs/simulator.md documents each; <c>--help</c> on any of them).</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs one command line, printing to <paramref name="stdout"/> and <paramref name="stderr"/>; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => SimulatorApp.Run(args, stdout, stderr, Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>, reading environment variables (the key store's secret) from <paramref name="environment"/>.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment) => SimulatorApp.Run(args, stdout, stderr, environment);
}
