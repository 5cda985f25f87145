namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// Evidence from both zones together (docs/counting.md, "Faint partners"). A body walking over the line passes one
    /// zone and then the other, and the two footprints meet at the line, so the body leaves one zone as it enters the
    /// other. A zone that reports a blend of all it sees may read a small child as a target in one zone and only
    /// 2-2.5 sigma of the floor noise nearer than the floor in the other, under the weak-dip depth: the target is then
    /// left without a partner and the child is not counted. A faint dip in the empty zone that meets the other zone's
    /// target in walking order - ending as that target begins, or beginning as it ends - is that body's passage, and it
    /// is handed to the pairing stage as a target of its own, which still decides the direction (and finds a turn-back).
    /// The floor noise alone never builds a crossing this way: it needs a target in the other zone, of a body or a door.
    /// A dip within the quiet time after a body left the zone (a re-dip: a child right behind an adult in a queue, whose
    /// blend begins before the adult's has faded back to the floor) is taken only with stronger evidence from the other
    /// zone (see <see cref="IsReDipPartner"/>). Nothing is allocated per sample.
    /// </summary>
    public sealed class FaintPartner
    {
        // A faint dip: WindowSamples readings of the empty zone averaging at least DipSigmasTimesFive / 5 sigma of its
        // floor noise nearer than the floor, each counted at most CapSigmasTimesTwo / 2 sigma deep so that one stray
        // reading (multipath, a ranging outlier) cannot make one: the two others must still average 1.75 sigma. Three
        // normal readings average 2 sigma (3.5 sigma of their mean) about once in 4000 windows, and only the few windows
        // that meet a faint target of the other zone in walking order are at risk.
        private const int WindowSamples = 3;
        private const int DipSigmasTimesFive = 10;
        private const int CapSigmasTimesTwo = 5;

        // Or a long look: LongWindowSamples readings averaging at least LongDipSigmasTimes100 / 100 sigma, each capped as
        // above. The faintest children (raster model, 2.5-3.0 m) read 1-2 sigma nearer than the floor for their whole
        // passage of a zone (6-12 readings) and seldom give three readings averaging 2 sigma. Six readings are twice the
        // evidence: 2 sigma x sqrt(3/6) = 1.41 sigma is the same 3.5 sigma of their mean, so a window of floor noise makes
        // one as rarely as it makes a short one, and the windows overlapping one passage are fewer. Only out of a quiet
        // floor (never a re-dip), as the detector's own long look.
        private const int LongWindowSamples = 6;
        private const int LongDipSigmasTimes100 = 141;

        // The zone is quiet: no target or still level in it for QuietMilliseconds (a body leaving a zone fades out of its
        // blend over a few hundred ms: that tail is the body the zone already saw, not another one).
        private const int QuietMilliseconds = 500;

        // ... and its recent level at the floor: an average of the last ~2^LevelShift readings, each clipped at
        // CapSigmasTimesTwo / 2 sigma, within 1 sigma of the floor when the window's first reading came. A door leaf standing
        // at the footprint's edge holds the level off the floor; on an empty floor that average (0.3 sigma wide) strays that
        // far about once in 1000 readings.
        private const int LevelShift = 3;
        private const int LevelFractionBits = 4;

        // Walking order: the footprints meet at the line, so a body's faint dip in one zone and its target in the other
        // touch in time. The dip may end at most MeetMilliseconds before the target begins (or begin at most that long
        // after it ended): a target begins and ends where the blend crosses a threshold, while the body's edge is still in
        // view, and a window of three readings spans ~0.2 s. At 0.6 m/s a body moves under 0.3 m in that time.
        internal const int MeetMilliseconds = 400;

        // A target that lasted longer than a walker takes to pass a zone (under 0.5 m of footprint at head height up to a
        // 3.2 m mount, plus a 0.3 m body, at 0.6 m/s or more: ~1.5 s) is someone standing or loitering, whose leaving
        // is no passage over the line that a faint dip could complete.
        private const int MaxPassageMilliseconds = 1500;

        // A faint target: its nearest reading at most this many enter deltas nearer than the floor (see IsFaintPassage).
        private const int FaintTargetEnterDeltas = 2;

        // A long look is what a body's edge over the line looks like too (a child at the line, head in one zone, shoulder or
        // arm blending into the other, who then turns back). Its 1.41 sigma is as weak as FaintCrossing's weak pair and only
        // as good as the zone's noise estimate: a long look is looked for only once FaintCrossing counts the zone settled
        // (IsSettled, 36 s after calibration). It is taken only once it shows that the body went on: its dip
        // has ended, it lasted at least as long as a child's body takes to pass the zone (PassageMilliseconds), and then the
        // zone the body came from stays on its floor for FaintCrossing's hold (a child who went back dips it again).
        // A child's passage: the zone's footprint along the path at head height, FootprintPerMille of the head's distance
        // below the sensor (tan 13.5 degrees), plus the body's depth, at a brisk ChildPaceMillimetersPerSecond. A child's
        // head: ChildHeadMillimeters, the middle of 3-12 year olds' statures (growth charts, 50th percentile: 950 mm at
        // 3 y, 1500 mm at 12 y); their body depth about 0.13 of stature. The pace: a chair is pushed, a child runs at up to
        // 1.6 m/s (as DoorDiscriminator's brisk walker).
        private const int FootprintPerMille = 240;
        private const int ChildHeadMillimeters = 1250;
        private const int ChildDepthMillimeters = 160;
        private const int ChildPaceMillimetersPerSecond = 1600;

        private readonly int[] _depth = new int[2 * LongWindowSamples];
        private readonly long[] _ms = new long[2 * LongWindowSamples];
        private readonly int[] _nearest = new int[2 * LongWindowSamples];
        private readonly bool[] _quiet = new bool[2 * LongWindowSamples];
        private readonly bool[] _afterTarget = new bool[2 * LongWindowSamples];
        private readonly bool[] _wasAfterTarget = new bool[2];
        private readonly bool[] _heldLevel = new bool[2];
        private readonly bool[] _dipIsReDip = new bool[2];
        private readonly bool[] _dipIsLong = new bool[2];
        private readonly bool[] _look = new bool[2];
        private readonly int[] _lookOrigin = new int[2];
        private readonly long[] _lookStart = new long[2];
        private readonly long[] _lookEnd = new long[2];
        private readonly long[] _lookPartnerEnd = new long[2];
        private readonly long[] _lookHoldFrom = new long[2];
        private readonly long[] _lastStart = new long[2];
        private readonly long[] _prevStart = new long[2];
        private readonly long[] _prevEnd = new long[2];
        private readonly long[] _lastEnd = new long[2];
        private readonly bool[] _keptBehind = new bool[2];
        private readonly int[] _levelQ = new int[2];
        private readonly bool[] _levelSet = new bool[2];
        private readonly int[] _count = new int[2];
        private readonly int[] _next = new int[2];
        private readonly bool[] _hasDip = new bool[2];
        private readonly bool[] _dipUsed = new bool[2];
        private readonly long[] _dipStart = new long[2];
        private readonly long[] _dipOnset = new long[2];
        private readonly long[] _dipEnd = new long[2];
        private readonly int[] _dipNearest = new int[2];
        private readonly int[] _dipBaseline = new int[2];
        private readonly int[] _dipSamples = new int[2];
        private readonly long[] _takenEnd = new long[] { long.MinValue, long.MinValue };
        private readonly int[] _takenEpisode = new int[2];
        private int _episode;
        private TargetSummary _found;

        /// <summary>The zone of the faint target <see cref="Observe"/> found.</summary>
        public int FoundZone { get; private set; }

        /// <summary>The faint target <see cref="Observe"/> found (its height measured against that zone's floor).</summary>
        public TargetSummary Found => _found;

        /// <summary>
        /// True when <paramref name="target"/>, just finished by <paramref name="zone"/>'s own detector, is the body whose
        /// passage of the zone a faint target found there already stands for: itself faint, and dated from before that
        /// faint target ended (a weak target is dated back over its window, which may hold the very readings of the dip).
        /// </summary>
        public bool IsTaken(int zone, TargetSummary target, ZoneChannel channel)
        {
            return IsTakenStart(zone, target.StartMs) && IsFaintPassage(target, channel);
        }

        /// <summary>
        /// True when a target <paramref name="zone"/>'s detector just opened, dated from <paramref name="startMs"/>, began before
        /// the last faint target found there ended: the same body, still there (<see cref="TakenEpisode"/> names that faint
        /// target's episode).
        /// </summary>
        public bool IsTakenStart(int zone, long startMs)
        {
            return startMs <= _takenEnd[zone];
        }

        /// <summary>The occupancy episode of the last faint target found in <paramref name="zone"/>.</summary>
        public int TakenEpisode(int zone)
        {
            return _takenEpisode[zone];
        }

        private readonly FaintCrossing _windows;

        /// <summary>A faint partner on its own (its long looks wait out no hold: nothing feeds these windows).</summary>
        public FaintPartner()
            : this(new FaintCrossing())
        {
        }

        /// <summary>
        /// A faint partner whose long looks wait out the hold of <paramref name="windows"/> (FaintCrossing, fed the same readings)
        /// on the zone their body came from.
        /// </summary>
        public FaintPartner(FaintCrossing windows)
        {
            _windows = windows;
        }

        /// <summary>
        /// True while a long look of <paramref name="zone"/> waits to show that its body went on (see
        /// <see cref="LookStartMs"/>): the pairing stage keeps its partner for it.
        /// </summary>
        public bool HasPendingLook(int zone)
        {
            return _look[zone];
        }

        /// <summary>When the long look <see cref="HasPendingLook"/> reports began.</summary>
        public long LookStartMs(int zone)
        {
            return _lookStart[zone];
        }

        /// <summary>Faint targets found so far.</summary>
        public int Count { get; private set; }

        /// <summary>
        /// Takes one sample of <paramref name="zone"/> after its channel processed it (event <paramref name="e"/>); returns
        /// true when it found a faint target (<see cref="FoundZone"/>, <see cref="Found"/>) that partners a target of the
        /// other zone in walking order.
        /// </summary>
        public bool Observe(int zone, long timeMs, int distanceMillimeters, bool valid, ZoneChannel channel, ZoneChannel other, ZoneEvent e)
        {
            if (e == ZoneEvent.Fall || e == ZoneEvent.Split)
            {
                // The bodies that passed the zone, for the walking order of a re-dip (IsReDipPartner); a still level the zone
                // settles on after this target is no body leaving (Record).
                if (IsWholePassage(channel.FinishedTarget))
                {
                    _prevStart[zone] = _lastStart[zone];
                    _prevEnd[zone] = _lastEnd[zone];
                    _lastStart[zone] = channel.FinishedTarget.StartMs;
                    _lastEnd[zone] = channel.FinishedTarget.EndMs;
                }

                _heldLevel[zone] = false;
            }

            bool dipNow = valid && Record(zone, timeMs, distanceMillimeters, channel);
            if (ResolveLooks(zone, timeMs, channel, other))
            {
                return true;
            }

            ZoneOccupancyDetector detector = channel.Detector;
            ZoneOccupancyDetector otherDetector = other.Detector;
            int otherZone = 1 - zone;
            if ((e == ZoneEvent.Fall || e == ZoneEvent.Split) && _hasDip[otherZone] && !_dipUsed[otherZone]
                && (otherDetector.State == DetectorState.Empty || _keptBehind[otherZone]) && IsFaintPassage(channel.FinishedTarget, channel))
            {
                // This zone's target, a walker's passage, is over: the other zone's faint dip just before it began is the
                // body arriving from there.
                TargetSummary target = channel.FinishedTarget;
                if (_dipEnd[otherZone] >= target.StartMs - MeetMilliseconds && _dipOnset[otherZone] < target.OnsetMs
                    && (!_dipIsReDip[otherZone] || IsReDipPartner(target, _lastStart[otherZone], _prevStart[zone], _prevEnd[zone])))
                {
                    if (!_dipIsLong[otherZone])
                    {
                        return Take(otherZone);
                    }

                    if (!_look[otherZone] && _windows.IsSettled(otherZone) && IsLongLookPartner(target, channel)
                        && target.EndMs - target.StartMs >= PassageMilliseconds(channel.BaselineMillimeters))
                    {
                        // The body arrived from the long look's zone and went on over this one (its target lasted a child's
                        // passage of it: a shorter one is an edge over the line): the long look's zone must stay quiet after it.
                        StartLook(otherZone, otherZone, target.EndMs);
                    }
                }
            }

            if (dipNow && !_dipUsed[zone] && otherDetector.State == DetectorState.Empty)
            {
                // This zone's faint dip began as the other zone's last target, a walker's passage, ended: the body walking on.
                // Only if this zone saw nothing of its own while that target was there: a target it had then was already
                // that body's partner, and a faint dip after it is the body's fading tail or noise, not another passage.
                TargetSummary last = other.FinishedTarget;
                if (last.Samples > 0 && IsFaintPassage(last, other) && detector.LastActiveMs < last.StartMs && _dipStart[zone] > last.OnsetMs
                    && _dipStart[zone] <= last.EndMs + MeetMilliseconds && timeMs > last.EndMs
                    && (!_dipIsReDip[zone] || IsReDipPartner(last, _prevStart[otherZone], _lastStart[zone], _prevEnd[otherZone])))
                {
                    if (!_dipIsLong[zone])
                    {
                        return Take(zone);
                    }

                    if (!_look[zone] && _windows.IsSettled(zone) && IsLongLookPartner(last, other))
                    {
                        // The body walks on from the other zone: that zone must stay quiet after this long look.
                        StartLook(zone, otherZone, last.EndMs);
                    }
                }
            }

            return false;
        }

        // True for a target a faint body makes while walking: out of the floor, over in a walker's passage, and itself
        // faint - its blend at most FaintTargetEnterDeltas enter deltas nearer than the floor (detector of zone). The two
        // zones see a body alike, so one that reads well clear of the threshold in one zone (an adult, a wheelchair, a door
        // leaf) shows clearly in the other too: a faint dip there is something else (noise, a stray edge).
        internal static bool IsFaintPassage(TargetSummary target, ZoneChannel channel)
        {
            return !target.IsBornInPresence && target.EndMs - target.StartMs <= MaxPassageMilliseconds
                && target.HeightMillimeters <= channel.EnterDeltaMillimeters * FaintTargetEnterDeltas;
        }

        // True when partner, the faint target of the other zone in walking order with a re-dip, is that re-dip's body. A re-dip
        // lies within the quiet time after a body left its zone, where that body's fading tail reads as deep, so it needs:
        // - a partner that is a whole passage (IsWholePassage), not a flicker of a reading or two (noise, a stray edge, the
        //   same body's tail crossing the threshold once more);
        // - a partner that, too, began within the quiet time after the whole passage before it in its zone ended
        //   (partnerBeforeEnd): a follower close enough behind a body to find one zone still fading finds the other one
        //   so too, and that body is the one ahead of both;
        // - the walking order of that body: in the zone the pair (re-dip and partner) passes first, the whole passage before
        //   theirs (firstBefore) began before the one before theirs in the zone they pass second (secondBefore). A follower in
        //   a queue walks the way the body ahead went; a re-dip that would make a crossing against it is the tail of the body
        //   ahead in its second zone, paired with whatever followed in its first.
        // A door leaf standing open at the footprint's edge holds the zone's level, not a target: the zone then read a still
        // background after the body, and its dips are no re-dips (Record); nor is a dip after a flicker, which is no body.
        private static bool IsReDipPartner(TargetSummary partner, long firstBefore, long secondBefore, long partnerBeforeEnd)
        {
            return IsWholePassage(partner) && partner.StartMs - partnerBeforeEnd < QuietMilliseconds && firstBefore < secondBefore;
        }

        private void StartLook(int zone, int origin, long partnerEndMs)
        {
            _look[zone] = true;
            _lookOrigin[zone] = origin;
            _lookStart[zone] = _dipStart[zone];
            _lookPartnerEnd[zone] = partnerEndMs;
            _lookHoldFrom[zone] = 0;
        }

        // Follows the long looks waiting for their body to go on (see PassageMilliseconds); true when one is taken now.
        private bool ResolveLooks(int zone, long timeMs, ZoneChannel channel, ZoneChannel other)
        {
            for (int z = 0; z < 2; z++)
            {
                if (!_look[z])
                {
                    continue;
                }

                int origin = _lookOrigin[z];
                ZoneChannel originChannel = origin == zone ? channel : other;
                if (!_hasDip[z] || _dipUsed[z] || !_dipIsLong[z] || _dipStart[z] != _lookStart[z]
                    || _dipEnd[z] - _dipStart[z] > MaxPassageMilliseconds || originChannel.Detector.State != DetectorState.Empty)
                {
                    // Another dip, one confirmed short (judged as such), a body standing, or the origin zone busy again.
                    _look[z] = false;
                    continue;
                }

                if (_lookHoldFrom[z] == 0)
                {
                    if (zone == z && _dipEnd[z] < timeMs)
                    {
                        // The dip has ended: it must have lasted a child's passage of the zone.
                        ZoneChannel lookChannel = z == zone ? channel : other;
                        if (_dipEnd[z] - _dipStart[z] < PassageMilliseconds(lookChannel.BaselineMillimeters))
                        {
                            _look[z] = false;
                            continue;
                        }

                        _lookEnd[z] = _dipEnd[z];
                        _lookHoldFrom[z] = _dipEnd[z] > _lookPartnerEnd[z] ? _dipEnd[z] : _lookPartnerEnd[z];
                    }

                    continue;
                }

                if (_dipEnd[z] != _lookEnd[z])
                {
                    // The dip went on after all: wait for its end again.
                    _lookHoldFrom[z] = 0;
                    continue;
                }

                if (zone == origin && timeMs > _lookHoldFrom[z] && !_windows.IsOnFloor(origin))
                {
                    // The zone the body came from dipped again within the hold: the body went back.
                    _look[z] = false;
                    continue;
                }

                if (timeMs >= _lookHoldFrom[z] + FaintCrossing.HoldMilliseconds)
                {
                    _look[z] = false;
                    return Take(z);
                }
            }

            return false;
        }

        // How long a child's body takes at least to pass a zone whose floor lies floorMillimeters below the sensor.
        private static int PassageMilliseconds(int floorMillimeters)
        {
            int below = floorMillimeters > ChildHeadMillimeters ? floorMillimeters - ChildHeadMillimeters : 0;
            return (((below * FootprintPerMille) / 1000) + ChildDepthMillimeters) * 1000 / ChildPaceMillimetersPerSecond;
        }

        // True when partner, the other zone's target, may have a long look's dip (only 1.4 sigma on average) as its other
        // side: a whole passage (not a stray reading or two), itself no deeper than the single-reading enter delta. The zones
        // are mirror halves of one view and read a body walking over the line alike: a body whose target read past the enter
        // delta (4-7 sigma) reads three readings of 2 sigma in the other zone (a short window) too, and a long look beside it
        // is something else (a door leaf's fringe, noise).
        private static bool IsLongLookPartner(TargetSummary partner, ZoneChannel partnerChannel)
        {
            return IsWholePassage(partner) && partner.HeightMillimeters <= partnerChannel.EnterDeltaMillimeters;
        }

        // A body passing a zone shows in at least WindowSamples readings (a child's passage takes 0.4-1 s, 6-14 readings).
        private static bool IsWholePassage(TargetSummary target)
        {
            return target.Samples >= WindowSamples;
        }

        // Adds the reading to the zone's window; returns true when the window is a faint dip now (and records it).
        private bool Record(int zone, long timeMs, int distance, ZoneChannel channel)
        {
            int noise = channel.NoiseMillimeters;
            int baseline = channel.BaselineMillimeters;
            int cap = (noise * CapSigmasTimesTwo) / 2;
            int depth = baseline - distance;
            int level = _levelQ[zone] >> LevelFractionBits;
            bool quietLevel = _levelSet[zone] && Magnitude.Within(level, noise);
            int clipped = depth > cap ? cap : (depth < -cap ? -cap : depth);
            _levelQ[zone] = _levelSet[zone] ? _levelQ[zone] + (((clipped << LevelFractionBits) - _levelQ[zone]) >> LevelShift) : clipped << LevelFractionBits;
            _levelSet[zone] = true;

            ZoneOccupancyDetector detector = channel.Detector;
            if (detector.State == DetectorState.Background)
            {
                _heldLevel[zone] = true;
            }

            // Within the quiet time after a body's whole passage, a window may still make a re-dip (see IsReDipPartner), but not
            // after a still level the zone held (a door leaf standing open, its fringe reading as deep as a child) or after a
            // flicker.
            bool afterTarget = timeMs - detector.LastActiveMs < QuietMilliseconds;
            bool reDip = afterTarget && !_heldLevel[zone] && IsWholePassage(channel.FinishedTarget);
            if (detector.State == DetectorState.Target && _hasDip[zone] && _dipIsReDip[zone] && !_dipUsed[zone]
                && (_keptBehind[zone] || detector.CurrentStartMs > _dipEnd[zone]))
            {
                // The next body in the queue rose here after the re-dip ended: the re-dip is still the child between the two,
                // and it stays a candidate while that body's target is open (queued ahead of it when taken).
                _keptBehind[zone] = true;
                _count[zone] = 0;
                _wasAfterTarget[zone] = false;
                return false;
            }

            if (_keptBehind[zone])
            {
                // The body behind the re-dip finished its target here first: the re-dip can no longer be queued ahead of it.
                _keptBehind[zone] = false;
                _hasDip[zone] = false;
            }

            if (detector.State != DetectorState.Empty || (afterTarget && !reDip))
            {
                // Not a quiet empty floor: whatever dip came before belongs to the presence that followed it.
                _count[zone] = 0;
                _hasDip[zone] = false;
                _wasAfterTarget[zone] = false;
                return false;
            }

            if (!afterTarget && _wasAfterTarget[zone] && !(_hasDip[zone] && _dipIsReDip[zone]))
            {
                // The quiet time is over and no re-dip goes on: quiet windows start afresh.
                _count[zone] = 0;
                _hasDip[zone] = false;
            }

            _wasAfterTarget[zone] = afterTarget;
            int slot = (zone * LongWindowSamples) + _next[zone];
            _quiet[slot] = quietLevel && !afterTarget;
            _afterTarget[slot] = afterTarget;
            _depth[slot] = depth > cap ? cap : depth;
            _ms[slot] = timeMs;
            _nearest[slot] = distance;
            _next[zone] = _next[zone] + 1 < LongWindowSamples ? _next[zone] + 1 : 0;
            if (_count[zone] <= LongWindowSamples)
            {
                _count[zone]++;
            }

            if (noise <= 0)
            {
                return false;
            }

            // The short window: the last WindowSamples readings, judged once a reading more has come (as it always was).
            int shortOldest = -1;
            int longOldest = -1;
            int sum = 0;
            for (int k = 1; k <= LongWindowSamples && k <= _count[zone]; k++)
            {
                sum += _depth[Slot(zone, k)];
                if (k == WindowSamples && _count[zone] > WindowSamples && sum * 5 >= WindowSamples * DipSigmasTimesFive * noise)
                {
                    shortOldest = Slot(zone, k);
                }

                if (k == LongWindowSamples && sum * 100 >= LongWindowSamples * LongDipSigmasTimes100 * noise)
                {
                    longOldest = Slot(zone, k);
                }
            }

            if (shortOldest < 0 && longOldest < 0)
            {
                return false;
            }

            int oldest = shortOldest >= 0 ? shortOldest : longOldest;
            int samples = shortOldest >= 0 ? WindowSamples : LongWindowSamples;
            int nearest = WindowNearest(zone, samples);
            long first = _ms[oldest];
            if (_hasDip[zone] && first <= _dipEnd[zone] && (shortOldest >= 0 || _dipIsLong[zone]))
            {
                // The same dip goes on (its start rose out of a quiet floor).
                if (_dipIsLong[zone] && shortOldest >= 0 && (_quiet[shortOldest] || _afterTarget[shortOldest]))
                {
                    // A long look that three readings now confirm at the short window's depth is the short dip it would have
                    // been, dated from those readings: the long window's first readings may precede the body.
                    _dipIsLong[zone] = false;
                    _dipIsReDip[zone] = !_quiet[shortOldest];
                    _dipStart[zone] = first;
                    _dipOnset[zone] = timeMs;
                    _dipSamples[zone] = WindowSamples - 1;
                    _dipNearest[zone] = nearest;
                }

                _dipEnd[zone] = timeMs;
                _dipSamples[zone]++;
                _dipNearest[zone] = nearest < _dipNearest[zone] ? nearest : _dipNearest[zone];
                return true;
            }

            if (shortOldest < 0 && _hasDip[zone] && first <= _dipEnd[zone])
            {
                // Only the long window reaches over a short dip's end: it re-reads that dip, and does not stretch it.
                return false;
            }

            if (shortOldest < 0 || (!_quiet[shortOldest] && !_afterTarget[shortOldest]))
            {
                // No short dip may begin here; a long look only out of a quiet floor, and never over the last dip's readings.
                if (longOldest < 0 || !_quiet[longOldest] || (_hasDip[zone] && _ms[longOldest] <= _dipEnd[zone]))
                {
                    return false;
                }

                oldest = longOldest;
                samples = LongWindowSamples;
                first = _ms[oldest];
                nearest = WindowNearest(zone, samples);
            }

            _hasDip[zone] = true;
            _dipIsReDip[zone] = !_quiet[oldest];
            _dipUsed[zone] = false;
            _dipStart[zone] = first;
            _dipOnset[zone] = timeMs;
            _dipEnd[zone] = timeMs;
            _dipSamples[zone] = samples;
            _dipIsLong[zone] = samples == LongWindowSamples;
            _dipNearest[zone] = nearest;
            _dipBaseline[zone] = baseline;
            return true;
        }

        // The nearest reading of zone's last samples readings.
        private int WindowNearest(int zone, int samples)
        {
            int nearest = int.MaxValue;
            for (int k = 1; k <= samples; k++)
            {
                int s = Slot(zone, k);
                nearest = _nearest[s] < nearest ? _nearest[s] : nearest;
            }

            return nearest;
        }

        // The ring slot of zone's k-th latest reading (1 = the one just recorded).
        private int Slot(int zone, int k)
        {
            int i = _next[zone] - k;
            return (zone * LongWindowSamples) + (i < 0 ? i + LongWindowSamples : i);
        }

        private bool Take(int zone)
        {
            _dipUsed[zone] = true;
            _episode--;
            _found.StartMs = _dipStart[zone];
            _found.OnsetMs = _dipOnset[zone];
            _found.EndMs = _dipEnd[zone];
            _takenEnd[zone] = _dipEnd[zone];
            _found.NearestMillimeters = _dipNearest[zone];
            _found.FarthestCoreMillimeters = _dipNearest[zone];
            _found.HeightMillimeters = _dipBaseline[zone] - _dipNearest[zone];
            _found.Samples = _dipSamples[zone];
            _found.CoreSamples = 0;
            _found.Origin = TargetOrigin.Floor;
            _found.ArrivalMs = _dipStart[zone];
            _found.IsWalkOff = false;

            // Its own occupancy episode, negative so that it is never one with a detector's (those count up from 1).
            _found.Episode = _episode;
            _takenEpisode[zone] = _episode;
            FoundZone = zone;
            Count++;
            return true;
        }
    }
}
