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
    private readonly PirOutput _pir;
    private double _t;
    private bool _initialSent;

    public PirSampleStream(PirSensorOptions options, SceneStream scene, Rng rng)
    {
        _options = options;
        _scene = scene;
        SceneStream.Cursor cursor = scene.NewCursor();
        double radius = PirOutput.ConeRadius(options, scene.MountHeightMillimeters);
        _pir = new PirOutput(options, rng, t =>
        {
            Scene segment = cursor.At(t, out double shift);
            return segment.AnyMotionWithin(t - shift, radius, options.MinSpeed);
        });
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
            if (_pir.Step(t))
            {
                _t += _options.StepMs;
                row = new TraceRecord((long)t, TraceKind.Pir, 0, _pir.Level, 0);
                return true;
            }
        }

        row = default;
        return false;
    }
}
