namespace EdgeSensor.Cli;

/// <summary>A failure the tool reports as one clear line and an exit code.</summary>
internal sealed class CliException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
