namespace EdgeSensor.Simulator.Fleet;

/// <summary>The run could not proceed (the broker is unreachable); the message says why.</summary>
public sealed class FleetException : Exception
{
    public FleetException(string message)
        : base(message)
    {
    }

    public FleetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
