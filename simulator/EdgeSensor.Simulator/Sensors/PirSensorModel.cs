using EdgeSensor.Simulator.Randomness;
using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Sensors;

/// <summary>
/// A PIR module: motion in its cone raises the output, which stays high until <see cref="PirSensorOptions.HoldMs"/>
/// after the last motion, then falls and ignores motion for <see cref="PirSensorOptions.BlockMs"/>. During warm-up the
/// output is erratic; false triggers arrive as a Poisson process. Rows are written on each change of level, plus the
/// initial level at time 0.
/// </summary>
public sealed class PirSensorModel
{
    private readonly PirSensorOptions _options;

    public PirSensorModel(PirSensorOptions options) => _options = options;

    public void Sample(Scene scene, Rng rng, List<TraceRecord> output)
    {
        double radius = PirOutput.ConeRadius(_options, scene.MountHeightMillimeters);
        var pir = new PirOutput(_options, rng, t => scene.AnyMotionWithin(t, radius, _options.MinSpeed));
        output.Add(new TraceRecord(0, TraceKind.Pir, 0, 0, 0));
        for (double t = _options.StepMs; t <= scene.DurationMs; t += _options.StepMs)
        {
            if (pir.Step(t))
            {
                output.Add(new TraceRecord((long)t, TraceKind.Pir, 0, pir.Level, 0));
            }
        }
    }
}
