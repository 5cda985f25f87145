namespace EdgeSensor.Simulator.Commands;

/// <summary>Process exit codes of every command.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The input (trace file) is missing or malformed.</summary>
    public const int BadInput = 1;

    /// <summary>The command line is wrong.</summary>
    public const int Usage = 2;
}
