using System;
using EdgeSensor.Core.Filtering;
using EdgeSensor.Core.Reports;

namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// The people-counting engine: two-zone ToF line counting, PIR presence/activity and running occupancy.
    /// Pure and instance-based: it takes samples with a caller-supplied monotonic time (ms) and returns events;
    /// no clock, no I/O, no statics. Nothing is allocated per sample. Algorithm: docs/counting.md.
    /// </summary>
    public sealed class PeopleCounter
    {
        // Share of invalid ToF samples, in permille: a moving average over about 2^InvalidShareShift = 32 samples
        // (one second of both zones at 33 ms), kept with InvalidShareFractionBits more bits so that 1/32 of a small
        // share does not round away.
        private const int InvalidShareShift = 5;
        private const int InvalidShareFractionBits = 4;
        private const int AllInvalidPermille = 1000;

        // More than half the recent samples invalid (sunlight, a covered or dirty cover glass): calibration is reported
        // degraded. A plain majority, not a measured threshold.
        private const int DegradedInvalidPermille = 500;

        private readonly ZoneChannel[] _zones = new ZoneChannel[2];
        private readonly CrossingStateMachine _crossings;
        private readonly OccupancyTracker _occupancy;
        private readonly PirPresence _pir;
        private readonly FaintCrossing _faintCrossing;
        private readonly FaintPartner _faint;
        private readonly int _insideZone;
        private int _verdicts;
        private long _lastVerdictMs = long.MinValue / 2;
        private readonly bool _tofFitted;
        private long _now;
        private long _tofEmptySince;
        private int _invalidShareScaled;

        /// <summary>Creates an engine; the settings are validated and copied.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
        /// <exception cref="ArgumentException">A setting is out of range (the message names it).</exception>
        public PeopleCounter(CounterSettings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            string error;
            if (!settings.TryValidate(out error))
            {
                throw new ArgumentException(error, nameof(settings));
            }

            // A faint partner's long look waits out FaintCrossing's hold on the zone its body came from.
            _faintCrossing = new FaintCrossing();
            _faint = new FaintPartner(_faintCrossing);

            _zones[0] = new ZoneChannel(settings);
            _zones[1] = new ZoneChannel(settings);
            _crossings = new CrossingStateMachine(settings);
            _occupancy = new OccupancyTracker(settings.EmptyResetMilliseconds);
            _pir = new PirPresence(settings.PirHoldMilliseconds);
            _tofFitted = settings.TofFitted;
            _insideZone = settings.InsideZone;
            _tofEmptySince = 0;
        }

        /// <summary>Entries counted since construction or <see cref="ResetCounts"/>.</summary>
        public int Entries { get; private set; }

        /// <summary>Exits counted since construction or <see cref="ResetCounts"/>.</summary>
        public int Exits { get; private set; }

        /// <summary>Running occupancy, never negative, with drift correction.</summary>
        public int Occupancy => _occupancy.Occupancy;

        /// <summary>Times the drift correction reset a non-zero occupancy.</summary>
        public int OccupancyDriftResets => _occupancy.DriftResets;

        /// <summary>ToF samples received (valid and invalid).</summary>
        public long TotalTofSamples { get; private set; }

        /// <summary>ToF samples with a non-zero range status or a non-positive distance.</summary>
        public long InvalidTofSamples { get; private set; }

        /// <summary>Cumulative time (ms) any PIR output was high (monotonic; includes the hold tail).</summary>
        public long PirActiveMilliseconds => _pir.ActiveMilliseconds;

        /// <summary>PIR motion onsets (rising edges).</summary>
        public long PirMotionOnsets => _pir.RisingEdges;

        /// <summary>True while the PIR is high or a ToF zone sees a target.</summary>
        public bool PresenceDetected => _pir.Active || (_tofFitted && (_zones[0].IsOccupied || _zones[1].IsOccupied));

        /// <summary>Pairs rejected as turn-backs (started and ended in the same zone).</summary>
        public int TurnBacks => _crossings.TurnBacks;

        /// <summary>Targets seen in one zone only (loitering, turning before the line).</summary>
        public int OrphanTargets => _crossings.Orphans;

        /// <summary>Pairs rejected by the door discriminator.</summary>
        public int DoorRejections => _crossings.DoorRejections;

        /// <summary>Pairs rejected as lower than a person.</summary>
        public int LowObjectRejections => _crossings.LowObjectRejections;

        /// <summary>Floor baseline of <paramref name="zone"/> in mm (0 before calibration).</summary>
        public int BaselineMillimeters(int zone)
        {
            CheckZone(zone);
            return _zones[zone].BaselineMillimeters;
        }

        /// <summary>State of the ToF calibration (PirOnly when no ToF is fitted).</summary>
        public CalibrationState CalibrationState
        {
            get
            {
                if (!_tofFitted)
                {
                    return CalibrationState.PirOnly;
                }

                if (!_zones[0].IsCalibrated || !_zones[1].IsCalibrated)
                {
                    return CalibrationState.NotCalibrated;
                }

                if (_zones[0].IsUnknown || _zones[1].IsUnknown || (_invalidShareScaled >> InvalidShareFractionBits) > DegradedInvalidPermille)
                {
                    return CalibrationState.Degraded;
                }

                return CalibrationState.Calibrated;
            }
        }

        /// <summary>
        /// Feeds one ToF ranging of <paramref name="zone"/> (0 or 1) taken at <paramref name="timeMs"/>:
        /// distance in mm and the sensor's range status (0 = valid). Returns the crossing it completed, if any.
        /// Ignored (returns None) when no ToF is fitted.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="zone"/> is not 0 or 1.</exception>
        public CrossingKind AddTofSample(long timeMs, int zone, int distanceMillimeters, int rangeStatus)
        {
            CheckZone(zone);
            if (!_tofFitted)
            {
                return CrossingKind.None;
            }

            Advance(timeMs);
            TotalTofSamples++;
            bool invalid = !ZoneChannel.IsValidSample(distanceMillimeters, rangeStatus);
            if (invalid)
            {
                InvalidTofSamples++;
            }

            int sharePermille = invalid ? AllInvalidPermille : 0;
            _invalidShareScaled += ((sharePermille << InvalidShareFractionBits) - _invalidShareScaled) >> InvalidShareShift;
            _crossings.MostReadingsFail = (_invalidShareScaled >> InvalidShareFractionBits) > DegradedInvalidPermille;

            _crossings.NoiseSettled = _faintCrossing.IsSettled(0) && _faintCrossing.IsSettled(1);
            _crossings.OnReading(zone, invalid, _now);
            ZoneChannel channel = _zones[zone];
            // A door leaf standing open lies across both zones: the detector may take a shallow level held since its rise
            // for part of the scene only while the other zone holds a still level as shallow (see IsStillSinceRise).
            channel.Detector.PeerHoldsStillLevel = _zones[1 - zone].HoldsShallowStillLevel;
            // A faint target's tail is followed only while the other zone is quiet (see ZoneOccupancyDetector.IsFaintTail).
            channel.Detector.PeerQuiet = _zones[1 - zone].Detector.IsQuietSince(_now);
            // A target rising while the other zone is empty came in across this zone's outer edge (see ZoneOccupancyDetector.IsShortLowLead).
            channel.Detector.PeerOccupied = _zones[1 - zone].IsOccupied;
            ZoneEvent e = channel.Process(_now, distanceMillimeters, rangeStatus);
            Route(zone, e, true);
            if (_faint.Observe(zone, _now, distanceMillimeters, !invalid, channel, _zones[1 - zone], e))
            {
                // A faint dip that partners the other zone's target in walking order (FaintPartner): one more target to pair.
                _crossings.OnRise(_faint.FoundZone, _faint.Found.StartMs, _faint.Found.OnsetMs, false);
                _crossings.OnFall(_faint.FoundZone, _faint.Found);
                ZoneOccupancyDetector found = _zones[_faint.FoundZone].Detector;
                if (found.HasTarget)
                {
                    // The faint target came before the target open there now (FaintPartner: a re-dip kept behind the next
                    // body in a queue): that one is open still.
                    _crossings.OnRise(_faint.FoundZone, found.CurrentStartMs, found.CurrentOnsetMs, found.CurrentOrigin == TargetOrigin.ValleySplit);
                }
            }

            _crossings.OnPendingLook(0, _faint.HasPendingLook(0), _faint.LookStartMs(0));
            _crossings.OnPendingLook(1, _faint.HasPendingLook(1), _faint.LookStartMs(1));
            CrossingKind kind = Finish();
            bool counted = _faintCrossing.Observe(zone, _now, distanceMillimeters, !invalid, channel, _lastVerdictMs, _crossings.IsBusy);
            _crossings.OnFaintWindow(zone, _faintCrossing.InDip(zone), _faintCrossing.DipStartMs(zone), _faintCrossing.IsStrongDip(zone) || _faintCrossing.IsWalkingPair(1 - zone, zone), _faintCrossing.IsSteadyDip(zone));
            if (counted)
            {
                // Both zones dipped in walking order where the pairing stage decided nothing (FaintCrossing): a faint body crossed.
                kind = _faintCrossing.FromZone == _insideZone ? CrossingKind.Exit : CrossingKind.Entry;
                Count(kind);

                UpdateOccupancy();
            }

            return kind;
        }

        /// <summary>Feeds one PIR level (0 low, otherwise high) of input <paramref name="channel"/> (0..3).</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="channel"/> is outside 0..3.</exception>
        public void AddPirSample(long timeMs, int channel, int level)
        {
            Advance(timeMs);
            _pir.Add(_now, channel, level);
            UpdateOccupancy();
        }

        /// <summary>
        /// Advances time without a sample: times out zones without valid samples (sensor timeouts), settles
        /// targets whose partner can no longer come, and runs the occupancy drift correction.
        /// Returns the crossing completed by the passage of time (rare; normally None).
        /// </summary>
        public CrossingKind Tick(long timeMs)
        {
            Advance(timeMs);
            if (!_tofFitted)
            {
                UpdateOccupancy();
                return CrossingKind.None;
            }

            Route(0, _zones[0].CheckTimeout(_now), false);
            Route(1, _zones[1].CheckTimeout(_now), false);
            return Finish();
        }

        /// <summary>Sets entries and exits to 0 (occupancy is kept).</summary>
        public void ResetCounts()
        {
            Entries = 0;
            Exits = 0;
        }

        /// <summary>Sets occupancy to 0 (e.g. a scheduled reset at closing time).</summary>
        public void ResetOccupancy()
        {
            _occupancy.Reset();
        }

        private void Advance(long timeMs)
        {
            // Time never runs backwards inside the engine (a caller's clock glitch is clamped).
            if (timeMs > _now)
            {
                _now = timeMs;
            }

            _pir.Advance(_now);
        }

        // isReading: the zone was just sampled (false when only time passed, a tick).
        private void Route(int zone, ZoneEvent e, bool isReading)
        {
            ZoneOccupancyDetector detector = _zones[zone].Detector;
            // A faint dip or a follower's level behind a valley (HasPendingLevel) may yet become a target dated back, and so
            // may a stander's walk off their level (HasPendingWalkOff, reported when the averaged level is released).
            bool dip = detector.HasPendingDip;
            _crossings.OnPendingDip(zone, dip || detector.HasPendingLevel, dip ? detector.PendingDipStartMs : detector.PendingLevelStartMs);
            _crossings.OnPendingWalkOff(zone, detector.HasPendingWalkOff);
            if (detector.HasTarget)
            {
                _crossings.OnTargetPresent(zone, detector.Episode, detector.CurrentNearestMillimeters, _now, isReading);
            }
            else
            {
                _crossings.OnNoTargetPresent(zone, detector.IsOccupied, _zones[zone].StillLevelMillimeters, detector.Episode, _now);
            }

            if (e == ZoneEvent.Fall || e == ZoneEvent.Split)
            {
                TargetSummary finished = _zones[zone].FinishedTarget;
                // A faint passage may pair over a faint body's longer gap (CrossingStateMachine.CanStillPair), once the zone's
                // noise estimate has settled: weak dips judged against one still settling may be the floor's noise.
                finished.IsFaint = FaintPartner.IsFaintPassage(finished, _zones[zone]) && _faintCrossing.IsSettled(zone);
                if (_faint.IsTaken(zone, finished, _zones[zone]))
                {
                    // The same body as a faint target the pairing already has for this zone: not a second passage.
                    _crossings.OnCancel(zone);
                }
                else
                {
                    if (e == ZoneEvent.Split && detector.CurrentOrigin == TargetOrigin.ValleySplit)
                    {
                        _crossings.OnSplitOff(zone, _zones[zone].OpenGapHeightMillimeters);
                    }

                    _crossings.OnFall(zone, finished);
                }
            }

            if (detector.PresenceEnded)
            {
                _crossings.OnPresenceEnded(zone, detector.Episode, detector.PresenceEndMs);
            }

            if (detector.LeftStillLevel)
            {
                // A person who stood still enough to be taken for background walked off (their last target in this zone), or
                // a shorter follower passed behind a valley's level the zone held as background (their target here).
                TargetSummary left = _zones[zone].FinishedTarget;
                _crossings.OnRise(zone, left.StartMs, left.OnsetMs, false);
                _crossings.OnFall(zone, left);
            }

            if (e == ZoneEvent.Rise || e == ZoneEvent.Split)
            {
                // A split ends one target and starts the next on one reading; only a valley's makes the next split-born (a
                // faint body's tail cut by someone coming in starts a target risen from the floor).
                bool splitBorn = e == ZoneEvent.Split && detector.CurrentOrigin == TargetOrigin.ValleySplit;
                _crossings.OnRise(zone, detector.CurrentStartMs, detector.CurrentOnsetMs, splitBorn);
                if (!splitBorn && _faint.IsTakenStart(zone, detector.CurrentStartMs))
                {
                    // The body a faint target stood for is still in the zone: its presence goes on in the new episode.
                    _crossings.OnPresenceContinued(zone, _faint.TakenEpisode(zone), detector.Episode);
                }
            }
            else if (e == ZoneEvent.Cancel)
            {
                _crossings.OnCancel(zone);
            }
        }

        private CrossingKind Finish()
        {
            if (!_crossings.HasPending)
            {
                // Nothing to pair or confirm (the common case: an empty or steadily occupied doorway).
                UpdateOccupancy();
                return CrossingKind.None;
            }

            int entries = _crossings.Entries;
            int exits = _crossings.Exits;
            CrossingKind last = _crossings.Evaluate(_now);
            for (int i = entries; i < _crossings.Entries; i++)
            {
                Count(CrossingKind.Entry);
            }

            for (int i = exits; i < _crossings.Exits; i++)
            {
                Count(CrossingKind.Exit);
            }

            // When the pairing stage last decided a pair (FaintCrossing counts only where it decided nothing).
            if (_crossings.Verdicts != _verdicts)
            {
                _verdicts = _crossings.Verdicts;
                _lastVerdictMs = _now;
            }

            UpdateOccupancy();
            return last;
        }

        // One person counted through the doorway (kind Entry or Exit), in the totals and in the occupancy.
        private void Count(CrossingKind kind)
        {
            if (kind == CrossingKind.Entry)
            {
                Entries++;
                _occupancy.Enter();
            }
            else
            {
                Exits++;
                _occupancy.Exit();
            }
        }

        private void UpdateOccupancy()
        {
            bool tofBusy = _tofFitted && (_zones[0].IsOccupied || _zones[1].IsOccupied || _crossings.IsBusy);
            if (tofBusy)
            {
                _tofEmptySince = OccupancyTracker.NotEmpty;
            }
            else if (_tofEmptySince < 0)
            {
                _tofEmptySince = _now;
            }

            long emptySince = OccupancyTracker.NotEmpty;
            if (_pir.Seen && !_pir.Active && _tofEmptySince >= 0)
            {
                long pirQuiet = _pir.QuietSince;
                emptySince = pirQuiet > _tofEmptySince ? pirQuiet : _tofEmptySince;
            }

            _occupancy.Update(_now, emptySince);
        }

        private static void CheckZone(int zone)
        {
            if (zone != 0 && zone != 1)
            {
                throw new ArgumentOutOfRangeException(nameof(zone));
            }
        }
    }
}
