using System;
using EdgeSensor.Core.Filtering;

namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// One zone's pipeline: range-status gate, median filter, boot calibration, occupancy detection and
    /// baseline tracking. Invalid range statuses (VL53L1X: anything but 0, e.g. 1 sigma fail, 2 signal fail,
    /// 4 out of bounds, 7 wrap-around; UM2356 "RangeStatus") are neither a person nor an empty floor: the zone
    /// holds its state through them, and only after <c>InvalidHoldMilliseconds</c> without a valid sample is it
    /// declared unknown, which drops its open target (a missed count rather than a phantom one).
    /// One exception, stated explicitly: two signal fails (status 2) in a row mean "nothing near" - a person under
    /// the sensor always returns a strong signal - and may end a target; they never move the floor baseline. Before
    /// calibration, a run dominated by signal fails is evidence that the floor lies at the edge of the sensor's range
    /// (far mount, sunlight), and the zone calibrates on its few valid floor readings (<see cref="ZoneCalibrator.AddSignalFail"/>).
    /// </summary>
    public sealed class ZoneChannel
    {
        // Quiet time after a target before empty readings may move the baseline (a leaving person's edge
        // readings sit just under the floor and must not pull it).
        private const int QuietMilliseconds = 500;

        // EMA of the baseline in 1/16 mm; shift 8 = time constant of 256 samples (~17 s at 66 ms per zone).
        private const int BaselineFractionBits = 4;
        private const int TrackingShift = 8;

        // VL53L1X RangeStatus 0: range valid; 2: signal fail (UM2356 "RangeStatus" table).
        private const int ValidStatus = 0;
        private const int SignalFailStatus = 2;

        // Signal fails in a row that mean "nothing near" (one alone may be a glitch; tuned on the simulator).
        private const int SignalFailsForNothingNear = 2;

        // The boot floor is plausible only when at least PlausibleFloorNumerator/PlausibleFloorDenominator of the
        // mount height away: anything standing taller than a quarter of the mount (600 mm at 2.4 m) is more likely
        // a person than the floor (ZoneCalibrator refuses such windows for a while; tuned on the simulator).
        private const int PlausibleFloorNumerator = 3;
        private const int PlausibleFloorDenominator = 4;

        // A reading moved "off the stable level" when it left StableBandSigmas of the floor noise (3 sigma: 99.7 % of
        // a normal distribution's readings stay inside), but the band is never narrower than MinStableBandMillimeters
        // (a quiet floor would otherwise restart the static-object timers on every flicker; tuned on the simulator).
        private const int StableBandSigmas = 3;
        private const int MinStableBandMillimeters = 60;

        // Enter threshold: EnterDeltaSigmas of this zone's own floor noise (measured at calibration) above the floor, at
        // least the configured minimum, and at most 1/MaxEnterDivisor of the floor distance so that something can still
        // rise above it over a near floor. A zone reports a blend of everything it sees, so a child or a seated person
        // who fills little of it reads only a little nearer than the floor: the threshold is set by what the noise
        // cannot reach, not by a body height. A normal reading lies beyond 5 sigma with probability 3e-7 (about one
        // reading in three days of ranging per zone), and one reading alone never counts (a crossing needs a target in
        // each zone in turn). The exit threshold is ExitDeltaNumerator/ExitDeltaDenominator of it (hysteresis,
        // CounterSettings.MinEnterDeltaMillimeters).
        private const int EnterDeltaSigmas = 5;

        // The 5 sigma above is a false-alarm rate per reading, and what a site sees is false targets per hour. Where the
        // floor lies beyond range (far mount, sunlight) most readings fail and only one in ReadingsPerValid is a floor
        // reading that can stray: the same rate an hour allows the multiple z with Q(z) = Q(5) * ReadingsPerValid (normal
        // tail). In tenths of sigma, by whole doublings of ReadingsPerValid (rounded down, so never below that z, and z
        // rounded up): 1 -> 5.0, 2 -> 4.87, 4 -> 4.73, 8 -> 4.58, 16 -> 4.44, 32 -> 4.28, 64 and more -> 4.13.
        private const int TenthsPerSigma = 10;
        private static readonly int[] EnterDeltaTenthSigmasByDoubling = { EnterDeltaSigmas * TenthsPerSigma, 49, 48, 46, 45, 43, 42 };

        private const int MaxEnterDivisor = 2;
        private const int ExitDeltaNumerator = 2;
        private const int ExitDeltaDenominator = 3;

        // The floor noise is estimated again while the zone is empty: 16 boot readings give sigma only to about +-25 %
        // (and the floor's light, hence its noise, changes over a day). Only readings farther than the floor count: a
        // body makes a zone read nearer, never farther, so they are the ranging noise alone even while the unseen edge of
        // a body passes. Their mean distance from the floor is 0.80 sigma for normal noise (a half-normal's mean; sigma =
        // 5/4 of it), needs no sorting, and each is clipped at NoiseClipSigmas so that a stray reading moves it little.
        // EMA shift 7: about 128 readings, which brings the estimate within about +-5 %; rounded, not floored, so that the
        // integer steps do not bias it low.
        private const int NoiseFromMeanAbsDeviationNumerator = 5;
        private const int NoiseFromMeanAbsDeviationShift = 2;
        private const int NoiseTrackingShift = 7;
        private const int NoiseClipSigmas = 3;

        // ... and never clipped nearer than this (mm): the ranging resolution, so that a zero estimate can still grow.
        private const int MinNoiseClipMillimeters = 3;

        // A weak dip (ZoneOccupancyDetector, "weak dips"): readings WeakDipSigmasTimesTwo / 2 sigma of the floor noise
        // nearer than the floor, and never less than 1/WeakDipMinDivisor of the minimum enter delta (the floor's own
        // texture and the baseline's slow drift stay well inside it).
        private const int WeakDipSigmasTimesTwo = 5;
        private const int WeakDipMinDivisor = 2;

        // The still level's distance follows each reading 1/StillLevelFollowDivisor of the way: an average over a few
        // samples, as the detector's own background follows it, so that one noisy reading moves it little.
        private const int StillLevelFollowDivisor = 4;

        // The stable run's readings are averaged in a sum that is halved at this many readings (~70 s of one zone), so that
        // it keeps its mean over a run of any length without overflowing.
        private const int MaxStableRunReadings = 1024;

        // A stable run's mean must be known to within 1/RunMeanToleranceDivisor of the exit delta at RunMeanConfidenceSigmas
        // of the floor noise (the stable band's three sigma) before it may become a new floor (StableRunReadings).
        private const int RunMeanConfidenceSigmas = StableBandSigmas;
        private const int RunMeanToleranceDivisor = 4;

        private readonly MedianFilter _filter;
        private readonly ZoneCalibrator _calibrator;
        private readonly ZoneOccupancyDetector _detector;
        private readonly int _minEnterDelta;
        private readonly int _invalidHold;
        private readonly int _staticAbsorb;
        private readonly int _rebaseline;
        private int _baselineQ;
        private int _absDeviationQ;
        private int _enterDelta;
        private int _exitDelta;
        private int _stableBand;
        private int _stableRef;
        private long _stableSince;
        private long _stableSum;
        private int _stableCount;
        private long _lastValidMs;
        private bool _unknown;
        private int _signalFailStreak;
        private int _stillLevel;

        /// <summary>Creates the zone pipeline from validated settings.</summary>
        public ZoneChannel(CounterSettings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            _filter = new MedianFilter(settings.MedianWindow);
            int minPlausibleFloor = (settings.MountHeightMillimeters * PlausibleFloorNumerator) / PlausibleFloorDenominator;
            _calibrator = new ZoneCalibrator(settings.CalibrationSamples, settings.CalibrationMaxSpreadMillimeters, minPlausibleFloor);
            _detector = new ZoneOccupancyDetector(settings.SplitDepthMillimeters);
            _minEnterDelta = settings.MinEnterDeltaMillimeters;
            _invalidHold = settings.InvalidHoldMilliseconds;
            _staticAbsorb = settings.StaticAbsorbMilliseconds;
            _rebaseline = settings.RebaselineMilliseconds;
        }

        /// <summary>True once the boot baseline is established.</summary>
        public bool IsCalibrated => _calibrator.IsCalibrated;

        /// <summary>True while no valid sample arrived for longer than the invalid hold time.</summary>
        public bool IsUnknown => _unknown;

        /// <summary>True while a target is in the zone.</summary>
        public bool IsOccupied => _detector.IsOccupied;

        /// <summary>The zone's detector, for the features of its current/last target.</summary>
        public ZoneOccupancyDetector Detector => _detector;

        /// <summary>
        /// The detector's last finished target with its height above this zone's floor (valid after a Fall or Split;
        /// read it before the next sample, which may move the floor).
        /// </summary>
        public TargetSummary FinishedTarget
        {
            get
            {
                TargetSummary target = _detector.Finished;
                target.HeightMillimeters = BaselineMillimeters - target.NearestMillimeters;
                target.GapHeightMillimeters = GapHeight(target.GapFarthestMillimeters);
                return target;
            }
        }

        /// <summary>
        /// Height above this zone's floor (mm) of the valley the detector's open target rose out of (its
        /// <see cref="TargetSummary.GapFarthestMillimeters"/>); -1 when it rose with no valley before it.
        /// </summary>
        public int OpenGapHeightMillimeters => GapHeight(_detector.CurrentGapFarthestMillimeters);

        // A gap's farthest reading as a height above the floor; -1 for no gap (0).
        private int GapHeight(int gapFarthestMillimeters)
        {
            return gapFarthestMillimeters > 0 ? BaselineMillimeters - gapFarthestMillimeters : -1;
        }

        /// <summary>
        /// How far (mm) the still level this zone holds lies (its detector's background: a door leaf standing open, a person
        /// who stopped), averaged over the readings since it settled; 0 while the zone holds none.
        /// </summary>
        public int StillLevelMillimeters => _detector.State == DetectorState.Background ? _stillLevel : 0;

        /// <summary>Current floor baseline in mm (0 before calibration).</summary>
        public int BaselineMillimeters => _baselineQ >> BaselineFractionBits;

        /// <summary>How far (mm) the detector's single-reading enter threshold lies nearer than the floor the zone holds now.</summary>
        public int EnterDeltaMillimeters => BaselineMillimeters - _detector.EnterBelowMillimeters;

        /// <summary>
        /// True while the zone holds a still level within one and a half enter deltas of its floor: what a door leaf standing
        /// open leaves in a zone it lies across (the detector of the other zone asks it: see ZoneOccupancyDetector.IsStillSinceRise).
        /// </summary>
        public bool HoldsShallowStillLevel => _detector.State == DetectorState.Background
            && StillLevelMillimeters >= BaselineMillimeters - ((3 * EnterDeltaMillimeters) / 2);

        /// <summary>
        /// The floor's ranging noise (1 sigma, mm) as the empty zone keeps measuring it (the boot estimate at first). It sets
        /// the weak-dip depth; the single-reading enter threshold keeps the boot estimate, as before.
        /// </summary>
        public int NoiseMillimeters => (_absDeviationQ * NoiseFromMeanAbsDeviationNumerator) >> (BaselineFractionBits + NoiseFromMeanAbsDeviationShift);

        /// <summary>Times the baseline was replaced by a new static floor (furniture moved in or out).</summary>
        public int Rebaselines { get; private set; }

        /// <summary>True for a ranging the zone can use: range status 0 (valid) and a positive distance.</summary>
        public static bool IsValidSample(int distanceMillimeters, int rangeStatus)
        {
            return rangeStatus == ValidStatus && distanceMillimeters > 0;
        }

        /// <summary>Feeds one sample; returns what happened to the zone's target.</summary>
        public ZoneEvent Process(long timeMs, int distanceMillimeters, int rangeStatus)
        {
            if (!IsValidSample(distanceMillimeters, rangeStatus))
            {
                return ProcessInvalid(timeMs, rangeStatus);
            }

            _signalFailStreak = 0;
            _lastValidMs = timeMs;
            _unknown = false;
            int f = _filter.Add(distanceMillimeters);
            if (!_calibrator.IsCalibrated)
            {
                Calibrate(timeMs, distanceMillimeters);
                return ZoneEvent.None;
            }

            bool wasStill = _detector.State == DetectorState.Background;
            ZoneEvent e = _detector.Update(timeMs, f);
            FollowStillLevel(wasStill, f);
            if (!_detector.IsOccupied && _calibrator.Refine(f))
            {
                // A floor at the edge of range calibrated on a few readings; its noise now stands on a full window.
                SetNoiseBands();
                SetThresholds();
            }

            return Track(timeMs, f, e);
        }

        /// <summary>Declares the zone unknown when no valid sample came for the hold time; may cancel a target.</summary>
        public ZoneEvent CheckTimeout(long timeMs)
        {
            // No reading (the loop's tick): a walk off reported on the last reading is not reported again, for the
            // counter reads the flag after every call and would queue the same target once per tick.
            _detector.NoReading();
            if (_unknown || !_calibrator.IsCalibrated || timeMs - _lastValidMs < _invalidHold)
            {
                return ZoneEvent.None;
            }

            _unknown = true;
            _filter.Reset();
            return _detector.Clear() ? ZoneEvent.Cancel : ZoneEvent.None;
        }

        private ZoneEvent ProcessInvalid(long timeMs, int rangeStatus)
        {
            // No reading: a walk off already reported is not reported again. Every path below clears that flag: a zone
            // still calibrating has no detector state, the detector clears it on the reading that stands for "nothing
            // near", and CheckTimeout clears it as on a tick.
            if (rangeStatus == SignalFailStatus && !_calibrator.IsCalibrated)
            {
                if (_calibrator.AddSignalFail())
                {
                    _lastValidMs = timeMs;
                    CompleteCalibration(timeMs);
                }

                return ZoneEvent.None;
            }

            if (rangeStatus == SignalFailStatus && _calibrator.IsCalibrated && !_unknown)
            {
                _signalFailStreak++;
                if (_signalFailStreak >= SignalFailsForNothingNear)
                {
                    // Signal fails in a row: too little light came back for any range. A person under the sensor
                    // (0.3-2 m away) returns a strong signal, so this is "nothing near" - evidence that ends a
                    // target, though never a floor reading (no baseline or calibration update).
                    _lastValidMs = timeMs;
                    int far = _filter.Add(_baselineQ >> BaselineFractionBits);
                    return _detector.UpdateNothingNear(timeMs, far);
                }
            }

            return CheckTimeout(timeMs);
        }

        private void Calibrate(long timeMs, int distanceMillimeters)
        {
            if (_calibrator.Add(distanceMillimeters))
            {
                CompleteCalibration(timeMs);
            }
        }

        private void CompleteCalibration(long timeMs)
        {
            _absDeviationQ = ((_calibrator.NoiseMillimeters << (BaselineFractionBits + NoiseFromMeanAbsDeviationShift)) / NoiseFromMeanAbsDeviationNumerator);
            SetNoiseBands();
            SetBaseline(_calibrator.BaselineMillimeters, timeMs);
        }

        private void SetNoiseBands()
        {
            int band = _calibrator.NoiseMillimeters * StableBandSigmas;
            _stableBand = band < MinStableBandMillimeters ? MinStableBandMillimeters : band;
        }

        private ZoneEvent Track(long timeMs, int f, ZoneEvent e)
        {
            int baseline = _baselineQ >> BaselineFractionBits;
            int delta = f - baseline;
            if (f - _stableRef > _stableBand || _stableRef - f > _stableBand)
            {
                _stableRef = f;
                _stableSince = timeMs;
                _stableSum = 0;
                _stableCount = 0;
            }

            AddToStableRun(f);

            bool nearFloor = Magnitude.Within(delta, _exitDelta);
            if (!_detector.IsOccupied)
            {
                if (nearFloor)
                {
                    if (timeMs - _detector.LastActiveMs >= QuietMilliseconds)
                    {
                        // Slow tracking of lighting/temperature drift while the zone is empty.
                        _baselineQ += ((f << BaselineFractionBits) - _baselineQ) >> TrackingShift;
                        TrackNoise(delta);
                        SetThresholds();
                    }

                    return e;
                }

                if (timeMs - _stableSince >= _rebaseline && IsStableRunOffFloor(baseline))
                {
                    // Empty zone steadily off its floor: furniture moved out (farther) or a low object in the band.
                    SetBaseline(_stableRef, timeMs);
                    Rebaselines++;
                }

                return e;
            }

            if (e == ZoneEvent.Cancel && _detector.State == DetectorState.Background)
            {
                // The detector found its target to be a still level held since it rose (a leaf standing at the footprint's
                // edge): a low surface in the band is part of the scene, like one an empty zone settles on.
                int level = _stillLevel;
                _detector.Clear();
                SetBaseline(level, timeMs);
                Rebaselines++;
                return e;
            }

            if (e == ZoneEvent.None && timeMs - _stableSince >= _staticAbsorb)
            {
                // A target that has not moved for this long is part of the scene now, not a person.
                bool open = _detector.Clear();
                SetBaseline(_stableRef, timeMs);
                Rebaselines++;
                return open ? ZoneEvent.Cancel : ZoneEvent.None;
            }

            return e;
        }

        private void AddToStableRun(int f)
        {
            if (_stableCount >= MaxStableRunReadings)
            {
                // A long run (a quiet floor holds one for hours): halve it, which keeps its mean and bounds the sum.
                _stableSum /= 2;
                _stableCount /= 2;
            }

            _stableSum += f;
            _stableCount++;
        }

        // True when the readings of the stable run average farther off the floor than the exit delta. A new floor (furniture
        // moved in or out, an object left in the band) holds every reading at its own level, so their mean lies off the old
        // floor as far as the level does. A child lingering at the zone's edge reads as a blend that flickers between the
        // floor and a few sigma nearer; the stable band (3 sigma of the boot noise, wider still where that estimate came out
        // high) holds both, and the one reading that happens to stray past the exit delta is no level to take for a floor:
        // taken, it left the zone's floor a child's depth too near, and the next children under it read as nothing.
        //
        // The run's mean is a level only once enough valid readings stand behind it: where the floor lies at the edge of range
        // (far mount, sunlight) nine readings in ten fail, and the rebaseline time may hold three or four valid ones - a
        // person passing under the enter threshold, or the floor's noise on one side - whose mean is no level: taken, the
        // zone's floor landed 600 mm too near, or an enter delta too far (every reading of the true floor then a dip). The
        // run needs the readings that put its mean within a quarter of the exit delta at three sigma of the noise the
        // thresholds stand on (StableRunReadings); a dense run has them well inside the rebaseline time.
        private bool IsStableRunOffFloor(int baseline)
        {
            if (_stableCount == 0 || _stableCount < StableRunReadings())
            {
                return false;
            }

            int offset = (int)(_stableSum / _stableCount) - baseline;
            return Magnitude.Of(offset) > _exitDelta;
        }

        // Valid readings a stable run needs before its mean is taken for a level: the mean of n readings of noise sigma
        // lies within RunMeanConfidenceSigmas sigma / sqrt(n) of the level, and that must be at most a quarter of the exit
        // delta: a new floor off by that much still keeps its own readings within the exit delta to 2.5 sigma (the weak
        // dip's depth), so the zone goes on tracking its floor. With the exit delta at 10/3 of the boot noise this is 13
        // readings (the beyond-range boot closes on 8); on a quiet floor whose exit delta is the configured minimum, fewer.
        private int StableRunReadings()
        {
            long spread = (long)_calibrator.NoiseMillimeters * RunMeanConfidenceSigmas * RunMeanToleranceDivisor;
            long exitSquared = (long)_exitDelta * _exitDelta;
            return exitSquared <= 0 ? 1 : (int)(((spread * spread) + exitSquared - 1) / exitSquared);
        }

        private void FollowStillLevel(bool wasStill, int f)
        {
            if (_detector.State != DetectorState.Background)
            {
                return;
            }

            // The detector settles on a level only after watching it for a while, so the reading it settles on is already on it.
            _stillLevel = wasStill ? _stillLevel + ((f - _stillLevel) / StillLevelFollowDivisor) : f;
        }

        private void TrackNoise(int delta)
        {
            int clip = NoiseMillimeters * NoiseClipSigmas;
            if (clip < MinNoiseClipMillimeters)
            {
                clip = MinNoiseClipMillimeters;
            }

            if (delta <= 0)
            {
                // Only readings farther than the floor: a body makes a zone read nearer, never farther, so these are
                // the ranging noise alone, even while unseen edges of bodies pass.
                return;
            }

            int deviation = delta > clip ? clip : delta;
            _absDeviationQ += ((deviation << BaselineFractionBits) - _absDeviationQ + (1 << (NoiseTrackingShift - 1))) >> NoiseTrackingShift;
        }

        private void SetBaseline(int baselineMillimeters, long timeMs)
        {
            _baselineQ = baselineMillimeters << BaselineFractionBits;
            _stableRef = baselineMillimeters;
            _stableSince = timeMs;
            _stableSum = 0;
            _stableCount = 0;
            SetThresholds();
        }

        private static int EnterDeltaTenthSigmas(int readingsPerValid)
        {
            int doublings = 0;
            while (readingsPerValid >= 2 && doublings < EnterDeltaTenthSigmasByDoubling.Length - 1)
            {
                readingsPerValid /= 2;
                doublings++;
            }

            return EnterDeltaTenthSigmasByDoubling[doublings];
        }

        private void SetThresholds()
        {
            int baseline = _baselineQ >> BaselineFractionBits;
            int bootNoise = _calibrator.NoiseMillimeters;
            int enter = (bootNoise * EnterDeltaTenthSigmas(_calibrator.ReadingsPerValid)) / TenthsPerSigma;
            if (enter < _minEnterDelta)
            {
                enter = _minEnterDelta;
            }

            if (enter > baseline / MaxEnterDivisor)
            {
                enter = baseline / MaxEnterDivisor;
            }

            _enterDelta = enter;
            _exitDelta = (enter * ExitDeltaNumerator) / ExitDeltaDenominator;
            _detector.SetThresholds(baseline, _enterDelta, _exitDelta, bootNoise);

            // The weak dip uses the floor noise as the empty zone keeps measuring it (NoiseMillimeters).
            int noise = NoiseMillimeters;
            int weak = (noise * WeakDipSigmasTimesTwo) / 2;
            int weakMin = _minEnterDelta / WeakDipMinDivisor;
            _detector.SetWeakDip(weak < weakMin ? weakMin : weak);
        }
    }
}
