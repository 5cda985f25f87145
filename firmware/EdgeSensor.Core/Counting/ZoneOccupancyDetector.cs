using System;

namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// Turns one zone's filtered distances into targets: hysteresis on the distance below the floor
    /// (occupied when nearer than baseline - enter delta, empty again when farther than baseline - exit delta,
    /// exit delta = 2/3 enter delta, so noise at the threshold cannot chatter), plus a valley split: two people
    /// close behind each other may never let the zone see the floor in between, but the distance rises by far
    /// more than a head-to-shoulder step between them, so a rise of <c>splitRise</c> above the target's nearest
    /// reading ends the target; a new one starts when the distance drops again by <c>splitRise</c>.
    /// </summary>
    public sealed class ZoneOccupancyDetector
    {
        private const int StateEmpty = 0;
        private const int StateOccupied = 1;
        private const int StateReleased = 2;

        private readonly int _splitRiseMillimeters;
        private int _state;
        private int _enterBelow;
        private int _exitAbove;
        private int _localFarthest;
        private long _lastActiveMs;

        /// <summary>Creates a detector; thresholds are set by <see cref="SetThresholds"/> after calibration.</summary>
        public ZoneOccupancyDetector(int splitRiseMillimeters)
        {
            if (splitRiseMillimeters <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(splitRiseMillimeters));
            }

            _splitRiseMillimeters = splitRiseMillimeters;
            _lastActiveMs = long.MinValue / 2;
        }

        /// <summary>True while a target is in the zone (including the tail after a valley split).</summary>
        public bool IsOccupied => _state != StateEmpty;

        /// <summary>True while a target is open (risen, not yet fallen).</summary>
        public bool HasOpenTarget => _state == StateOccupied;

        /// <summary>Last time the zone was not empty.</summary>
        public long LastActiveMs => _lastActiveMs;

        /// <summary>Start of the current or last target.</summary>
        public long TargetStartMs { get; private set; }

        /// <summary>End of the last target.</summary>
        public long TargetEndMs { get; private set; }

        /// <summary>Nearest filtered distance of the current or last target (mm).</summary>
        public int TargetNearestMillimeters { get; private set; }

        /// <summary>Farthest filtered distance of the target while it was above the enter threshold (mm).</summary>
        public int TargetFarthestCoreMillimeters { get; private set; }

        /// <summary>Samples the current or last target lasted.</summary>
        public int TargetSamples { get; private set; }

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

        /// <summary>Forgets the current target; returns true when an open target was dropped.</summary>
        public bool Clear()
        {
            bool open = _state == StateOccupied;
            _state = StateEmpty;
            return open;
        }

        /// <summary>Feeds one filtered distance taken at <paramref name="timeMs"/>.</summary>
        public ZoneEvent Update(long timeMs, int distanceMillimeters)
        {
            int d = distanceMillimeters;
            switch (_state)
            {
                case StateEmpty:
                    if (d < _enterBelow)
                    {
                        Open(timeMs, d);
                        return ZoneEvent.Rise;
                    }

                    return ZoneEvent.None;

                case StateOccupied:
                    _lastActiveMs = timeMs;
                    TargetSamples++;
                    if (d > _exitAbove)
                    {
                        _state = StateEmpty;
                        TargetEndMs = timeMs;
                        return ZoneEvent.Fall;
                    }

                    if (d > TargetNearestMillimeters + _splitRiseMillimeters)
                    {
                        _state = StateReleased;
                        _localFarthest = d;
                        TargetEndMs = timeMs;
                        return ZoneEvent.Fall;
                    }

                    if (d < TargetNearestMillimeters)
                    {
                        TargetNearestMillimeters = d;
                    }

                    if (d < _enterBelow && d > TargetFarthestCoreMillimeters)
                    {
                        TargetFarthestCoreMillimeters = d;
                    }

                    return ZoneEvent.None;

                default:
                    _lastActiveMs = timeMs;
                    if (d > _exitAbove)
                    {
                        _state = StateEmpty;
                        return ZoneEvent.None;
                    }

                    if (d > _localFarthest)
                    {
                        _localFarthest = d;
                    }

                    if (d < _enterBelow && d < _localFarthest - _splitRiseMillimeters)
                    {
                        Open(timeMs, d);
                        return ZoneEvent.Rise;
                    }

                    return ZoneEvent.None;
            }
        }

        private void Open(long timeMs, int d)
        {
            _state = StateOccupied;
            _lastActiveMs = timeMs;
            TargetStartMs = timeMs;
            TargetNearestMillimeters = d;
            TargetFarthestCoreMillimeters = d;
            TargetSamples = 1;
        }
    }
}
