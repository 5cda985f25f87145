using EdgeSensor.Simulator.Randomness;

namespace EdgeSensor.Simulator.Sensors;

/// <summary>
/// The PIR module's output stage, step by step: erratic during warm-up, then high on motion (or a false trigger),
/// held <see cref="PirSensorOptions.HoldMs"/> after the last motion, then low and blind for
/// <see cref="PirSensorOptions.BlockMs"/>. One home for these rules and their random draws, so the batch model and
/// the streamed one cannot drift apart.
/// </summary>
internal sealed class PirOutput
{
    private readonly PirSensorOptions _options;
    private readonly Rng _rng;
    private readonly Func<double, bool> _motionInCone;
    private double _nextFalse;
    private double _nextWarmToggle;
    private double _lastMotion = double.NegativeInfinity;
    private double _blockedUntil;

    /// <param name="motionInCone">Whether anything moves in the cone at a time (asked only after warm-up).</param>
    public PirOutput(PirSensorOptions options, Rng rng, Func<double, bool> motionInCone)
    {
        _options = options;
        _rng = rng;
        _motionInCone = motionInCone;
        _nextFalse = NextFalseTrigger(0);
        _nextWarmToggle = rng.Uniform(300, 2500);
    }

    /// <summary>The output level (0 or 1); 0 before the first step.</summary>
    public int Level { get; private set; }

    /// <summary>Advances to <paramref name="t"/> (ms); true when the level changed there.</summary>
    public bool Step(double t)
    {
        int next = Level;
        if (t < _options.WarmUpMs)
        {
            if (t >= _nextWarmToggle)
            {
                next = 1 - Level;
                _nextWarmToggle = t + _rng.Uniform(300, 2500);
            }
        }
        else
        {
            bool motion = _motionInCone(t);
            if (t >= _nextFalse)
            {
                motion = true;
                _nextFalse = NextFalseTrigger(t);
            }

            if (motion && (Level == 1 || t >= _blockedUntil))
            {
                _lastMotion = t;
                next = 1;
            }
            else if (Level == 1 && t - _lastMotion >= _options.HoldMs)
            {
                next = 0;
                _blockedUntil = t + _options.BlockMs;
            }
        }

        bool changed = next != Level;
        Level = next;
        return changed;
    }

    /// <summary>The cone's radius at the sensing height, mm.</summary>
    public static double ConeRadius(PirSensorOptions options, int mountHeightMillimeters) =>
        Math.Max(0, mountHeightMillimeters - options.SensingHeightMillimeters) * Math.Tan(options.ConeHalfAngleDegrees * Math.PI / 180);

    private double NextFalseTrigger(double now) =>
        _options.FalseTriggersPerHour <= 0 ? double.PositiveInfinity : now + _rng.Exponential(3_600_000 / _options.FalseTriggersPerHour);
}
