namespace EdgeSensor.Simulator.Traces;

/// <summary>The row kinds of the trace format (docs/simulator.md, "Trace format").</summary>
public enum TraceKind : byte
{
    /// <summary>ToF distance in mm on zone `channel`; status = the sensor's range status (0 = valid).</summary>
    Tof,

    /// <summary>PIR output level 0/1 on input `channel`.</summary>
    Pir,

    /// <summary>Ground truth: value +1 = one person entered, −1 = one person exited. Never fed to the engine.</summary>
    Truth,
}
