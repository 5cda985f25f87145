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
        double radius = Math.Max(0, scene.MountHeightMillimeters - _options.SensingHeightMillimeters)
            * Math.Tan(_options.ConeHalfAngleDegrees * Math.PI / 180);
        double nextFalse = NextFalseTrigger(0, rng);
        double nextWarmToggle = rng.Uniform(300, 2500);
        int level = 0;
        double lastMotion = double.NegativeInfinity, blockedUntil = 0;
        output.Add(new TraceRecord(0, TraceKind.Pir, 0, 0, 0));
        for (double t = _options.StepMs; t <= scene.DurationMs; t += _options.StepMs)
        {
            int next = level;
            if (t < _options.WarmUpMs)
            {
                if (t >= nextWarmToggle)
                {
                    next = 1 - level;
                    nextWarmToggle = t + rng.Uniform(300, 2500);
                }
            }
            else
            {
                bool motion = scene.AnyMotionWithin(t, radius, _options.MinSpeed);
                if (t >= nextFalse)
                {
                    motion = true;
                    nextFalse = NextFalseTrigger(t, rng);
                }

                if (motion && (level == 1 || t >= blockedUntil))
                {
                    lastMotion = t;
                    next = 1;
                }
                else if (level == 1 && t - lastMotion >= _options.HoldMs)
                {
                    next = 0;
                    blockedUntil = t + _options.BlockMs;
                }
            }

            if (next != level)
            {
                level = next;
                output.Add(new TraceRecord((long)t, TraceKind.Pir, 0, level, 0));
            }
        }
    }

    private double NextFalseTrigger(double now, Rng rng) =>
        _options.FalseTriggersPerHour <= 0 ? double.PositiveInfinity : now + rng.Exponential(3_600_000 / _options.FalseTriggersPerHour);
}
