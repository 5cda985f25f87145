namespace EdgeSensor.Simulator.Replay;

/// <summary>A crossing the engine counted: when (trace time) and which way (+1 entry, −1 exit).</summary>
public readonly record struct CountedCrossing(long TimeMs, int Direction);
