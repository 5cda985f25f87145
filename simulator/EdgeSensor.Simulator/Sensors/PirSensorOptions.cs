namespace EdgeSensor.Simulator.Sensors;

/// <summary>Parameters of the simulated PIR module (HC-SR501 / AM312 class, ceiling mounted beside the ToF sensor).</summary>
public sealed record PirSensorOptions
{
    /// <summary>Output stays high this long after the last motion (retriggering mode; HC-SR501 adjustable 3 s–300 s, AM312 about 2 s).</summary>
    public int HoldMs { get; init; } = 2000;

    /// <summary>After the output falls it ignores motion this long (HC-SR501 block time about 2.5 s).</summary>
    public int BlockMs { get; init; } = 2500;

    /// <summary>Half angle of the detection cone (HC-SR501 about 110° full cone).</summary>
    public double ConeHalfAngleDegrees { get; init; } = 50;

    /// <summary>Height (mm) at which a body's warmth is sensed; the cone's radius is taken there.</summary>
    public double SensingHeightMillimeters { get; init; } = 1000;

    /// <summary>Slowest movement (m/s) that triggers the sensor.</summary>
    public double MinSpeed { get; init; } = 0.05;

    /// <summary>Warm-up after power-on during which the output toggles at random (real modules up to 60 s; shortened).</summary>
    public int WarmUpMs { get; init; } = 8000;

    /// <summary>Spurious triggers (heat draughts, sunlight flicker) per hour.</summary>
    public double FalseTriggersPerHour { get; init; } = 2;

    /// <summary>Input sampling period of the simulated GPIO (rows are written only on a change of level).</summary>
    public int StepMs { get; init; } = 50;
}
