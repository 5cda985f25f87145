namespace EdgeSensor.Cli;

/// <summary>The tool's exit codes (docs/cli.md).</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int KeyStore = 3;
    public const int Broker = 4;
    public const int Rejected = 5;
}
