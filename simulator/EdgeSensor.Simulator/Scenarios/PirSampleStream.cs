using EdgeSensor.Simulator.Randomness;
using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Sensors;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Scenarios;

/// <summary>
/// <see cref="PirSensorModel.Sample"/> one change of level at a time (the initial level at time 0 first): the same
/// steps and random draws in the same order, so the rows are the batch model's rows (a test holds the two together).
/// </summary>
internal sealed class PirSampleStream
{
    private readonly PirSensorOptions _options;
    private readonly SceneStream _scene;
    private readonly SceneStream.Cursor _cursor;
    private readonly Rng _rng;
    private readonly double _radius;
    private double _nextFalse;
    private double _nextWarmToggle;
    private int _level;
    private double _lastMotion = double.NegativeInfinity;
    private double _blockedUntil;
    private double _t;
    private bool _initialSent;

    public PirSampleStream(PirSensorOptions options, SceneStream scene, Rng rng)
    {
        _options = options;
        _scene = scene;
        _cursor = scene.NewCursor();
        _rng = rng;
        _radius = Math.Max(0, scene.MountHeightMillimeters - options.SensingHeightMillimeters) * Math.Tan(options.ConeHalfAngleDegrees * Math.PI / 180);
        _nextFalse = NextFalseTrigger(0);
        _nextWarmToggle = rng.Uniform(300, 2500);
        _t = options.StepMs;
    }

    /// <summary>The next change of level, or false when the scene has ended.</summary>
    public bool TryNext(out TraceRecord row)
    {
        if (!_initialSent)
        {
            _initialSent = true;
            row = new TraceRecord(0, TraceKind.Pir, 0, 0, 0);
            return true;
        }

        for (; _t <= _scene.DurationMs; _t += _options.StepMs)
        {
            double t = _t;
            int next = _level;
            if (t < _options.WarmUpMs)
            {
                if (t >= _nextWarmToggle)
                {
                    next = 1 - _level;
                    _nextWarmToggle = t + _rng.Uniform(300, 2500);
                }
            }
            else
            {
                Scene scene = _cursor.At(t, out double shift);
                bool motion = scene.AnyMotionWithin(t - shift, _radius, _options.MinSpeed);
                if (t >= _nextFalse)
                {
                    motion = true;
                    _nextFalse = NextFalseTrigger(t);
                }

                if (motion && (_level == 1 || t >= _blockedUntil))
                {
                    _lastMotion = t;
                    next = 1;
                }
                else if (_level == 1 && t - _lastMotion >= _options.HoldMs)
                {
                    next = 0;
                    _blockedUntil = t + _options.BlockMs;
                }
            }

            if (next != _level)
            {
                _level = next;
                _t += _options.StepMs;
                row = new TraceRecord((long)t, TraceKind.Pir, 0, _level, 0);
                return true;
            }
        }

        row = default;
        return false;
    }

    private double NextFalseTrigger(double now) =>
        _options.FalseTriggersPerHour <= 0 ? double.PositiveInfinity : now + _rng.Exponential(3_600_000 / _options.FalseTriggersPerHour);
}
