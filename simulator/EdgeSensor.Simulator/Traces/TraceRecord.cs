namespace EdgeSensor.Simulator.Traces;

/// <summary>One row of a trace: <c>t_ms,kind,channel,value,status</c>.</summary>
public readonly record struct TraceRecord(long TimeMs, TraceKind Kind, int Channel, int Value, int Status);
