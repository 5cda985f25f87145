using EdgeSensor.Core.Drivers.Vl53l1x;
using EdgeSensor.Simulator.Randomness;
using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Sensors;

namespace EdgeSensor.Simulator.Emulation;

/// <summary>
/// The emulator's ranging timeline. Model (ours; consistent with DS12385 §2.5 "the next ranging starts immediately if
/// the inter-measurement period is shorter than the timing budget"): a range starts at the latest of the previous
/// start + inter-measurement period, the previous end and the host's interrupt clear — the device holds a result
/// until it is acknowledged — and takes the ROI, distance mode and budget programmed at that moment. It ends one
/// timing budget later, latching the result and raising the interrupt. State is brought up to the clock lazily, on
/// every bus transaction, so time is exact however coarsely the clock is advanced.
/// </summary>
public sealed partial class Vl53l1xEmulator
{
    private readonly Scene _scene;
    private readonly TofSensorOptions _physics;
    private readonly ulong _seed;
    private readonly Dictionary<(int Budget, int Columns, int Rows), TofSensorModel> _models = [];
    private bool _ranging;
    private bool _rangeUnderWay;
    private bool _interrupt;
    private double _rangeStart;
    private int _rangeBudget = 100;
    private int _rangeCentre;
    private int _rangeWidth;
    private int _rangeHeight;
    private double _lastStart;
    private double _lastEnd;
    private double _clearedAt;
    private long _rangesSinceStart;

    private long _rangesCompleted;
    private (int Center, double EndMilliseconds, int RawStatus, int DistanceMillimeters) _lastRange;

    /// <summary>Ranges completed since creation, up to the clock's now.</summary>
    public long RangesCompleted
    {
        get
        {
            Catch();
            return _rangesCompleted;
        }
    }

    /// <summary>The last completed range: ROI centre it measured, when it ended, what it reported (raw code, mm).</summary>
    public (int Center, double EndMilliseconds, int RawStatus, int DistanceMillimeters) LastRange
    {
        get
        {
            Catch();
            return _lastRange;
        }
    }

    /// <summary>The budget (ms) the range under way, or the last one, integrates for.</summary>
    public int TimingBudgetMilliseconds => _rangeBudget;

    /// <summary>The programmed inter-measurement period (ms), decoded as ST's driver encodes it.</summary>
    public double InterMeasurementMilliseconds =>
        DoubleWord(Register.SystemIntermeasurementPeriod) / ((OscillatorCalibration & 0x3FF) * 1.075);

    /// <summary>The distance mode programmed (phase-calibration timeout 0x14 = short).</summary>
    public DistanceMode DistanceMode =>
        _registers[(int)Register.PhasecalConfigTimeoutMacrop] == 0x14 ? DistanceMode.Short : DistanceMode.Long;

    private void StartRanging()
    {
        double now = _clock.NowMilliseconds;
        _ranging = true;
        _interrupt = false;
        _lastStart = double.NegativeInfinity;
        _lastEnd = now;
        _clearedAt = now;
        _rangesSinceStart = 0;
        BeginRange(now);
    }

    private void StopRanging()
    {
        _ranging = false;
        _rangeUnderWay = false;
    }

    private void ClearInterrupt()
    {
        _interrupt = false;
        _clearedAt = _clock.NowMilliseconds;
        Catch();
    }

    // Brings the timeline up to the clock: completes due ranges and starts the next when it may.
    private void Catch()
    {
        double now = _clock.NowMilliseconds;
        while (_ranging)
        {
            if (_rangeUnderWay)
            {
                double end = _rangeStart + _rangeBudget;
                if (end > now)
                {
                    return;
                }

                Complete(end);
                continue;
            }

            if (_interrupt)
            {
                return;
            }

            double period = InterMeasurementMilliseconds;
            double start = Math.Max(Math.Max(_lastStart + period, _lastEnd), _clearedAt);
            if (start > now)
            {
                return;
            }

            BeginRange(start);
        }
    }

    private void BeginRange(double start)
    {
        _rangeUnderWay = true;
        _rangeStart = start;
        int budget = Vl53l1xSensor.TimingBudgetFromTimeoutA(DistanceMode, (ushort)Word(Register.RangeConfigTimeoutMacropAHi));
        if (budget > 0)
        {
            _rangeBudget = budget;
        }

        _rangeCentre = _registers[(int)Register.RoiConfigUserRoiCentreSpad];
        Vl53l1xRoi.DecodeSize(_registers[(int)Register.RoiConfigUserRoiRequestedGlobalXySize], out _rangeWidth, out _rangeHeight);
    }

    private void Complete(double end)
    {
        _rangeUnderWay = false;
        _lastStart = _rangeStart;
        _lastEnd = end;
        TofZoneGeometry zone = RoiGeometry.For(_rangeCentre, _rangeWidth, _rangeHeight, _physics.FieldOfViewDegrees);
        double surface = _scene.HighestSurface(zone, _rangeStart + _rangeBudget / 2.0);
        // Noise keyed by the range's place in the run (n-th since ranging started) and its ROI, not by what the driver
        // did before: two drivers that range the same ROIs in the same order read the same values.
        ulong key = (ulong)_rangesSinceStart | ((ulong)_rangeCentre << 32) | ((ulong)_rangeWidth << 40) | ((ulong)_rangeHeight << 48);
        var rng = Rng.ForStream(_seed, key);
        _rangesSinceStart++;
        RoiGeometry.Cells(_rangeCentre, _rangeWidth, _rangeHeight, out int columns, out int rows);
        ModelFor(_rangeBudget, columns, rows).Measure(_scene.MountHeightMillimeters - surface, rng, out int value, out int status);
        int raw = RawStatus(status);
        int distance = Math.Clamp(value, 0, 0xFFFF);
        _registers[(int)Register.ResultRangeStatus] = (byte)raw;
        SetWord((int)Register.ResultFinalCrosstalkCorrectedRangeMmSd0, distance);
        SetWord(0x008C, (columns * rows) << 8);             // effective SPADs (8.8)
        SetWord(0x0090, 0x0010);                            // ambient rate, a nominal indoor figure
        SetWord(0x0098, status == TofRangeStatus.SignalFail ? 0 : 0x0200); // peak signal rate
        _interrupt = true;
        _rangesCompleted++;
        _lastRange = (_rangeCentre, end, raw, distance);
    }

    // The physics for a budget and an ROI of columns × rows SPADs on the array (its noise and reach follow its SPAD count).
    private TofSensorModel ModelFor(int budget, int columns, int rows)
    {
        if (!_models.TryGetValue((budget, columns, rows), out TofSensorModel? model))
        {
            model = new TofSensorModel(_physics with { TimingBudgetMs = budget, Roi = ZoneRoi.PeopleCounting with { Width = columns, Height = rows } });
            _models[(budget, columns, rows)] = model;
        }

        return model;
    }

    /// <summary>The raw result code (RESULT__RANGE_STATUS bits 4..0) the device writes for a driver-level status: the
    /// inverse of ST's status_rtn table for the codes the physics produces.</summary>
    public static int RawStatus(int driverStatus) => driverStatus switch
    {
        TofRangeStatus.Valid => 9,
        TofRangeStatus.SigmaFail => 6,
        TofRangeStatus.SignalFail => 4,
        TofRangeStatus.OutOfBounds => 5,
        TofRangeStatus.WrapAround => 7,
        _ => throw new ArgumentOutOfRangeException(nameof(driverStatus)),
    };
}
