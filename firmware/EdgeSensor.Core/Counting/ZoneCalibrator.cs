using System;

namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// Boot calibration of one zone: the floor distance is the median of N valid samples, accepted only when
    /// their interquartile range is small (nobody walked through while it was measured). A single reading is
    /// never trusted: VL53L1X ranging noise at 2-3 m is tens of mm (UM2356 §2.5 ranging performance) and a
    /// passer-by during boot would otherwise become the floor. If the spread is too large the window restarts.
    /// </summary>
    public sealed class ZoneCalibrator
    {
        /// <summary>Fewest samples per window (the bounds of <see cref="CounterSettings.CalibrationSamples"/>).</summary>
        public const int MinSamples = 8;

        /// <summary>Most samples per window.</summary>
        public const int MaxSamples = 64;

        // The interquartile range of a normal distribution is 2 x 0.6745 = 1.349 sigma
        // (https://en.wikipedia.org/wiki/Interquartile_range#Distributions): sigma = IQR x 100 / 135.
        private const int IqrPerSigmaHundredths = 135;
        private const int Hundredths = 100;

        private readonly int[] _samples;
        private readonly int[] _sorted;
        private readonly int _maxSpreadMillimeters;
        private readonly int _minPlausibleMillimeters;
        private int _count;
        private int _baselineMillimeters;
        private int _noiseMillimeters;
        private int _restarts;
        private int _implausibleWindows;
        private int _signalFails;
        private int _validSeen;
        private readonly int[] _refined;
        private int _refinedCount;

        // Signal fails per valid sample that mean the floor is beyond range: three in four readings return too little
        // light to range at all, so the floor is at the edge of the sensor's reach and a person (near, bright) is not
        // what is missing; a person walking through returns valid readings, not fails.
        private const int FailsPerValidForBeyondRange = 3;

        // Floor readings the noise of a floor at the edge of range is refined on (Refine): a full window gives sigma from the
        // interquartile range to about +-15 % (1.166 / sqrt(64)), where the eight readings of the boot gave it to +-40 %.
        private const int RefinedSamples = MaxSamples;


        /// <summary>Creates a calibrator taking <paramref name="sampleCount"/> samples per window.</summary>
        /// <param name="sampleCount">Samples per window, <see cref="MinSamples"/>..<see cref="MaxSamples"/>.</param>
        /// <param name="maxSpreadMillimeters">Largest interquartile range accepted.</param>
        /// <param name="minPlausibleMillimeters">
        /// A window whose median is nearer than this (e.g. 3/4 of the mount height) is probably a person standing
        /// still under the sensor; it is refused for up to <see cref="MaxImplausibleWindows"/> windows, then accepted
        /// (it may be real furniture, and a wrong floor is re-learnt when it moves).
        /// </param>
        public ZoneCalibrator(int sampleCount, int maxSpreadMillimeters, int minPlausibleMillimeters)
        {
            if (sampleCount < MinSamples || sampleCount > MaxSamples)
            {
                throw new ArgumentOutOfRangeException(nameof(sampleCount));
            }

            _samples = new int[sampleCount];
            _sorted = new int[sampleCount];
            _refined = new int[RefinedSamples];
            _maxSpreadMillimeters = maxSpreadMillimeters;
            _minPlausibleMillimeters = minPlausibleMillimeters;
        }

        /// <summary>Windows refused as implausibly near before one is accepted anyway.</summary>
        public const int MaxImplausibleWindows = 20;

        /// <summary>True once a baseline is established.</summary>
        public bool IsCalibrated { get; private set; }

        /// <summary>Median floor distance in mm (valid once <see cref="IsCalibrated"/>).</summary>
        public int BaselineMillimeters => _baselineMillimeters;

        /// <summary>Noise estimate in mm: interquartile range / 1.35 (the IQR of a normal distribution is 1.35 sigma).</summary>
        public int NoiseMillimeters => _noiseMillimeters;

        /// <summary>
        /// True while the noise of a floor at the edge of range (<see cref="AddSignalFail"/>) is still being refined: it was
        /// estimated from as few as <see cref="MinSamples"/> readings, and <see cref="Refine"/> collects more of them.
        /// </summary>
        public bool IsRefining { get; private set; }

        /// <summary>
        /// Readings per valid one at a boot that found the floor beyond range (<see cref="AddSignalFail"/>): at least
        /// FailsPerValidForBeyondRange + 1 there, counted over at least a window of signal fails; 1 for a floor that
        /// calibrated on a still window (its few fails measure no rate).
        /// </summary>
        public int ReadingsPerValid { get; private set; } = 1;

        /// <summary>How often the window was restarted because the scene was not still.</summary>
        public int Restarts => _restarts;

        /// <summary>Starts over (re-calibration after the floor changed).</summary>
        public void Reset()
        {
            _count = 0;
            _signalFails = 0;
            _validSeen = 0;
            _refinedCount = 0;
            IsCalibrated = false;
            IsRefining = false;
            ReadingsPerValid = 1;
        }

        /// <summary>
        /// Counts one signal fail (VL53L1X range status 2: too little light returned). When they outnumber the valid
        /// samples <see cref="FailsPerValidForBeyondRange"/> to one over at least a window's length, the floor is at the
        /// edge of the sensor's range (far mount, sunlight) and a still window of valid samples may never come; the floor
        /// is then the median of the valid samples that are plausibly the floor, once there are
        /// <see cref="MinSamples"/> of them, and the noise their spread. Returns true when this completed the calibration.
        /// </summary>
        public bool AddSignalFail()
        {
            if (IsCalibrated)
            {
                return false;
            }

            _signalFails++;
            if (_signalFails < _samples.Length || _signalFails < _validSeen * FailsPerValidForBeyondRange)
            {
                return false;
            }

            // Heads return a strong signal, so in this regime they are a large share of the few valid readings: only
            // the samples at least the plausible floor distance away count as floor.
            SortFirst(_count);
            int first = 0;
            while (first < _count && _sorted[first] < _minPlausibleMillimeters)
            {
                first++;
            }

            int floorSamples = _count - first;
            if (floorSamples < MinSamples)
            {
                return false;
            }

            int iqr = _sorted[first + ((floorSamples * 3) / 4)] - _sorted[first + (floorSamples / 4)];
            _baselineMillimeters = _sorted[first + (floorSamples / 2)];
            _noiseMillimeters = NoiseFromIqr(iqr);
            ReadingsPerValid = (_signalFails + _validSeen) / (_validSeen < 1 ? 1 : _validSeen);
            IsCalibrated = true;

            // The noise stands on as few as MinSamples readings here: keep collecting (Refine).
            _refinedCount = 0;
            for (int i = first; i < _count && _refinedCount < RefinedSamples; i++)
            {
                _refined[_refinedCount] = _sorted[i];
                _refinedCount++;
            }

            IsRefining = true;
            return true;
        }

        /// <summary>Adds one valid distance; returns true when this sample completed the calibration.</summary>
        public bool Add(int distanceMillimeters)
        {
            if (IsCalibrated)
            {
                return false;
            }

            _samples[_count] = distanceMillimeters;
            _count++;
            _validSeen++;
            if (_count < _samples.Length)
            {
                return false;
            }

            SortWindow();

            // Lower quartile, upper quartile and median of the sorted window.
            int n = _samples.Length;
            int iqr = _sorted[(n * 3) / 4] - _sorted[n / 4];
            int median = _sorted[n / 2];
            bool implausible = median < _minPlausibleMillimeters && _implausibleWindows < MaxImplausibleWindows;
            if (implausible)
            {
                _implausibleWindows++;
            }

            // A spread beyond the limit is still an empty floor when even the lower quartile is plausibly the floor:
            // a person under the sensor for a quarter of the window or more pulls it nearer than the plausible bound,
            // while ranging noise alone does not. The noise of a VL53L1X reading grows as its return signal falls
            // (far floor, sunlight; UM2356 "ranging performance"), so an absolute limit refuses exactly the zones
            // whose floor is hardest to range, and they would never count.
            bool noisyFloor = _sorted[n / 4] >= _minPlausibleMillimeters;
            if ((iqr > _maxSpreadMillimeters && !noisyFloor) || implausible)
            {
                // Someone or something moved during calibration: keep the newer half and continue.
                KeepNewerHalf();
                return false;
            }

            _baselineMillimeters = median;
            _noiseMillimeters = NoiseFromIqr(iqr);
            IsCalibrated = true;
            return true;
        }

        /// <summary>
        /// Adds one reading of the empty zone while <see cref="IsRefining"/>: once <see cref="RefinedSamples"/> readings
        /// plausibly of the floor are in, the noise is their interquartile range again and the refinement ends. Returns true
        /// when this reading replaced the noise estimate.
        /// </summary>
        public bool Refine(int distanceMillimeters)
        {
            if (!IsRefining || distanceMillimeters < _minPlausibleMillimeters)
            {
                return false;
            }

            _refined[_refinedCount] = distanceMillimeters;
            _refinedCount++;
            if (_refinedCount < RefinedSamples)
            {
                return false;
            }

            SortInto(_refined, _refined, RefinedSamples);
            _noiseMillimeters = NoiseFromIqr(_refined[(RefinedSamples * 3) / 4] - _refined[RefinedSamples / 4]);
            IsRefining = false;
            return true;
        }

        private void SortWindow()
        {
            SortFirst(_samples.Length);
        }

        private void SortFirst(int n)
        {
            SortInto(_samples, _sorted, n);
        }

        // Insertion sort of from's first n values into into (the same array sorts in place: each value is read before the
        // shift reaches its slot): at most 64 values, once per window, no allocation.
        private static void SortInto(int[] from, int[] into, int n)
        {
            for (int i = 0; i < n; i++)
            {
                int v = from[i];
                int j = i - 1;
                while (j >= 0 && into[j] > v)
                {
                    into[j + 1] = into[j];
                    j--;
                }

                into[j + 1] = v;
            }
        }

        // The noise (one standard deviation, mm) of readings whose interquartile range is iqr: a normal spread's IQR is
        // IqrPerSigmaHundredths / 100 of its sigma.
        private static int NoiseFromIqr(int iqr)
        {
            return (iqr * Hundredths) / IqrPerSigmaHundredths;
        }

        private void KeepNewerHalf()
        {
            int n = _samples.Length;
            int keep = n / 2;
            for (int i = 0; i < keep; i++)
            {
                _samples[i] = _samples[n - keep + i];
            }

            _count = keep;
            _restarts++;
        }
    }
}
