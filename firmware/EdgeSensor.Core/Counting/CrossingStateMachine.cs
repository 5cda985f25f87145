using System;

namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// Pairs the targets of zone 0 and zone 1 into crossings. A person walking across the line leaves one target
    /// in each zone that overlap in time (or follow within the pair gap). Pairing is first-in first-out per zone,
    /// because people walking the same way keep their order; so tailgaters 0.5 s apart give two pairs.
    /// A pair is a crossing only if it started in one zone AND ended in the other (start order and end order
    /// agree): a person who steps into the second zone and turns back started in A and also ended in A.
    /// A target with no partner (loitering at the edge, a turn-back before the line) is dropped when the other
    /// zone cannot supply one any more. Door-swing and low-object discriminators veto a pair (docs/counting.md).
    /// </summary>
    public sealed partial class CrossingStateMachine
    {
        /// <summary>Targets queued per zone; older ones are dropped when it overflows.</summary>
        public const int QueueCapacity = PairingZone.Capacity;

        // A pushed stroller, pram or cart stands at most about 1.1 m high (its hood and handle bar); anything this
        // low that a zone sees right before (within the pair gap) a target at least PusherRiseMillimeters taller is
        // taken as pushed by that person. An adult is 1.45 m or taller, so the rise is well met by every adult
        // behind a stroller, and never by two similar people close behind each other. A seated adult's head stands
        // 1.15-1.45 m above the floor (wheeled-mobility anthropometry: seat 0.45-0.5 m, sitting height 0.7-0.95 m), above
        // this.
        private const int PushedObjectMaxHeightMillimeters = 1150;

        // A pushchair's canopy may stand higher, as high as a seated adult's head: it clears a seated child's head (about
        // 0.53 m above the seat) over a seat up to about 0.65 m high (product data, docs/counting.md "Pushed objects"), a
        // ranging noise margin of 50 mm on top. A low target up to this high is held back for its pusher only when the zone
        // read no valley behind it (RoseStraightBehind), and taken as pushed only as IsCanopyOf asks.
        private const int CanopyMaxHeightMillimeters = 1250;

        private const int PusherRiseMillimeters = 300;

        private const int PushedLengthNumerator = 5;

        private const int PushedLengthDenominator = 4;

        // Largest difference between the nearest distances of the two targets of one crossing: a head in one zone
        // against the shoulders in the other (about 300 mm down, Drillis & Contini: shoulders at 0.82 of stature)
        // plus sway and noise.
        private const int MaxSideHeightGapMillimeters = 500;

        // A person walking back over the line is in the origin zone for at least a head's passage (0.3 s or more, four or
        // more readings of the zone); a target of fewer readings than this is a stray reading (a ranging outlier, an edge
        // of something at the footprint's rim), not the person coming back.
        private const int MinReturnSamples = 2;

        // A walker's body passes one zone in about a second; a target held in it this long is someone standing there.
        private const int MinStoodOverMilliseconds = 2000;

        private readonly PairingZone[] _zones = new PairingZone[2];

        private readonly bool[] _stillLevel = new bool[2];

        private readonly int[] _endedEpisode = new int[] { -1, -1 };

        private readonly long[] _endedMs = new long[2];

        private readonly int[] _stillEpisode = new int[2];

        private readonly int[] _continuedFrom = new int[2];

        private readonly int[] _continuedTo = new int[2];

        private readonly long[] _continuedLastMs = new long[2];

        // Per zone: the occupancy episode whose last finished target was a sweep tail (a target split off a valley that lasted
        // fewer than MaxSweepTailSamples readings; see StoppedInOrigin); -1 for none.
        private readonly int[] _sweepTailEpisode = new int[] { -1, -1 };

        // Per zone: the last target of a pair the door rules refused (see SwingsOn): its end, occupancy episode and nearest
        // reading; episode -1 for none.
        private readonly long[] _leafEndMs = new long[2];

        private readonly int[] _leafEpisode = new int[] { -1, -1 };

        private readonly int[] _leafNearestMm = new int[2];

        // Whether that pair swung shut (zone 0 first; see OpensAfterShut).
        private bool _leafClosing;

        // Per zone: whether that target rose out of a still level its zone held as background (the leaf leaving its rest).
        private readonly bool[] _leafRoseOutOfLevel = new bool[2];

        // Per zone: the last target of a pair the door rules refused as a leaf come to rest (see SplitOffRestingLeaf): its end,
        // occupancy episode and nearest reading; episode -1 for none.
        private readonly long[] _restEndMs = new long[2];

        private readonly int[] _restEpisode = new int[] { -1, -1 };

        private readonly int[] _restNearestMm = new int[2];

        // Per zone: the end of the last target given to the pairing (see TargetSummary.QuietBeforeMs); 0 for none.
        private readonly long[] _lastFallEndMs = new long[2];

        private readonly long[] _stillMs = new long[2];

        // Per zone: the still level (mm away) the target open now rose out of; 0 for none (out of the floor, or split off a valley).
        private readonly int[] _riseLevelMm = new int[2];

        private readonly int[] _stillLevelMm = new int[2];

        private readonly int[] _openNearestMm = new int[2];

        private readonly long[] _readMs = new long[2];

        private readonly int[] _nearestWhenOtherRoseMm = new int[2];

        private readonly bool[] _dipPending = new bool[2];
        private readonly bool[] _lookPending = new bool[2];
        private readonly long[] _lookStartMs = new long[2];

        private readonly long[] _dipStartMs = new long[2];
        // Per zone: a stander's reading has left their still level, and their walk off is yet to be reported (OnPendingWalkOff).
        private readonly bool[] _walkOffPending = new bool[2];

        private readonly DoorDiscriminator _door;

        private readonly int _maxGap;

        private readonly int _readCycleMs;

        private readonly int _minHeight;

        private readonly int _outsideZone;

        private HeldCrossing _held;

        // Pairs found to be a crossing, counted when decided (a held crossing is confirmed later; see Verdicts).
        private int _crossingVerdicts;

        // Per zone: whether the target open now rose out of the bare floor (not split off a valley, not out of a still level).
        private readonly bool[] _openFromFloor = new bool[2];

        // The target finishing in a zone ended where the next split off it (OnSplitOff), and the height its zone read at the
        // valley between the two (-1 when the next rose straight out of its level, a step: no valley).
        private readonly bool[] _splitOff = new bool[2];

        private readonly int[] _splitGapHeightMm = new int[2];

        // Per zone: the target open now followed a held-back low target that proved too short for a vehicle (IsShortLead).
        private readonly bool[] _followsShortLead = new bool[2];

        private readonly VehicleContact _vehicleContact = new VehicleContact();

        private CrossingKind _lastConfirmed;

        // The crossing confirmed last, as it was held (see IsStandersDeparture).
        private HeldCrossing _lastConfirmedCrossing;

        /// <summary>Creates the pairing stage from validated settings.</summary>
        public CrossingStateMachine(CounterSettings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            _zones[0] = new PairingZone();
            _zones[1] = new PairingZone();
            _door = new DoorDiscriminator(settings);
            _maxGap = settings.MaxPairGapMilliseconds;

            // The two zones are ranged in turn, so each is read once every two timing budgets.
            _readCycleMs = 2 * settings.TimingBudgetMilliseconds;
            _minHeight = settings.MinPersonHeightMillimeters;
            _outsideZone = 1 - settings.InsideZone;
            ClearUnseen();
        }

        /// <summary>Confirmed crossings into the inside zone.</summary>
        public int Entries { get; private set; }

        /// <summary>Confirmed crossings into the outside zone.</summary>
        public int Exits { get; private set; }

        /// <summary>Pairs whose start and end were in the same zone (turn-backs).</summary>
        public int TurnBacks { get; private set; }

        /// <summary>Targets that never found a partner in the other zone.</summary>
        public int Orphans { get; private set; }

        /// <summary>Pairs vetoed as a door leaf (simultaneous onset, flat profile or declared band).</summary>
        public int DoorRejections { get; private set; }

        /// <summary>Pairs vetoed because their highest point was below the minimum person height.</summary>
        public int LowObjectRejections { get; private set; }

        /// <summary>Pairs vetoed because each zone read its target once only: two lone outliers, not a body (see IsLoneReadings).</summary>
        public int LoneReadingRejections { get; private set; }

        /// <summary>
        /// More than half the recent ToF readings failed (set by the counter; the share it reports as degraded): a body is
        /// then read validly once or twice as it passes, so a lone reading is no sign of an outlier (see IsLoneReadings).
        /// </summary>
        public bool MostReadingsFail { get; set; }

        /// <summary>True while any target is open or waiting for a partner.</summary>
        public bool IsBusy => _zones[0].IsOpen || _zones[1].IsOpen || HasPending;

        /// <summary>True while targets wait for a partner or a crossing waits for confirmation.</summary>
        public bool HasPending => _zones[0].Count > 0 || _zones[1].Count > 0 || _zones[0].HasLead || _zones[1].HasLead || _held.IsHeld;

        /// <summary>Pairs whose two targets come unequally near the sensor, more than one body can (<c>MaxSideHeightGapMillimeters</c>).</summary>
        public int MismatchRejections { get; private set; }

        /// <summary>
        /// Pairs decided so far: crossings, turned back, or vetoed (door, low object, mismatch, lone readings). It changes
        /// whenever the pairing stage gives a pair a verdict (FaintCrossing counts only where it gave none); a crossing
        /// when its pair is decided, not when it is confirmed (a faint crossing may be held for its person's way back,
        /// and the next child's faint passage then looked judged).
        /// </summary>
        public int Verdicts => _crossingVerdicts + TurnBacks + DoorRejections + LowObjectRejections + MismatchRejections + LoneReadingRejections;

        /// <summary>Low targets merged into the taller target right behind them (a stroller and the person pushing it).</summary>
        public int PushedObjectMerges { get; private set; }

        /// <summary>Long targets recognised as two people walking close behind each other (<see cref="TwoBodySpan"/>).</summary>
        public int SpanSplits { get; private set; }

        /// <summary>Pairs of long targets recognised as two people walking close behind each other (<see cref="MergedPair"/>).</summary>
        public int MergedPairSplits { get; private set; }

        /// <summary>Targets left over in a dense flow, dropped for their zone's follower (<see cref="PartnerFit"/>).</summary>
        public int LeftOverDrops { get; private set; }

        /// <summary>True while a crossing waits for confirmation.</summary>
        public bool HasHeld => _held.IsHeld;

        /// <summary>Forgets everything pending (counters are kept).</summary>
        public void Clear()
        {
            _zones[0].Clear();
            _zones[1].Clear();
            _held.Kind = CrossingKind.None;
            _lastConfirmedCrossing.Kind = CrossingKind.None;
            _lastCounted = CrossingKind.None;
            _followsShortLead[0] = false;
            _followsShortLead[1] = false;
            _vehicleContact.Clear();
            _canopyVerdict.Clear();
        }

        /// <summary>
        /// A target (a person, not a still background) is in <paramref name="zone"/> now, in occupancy <paramref name="episode"/>;
        /// the nearest it has come to the sensor so far is <paramref name="nearestMillimeters"/> away.
        /// </summary>
        public void OnTargetPresent(int zone, int episode, int nearestMillimeters, long timeMs)
        {
            OnTargetPresent(zone, episode, nearestMillimeters, timeMs, true);
        }

        /// <summary>
        /// As <see cref="OnTargetPresent(int, int, int, long)"/>; <paramref name="isReading"/> is false when only time passed
        /// (a tick without a sample of the zone), which shows nothing new about the target.
        /// </summary>
        public void OnTargetPresent(int zone, int episode, int nearestMillimeters, long timeMs, bool isReading)
        {
            _zones[zone].MarkPresent(episode);
            if (episode == _continuedTo[zone] && timeMs > _continuedLastMs[zone])
            {
                _continuedLastMs[zone] = timeMs;
            }

            _openNearestMm[zone] = nearestMillimeters;
            if (isReading)
            {
                _readMs[zone] = timeMs;
            }

            if (_held.IsHeld && zone == _held.DestinationZone && episode == _held.DestinationEpisode && timeMs > _held.DestinationEndMs)
            {
                // The person is still in the destination zone: the crossing's far side is not finished yet.
                _held.PushDestinationEnd(timeMs);
            }
        }

        /// <summary>
        /// The body of occupancy <paramref name="fromEpisode"/> in <paramref name="zone"/> is still there, now seen as
        /// <paramref name="toEpisode"/> (a faint target found ahead of the zone's own detector, which then opened a target
        /// over the same readings): a crossing held with it as its destination waits for that presence to end.
        /// </summary>
        public void OnPresenceContinued(int zone, int fromEpisode, int toEpisode)
        {
            _continuedFrom[zone] = fromEpisode;
            _continuedTo[zone] = toEpisode;
            _continuedLastMs[zone] = 0;
            if (_held.IsHeld && zone == _held.DestinationZone && _held.DestinationEpisode == fromEpisode)
            {
                _held.DestinationEpisode = toEpisode;
            }
        }

        /// <summary>
        /// No target is in <paramref name="zone"/> now, in occupancy <paramref name="episode"/>: the floor is empty, or
        /// (<paramref name="stillLevel"/>) the zone holds a still level above it (a door leaf standing open, a person who stopped),
        /// <paramref name="stillLevelMillimeters"/> away from the sensor (0 when not known).
        /// </summary>
        public void OnNoTargetPresent(int zone, bool stillLevel, int stillLevelMillimeters, int episode, long timeMs)
        {
            _zones[zone].MarkAbsent();
            _stillLevel[zone] = stillLevel;
            _stillLevelMm[zone] = stillLevel ? stillLevelMillimeters : 0;
            _stillEpisode[zone] = episode;
            _stillMs[zone] = timeMs;
            if (_held.IsHeld && zone == _held.OriginZone && stillLevel && episode == _held.OriginEpisode && _held.OriginMayStand)
            {
                _held.OriginStood = true;
            }

            if (!_held.IsHeld || zone != _held.DestinationZone)
            {
                return;
            }

            _held.IsStanding = stillLevel && _held.DestinationMayStand && episode == _held.DestinationEpisode;
            _held.DestinationStood |= _held.IsStanding && IsBodyLevel(stillLevelMillimeters);
            if (IsStandingPastLine() && timeMs > _held.DestinationEndMs)
            {
                // A person who stops just past the line stands still, and a still body can read as a level of its own (a
                // zone sees a blend of head, shoulders and floor: a plateau well below the head it came in with). Until
                // that level goes, the person may still be standing there, free to go on or to come back.
                _held.PushDestinationEnd(timeMs);
            }
        }

        /// <summary>
        /// The presence (occupancy <paramref name="episode"/>) of <paramref name="zone"/> ended at <paramref name="endMs"/>: the
        /// zone reads the bare floor again.
        /// </summary>
        public void OnPresenceEnded(int zone, int episode, long endMs)
        {
            _endedEpisode[zone] = episode;
            _endedMs[zone] = endMs;
            if (!_held.IsHeld || !_held.OriginStood || !_held.DestinationStood || zone != _held.OriginZone || episode != _held.OriginEpisode)
            {
                return;
            }

            int to = _held.DestinationZone;
            if (_endedEpisode[to] == _held.DestinationEpisode && _endedMs[to] < endMs && IsHeldInBoth(_endedMs[to]))
            {
                // The person stood in both zones and left the one they had crossed into first: they went back the way they
                // came, the zone their presence ends last.
                _held.Kind = CrossingKind.None;
                TurnBacks++;

                // Their walk back left pieces of the same two presences in the queues (the last piece in each zone): the whole
                // presence is judged, so they are no crossing of their own.
                DropPiecesOf(zone, episode);
                DropPiecesOf(to, _held.DestinationEpisode);
            }
        }

        // Drops the targets queued in zone that belong to its occupancy episode.
        private void DropPiecesOf(int zone, int episode)
        {
            PairingZone pairing = _zones[zone];
            while (pairing.Count > 0 && pairing.Oldest.Episode == episode)
            {
                pairing.DropOldest();
                Orphans++;
            }
        }

        /// <summary>
        /// Whether <paramref name="zone"/> holds the first readings of a target not yet confirmed, begun at
        /// <paramref name="startMs"/>: a faint dip in an empty zone (<see cref="ZoneOccupancyDetector.HasPendingDip"/>) or a
        /// follower's level behind a valley's (<see cref="ZoneOccupancyDetector.HasPendingLevel"/>).
        /// </summary>
        public void OnPendingDip(int zone, bool pending, long startMs)
        {
            _dipPending[zone] = pending;
            _dipStartMs[zone] = startMs;
        }

        /// <summary>
        /// Whether <paramref name="zone"/> holds a faint partner's long look, begun at <paramref name="startMs"/>, that waits
        /// for its body to go on (<see cref="FaintPartner.HasPendingLook"/>): the other zone's target may yet get it as partner.
        /// </summary>
        public void OnPendingLook(int zone, bool pending, long startMs)
        {
            _lookPending[zone] = pending;
            _lookStartMs[zone] = startMs;
        }

        /// <summary>
        /// Whether <paramref name="zone"/>'s stander is walking off their still level, their walk off yet to be reported
        /// (<see cref="ZoneOccupancyDetector.HasPendingWalkOff"/>).
        /// </summary>
        public void OnPendingWalkOff(int zone, bool pending)
        {
            _walkOffPending[zone] = pending;
        }

        /// <summary>A target appeared in <paramref name="zone"/>.</summary>
        public void OnRise(int zone, long timeMs)
        {
            OnRise(zone, timeMs, timeMs, false);
        }

        /// <summary>
        /// A target appeared in <paramref name="zone"/>: it began at <paramref name="startMs"/> and was detected at
        /// <paramref name="onsetMs"/>; <paramref name="isSplit"/> when it was split off a valley behind a head (a second body
        /// in a zone still occupied), not risen out of the floor or a background.
        /// </summary>
        public void OnRise(int zone, long startMs, long onsetMs, bool isSplit)
        {
            _zones[zone].Open(startMs, onsetMs, isSplit);
            NoteRiseUnseen(zone, startMs, isSplit);
            _riseLevelMm[zone] = isSplit ? 0 : _stillLevelMm[zone];
            if (_held.IsHeld && zone == _held.DestinationZone)
            {
                // (Its first reading, given before the rise, may have pushed the crossing's end already.)
                _held.EndBeforeTargetMs = _held.DestinationEndMs >= startMs ? _held.EndBeforeReadingMs : _held.DestinationEndMs;
            }

            _openFromFloor[zone] = !isSplit && !_stillLevel[zone];
            _nearestWhenOtherRoseMm[zone] = 0;
            if (_zones[1 - zone].IsOpen && _nearestWhenOtherRoseMm[1 - zone] == 0)
            {
                _nearestWhenOtherRoseMm[1 - zone] = _openNearestMm[1 - zone];
            }
        }

        /// <summary>
        /// The target about to finish in <paramref name="zone"/> (the next <see cref="OnFall"/>) ended where the next one split
        /// off it, over a valley the zone read <paramref name="gapHeightMillimeters"/> above its floor (-1: no valley, a step).
        /// </summary>
        public void OnSplitOff(int zone, int gapHeightMillimeters)
        {
            _splitOff[zone] = true;
            _splitGapHeightMm[zone] = gapHeightMillimeters;
        }

        /// <summary>The target open in <paramref name="zone"/> was dropped without a verdict.</summary>
        public void OnCancel(int zone)
        {
            _zones[zone].Close();
            _followsShortLead[zone] = false;
            if (_zones[zone].HasLead)
            {
                Accept(zone, _zones[zone].TakeLead());
            }
        }

        /// <summary>
        /// A target left <paramref name="zone"/>; queue it with its features. A low target is held back for the pair
        /// gap: if a much taller target follows it in the same zone that soon, the two are one (a stroller or cart
        /// pushed ahead of the person pushing it is one crossing with them, not a person of its own).
        /// </summary>
        public void OnFall(int zone, TargetSummary target)
        {
            ForgetLevelsNoise(zone, target);
            target.NearestWhenOtherRoseMillimeters = _nearestWhenOtherRoseMm[zone];
            target.QuietBeforeMs = _lastFallEndMs[zone] > 0 ? target.StartMs - _lastFallEndMs[zone] : long.MaxValue;
            NoteFallUnseen(zone, target);
            _lastFallEndMs[zone] = target.EndMs;
            _nearestWhenOtherRoseMm[zone] = 0;
            _sweepTailEpisode[zone] = target.Origin == TargetOrigin.ValleySplit && target.Samples < MaxSweepTailSamples ? target.Episode : -1;
            PairingZone pairing = _zones[zone];
            pairing.Close();
            bool heldBehind = RoseStraightBehind(zone);
            if (_followsShortLead[zone])
            {
                target.IsShortLead = true;
                _followsShortLead[zone] = false;
            }

            if (pairing.HasLead)
            {
                TargetSummary lead = pairing.TakeLead();
                if (IsPushedBy(zone, lead, target))
                {
                    target = PushingFrom(target, lead);
                    PushedObjectMerges++;

                    // The merged target is the person walking behind the vehicle: a pusher is never pushed, so it is not
                    // held back for whoever follows (that chained a close queue - a wheelchair, its follower and the next
                    // person - into one count).
                    Accept(zone, target);
                    return;
                }
                else
                {
                    Accept(zone, lead);
                }
            }

            if (target.HeightMillimeters >= _minHeight && (target.HeightMillimeters <= PushedObjectMaxHeightMillimeters
                || (target.HeightMillimeters <= CanopyMaxHeightMillimeters && heldBehind)))
            {
                pairing.HoldLead(target);
                return;
            }

            Accept(zone, target);
        }

        // Queues a finished target of zone, unless it is too low for a person or a touch across the line.
        private void Accept(int zone, TargetSummary target)
        {
            if (target.HeightMillimeters < _minHeight && !IsFaintBlend(target))
            {
                // Lower than any person (a pet, a bag on the floor, the edge of a door leaf settling): it cannot be
                // one side of a crossing, and pairing it would steal a real person's partner.
                LowObjectRejections++;
                return;
            }

            PairingZone other = _zones[1 - zone];
            if (_zones[zone].Count > 0 && other.IsOpen && target.OnsetMs > other.OpenOnsetMs)
            {
                if (TakesOverVehicle(zone, target))
                {
                    return;
                }

                if (FollowsLowBodyAhead(zone, target))
                {
                    // A shorter body walking right ahead (see FollowsLowBodyAhead), not a touch: queued as a person of its own,
                    // unless the other zone shows the two as one body (TakesVehicleAhead).
                    target.FollowsLowBody = true;
                    if (_zones[zone].Enqueue(target))
                    {
                        Orphans++;
                    }

                    return;
                }

                // Detected after the other zone's open target and finished before it: a touch across the line by
                // someone standing in the other zone (see IsNestedIn). Settled now, so that a long stay on the line
                // cannot fill the queue and push out the target the person arrived with.
                Orphan(zone, target);
                return;
            }

            if (_zones[zone].Enqueue(target))
            {
                Orphans++;
            }
        }

        /// <summary>
        /// Pairs what can be paired at <paramref name="nowMs"/>. Returns the last crossing confirmed now (None if
        /// none); <see cref="Entries"/>/<see cref="Exits"/> count all confirmed crossings.
        /// A paired crossing is held until its origin zone shows whether the person came back: an unpaired target
        /// in the origin zone that began before the person left the destination zone means they walked past the
        /// line and returned (a turn-back), so the held crossing is dropped.
        /// </summary>
        public CrossingKind Evaluate(long nowMs)
        {
            _lastConfirmed = CrossingKind.None;
            while (Step(nowMs))
            {
            }

            return _lastConfirmed;
        }

        // Settles one target or pair; false when nothing more can be decided at nowMs.
        private bool Step(long nowMs)
        {
            for (int zone = 0; zone < 2; zone++)
            {
                PairingZone pairing = _zones[zone];
                if (pairing.HasLead && (pairing.LeadEndMs + _maxGap < (pairing.IsOpen ? pairing.OpenOnsetMs : nowMs) || OutlastsPusher(zone, nowMs)
                    || _vehicleContact.OtherJudgedApart(zone, pairing.LeadStartMs, pairing.LeadEndMs)))
                {
                    // Nothing taller followed within the gap, or what followed outlasted a pusher: the low target stands on its
                    // own (a child, say). Or the other zone has already judged the same low body and the one behind it two
                    // bodies (it read the floor between them, VehicleContact), and the first zone to judge decides for both:
                    // waiting for the follower to finish here only delayed the count (a wheelchair user 0.6-1.0 m/s with
                    // someone walking in behind was counted when that follower had passed, over 2 s late).
                    bool followed = pairing.IsOpen && pairing.OpenOnsetMs <= pairing.LeadEndMs + _maxGap;
                    TargetSummary lead = pairing.TakeLead();
                    if (followed && IsShortOfVehicle(lead))
                    {
                        // Its follower outlasted a pusher and it was too short for a vehicle: two bodies walking in line,
                        // whom a blending zone under a high mount reads as low as a stroller's hood.
                        lead.IsShortLead = true;
                        _followsShortLead[zone] = true;
                    }

                    Accept(zone, lead);
                    return true;
                }
            }

            bool bothQueued = _zones[0].Count > 0 && _zones[1].Count > 0;
            if (bothQueued && (DropsOutdoneLoneReading(0) || DropsOutdoneLoneReading(1) || DropsFarFaintSide(0) || DropsFarFaintSide(1)))
            {
                return true;
            }

            if (bothQueued && !AwaitsBetterPartner(0) && !AwaitsBetterPartner(1) && !AwaitsGapRival()
                && !AwaitsLowBodyVerdict(0, nowMs) && !AwaitsLowBodyVerdict(1, nowMs)
                && !AwaitsPastLoneReading(0, nowMs) && !AwaitsPastLoneReading(1, nowMs))
            {
                PairOldest();
                return true;
            }

            if (!bothQueued && _zones[0].Count > 0 && !CanStillPair(0, 1, nowMs))
            {
                Orphan(0);
                return true;
            }

            if (!bothQueued && _zones[1].Count > 0 && !CanStillPair(1, 0, nowMs))
            {
                Orphan(1);
                return true;
            }

            if (_held.IsHeld && !OriginMayReturn(nowMs))
            {
                Confirm();
            }

            return false;
        }

        private void Confirm()
        {
            if (_held.Kind == CrossingKind.Entry)
            {
                Entries += _held.People;
            }
            else if (_held.Kind == CrossingKind.Exit)
            {
                Exits += _held.People;
            }

            if (_held.IsHeld)
            {
                _lastConfirmed = _held.Kind;
                _lastConfirmedCrossing = _held;
            }

            _held.Kind = CrossingKind.None;
        }

        private void Orphan(int zone)
        {
            TargetSummary target = _zones[zone].Oldest;
            _zones[zone].DropOldest();
            DropAsides();
            Discard(zone, target, false);
        }

        // A target of zone settled as soon as it finished, never queued (a touch across the line by someone standing in the
        // other zone).
        private void Orphan(int zone, TargetSummary target)
        {
            Discard(zone, target, true);
        }

        // A target of zone that found no partner: a return over the line, one of two people the other zone saw as one
        // (kept aside), or just an orphan.
        private void Discard(int zone, TargetSummary target, bool neverQueued)
        {
            if (target.Samples == 1 && target.Episode == _leafEpisode[zone] + 1)
            {
                // One reading of its own, paired with nothing, is the zone's ranging noise, not someone come in: the zone
                // is still empty since the leaf the door rules refused there (see OpensAfterShut).
                _leafEpisode[zone] = target.Episode;
            }

            if (_held.IsHeld && zone == _held.OriginZone && target.StartMs <= ReturnLimitMs() && target.EndMs >= LeftDestinationMs()
                && IsSameHead(target) && target.Samples >= MinReturnSamples)
            {
                // (The destination left when its presence ended, not when its averaged still level was released: see
                // LeftDestinationMs.)
                // Back into the origin zone before leaving the destination, and still there after leaving it: walked
                // past the line and returned. It must be the same body: a target that comes nowhere near as close to
                // the sensor as the person who crossed (a door leaf's low edge closing behind them) is something else. (A touch of the origin zone that ended while the person stayed in the
                // destination is someone standing on the line and swaying; they may still walk on.)
                _held.Kind = CrossingKind.None;
                TurnBacks++;
                return;
            }

            if (_held.IsHeld && zone == _held.DestinationZone)
            {
                StayThroughReRise(target);
            }

            if (neverQueued || MayBeOneOfTwo(zone, target))
            {
                // Seen in this zone as a person of its own while the other zone has one target over the same time: it
                // may be one of two people walking close behind each other, whom the other zone saw as one. And a touch
                // is judged when it finishes, against the other zone's target still open then; a split-off target is
                // only closed when the next head is confirmed, so that target may turn out to have ended first. Kept
                // for the next pairing to decide (SplitSpan, RequeueOutlasting); otherwise it is an orphan then.
                if (_zones[zone].HasAside)
                {
                    Orphans++;
                }

                _zones[zone].SetAside(target, neverQueued);
                return;
            }

            Orphans++;
        }

        // True when target stands as tall as a person and the other zone has a target (queued or open) that began
        // before it ended: the long one it may be half of.
        private bool MayBeOneOfTwo(int zone, TargetSummary target)
        {
            if (!TwoBodySpan.IsTallEnough(target))
            {
                return false;
            }

            PairingZone other = _zones[1 - zone];
            if (other.Count > 0)
            {
                return other.OldestStartMs <= target.EndMs && other.OldestEndMs >= target.StartMs;
            }

            return other.IsOpen && other.OpenStartMs <= target.EndMs;
        }

        private bool CanStillPair(int zone, int other, long nowMs)
        {
            if (_zones[other].HasLead)
            {
                // The other zone holds a low target until its follower finishes: it will deliver one.
                return true;
            }

            // A faint body's side in a zone is only the part of its passage whose blend came past the enter threshold: its
            // target begins later and ends sooner than the body is in view (FaintPartner.MeetMilliseconds), so its side in
            // the other zone may begin that much later than the pair gap allows a body that fills the zones. Only for a
            // side there that reads as the same body, as near as this one (a door leaf's fringe at the edge of a zone is
            // as faint, and an adult walking in behind it far nearer).
            TargetSummary target = _zones[zone].Oldest;
            long end = target.EndMs + (IsFaintSide(target) && !(_zones[other].IsOpen && AreTwoBodies(target.NearestMillimeters, _openNearestMm[other]))
                ? FaintPartner.MeetMilliseconds : _maxGap);
            if (_zones[other].IsOpen)
            {
                return _zones[other].OpenStartMs <= end || MayMeetUnseen(zone, target, nowMs);
            }

            if (_dipPending[other] && _dipStartMs[other] <= end)
            {
                // A faint body is confirmed only a window of readings after it began (longer when a reading in between is
                // invalid), and dated back to its first, and a follower's level behind a valley only when it ends: one begun
                // within the gap may still come as this target's partner.
                return true;
            }

            if (_lookPending[other] && _lookStartMs[other] <= end)
            {
                // A faint partner's long look there waits for its body to go on and the hold after it (FaintPartner).
                return true;
            }

            if (_walkOffPending[other])
            {
                // A stander in the other zone is walking off their level: their walk off is reported only when the averaged
                // level is released, several readings after their first reading of the floor, and dated from when they
                // settled. When both zones held the stander, the side that came first waited only the pair gap and lost its
                // partner: the crossing was missed.
                return true;
            }

            return nowMs <= end || MayMeetUnseen(zone, target, nowMs);
        }

        // Drops zone's oldest target when it is a faint side kept waiting past the pair gap (CanStillPair) and the other zone's
        // target that came is no faint side of the same body: someone else.
        private bool DropsFarFaintSide(int zone)
        {
            TargetSummary target = _zones[zone].Oldest;
            TargetSummary other = _zones[1 - zone].Oldest;
            if (!IsFaintSide(target) || other.StartMs - target.EndMs <= _maxGap || IsFaintPair(target, other))
            {
                return false;
            }

            Orphan(zone);
            return true;
        }

        // True when a and b, of the two zones, are both faint sides (IsFaintSide) reading as the same body (see CanStillPair).
        private static bool IsFaintPair(TargetSummary a, TargetSummary b)
        {
            return IsFaintSide(a) && IsFaintSide(b) && !AreTwoBodies(a, b);
        }

        // True for a faint passage (TargetSummary.IsFaint) of more than one reading: no body passes a zone in one reading
        // (MinReturnSamples), and a lone ranging outlier within the longer gap of a faint body's other side counted the
        // empty floor.
        private static bool IsFaintSide(TargetSummary target)
        {
            return target.IsFaint && target.Samples >= MinReturnSamples;
        }

        // The zones are mirror images along the walking line, so one body crossing comes equally near the sensor in
        // both (distances, not heights: the zones' floors may differ, furniture absorbed in one); tops farther apart
        // than MaxSideHeightGapMillimeters are two different things (a door leaf's edge seen high in one zone and low
        // in the other, or a head in one zone and a bag in the other).
        private static bool AreTwoBodies(TargetSummary a, TargetSummary b)
        {
            return AreTwoBodies(a.NearestMillimeters, b.NearestMillimeters);
        }

        private static bool AreTwoBodies(int nearestMillimeters, int otherNearestMillimeters)
        {
            return Magnitude.Of(nearestMillimeters - otherNearestMillimeters) > MaxSideHeightGapMillimeters;
        }

        // True for a target no reading of which came past the enter threshold, found by the weak-dip test alone (a sustained
        // dip of a few sigma): a zone that blends all it sees reads a small child under a high mount so, and its height is
        // then the blend's depth, not the body's, so the minimum person height says nothing about it.
        private static bool IsFaintBlend(TargetSummary target)
        {
            return target.CoreSamples == 0 && target.Origin == TargetOrigin.Floor;
        }

        // True when a target whose nearest reading is nearestMillimeters lies farther from the sensor than the body of
        // a crossing that came as near as bodyNearestMillimeters can (see AreTwoBodies): it is not that person.
        private static bool IsOtherBody(int nearestMillimeters, int bodyNearestMillimeters)
        {
            return nearestMillimeters - bodyNearestMillimeters > MaxSideHeightGapMillimeters;
        }

        // A sweep tail is shorter than this many readings of its zone. A leaf's edge sweeping a zone can read as two dips with
        // a shallow valley between (the blend of the edge crossing the zone's rays, seen at 3.0 m on the raster model); what
        // follows the valley is the edge sliding to the doorway's side, 1-2 readings (70-140 ms). A second walker behind the
        // first is a whole body passing the zone, several readings (a limit of 5 lost tailgaters on the raster model at 3.0 m).
        private const int MaxSweepTailSamples = 3;

        // A crossing out of the outside zone is an entry; out of the inside zone, an exit.
        private CrossingKind KindFrom(int originZone)
        {
            return originZone == _outsideZone ? CrossingKind.Entry : CrossingKind.Exit;
        }

        private int OriginOf(CrossingKind kind)
        {
            return kind == CrossingKind.Entry ? _outsideZone : 1 - _outsideZone;
        }
    }
}
