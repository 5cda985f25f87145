namespace EdgeSensor.Core.Counting
{
    // Weak dips: a faint body (a small child under a high mount, blended with the floor) found by a few sigma held over several readings.
    public sealed partial class ZoneOccupancyDetector
    {
        // A window can build a weak dip only out of readings at least 1/PendingDipDivisor of the weak depth deep: with each
        // reading capped at 7/5 of it, three must sum to three weak depths, so the shallowest holds at least 3 - 2 x 7/5.
        private const int PendingDipDivisor = 5;

        // A faint body's tail (IsFaintTail): a target whose nearest reading stayed under FaintTailEnterHalves/2 enter deltas
        // from the floor blends only a few sigma of body into the zone, so the exit threshold (2/3 of an enter delta) lies
        // inside its dip and it reads past that threshold while still in view. An adult, a wheelchair or a door leaf's body
        // reads well beyond 1.5 enter deltas and ends at the exit threshold as before.
        private const int FaintTailEnterHalves = 3;

        // A weak dip: the last WeakWindowSamples readings average at least the weak depth (2.5 sigma) below the floor, each
        // counted at most WeakCapNumerator/WeakCapDenominator of the weak depth deep. Three readings averaging 2.5 sigma
        // (4.3 sigma of their mean) come by chance about once in 10^5 windows; the cap keeps one stray reading (multipath,
        // sunlight, a ranging outlier), however far off, from building a dip: with it at 3.5 sigma the two others must
        // still average 2 sigma (a chance of 0.2 %). A child passes a zone in 0.4-1 s, 6-14 readings, so its deepest three
        // fit easily, and the target is known two valid readings after it began (the pairing waits for it: HasPendingDip).
        private const int WeakWindowSamples = 3;

        private const int WeakCapNumerator = 7;

        private const int WeakCapDenominator = 5;

        private bool IsWeakDip(long timeMs, int d, bool quiet, int levelBefore)
        {
            TrackPendingDip(timeMs, _baseline - d);
            _windowDepth[_windowNext] = _baseline - d;
            _windowMs[_windowNext] = timeMs;
            _windowQuiet[_windowNext] = quiet;
            _windowLevel[_windowNext] = levelBefore > 0 ? levelBefore : 0;
            _windowAfterFloor[_windowNext] = timeMs - _lastActiveMs < QuietFloorMilliseconds && _floorRun >= WeakEndSamples;
            if (_baseline - d < _weakDepth / WeakEndDivisor)
            {
                _floorRun++;
            }
            else if (_floorRun < WeakEndSamples)
            {
                _floorRun = 0;
            }

            _windowNext = _windowNext + 1 < LongWindowSamples ? _windowNext + 1 : 0;
            if (_windowCount < LongWindowSamples)
            {
                _windowCount++;
            }

            if (_weakDepth <= 0)
            {
                return false;
            }

            int cap = (_weakDepth * WeakCapNumerator) / WeakCapDenominator;
            if (IsWindowDip(WeakWindowSamples, _weakDepth, cap, false))
            {
                return true;
            }

            return IsWindowDip(LongWindowSamples, (_weakDepth * LongDepthNumerator) / LongDepthDenominator, cap, true);
        }

        // True when the last n readings, each capped, average at least the depth below the floor (the long look: below the
        // level before them) and the window rose out of a quiet floor, or, for the short window, is a re-dip (see
        // below); _windowSpan and _windowStartMs then say how many readings it took and when the first was, so that the
        // target is dated from it.
        //
        // A re-dip follows a target within the quiet time, yet is a new body and not the fading tail of the one that left:
        // before the window the zone was back on its floor, two readings in a row within half the weak depth of it (what
        // ends a weak target), and the window then lies the weak depth below the floor again. A body leaving a blending zone
        // only fades out of it, its readings moving back to the floor and staying there; coming nearer again is someone
        // else walking in (a close follower in a dense flow, faint in this zone: a child a few hundred ms behind the person
        // before).
        private bool IsWindowDip(int n, int depth, int cap, bool longLook)
        {
            if (_windowCount < n)
            {
                return false;
            }

            int oldest = _windowNext + LongWindowSamples - n;
            oldest = oldest >= LongWindowSamples ? oldest - LongWindowSamples : oldest;
            if (!_windowQuiet[oldest] && (longLook || !_windowAfterFloor[oldest]))
            {
                return false;
            }

            int total = 0;
            for (int i = 0; i < n; i++)
            {
                int k = oldest + i < LongWindowSamples ? oldest + i : oldest + i - LongWindowSamples;
                total += _windowDepth[k] > cap ? cap : _windowDepth[k];
            }

            if (total - (longLook ? n * _windowLevel[oldest] : 0) < n * depth)
            {
                return false;
            }

            _windowSpan = n;
            _windowStartMs = _windowMs[oldest];
            return true;
        }

        // Counts the run of readings deep enough to be part of a weak dip, and when it began (later windows of the run are read
        // off the window ring: PendingDipStartMs).
        private void TrackPendingDip(long timeMs, int depth)
        {
            if (_weakDepth <= 0 || depth * PendingDipDivisor < _weakDepth)
            {
                _dipRun = 0;
                return;
            }

            if (_dipRun == 0)
            {
                _dipRunStartMs = timeMs;
            }

            _dipRun++;
        }

        private ZoneEvent OpenWeak(long timeMs, int d)
        {
            // The target began with the window's first reading and was detected now.
            _episode++;
            _episodeStartMs = _windowStartMs;
            Open(_windowStartMs, d, TargetOrigin.Floor);
            _current.OnsetMs = timeMs;
            _current.Samples = _windowSpan;
            _lastActiveMs = timeMs;
            _background = _exitAbove;
            _isWeak = true;
            _faintTail = false;
            _roseQuiet = true;
            _faintTailUsed = false;
            _weakEndRun = 0;
            _windowCount = 0;
            return ZoneEvent.Rise;
        }

        // True when a faint target (FaintTailEnterHalves) reads past the exit threshold but still at least half the weak
        // depth below the floor: the body is still in view, fading out, and the target ends where its readings are back on
        // the floor (two in a row within half the weak depth, as a weak target ends) - at most QuietFloorMilliseconds later,
        // the time a body takes to fade out of a blending zone; a level held longer is something standing. Only
        // - once per target: a faint blend chattering across the thresholds is a stander's sway, not one fade;
        // - for a target that rose out of a quiet floor: a door leaf standing open at the footprint's edge reads in the
        //   same band and chatters across the enter threshold, its targets following each other within the quiet time;
        // - while the other zone has been quiet as long (PeerQuiet): the tail matters for the zone a walker leaves first,
        //   since the gap to their target in the other zone is measured from its end; in a flow, a fall reported later
        //   than the exit threshold reorders the pairing of the people around it.
        private bool IsFaintTail(int d)
        {
            return _weakDepth > 0 && _roseQuiet && PeerQuiet && !_faintTailUsed
                && 2 * (_baseline - _current.NearestMillimeters) < FaintTailEnterHalves * (_baseline - _enterBelow)
                && d <= _baseline - (_weakDepth / WeakEndDivisor);
        }

        private bool IsWeakEnd(long timeMs, int d)
        {
            if (d < _enterBelow)
            {
                // Deepened into an ordinary target: from now on it ends like one.
                _isWeak = false;
                _faintTail = false;
                return false;
            }

            if (d <= _baseline - (_weakDepth / WeakEndDivisor))
            {
                _weakEndRun = 0;
                return false;
            }

            if (_weakEndRun == 0)
            {
                _weakEndStartMs = timeMs;
            }

            _weakEndRun++;
            return _weakEndRun >= WeakEndSamples;
        }

        private bool IsQuietFloor(long timeMs)
        {
            if (timeMs - _lastActiveMs < QuietFloorMilliseconds || !_levelSet)
            {
                return false;
            }

            int offset = _baseline - (_levelQ >> LevelFractionBits);
            int tolerance = (_weakDepth * QuietLevelNumerator) / QuietLevelDenominator;
            return Magnitude.Within(offset, tolerance);
        }

        private void TrackLevel(int d)
        {
            // Each reading clipped at the weak depth around the floor: a body or a stray reading moves the level at most
            // that far, so it is back near the floor within a few hundred ms once the zone is empty again.
            int clipped = d;
            if (clipped < _baseline - _weakDepth)
            {
                clipped = _baseline - _weakDepth;
            }
            else if (clipped > _baseline + _weakDepth)
            {
                clipped = _baseline + _weakDepth;
            }

            if (!_levelSet)
            {
                _levelQ = clipped << LevelFractionBits;
                _levelSet = true;
                return;
            }

            _levelQ += ((clipped << LevelFractionBits) - _levelQ) >> LevelShift;
        }
    }
}
