using EdgeSensor.Simulator.Randomness;
using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Sensors;

/// <summary>
/// Samples a scene as a two-zone ToF sensor would: the zones are measured alternately, each for one timing budget;
/// a measurement reports the nearest surface in the zone's footprint (evaluated mid-integration) plus noise that grows
/// with distance and ambient light, and fails with the range statuses the real driver returns.
/// </summary>
public sealed class TofSensorModel
{
    private readonly TofSensorOptions _options;
    private readonly TofZoneGeometry[] _zones;

    private readonly RasterZoneModel? _raster;

    // The zone's SPADs against the default 8 × 16 zone's: the share of return (and ambient) photons it gathers.
    private readonly double _roiSignal;

    public TofSensorModel(TofSensorOptions options)
    {
        _options = options;
        _zones = options.Roi.Zones(options.FieldOfViewDegrees);
        _raster = options.Coverage == CoverageModel.Raster ? new RasterZoneModel(options.FieldOfViewDegrees, options.Roi) : null;
        _roiSignal = (double)options.Roi.SpadCount / ZoneRoi.ReferenceSpadCount;
    }

    public IReadOnlyList<TofZoneGeometry> Zones => _zones;

    /// <summary>Maximum range (mm) at the configured ambient light: about 4 m in the dark in long mode, falling towards
    /// about 1.3 m in strong sunlight (DS12385 table "Maximum ranging distance"), for a zone of the default 8 × 16 SPADs.
    /// A zone of N SPADs reaches (N / 128)^¼ as far: its noise at range grows as d² / √N (<see cref="NoiseSigma"/>), so it
    /// reaches the default zone's noise at its limit that much nearer (fewer SPADs, less range: UM2555, ST's support).</summary>
    public double MaxRangeMillimeters => (4000 - 2700 * _options.Ambient) * Math.Pow(_roiSignal, 0.25);

    /// <summary>Standard deviation (mm) of a valid reading at a distance: a floor plus a term growing with the square of the
    /// distance (return signal falls with d²), scaled up by ambient light and down by a longer budget and a larger region of
    /// interest. Both are shot noise: σ ∝ 1/√(photons counted), and the counts, return and ambient alike, grow with the
    /// integration time and with the SPADs enabled (at range the device enables the whole ROI to reach its target signal
    /// rate: ST's support, https://qa-community.st.com/imaging-sensors-49/vl53l1x-number-of-spad-141515; UM2555: a reduced
    /// field of view uses fewer SPADs). The default 8 × 16 zone keeps the model's figures (factor 1).</summary>
    public double NoiseSigma(double distanceMillimeters)
    {
        double d = distanceMillimeters / 1000;
        return (2 + 3 * d * d) * Math.Sqrt(33.0 / _options.TimingBudgetMs) * (1 + 4 * _options.Ambient) * _options.NoiseScale
            / Math.Sqrt(_roiSignal);
    }

    /// <summary>How many times wider the error of an outlier reading is drawn (<see cref="TofSensorOptions.OutlierProbability"/>).</summary>
    public const double OutlierSigmas = 5;

    public void Sample(Scene scene, Rng rng, List<TraceRecord> output)
    {
        int period = _options.TimingBudgetMs + _options.OverheadMs;
        int n = 0;
        for (double start = 0; start + period <= scene.DurationMs; start += period, n++)
        {
            int zone = n % _zones.Length;
            double middle = start + _options.TimingBudgetMs / 2.0;
            double distance = _raster is null
                ? scene.MountHeightMillimeters - scene.HighestSurface(_zones[zone], middle)
                : _raster.Range(scene, zone, middle);
            if (rng.Chance(_options.MissingSampleProbability))
            {
                continue;
            }

            Measure(distance, rng, out int value, out int status);
            output.Add(new TraceRecord((long)(start + _options.TimingBudgetMs), TraceKind.Tof, zone, value, status));
        }
    }

    /// <summary>One reading of a surface at a true distance: value and range status.</summary>
    public void Measure(double trueDistance, Rng rng, out int value, out int status)
    {
        double ambient = _options.Ambient;
        double relative = trueDistance / MaxRangeMillimeters;
        double weak = Math.Clamp((relative - 0.6) / 0.4, 0, 1);
        double signalFail = 0.001 + 0.9 * weak * weak;
        double sigmaFail = 0.001 + 0.05 * ambient * Math.Min(1, relative);
        double u = rng.NextDouble();
        double noisy = trueDistance + NoiseSigma(trueDistance) * rng.Normal();
        if (u < signalFail)
        {
            value = 0;
            status = TofRangeStatus.SignalFail;
        }
        else if ((u -= signalFail) < sigmaFail)
        {
            value = (int)Math.Max(0, Math.Round(trueDistance + 4 * NoiseSigma(trueDistance) * rng.Normal()));
            status = TofRangeStatus.SigmaFail;
        }
        else if ((u -= sigmaFail) < 0.0005)
        {
            value = (int)Math.Max(0, Math.Round(noisy));
            status = TofRangeStatus.OutOfBounds;
        }
        else if ((u -= 0.0005) < 0.0003)
        {
            value = rng.NextInt(30, 600);
            status = TofRangeStatus.WrapAround;
        }
        else
        {
            // Outliers draw only when asked for, so a model without them keeps its random stream (and its traces) as they were.
            if (_options.OutlierProbability > 0 && rng.Chance(_options.OutlierProbability))
            {
                noisy = trueDistance + OutlierSigmas * NoiseSigma(trueDistance) * rng.Normal();
            }

            value = (int)Math.Max(0, Math.Round(noisy));
            status = TofRangeStatus.Valid;
        }
    }
}
