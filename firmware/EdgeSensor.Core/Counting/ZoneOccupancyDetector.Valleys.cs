namespace EdgeSensor.Core.Counting
{
    // Valley splits: a rise between two heads ends one target and starts the next; the level left behind a valley.
    public sealed partial class ZoneOccupancyDetector
    {
        // ... and a rise clear of the noise at both ends: the nearest reading is the lowest of many noisy samples and the
        // valley's top the highest of a few, each up to ~3 sigma off its true level, so a rise between them must exceed
        // 2 x FallNoiseSigmas sigma to stand FallNoiseSigmas clear of what the noise alone spans. Where the zone blends
        // (a wobbling plateau, a far reading), this keeps the brief rule out and the full split depth applies.
        private const int BriefValleyNoiseSigmas = 2 * FallNoiseSigmas;

        // ... and only after a head: the nearest level seen in at least MinHeadSamples samples. A zone's footprint at
        // head height (0.24 x ~1 m) plus a head's depth (~0.2 m) takes a walker 0.3 s or more to pass, 4 or more samples
        // of the zone; one sample at the nearest level is a ramp's step or noise, not a head.
        private const int MinHeadSamples = 2;

        // A brief valley may be shallower: one that leaves the nearest level and falls back to a head within
        // BriefValleyMilliseconds needs only 1/BriefValleyDepthDivisor of the split depth (and a rise clear of the noise,
        // like the fall). The gap between two walkers passes a zone in one or two samples (each zone is ranged every
        // ~70 ms), and it shows less than a full gap, since a sample rarely falls on its deepest point and the wider
        // footprint of a higher mount keeps part of a body in view. A standing person's sway is slow (postural sway
        // lies below 1 Hz: a rise and a fall take 0.5 s or more), so it never looks brief.
        private const int BriefValleyMilliseconds = 250;

        private const int BriefValleyDepthDivisor = 2;

        // A fall far enough below the valley's top after a head. When the zone held the valley as a level (its last
        // StepPlateauSamples readings within the noise band: a stroller's hood, a door leaf standing open, the blend of
        // someone standing at the footprint's edge), the top is the highest of several noisy readings of that level, and
        // one reading the fall threshold below it is the level's noise as often as a second head (a surface at the
        // footprint's edge, or a blend of body and floor, reads noisier than the ranging noise alone). A second head keeps
        // coming in: the next reading must lie that far below the top too. The gap between two walkers is no level (a
        // zone passes it in a reading or two), so its split is not delayed. The split is made as at the first of the two
        // readings, as it would have been without the wait.
        private ZoneEvent FallFromValley(long timeMs, int d)
        {
            if (!_fallPending && _segSamples >= StepPlateauSamples)
            {
                _fallPending = true;
                _fallPendingMm = d;
                _fallPendingMs = timeMs;
                return ZoneEvent.None;
            }

            if (!_fallPending)
            {
                return SplitAtValley(timeMs, d);
            }

            // Split as at the first reading, then take this one into the new target as the next sample (it cannot end a
            // head level this soon: a level takes StepPlateauSamples readings).
            _fallPending = false;
            ZoneEvent split = SplitAtValley(_fallPendingMs, _fallPendingMm);
            IsHeadStep(timeMs, d, FallThreshold(d));
            Extend(timeMs, d);
            _lastActiveMs = timeMs;
            return split;
        }

        private bool IsValley(long timeMs, int fall)
        {
            int rise = _peak - _current.NearestMillimeters;
            if (rise >= _splitDepth)
            {
                return true;
            }

            return rise >= _splitDepth / BriefValleyDepthDivisor && rise >= BriefValleyNoiseSigmas * NoiseAt(_peak)
                && _nearLevelSamples >= MinHeadSamples && timeMs - _valleyStartMs <= BriefValleyMilliseconds
                && _baseline - _current.NearestMillimeters >= BriefValleyMinHeadMillimeters;
        }

        private ZoneEvent SplitAtValley(long timeMs, int d)
        {
            // A second head after a valley: the first target ended at the valley's top.
            long valley = _peakMs;
            int level = _peak;
            bool heldValley = _segSamples >= StepPlateauSamples && _baseline - level >= VehicleHoodMinMillimeters;
            Finish(valley);
            Open(valley, d, TargetOrigin.ValleySplit);
            _current.GapFarthestMillimeters = level;

            // A valley held as a level at a stroller hood's height (a hood standing between the person ahead and its
            // handle), not a gap between two bodies: what rises out of it is the vehicle's next part, never a child's
            // head. A level held lower is a wheelchair's footrest or its user's knees, ahead of the user's head.
            _lowHeadSpoilt = heldValley;
            _current.OnsetMs = timeMs;
            _background = level;
            _lastActiveMs = timeMs;
            return ZoneEvent.Split;
        }

        // A target split off a valley that returned to the valley's level left the zone holding that level as background
        // (the top of the gap between two walkers); so did one that rose out of such a level and returned to it, sway or
        // not (in a dense queue each next head rises out of the gap level the one before left, often less than
        // SwayMillimeters nearer, and the zone held that level for the gap, not for someone standing). A shorter person
        // right behind reads farther than that level, so nothing of them is a drop below the background: a child close
        // behind an adult was lost in the zone (and with it, when both zones did so, their crossing). Such a follower holds
        // a level of their own between the valley's level and the floor: flat like a walker's head (StepPlateauSamples
        // readings within the noise band, at most MaxHeadMilliseconds), clear of the valley's level by more than two noise
        // bands (the valley's top is the farthest of a few noisy readings and the level's nearest the nearest of several: a
        // surface standing at the valley's level, a door leaf open at the footprint's edge, reads within that), and taller
        // than anything pushed (LowHeadMinMillimeters), or at least a walking child's height (HiddenChildMinMillimeters)
        // when left towards the floor (a stroller's hood, as low, is followed by its pusher's nearer head). The first
        // person's walk out of the zone ramps towards the floor instead, a reading or two at each height. Only after a
        // walker's pass (shorter than StanderMilliseconds): the levels left after someone who stood in the zone are their
        // own parts moving (a stroller's hood pushed to and fro).
        // A follower may also read at the valley's own level (a child of ~1.3 m behind adults whose shoulders hid the floor
        // between their heads, under a 2.8-3.0 m mount): then only the way the level ends tells. The gap between two walkers
        // has the next walker in it and ends with their head coming nearer; a level held like a walker's head and left
        // farther, with the floor in view before anything comes back into the level's band, was a body that walked out.
        // Only taller than anything pushed (LowHeadMinMillimeters): a wheelchair's backrest and push handles (~0.9-1.1 m
        // read) follow its seated user's head the same way.
        private void StartValleyBackground(long timeMs, int d, int fall)
        {
            _valleyBackground = _current.IsBornInPresence && timeMs - _current.StartMs < StanderMilliseconds;
            _valleyLevel = _background;
            _hiddenSamples = 0;
            _hiddenLeftMs = 0;
            if (_valleyBackground)
            {
                TrackHiddenLevel(timeMs, d, fall);
            }
        }

        // Follows a level farther than the valley's, or at it (see StartValleyBackground), and reports it, when it ends (one
        // at the valley's level: when the floor shows after it), as a target of its own (through LeftStillLevel, like a walk
        // off a stander's level: the pairing stage pairs it like any other; while it is pending, HasPendingLevel keeps the
        // other zone's target waiting for it).
        private void TrackHiddenLevel(long timeMs, int d, int fall)
        {
            if (!_valleyBackground)
            {
                return;
            }

            if (_hiddenLeftMs > 0)
            {
                if (d > _exitAbove)
                {
                    // The floor came into view after the level: it was a body walking out (see StartValleyBackground).
                    FinishLevelTarget(
                        TargetOrigin.ValleySplit, _leftStartMs, _leftHeadMs, _leftLastMs, _hiddenLeftMs, _leftMin, _leftMax,
                        _leftSamples, false);
                    _hiddenLeftMs = 0;
                    _hiddenSamples = 0;
                    return;
                }

                if (d <= _leftMax)
                {
                    // Something came back into the level's band before the floor showed: the level was the gap before it.
                    _hiddenLeftMs = 0;
                }

                // Meanwhile a farther level is followed as ever (below): a shorter follower after this one.
            }

            bool farther = d > _valleyLevel + fall && d < _enterBelow;
            bool atValley = !farther && d < _enterBelow && Magnitude.Within(d - _valleyLevel, fall);
            if ((farther || atValley) && _hiddenSamples > 0 && atValley == _hiddenAtValley)
            {
                int low = d < _hiddenMin ? d : _hiddenMin;
                int high = d > _hiddenMax ? d : _hiddenMax;
                if (high - low <= fall)
                {
                    _hiddenMin = low;
                    _hiddenMax = high;
                    _hiddenSamples++;
                    _hiddenLastMs = timeMs;
                    if (_hiddenSamples == StepPlateauSamples)
                    {
                        _hiddenHeadMs = timeMs;
                    }

                    return;
                }
            }

            bool headLike = _hiddenSamples >= StepPlateauSamples && _hiddenLastMs - _hiddenStartMs <= MaxHeadMilliseconds
                && !_leftStillLevel;
            if (headLike && _hiddenAtValley && d > _hiddenMax && MayBeHeadAtValley())
            {
                // A head-like level at the valley's own level, left farther: reported only if the floor shows next.
                _hiddenLeftMs = timeMs;
                _leftStartMs = _hiddenStartMs;
                _leftHeadMs = _hiddenHeadMs;
                _leftLastMs = _hiddenLastMs;
                _leftMin = _hiddenMin;
                _leftMax = _hiddenMax;
                _leftSamples = _hiddenSamples;
            }

            if (headLike && !_hiddenAtValley
                && _hiddenMin - _valleyLevel > 2 * FallThreshold(_hiddenMin)
                && (_baseline - _hiddenMin >= LowHeadMinMillimeters || (_baseline - _hiddenMin >= HiddenChildMinMillimeters && d > _hiddenMax)))
            {
                ReportHiddenLevel(timeMs, d);
                _hiddenLeftMs = 0;
            }

            _hiddenSamples = 0;
            if (farther || atValley)
            {
                _hiddenSamples = 1;
                _hiddenAtValley = atValley;
                _hiddenMin = d;
                _hiddenMax = d;
                _hiddenStartMs = timeMs;
                _hiddenHeadMs = timeMs;
                _hiddenLastMs = timeMs;
            }
        }

        // A level at the valley's own level that may yet be reported: no longer than a head, taller than anything pushed,
        // and not a stander's own level (IsStandersValley).
        private bool MayBeHeadAtValley()
        {
            return _hiddenLastMs - _hiddenStartMs <= MaxHeadMilliseconds && _baseline - _hiddenMin >= LowHeadMinMillimeters
                && !IsStandersValley();
        }

        // True when the valley's level is a stander's body level, held since StanderMilliseconds or more before the level
        // began: a person swaying under the sensor (ReturnToBodyLevel keeps the level's date) reads farther at each far
        // point of their sway, and their last stretch there, left to the floor, is them walking off (LeaveStillLevel
        // reports it), not a follower behind them. The valley between two walkers is dated from the first one's fall
        // (EnterBodyLevel), a walker's passage before the follower's level at most.
        private bool IsStandersValley()
        {
            return _bodyLevel && _hiddenStartMs - _bodyLevelMs >= StanderMilliseconds;
        }

        private void ReportHiddenLevel(long timeMs, int d)
        {
            // The reading that left the level, when still nearer than the enter threshold, is the body's way out, part of its
            // core like any target's last readings.
            bool wayOut = d < _enterBelow;
            FinishLevelTarget(
                TargetOrigin.ValleySplit, _hiddenStartMs, _hiddenHeadMs, wayOut ? timeMs : _hiddenLastMs, timeMs, _hiddenMin,
                wayOut && d > _hiddenMax ? d : _hiddenMax, wayOut ? _hiddenSamples + 1 : _hiddenSamples, false);
        }
    }
}
