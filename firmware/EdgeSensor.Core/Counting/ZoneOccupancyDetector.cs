using System;

namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// Turns one zone's filtered distances into targets (docs/counting.md, "Zone targets").
    /// <list type="bullet">
    /// <item>Hysteresis against the floor: occupied when nearer than baseline - enter delta, empty again when farther
    /// than baseline - exit delta (exit delta = 2/3 of enter delta), so noise at the threshold cannot chatter.</item>
    /// <item>Valley split: two people close behind each other may never let the zone see the floor, but the nearest
    /// surface rises between their heads and falls again at the second head. A rise of at least <c>splitDepth</c>
    /// above the target's nearest reading followed by a fall (at least a third of <c>splitDepth</c> and clear of
    /// the noise) ends the first target at the valley's top and starts a second one there. One person's outline
    /// (head, shoulders, then the side of the body) only rises on the way out, so it is never split.</item>
    /// <item>Background: when a target settles on a still level well above its nearest point (a door leaf standing
    /// open in view), the target ends where the level began and the zone holds that level as its background;
    /// a new target is a drop below the background, and it ends when the distance returns to it.</item>
    /// </list>
    /// </summary>
    public sealed class ZoneOccupancyDetector
    {
        private const int StateEmpty = 0;
        private const int StateTarget = 1;
        private const int StateBackground = 2;

        // A level held this long (ms) within the noise band is a still surface, not a person moving through.
        private const int PlateauMilliseconds = 800;

        // ... and only a level this far (mm) above the target's nearest point: a door leaf standing open is seen low
        // at the edge of the view (~1.8 m away) after its top (~0.4 m) passed; a person standing still is not.
        private const int PlateauRiseMillimeters = 500;

        private readonly int _splitDepth;
        private int _state;
        private int _enterBelow;
        private int _exitAbove;
        private int _baseline;
        private int _floorNoise;
        private int _background;
        private int _peak;
        private long _peakMs;
        private int _plateau;
        private long _plateauMs;
        private long _lastActiveMs;
        private long _start;
        private int _nearest;
        private int _farthestCore;
        private int _samples;
        private bool _splitBorn;
        private int _episode;
        private long _onset;

        /// <summary>Creates a detector; thresholds are set by <see cref="SetThresholds"/> after calibration.</summary>
        public ZoneOccupancyDetector(int splitDepthMillimeters)
        {
            if (splitDepthMillimeters <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(splitDepthMillimeters));
            }

            _splitDepth = splitDepthMillimeters;
            _lastActiveMs = long.MinValue / 2;
        }

        /// <summary>True while the zone is not empty (a target, or a still background above the floor).</summary>
        public bool IsOccupied => _state != StateEmpty;

        /// <summary>True while a target is open.</summary>
        public bool HasTarget => _state == StateTarget;

        /// <summary>Last time the zone was not empty.</summary>
        public long LastActiveMs => _lastActiveMs;

        /// <summary>Start of the current target (valid after a Rise or Split).</summary>
        public long CurrentStartMs => _start;

        /// <summary>Start of the last finished target (valid after a Fall or Split).</summary>
        public long FinishedStartMs { get; private set; }

        /// <summary>
        /// When the last finished target was detected: equals its start for a target rising from the floor; for a
        /// split or background-born one it is the sample that confirmed the new head (its start is the valley top).
        /// </summary>
        public long FinishedOnsetMs { get; private set; }

        /// <summary>End of the last finished target.</summary>
        public long FinishedEndMs { get; private set; }

        /// <summary>Nearest filtered distance of the last finished target (mm).</summary>
        public int FinishedNearestMillimeters { get; private set; }

        /// <summary>Farthest filtered distance of the last finished target while nearer than the enter threshold (mm).</summary>
        public int FinishedFarthestCoreMillimeters { get; private set; }

        /// <summary>True when the last finished target began at a valley split or on a background (not from the floor).</summary>
        public bool FinishedSplitBorn { get; private set; }

        /// <summary>
        /// Occupancy episode of the last finished target: increments each time the zone leaves the empty floor, so
        /// targets with the same episode were one continuous presence in the zone (split or background-born).
        /// </summary>
        public int FinishedEpisode { get; private set; }

        /// <summary>Current occupancy episode (see <see cref="FinishedEpisode"/>).</summary>
        public int Episode => _episode;

        /// <summary>Samples the last finished target lasted.</summary>
        public int FinishedSamples { get; private set; }

        /// <summary>Distance below which a zone becomes occupied (mm).</summary>
        public int EnterBelowMillimeters => _enterBelow;

        /// <summary>Distance above which an occupied zone becomes empty (mm).</summary>
        public int ExitAboveMillimeters => _exitAbove;

        /// <summary>Sets the thresholds from the floor baseline, the enter/exit deltas and the floor's noise (mm).</summary>
        public void SetThresholds(int baselineMillimeters, int enterDeltaMillimeters, int exitDeltaMillimeters, int floorNoiseMillimeters)
        {
            _baseline = baselineMillimeters;
            _floorNoise = floorNoiseMillimeters;
            _enterBelow = baselineMillimeters - enterDeltaMillimeters;
            _exitAbove = baselineMillimeters - exitDeltaMillimeters;
        }

        /// <summary>Forgets the current target and background; returns true when a target was open.</summary>
        public bool Clear()
        {
            bool open = _state == StateTarget;
            _state = StateEmpty;
            return open;
        }

        /// <summary>Feeds one filtered distance taken at <paramref name="timeMs"/>.</summary>
        public ZoneEvent Update(long timeMs, int distanceMillimeters)
        {
            int d = distanceMillimeters;
            if (_state == StateEmpty)
            {
                if (d < _enterBelow)
                {
                    _episode++;
                    Open(timeMs, d, false);
                    _background = _exitAbove;
                    return ZoneEvent.Rise;
                }

                return ZoneEvent.None;
            }

            _lastActiveMs = timeMs;
            if (d > _exitAbove)
            {
                bool hadTarget = _state == StateTarget;
                _state = StateEmpty;
                if (hadTarget)
                {
                    Finish(timeMs);
                    return ZoneEvent.Fall;
                }

                return ZoneEvent.None;
            }

            int fall = FallThreshold(d);
            if (_state == StateBackground)
            {
                if (d < _enterBelow && d <= _background - fall)
                {
                    Open(timeMs, d, true);
                    return ZoneEvent.Rise;
                }

                // Follow the background slowly (a door leaf settling, noise); an average, not the noise's maximum.
                _background += (d - _background) / 4;
                return ZoneEvent.None;
            }

            // Checked before the nearest is updated: the second head may well be nearer than the first.
            if (_peak - _nearest >= _splitDepth && d <= _peak - fall)
            {
                // A second head after a valley: the first target ended at the valley's top.
                long valley = _peakMs;
                int level = _peak;
                Finish(valley);
                Open(valley, d, true);
                _onset = timeMs;
                _background = level;
                _lastActiveMs = timeMs;
                return ZoneEvent.Split;
            }

            _samples++;
            if (d < _nearest)
            {
                _nearest = d;
                _peak = d;
                _peakMs = timeMs;
            }
            else if (d > _peak)
            {
                _peak = d;
                _peakMs = timeMs;
            }

            if (d < _enterBelow && d > _farthestCore)
            {
                _farthestCore = d;
            }

            if (_splitBorn && d >= _background - fall)
            {
                // Back to the level it rose from: the person left, the background (door, previous person) remains.
                Finish(timeMs);
                _state = StateBackground;
                return ZoneEvent.Fall;
            }

            if (d - _plateau > fall || _plateau - d > fall)
            {
                _plateau = d;
                _plateauMs = timeMs;
            }
            else if (timeMs - _plateauMs >= PlateauMilliseconds && _plateau - _nearest >= PlateauRiseMillimeters)
            {
                // Settled on a still surface far above the nearest point: that surface is background now.
                Finish(_plateauMs);
                _state = StateBackground;
                _background = _plateau;
                return ZoneEvent.Fall;
            }

            return ZoneEvent.None;
        }

        private int FallThreshold(int d)
        {
            // Ranging noise grows roughly with the square of the distance (signal ~ 1/d^2); 6 sigma of one sample clears it.
            int fall = _splitDepth / 3;
            if (_baseline > 0)
            {
                long scaled = ((long)_floorNoise * 6 * d * d) / ((long)_baseline * _baseline);
                if (scaled > fall)
                {
                    fall = (int)scaled;
                }
            }

            return fall;
        }

        private void Finish(long endMs)
        {
            FinishedStartMs = _start;
            FinishedEndMs = endMs;
            FinishedNearestMillimeters = _nearest;
            FinishedFarthestCoreMillimeters = _farthestCore;
            FinishedSamples = _samples;
            FinishedSplitBorn = _splitBorn;
            FinishedEpisode = _episode;
            FinishedOnsetMs = _onset;
        }

        private void Open(long timeMs, int d, bool splitBorn)
        {
            _state = StateTarget;
            _lastActiveMs = timeMs;
            _start = timeMs;
            _onset = timeMs;
            _nearest = d;
            _peak = d;
            _peakMs = timeMs;
            _plateau = d;
            _plateauMs = timeMs;
            _farthestCore = d;
            _samples = 1;
            _splitBorn = splitBorn;
        }
    }
}
