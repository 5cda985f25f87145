using System;

namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// Turns one zone's filtered distances into targets. Hysteresis on the distance below the floor: occupied when
    /// nearer than baseline - enter delta, empty again when farther than baseline - exit delta (exit delta = 2/3 of
    /// enter delta, so noise at the threshold cannot chatter). Valley split: two people close behind each other
    /// may never let the zone see the floor in between, but the nearest surface rises between their heads and
    /// falls again at the second head. A rise of at least <c>splitDepth</c> above the target's nearest reading
    /// followed by a fall of at least a third of it below that peak (the second head may be lower than the first, and
    /// the median filter flattens a short valley) ends the first target at the peak and
    /// starts a second one there. One person's outline (head, shoulders, then the side of the body) only rises
    /// on the way out, so it is never split.
    /// </summary>
    public sealed class ZoneOccupancyDetector
    {
        private readonly int _splitDepth;
        private bool _occupied;
        private int _enterBelow;
        private int _exitAbove;
        private int _peak;
        private long _peakMs;
        private long _lastActiveMs;
        private long _start;
        private int _nearest;
        private int _farthestCore;
        private int _samples;
        private bool _splitBorn;

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

        /// <summary>True while a target is in the zone.</summary>
        public bool IsOccupied => _occupied;

        /// <summary>Last time the zone was not empty.</summary>
        public long LastActiveMs => _lastActiveMs;

        /// <summary>Start of the current target (valid after a Rise or Split).</summary>
        public long CurrentStartMs => _start;

        /// <summary>Start of the last finished target (valid after a Fall or Split).</summary>
        public long FinishedStartMs { get; private set; }

        /// <summary>End of the last finished target.</summary>
        public long FinishedEndMs { get; private set; }

        /// <summary>Nearest filtered distance of the last finished target (mm).</summary>
        public int FinishedNearestMillimeters { get; private set; }

        /// <summary>Farthest filtered distance of the last finished target while nearer than the enter threshold (mm).</summary>
        public int FinishedFarthestCoreMillimeters { get; private set; }

        /// <summary>True when the last finished target began at a valley split (no floor seen before it).</summary>
        public bool FinishedSplitBorn { get; private set; }

        /// <summary>Samples the last finished target lasted.</summary>
        public int FinishedSamples { get; private set; }

        /// <summary>Distance below which a zone becomes occupied (mm).</summary>
        public int EnterBelowMillimeters => _enterBelow;

        /// <summary>Distance above which an occupied zone becomes empty (mm).</summary>
        public int ExitAboveMillimeters => _exitAbove;

        /// <summary>Sets the thresholds from the floor baseline and the enter/exit deltas (mm).</summary>
        public void SetThresholds(int baselineMillimeters, int enterDeltaMillimeters, int exitDeltaMillimeters)
        {
            _enterBelow = baselineMillimeters - enterDeltaMillimeters;
            _exitAbove = baselineMillimeters - exitDeltaMillimeters;
        }

        /// <summary>Forgets the current target; returns true when one was open.</summary>
        public bool Clear()
        {
            bool open = _occupied;
            _occupied = false;
            return open;
        }

        /// <summary>Feeds one filtered distance taken at <paramref name="timeMs"/>.</summary>
        public ZoneEvent Update(long timeMs, int distanceMillimeters)
        {
            int d = distanceMillimeters;
            if (!_occupied)
            {
                if (d < _enterBelow)
                {
                    Open(timeMs, d);
                    _splitBorn = false;
                    return ZoneEvent.Rise;
                }

                return ZoneEvent.None;
            }

            _lastActiveMs = timeMs;
            if (d > _exitAbove)
            {
                _occupied = false;
                Finish(timeMs);
                return ZoneEvent.Fall;
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

            if (_peak - _nearest >= _splitDepth && d <= _peak - (_splitDepth / 3))
            {
                // A second head after a valley: the first target ended at the valley's top.
                long valley = _peakMs;
                Finish(valley);
                Open(valley, d);
                _splitBorn = true;
                _lastActiveMs = timeMs;
                return ZoneEvent.Split;
            }

            return ZoneEvent.None;
        }

        private void Finish(long endMs)
        {
            FinishedStartMs = _start;
            FinishedEndMs = endMs;
            FinishedNearestMillimeters = _nearest;
            FinishedFarthestCoreMillimeters = _farthestCore;
            FinishedSamples = _samples;
            FinishedSplitBorn = _splitBorn;
        }

        private void Open(long timeMs, int d)
        {
            _occupied = true;
            _lastActiveMs = timeMs;
            _start = timeMs;
            _nearest = d;
            _peak = d;
            _peakMs = timeMs;
            _farthestCore = d;
            _samples = 1;
        }
    }
}
