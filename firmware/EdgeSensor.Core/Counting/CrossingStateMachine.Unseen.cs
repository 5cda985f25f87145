namespace EdgeSensor.Core.Counting
{
    // Sides seen through readings that return no range (a floor beyond range: far mount, sunlight).
    public sealed partial class CrossingStateMachine
    {
        // Where most readings fail (MostReadingsFail), a body passing a zone is ranged only once or twice: at 3.0 m in
        // sunlight a walker's blend still fails half to four fifths of its readings. A side's target then spans only its
        // few ranged readings, and two fails in a row end it (nothing near): the two sides of one walker came 315-385 ms
        // apart, past the pair gap, with nothing but fails in both zones between them, and both were dropped. A gap no
        // ranged reading saw is no evidence that the body was gone: a side may have lasted, unseen, until its zone next
        // ranged, and may have begun, unseen, when its zone last did. No longer than a walker takes to pass a zone (under
        // 0.5 m of footprint at head height plus a 0.3 m body at 0.6 m/s or more, as FaintPartner's passage): a body in
        // view longer than that would have been ranged, or it was not there.
        private const int UnseenPassageMilliseconds = 1500;

        // No run of unranged readings (the zone's last reading ranged).
        private const long NoRun = -1;

        private readonly long[] _unrangedSinceMs = new long[2];
        private readonly long[] _unrangedBeforeMs = new long[2];
        private readonly long[] _previousReadingMs = new long[2];
        private readonly long[] _lastReadingMs = new long[2];
        private readonly bool[] _readingUnranged = new bool[2];
        private readonly long[] _riseStartMs = new long[2];
        private readonly long[] _riseUnseenFromMs = new long[2];
        private readonly long[] _fallUnseenToMs = new long[2];

        /// <summary>True once both zones' noise estimates have settled (set by the counter; see FaintCrossing.IsSettled).</summary>
        public bool NoiseSettled { get; set; }

        // True where a gap no reading ranged is no evidence of a body gone (see UnseenPassageMilliseconds). Only once both
        // zones' noise estimates have settled (FaintCrossing.IsSettled, as for faint sides): before then a zone's enter
        // threshold may stand on a boot noise far too low, and two lone noise readings, one per zone with only fails between
        // them, were paired 9 s after boot (sunlight seed 101). Not while a crossing is held: what either zone shows then is
        // first judged against that person (a piece of them still in the destination, their way back to the origin), and a
        // piece of theirs kept waiting through the fails was paired with the next walker's side, against the walking order
        // (sunlight seed 101 at 117 s).
        private bool SeesThroughFails => MostReadingsFail && NoiseSettled && !_held.IsHeld;

        /// <summary>
        /// One reading of <paramref name="zone"/> at <paramref name="timeMs"/>, before it is processed; <paramref name="unranged"/>
        /// when it returned no range (an invalid status: too little signal, too much sigma).
        /// </summary>
        public void OnReading(int zone, bool unranged, long timeMs)
        {
            _unrangedBeforeMs[zone] = _unrangedSinceMs[zone];
            _previousReadingMs[zone] = _lastReadingMs[zone];
            _lastReadingMs[zone] = timeMs;
            _readingUnranged[zone] = unranged;
            if (unranged)
            {
                if (_unrangedSinceMs[zone] == NoRun)
                {
                    _unrangedSinceMs[zone] = timeMs;
                }

                return;
            }

            _unrangedSinceMs[zone] = NoRun;
            if (_fallUnseenToMs[zone] == long.MaxValue)
            {
                _fallUnseenToMs[zone] = timeMs;
            }
        }

        private void ClearUnseen()
        {
            for (int zone = 0; zone < 2; zone++)
            {
                _unrangedSinceMs[zone] = NoRun;
                _unrangedBeforeMs[zone] = NoRun;
                _riseStartMs[zone] = NoRun;
                _fallUnseenToMs[zone] = 0;
            }
        }

        // A target rose in zone at startMs: if that is this reading, after a run of unranged ones, its body may have come
        // in unseen when the run began.
        private void NoteRiseUnseen(int zone, long startMs, bool isSplit)
        {
            _riseStartMs[zone] = startMs;
            bool atThisReading = startMs > _previousReadingMs[zone] && startMs <= _lastReadingMs[zone];
            _riseUnseenFromMs[zone] = !isSplit && atThisReading && _unrangedBeforeMs[zone] != NoRun ? _unrangedBeforeMs[zone] : startMs;
        }

        // A target fell in zone: ended by unranged readings (nothing near), its body may have stayed, unseen, until the zone
        // next ranges.
        private void NoteFallUnseen(int zone, TargetSummary target)
        {
            _fallUnseenToMs[zone] = _readingUnranged[zone] && target.EndMs == _lastReadingMs[zone] ? long.MaxValue : target.EndMs;
        }

        // The earliest target, of zone, may have begun unseen.
        private long UnseenStartMs(int zone, TargetSummary target)
        {
            if (!SeesThroughFails || target.StartMs != _riseStartMs[zone])
            {
                return target.StartMs;
            }

            long earliest = target.StartMs - UnseenPassageMilliseconds;
            return _riseUnseenFromMs[zone] > earliest ? _riseUnseenFromMs[zone] : earliest;
        }

        // The latest target, of zone, may have lasted unseen.
        private long UnseenEndMs(int zone, TargetSummary target)
        {
            if (!SeesThroughFails || target.EndMs != _lastFallEndMs[zone])
            {
                return target.EndMs;
            }

            long latest = target.EndMs + UnseenPassageMilliseconds;
            return _fallUnseenToMs[zone] < latest ? _fallUnseenToMs[zone] : latest;
        }

        // True when a (zone 0) and b (zone 1), apart in time by more than the pair gap, meet within it once each is allowed
        // what its zone did not see of it.
        private bool MeetUnseen(TargetSummary a, TargetSummary b)
        {
            return SeesThroughFails && UnseenStartMs(0, a) <= UnseenEndMs(1, b) + _maxGap && UnseenStartMs(1, b) <= UnseenEndMs(0, a) + _maxGap;
        }

        // True when target, zone's oldest, may still meet a side the other zone has not ranged yet: the other zone's target open
        // now may have begun unseen in time, or the other zone has read nothing but unranged readings since then.
        private bool MayMeetUnseen(int zone, TargetSummary target, long nowMs)
        {
            int other = 1 - zone;
            if (!SeesThroughFails)
            {
                return false;
            }

            long until = UnseenEndMs(zone, target) + _maxGap;
            if (_zones[other].IsOpen)
            {
                return _zones[other].OpenStartMs == _riseStartMs[other] && _riseUnseenFromMs[other] <= until;
            }

            return _unrangedSinceMs[other] != NoRun && _unrangedSinceMs[other] <= until
                && nowMs <= target.EndMs + _maxGap + UnseenPassageMilliseconds;
        }
    }
}
