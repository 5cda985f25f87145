namespace EdgeSensor.Simulator.Traces;

/// <summary>A whole trace in memory: metadata and rows sorted by time.</summary>
public sealed class Trace
{
    public Trace(TraceMetadata metadata, IReadOnlyList<TraceRecord> records)
    {
        Metadata = metadata;
        Records = records;
    }

    public TraceMetadata Metadata { get; }

    public IReadOnlyList<TraceRecord> Records { get; }
}
