using EdgeSensor.Simulator.Randomness;
using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Sensors;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Scenarios;

/// <summary>
/// <see cref="TofSensorModel.Sample"/> one measurement at a time: the same zone alternation, the same random draws in the
/// same order, so the rows are the batch model's rows (a test holds the two together). Holds no rows of its own.
/// </summary>
internal sealed class TofSampleStream
{
    private readonly TofSensorModel _model;
    private readonly TofSensorOptions _options;
    private readonly RasterZoneModel? _raster;
    private readonly SceneStream _scene;
    private readonly SceneStream.Cursor _cursor;
    private readonly Rng _rng;
    private readonly int _period;
    private double _start;
    private int _n;

    public TofSampleStream(TofSensorOptions options, SceneStream scene, Rng rng)
    {
        _model = new TofSensorModel(options);
        _options = options;
        _raster = options.Coverage == CoverageModel.Raster ? new RasterZoneModel(options.FieldOfViewDegrees, options.Roi) : null;
        _scene = scene;
        _cursor = scene.NewCursor();
        _rng = rng;
        _period = options.TimingBudgetMs + options.OverheadMs;
    }

    /// <summary>The next row, or false when the scene has ended.</summary>
    public bool TryNext(out TraceRecord row)
    {
        for (; _start + _period <= _scene.DurationMs; _start += _period, _n++)
        {
            int zone = _n % _model.Zones.Count;
            double middle = _start + _options.TimingBudgetMs / 2.0;
            Scene scene = _cursor.At(middle, out double shift);
            double distance = _raster is null
                ? scene.MountHeightMillimeters - scene.HighestSurface(_model.Zones[zone], middle - shift)
                : _raster.Range(scene, zone, middle - shift);
            if (_rng.Chance(_options.MissingSampleProbability))
            {
                continue;
            }

            _model.Measure(distance, _rng, out int value, out int status);
            row = new TraceRecord((long)(_start + _options.TimingBudgetMs), TraceKind.Tof, zone, value, status);
            _start += _period;
            _n++;
            return true;
        }

        row = default;
        return false;
    }
}
