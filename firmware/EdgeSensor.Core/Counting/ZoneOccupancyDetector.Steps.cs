namespace EdgeSensor.Core.Counting
{
    // Head steps: a zone that steps from one flat head level straight to the next (two people with no gap between them) splits there.
    public sealed partial class ZoneOccupancyDetector
    {
        private bool IsHeadStep(long timeMs, int d, int fall)
        {
            _sampleIndex++;
            int low = d < _segMin ? d : _segMin;
            int high = d > _segMax ? d : _segMax;
            if (high - low <= fall)
            {
                _segMin = low;
                _segMax = high;
                _segLastMs = timeMs;
                _segLastIndex = _sampleIndex;
                _segSamples++;
                if (_segSamples == StepPlateauSamples)
                {
                    _segHeadMs = timeMs;
                }

                if (_segSamples == StepPlateauSamples && _hasHeadLevel && _segMax < _headLevel && IsHeadHigh(_segMin) && IsStepFromHead(fall))
                {
                    KeepSegmentForStep();
                    return true;
                }

                return _segSamples == StepPlateauSamples && IsTallerFollowerOfLowHead(timeMs, fall);
            }

            // The level moved out of the band: the segment that ends here is a head if it held long enough up high.
            bool isHead = _segSamples >= StepPlateauSamples && _segLastMs - _segStartMs <= MaxHeadMilliseconds && IsHeadHigh(_segMin);
            bool isStep = isHead && _hasHeadLevel && IsStepFromHead(fall);
            bool waited = _hasLowHead && _lowHeadUnsure && _lowHeadFollowerIndex == _segStartIndex;
            bool shortLead = waited && isHead && IsShortLowLead();
            bool seatedLead = isHead && IsSeatedHeadLead();
            if (waited)
            {
                // One follower decides: behind a hood, the pusher's head is not to be taken for a child's.
                _lowHeadSpoilt = true;
                _hasLowHead = false;
            }

            RecordLowHead(timeMs);
            if (isHead)
            {
                _headLevel = _segMin;
                _headSpread = _segMax - _segMin;
                _headEndMs = _segLastMs;
                _headEndIndex = _segLastIndex;
                _headSamples = _segSamples;
                _hasHeadLevel = true;
            }

            KeepSegmentForStep();
            StartSegment(timeMs, d);
            if (seatedLead)
            {
                // The follower of a seated head (IsSeatedHeadLead): the first target ends, and the follower's begins, where
                // the reading lay farthest between the two (the chair's push handles or the gap behind them).
                _stepLevelMs = _stepStartMs;
                _stepStartMs = _topDropMs;
                _stepHeadMs = _topDropMs;
                _segNearestBefore = _topLevel;
                _stepShortAlongPath = true;
                return true;
            }

            if (shortLead)
            {
                // The child's head's follower (see IsTallerFollowerOfLowHead), split off now that its level has ended.
                _stepStartMs = _lowHeadLeftMs;
                _stepHeadMs = _lowHeadLeftMs;
                _segNearestBefore = _lowHeadLevel;
                _stepShortAlongPath = true;
                return true;
            }

            return isStep;
        }

        // True when the low part ahead of the head level ending now is short along the path at that head's pace: a child's
        // head, not a stroller's hood (see MaxChildLeadMillimeters). The low part is timed from where its first level began
        // (the hood's front, or the child's crown, reaching the zone) when what the zone read of the target before that level
        // is no longer along the path than a walker's front ahead of their crown (MaxBodyFrontMillimeters: at a zone's
        // slanted outer edge the field widens with depth and meets legs and belly first; at the line, face and chest come
        // before the crown); a longer part ahead of it (a pushchair's legs and footrest ahead of its canopy) is the vehicle's
        // own front, and the target's first reading is the start. Not for a level taller than anything pushed
        // (LowHeadMinMillimeters): no vehicle's front to tell, and a seated person's knees and footrest reach 0.4 m and more
        // ahead of their head. A level held below a hood's height before it (a footrest, a low pushchair) keeps the
        // target's start too.
        // In the zone the body came into first (_enteredAtOuterEdge) the outer edge slants outward with depth (tan 13.5 deg,
        // SlopeNumerator/SlopeDenominator), so a part lying farther below the sensor than the follower's crown came into the
        // field earlier by that slope times the depth between the two: the low part reads that much longer than it is (a
        // 1.06 m child's crown ahead of a 1.79 m adult's under 3.0 m: ~173 mm), and so does the front ahead of its level. At
        // the line-side edge (the sensor's vertical axis) every height meets the field at the same place along the path.
        private bool IsShortLowLead()
        {
            long held = _segLastMs - _segStartMs;
            int pass = HeadPassMillimeters(_segMin);
            bool outer = _enteredAtOuterEdge && !_levelBelowHoodBefore;
            int frontCone = outer && _startReadingMm > _lowHeadLevel ? FootprintMillimeters(_startReadingMm) - FootprintMillimeters(_lowHeadLevel) : 0;
            bool bodyFront = _baseline - _lowHeadLevel >= LowHeadMinMillimeters
                || (_lowHeadLevelStartMs - _current.StartMs) * pass <= held * (MaxBodyFrontMillimeters + frontCone);
            long lead = _segStartMs - (bodyFront ? _lowHeadLevelStartMs : _current.StartMs);
            int cone = outer && bodyFront && _lowHeadLevel > _segMin ? FootprintMillimeters(_lowHeadLevel) - FootprintMillimeters(_segMin) : 0;
            return lead * pass < held * (MaxChildLeadMillimeters + cone);
        }

        // True when the head level ending now follows a seated person's head in the same target: a wheelchair user whose head
        // stands as low as a stroller's hood (~1.05 m), with someone walking close behind at the chair's pace, the chair's
        // push handles between them (no floor: one target). The target's top before this level was held as a level above a
        // wheelchair's footrest and knees (VehicleHoodMinMillimeters), the reading then fell clear of it (behind a head, its
        // backrest and handles stand lower) and this level stands TallerFollowerRiseMillimeters nearer: one body's outline
        // never rises that far above its own top after falling away from it. A stroller shows the same (its hood, the
        // handle, the pusher's head), told by the top's length along the path at this head's pace (IsHeadTop): a seated
        // head is ~0.2 m long, a hood 0.6 m or more.
        private bool IsSeatedHeadLead()
        {
            return _topDropMs > 0 && _baseline - _topLevel >= VehicleHoodMinMillimeters && _topLevel - _segMax >= TallerFollowerRiseMillimeters
                && IsHeadTop(_topHeldMs, _topLevel, _segLastMs - _segStartMs, _segMin);
        }

        // Keeps the level segment as the second head's, until SplitAtStep has read it.
        private void KeepSegmentForStep()
        {
            _stepStartMs = _segStartMs;
            _stepHeadMs = _segHeadMs;
            _stepNearest = _segMin;
            _stepSamples = _segSamples;
        }

        private bool IsStepFromHead(int fall)
        {
            int step = _segMin > _headLevel ? _segMin - _headLevel : _headLevel - _segMin;
            bool apart = _segMin > _headLevel ? _segMin - fall > _headLevel : _segMax + fall < _headLevel;
            bool flat = _headSpread * StepFlatnessDivisor <= step && (_segMax - _segMin) * StepFlatnessDivisor <= step;
            bool nearer = _segMin < _headLevel;
            return apart && flat && (nearer || step <= MaxHeadStepMillimeters || (_segSamples >= _headSamples && step <= MaxSecondHeadStepMillimeters)) && _segStartIndex - _headEndIndex <= MaxStepGapSamples;
        }

        // A segment that ends here (at timeMs) held like a walker's head above anything pushed, at the nearest level of the
        // target, before any other head level in it: the head of a child (or a seated person) a taller follower may split
        // from. The level is timed from its first reading, not from this segment's start: the noise can cut one still level
        // into several segments. It may itself stand head-high (a child of 1.3-1.4 m): the head-step split only takes a
        // follower who switches in within MaxStepGapSamples, while a follower 300 mm taller ramps in over more readings
        // (chest, shoulders, crown), and one person's outline never rises that far after holding a head's level.
        private void RecordLowHead(long timeMs)
        {
            // A target that rose out of a background held as long as a vehicle takes to pass rose out of something long
            // standing in the zone (a stroller's hood, held since the person ahead of it left): its first level is the
            // vehicle's handle, not a child's head. Between two walkers the zone holds a background only for their gap.
            bool outOfVehicle = _current.Origin == TargetOrigin.Background && _current.StartMs - _finished.EndMs >= VehiclePassMilliseconds;
            if (_hasHeadLevel || _segSamples < StepPlateauSamples || _lowHeadSpoilt || outOfVehicle)
            {
                return;
            }

            if (_baseline - _segMin < VehicleHoodMinMillimeters)
            {
                // Held below a stroller's hood: a wheelchair's footrest or its user's knees, ahead of the user's head.
                _levelBelowHoodBefore = true;
                return;
            }

            // Below anything pushed and held shorter than a vehicle's pass it is a child's head; else it may be a hood, told
            // by its length once its follower has passed (see MaxChildLeadMillimeters), when it is at least a walking
            // child's height and the target began where a body walked in: out of the floor, or out of a gap the zone read
            // down near its floor (a hood standing in the zone before the target holds the reading at handle height, see
            // VehicleContact).
            bool unsure = _segLastMs - _nearLevelStartMs >= VehiclePassMilliseconds || _baseline - _segMin < LowHeadMinMillimeters
                || (_hasLowHead && _lowHeadUnsure);
            // A level taller than anything pushed, unsure only by its hold (a slow queue), split off the body ahead rose out
            // of the ramp between two bodies (or stepped from one head to the next): a hood between the person ahead and its
            // handle holds the valley as a level, and what rises out of that is spoilt at the split (SplitAtValley). Only a
            // handle with the pusher's forearms on it stands this high, and only behind such a hood; so the follower
            // decides, by the low part's length at its pace (IsShortLowLead).
            bool outOfBodyRamp = _current.Origin == TargetOrigin.ValleySplit && _baseline - _segMin >= LowHeadMinMillimeters
                && !(_hasLowHead && _lowHeadUnsure);
            bool walkedIn = _current.Origin == TargetOrigin.Floor || outOfBodyRamp
                || (_current.GapFarthestMillimeters > 0 && _baseline - _current.GapFarthestMillimeters < VehicleContact.HandleGapMinMillimeters)
                || (_walkInGapMm > 0 && _baseline - _walkInGapMm < VehicleContact.HandleGapMinMillimeters);
            if (_segMin - _current.NearestMillimeters > FallThreshold(_segMin) || (unsure && (_baseline - _segMin < HiddenChildMinMillimeters || !walkedIn)))
            {
                // A level held before, other than a child's head: a stroller shows its hood, then its handle with the
                // pusher's forearms on it, each a level of its own; a child's outline only ramps up to the crown.
                _lowHeadSpoilt = true;
                _hasLowHead = false;
                return;
            }

            if (!_hasLowHead)
            {
                _lowHeadLevelStartMs = _levelBelowHoodBefore ? _current.StartMs : _nearLevelStartMs;
            }

            _lowHeadLevel = _segMin;
            _lowHeadSpread = _segMax - _segMin;
            _lowHeadEndIndex = _segLastIndex;
            _lowHeadLeftMs = timeMs;
            _lowHeadUnsure = unsure;
            _lowHeadFollowerIndex = -1;
            _hasLowHead = true;
        }

        // True when the level now held like a head is a taller follower of the low head seen before it (see
        // LowHeadMinMillimeters); sets up the split as IsHeadStep does. The first target keeps the low head's level as
        // its nearest, not the ramp's, and the follower's level becomes the head level the next step is measured from.
        private bool IsTallerFollowerOfLowHead(long timeMs, int fall)
        {
            // A head level recorded from the low head's own segment (a head-high child) is no other head before it.
            bool otherHeadBefore = _hasHeadLevel && _headEndIndex != _lowHeadEndIndex;
            if (otherHeadBefore || !_hasLowHead || !IsHeadHigh(_segMin))
            {
                return false;
            }

            int rise = _lowHeadLevel - _segMax;
            bool flat = _lowHeadSpread * StepFlatnessDivisor <= rise && (_segMax - _segMin) * StepFlatnessDivisor <= rise;
            if (rise < TallerFollowerRiseMillimeters || rise <= fall || !flat || _segStartIndex - _lowHeadEndIndex > MaxRampGapSamples)
            {
                return false;
            }

            if (_lowHeadUnsure)
            {
                // Told when the follower's level ends (IsShortLowLead).
                _lowHeadFollowerIndex = _segStartIndex;
                return false;
            }

            // The follower began where the reading left the low head's level (their ramp in), and was there to see from
            // then: dated at their level's fourth sample instead, they looked to arrive after their own target in the other
            // zone, and the pair was taken for a crossing the other way.
            _stepStartMs = _lowHeadLeftMs;
            _stepHeadMs = _lowHeadLeftMs;
            _stepNearest = _segMin;
            _stepSamples = _segSamples;
            _segNearestBefore = _lowHeadLevel;
            _headLevel = _segMin;
            _headSpread = _segMax - _segMin;
            _headEndMs = timeMs;
            _headEndIndex = _sampleIndex;
            _headSamples = _segSamples;
            return true;
        }

        private bool IsHeadHigh(int d)
        {
            return _baseline - d >= BriefValleyMinHeadMillimeters;
        }

        private void StartSegment(long timeMs, int d)
        {
            _segMin = d;
            _segMax = d;
            _segStartMs = timeMs;
            _segLastMs = timeMs;
            _segHeadMs = timeMs;
            _segNearestBefore = _current.NearestMillimeters;
            _segStartIndex = _sampleIndex;
            _segLastIndex = _sampleIndex;
            _segSamples = 1;
        }

        private ZoneEvent SplitAtStep(long timeMs, int d)
        {
            // The second head began where its level began; the first target ended there. The new target ends at the
            // floor like one that rose from it: its level is not a background to return to. The head just seen stays
            // the last head level, so that a third close follower is split from the second the same way.
            long step = _stepStartMs;
            int samples = _stepSamples;
            int head = _headLevel;
            int spread = _headSpread;
            long headEnd = _headEndMs;
            int headSamples = _headSamples;
            int headEndIndex = _headEndIndex;
            int index = _sampleIndex;
            int firstNearest = _segNearestBefore;
            Finish(step);
            _finished.IsShortAlongPath = _stepShortAlongPath;
            _stepShortAlongPath = false;
            if (firstNearest > _finished.NearestMillimeters)
            {
                // A nearer second head was read into the first target until its level had held long enough: the first
                // person came only as near as the target had before that level began (their own head, not the follower's,
                // which the pairing would compare with the first person's target in the other zone).
                _finished.NearestMillimeters = firstNearest;
                _finished.TopHeldMs = firstNearest == _topLevel ? _topHeldMs : _finished.TopHeldMs;
            }

            Open(step, _stepNearest, TargetOrigin.ValleySplit);
            _sampleIndex = index;
            StartSegment(timeMs, d);
            _headLevel = head;
            _headSpread = spread;
            _headEndMs = headEnd;
            _headEndIndex = headEndIndex;
            _headSamples = headSamples;
            _hasHeadLevel = true;
            _current.Samples = samples;
            _current.CoreSamples = samples;

            // Detected when its level had held as long as a walker's head does (StepPlateauSamples), not when the split
            // was decided: a farther second head is split off only once its level ends (it must not be the side of a
            // standing person's head), by which time it has passed. Dated at the decision, it looked confirmed only at its
            // very end, like a sway of one body, and the pairing dropped it when the other zone split the same two
            // people later than this one (close tailgaters under a 3.0 m mount: one of the two lost).
            _current.OnsetMs = _stepHeadMs;
            _nearLevelSamples = samples;
            _nearLevelMs = headEnd;
            _nearLevelStartMs = _stepLevelMs > 0 ? _stepLevelMs : step;
            _stepLevelMs = 0;
            _background = _exitAbove;
            _lastActiveMs = timeMs;
            Extend(timeMs, d);
            return ZoneEvent.Split;
        }
    }
}
