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
    public sealed class CrossingStateMachine
    {
        /// <summary>Targets queued per zone; older ones are dropped when it overflows.</summary>
        public const int QueueCapacity = PairingZone.Capacity;

        // A pushed stroller, pram or cart stands at most about 1.1 m high (its hood and handle bar); anything this
        // low that a zone sees right before (within the pair gap) a target at least PusherRiseMillimeters taller is
        // taken as pushed by that person. An adult is 1.45 m or taller, so the rise is well met by every adult
        // behind a stroller, and never by two similar people close behind each other.
        private const int PushedObjectMaxHeightMillimeters = 1150;
        private const int PusherRiseMillimeters = 300;
        private const int PushedLengthNumerator = 5;
        private const int PushedLengthDenominator = 4;

        // When the pusher reads less than PusherRiseMillimeters taller (a blended zone under a high mount reads every
        // body below its top, a stroller's broad flat hood less so than a head), height cannot tell a stroller from a
        // person walking ahead, and length must do it alone with a margin: the stroller (0.72-1.05 m) plus the reach
        // back to its handle (0.25-0.5 m) holds the zone at least AttachedPushedLengthFactor times as long as the
        // pusher's body (0.25-0.3 m deep) does; a person ahead is one body deep, however the valley between them cut it.
        private const int AttachedPushedLengthFactor = 2;

        // ... but a zone's footprint adds its own width (0.24 x depth: ~0.7 m of floor at 3 m) to the time each of the two
        // takes to pass, so at a high mount the stroller's lead shrinks to 1.5-2 times the pusher's, and one body can reach 2
        // by where the valley cut it. There a vehicle is also told by the time it holds the zone on its own: a stroller and
        // the reach to its handle, together at least ~0.95 m along the path (EN 1888 strollers from 0.7 m, forearms from
        // 0.25 m), take at least MinVehiclePassMilliseconds to pass a point at a pushing pace of 1.4 m/s or less, while a
        // body 0.25-0.35 m deep at a walking pace passes it in a third of that and a blended zone cuts its target short. So
        // a lead at least AttachedLongNumerator/AttachedLongDenominator (1.5) times as long as its pusher and that long is
        // a vehicle too.
        private const int AttachedLongNumerator = 3;
        private const int AttachedLongDenominator = 2;
        private const int MinVehiclePassMilliseconds = 680;

        // A pusher's head comes into the zone within this long of the pusher's own target (see OutlastsPusher).
        private const int PusherHeadMilliseconds = 1000;

        // A held-back low target is too short for a vehicle when it held its zone less than MinVehiclePassMilliseconds less a
        // read cycle at each end: a zone is ranged once a read cycle, so a target's measured hold falls short of the time
        // its body was in view by up to a read cycle where it began and another where it ended.
        private const int VehiclePassReadCycles = 2;

        // Largest difference between the nearest distances of the two targets of one crossing: a head in one zone
        // against the shoulders in the other (about 300 mm down, Drillis & Contini: shoulders at 0.82 of stature)
        // plus sway and noise.
        private const int MaxSideHeightGapMillimeters = 500;

        // A person coming back over the line brings back the head they crossed with, and the origin zone sees it as it saw
        // their arrival there: the return reads within ~160 mm of the crossing's nearest, or of the origin target's own
        // where a blending zone read the person farther than the other zone did (a stander seen best in the zone they
        // stood in), on either coverage model (turn-back, loiter and inclusive scenes, 2.2-3.0 m). A door leaf's edge
        // closing behind the person reads 330-450 mm farther than both under a 3.0 m mount, within
        // MaxSideHeightGapMillimeters, and undid their crossing; a return needs its head within this of either.
        private const int MaxReturnHeightGapMillimeters = 300;

        // A door leaf standing open at the doorway's side is seen only by a zone's outermost rays, low down, in a sliver of
        // the zone: its still level reads below this height above the floor. A stroller's hood stands 0.75 m or more up
        // (EN 1888: hoods of 0.8-1.1 m), and a person who stops reads higher still (see StoppedInOrigin).
        private const int LeafLevelMaxHeightMillimeters = 700;

        // A still level in the destination this much nearer than the origin's is a person standing there, not a door leaf:
        // one leaf, a flat panel seen by both zones, reads within about its slant across them of the same distance (up to
        // ~0.2 m), while a standing person puts head and shoulders into the destination and only an edge into the origin.
        private const int StandingLevelGapMillimeters = 200;

        // A person walking back over the line is in the origin zone for at least a head's passage (0.3 s or more, four or
        // more readings of the zone); a target of fewer readings than this is a stray reading (a ranging outlier, an edge
        // of something at the footprint's rim), not the person coming back.
        private const int MinReturnSamples = 2;

        // A walker's body passes one zone in about a second; a target held in it this long is someone standing there.
        private const int MinStoodOverMilliseconds = 2000;

        // A person standing still in a zone reads there as a blend of head, shoulders and floor: the level their target settles
        // on stands at least a third as high above the floor as their head read in it (about half to all of it for people who
        // stopped across the line, raster and footprint, 2.2-3.0 m). A door leaf standing open at the doorway's side, seen by
        // a zone's outermost rays only, is the level a zone falls back to once a walker has passed under it: a tenth to a
        // fifth of the walker's head height.
        private const int StoodLevelHeadDivisor = 3;

        // From the top of an adult's head down to the shoulders is about 25-30 cm: what reads farther than the head by more
        // than this is a shoulder or an arm over the line, not a second head.
        private const int HeadToShoulderMillimeters = 250;

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

        // Per zone: the end of the last target given to the pairing (see TargetSummary.QuietBeforeMs); 0 for none.
        private readonly long[] _lastFallEndMs = new long[2];
        private readonly long[] _stillMs = new long[2];
        private readonly int[] _stillLevelMm = new int[2];
        private readonly int[] _openNearestMm = new int[2];
        private readonly long[] _readMs = new long[2];
        private readonly int[] _nearestWhenOtherRoseMm = new int[2];
        private readonly bool[] _dipPending = new bool[2];
        private readonly long[] _dipStartMs = new long[2];
        private readonly DoorDiscriminator _door;
        private readonly int _maxGap;
        private readonly int _readCycleMs;
        private readonly int _minHeight;
        private readonly int _outsideZone;
        private HeldCrossing _held;

        // Per zone: whether the target open now rose out of the bare floor (not split off a valley, not out of a still level).
        private readonly bool[] _openFromFloor = new bool[2];

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

        /// <summary>True while any target is open or waiting for a partner.</summary>
        public bool IsBusy => _zones[0].IsOpen || _zones[1].IsOpen || HasPending;

        /// <summary>True while targets wait for a partner or a crossing waits for confirmation.</summary>
        public bool HasPending => _zones[0].Count > 0 || _zones[1].Count > 0 || _zones[0].HasLead || _zones[1].HasLead || _held.IsHeld;

        /// <summary>Pairs whose two targets come unequally near the sensor, more than one body can (<c>MaxSideHeightGapMillimeters</c>).</summary>
        public int MismatchRejections { get; private set; }

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
            _followsShortLead[0] = false;
            _followsShortLead[1] = false;
            _vehicleContact.Clear();
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
                _held.DestinationEndMs = timeMs;
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
                _held.DestinationEndMs = timeMs;
            }
        }

        // True while the held crossing's destination zone holds the still level its target ended in, and the origin zone
        // does not hold one too: a door leaf standing open lies along the walking line, across both zones, while a person
        // stopped past the line stands in the destination zone only. A zone's footprint widens with the mount, though, and
        // the origin zone may see the edge of a person standing beside it (their shoulder, an arm) as a level of its own.
        private bool IsStandingPastLine()
        {
            int origin = _held.OriginZone;
            bool originStill = _stillLevel[origin] && !_zones[origin].IsPresent;
            return _held.IsStanding && (!originStill || IsNearerThanOrigin());
        }

        // True when the destination's still level is clearly nearer than the origin's (StandingLevelGapMillimeters): the
        // person stands in the destination and the origin sees only their edge, not one leaf lying across both zones.
        private bool IsNearerThanOrigin()
        {
            int destination = _stillLevelMm[_held.DestinationZone];
            int origin = _stillLevelMm[_held.OriginZone];
            return destination > 0 && origin > 0 && origin - destination >= StandingLevelGapMillimeters;
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
            _openFromFloor[zone] = !isSplit && !_stillLevel[zone];
            _nearestWhenOtherRoseMm[zone] = 0;
            if (_zones[1 - zone].IsOpen && _nearestWhenOtherRoseMm[1 - zone] == 0)
            {
                _nearestWhenOtherRoseMm[1 - zone] = _openNearestMm[1 - zone];
            }
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
            target.NearestWhenOtherRoseMillimeters = _nearestWhenOtherRoseMm[zone];
            target.QuietBeforeMs = _lastFallEndMs[zone] > 0 ? target.StartMs - _lastFallEndMs[zone] : long.MaxValue;
            _lastFallEndMs[zone] = target.EndMs;
            _nearestWhenOtherRoseMm[zone] = 0;
            _sweepTailEpisode[zone] = target.Origin == TargetOrigin.ValleySplit && target.Samples < MaxSweepTailSamples ? target.Episode : -1;
            PairingZone pairing = _zones[zone];
            pairing.Close();
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

            if (target.HeightMillimeters >= _minHeight && target.HeightMillimeters <= PushedObjectMaxHeightMillimeters)
            {
                pairing.HoldLead(target);
                return;
            }

            Accept(zone, target);
        }

        // The pusher behind their vehicle as one target, from the vehicle's arrival to the pusher's leaving.
        private static TargetSummary PushingFrom(TargetSummary pusher, TargetSummary vehicle)
        {
            pusher.StartMs = vehicle.StartMs;
            pusher.OnsetMs = vehicle.OnsetMs;
            pusher.CoreStartMs = vehicle.CoreStartMs;
            pusher.Samples += vehicle.Samples;
            pusher.CoreSamples += vehicle.CoreSamples;
            pusher.Origin = vehicle.Origin;
            pusher.IsPushedMerge = true;
            return pusher;
        }

        // True when lead is a stroller (or cart) pushed by the person of target, who followed it in the same zone: the
        // person came within the pair gap holding on (the zone never read its floor between the two, see VehicleContact:
        // a wheelchair user with someone close behind reads as low and as long as a stroller, but the floor shows between
        // them), stands clearly taller, and the low thing is a vehicle, not a smaller person
        // walking ahead - it is long along the path, so (moving at the pusher's speed) it took the zone at least
        // PushedLengthNumerator/PushedLengthDenominator times as long to pass as the person did. A stroller is
        // 0.8-1.0 m long against a body 0.25-0.3 m deep; a child is shallower than an adult.
        // A pusher who reads taller, but by less than PusherRiseMillimeters, is still taken when attached to the vehicle
        // (the pusher's hands are on the handle, so the zone never clears between the two: the person's target splits
        // off the vehicle's at the very sample it ends) and the vehicle held the zone AttachedPushedLengthFactor times
        // as long as the person, or 1.5 times as long and at least as long as a vehicle takes to pass (see
        // MinVehiclePassMilliseconds).
        private bool IsPushedBy(int zone, TargetSummary lead, TargetSummary target)
        {
            int rise = target.HeightMillimeters - lead.HeightMillimeters;
            if (target.OnsetMs - lead.EndMs > _maxGap || rise <= 0 || !_vehicleContact.IsOneBody(zone, lead, target))
            {
                return false;
            }

            long leadMs = lead.EndMs - lead.StartMs;
            long personMs = target.EndMs - target.StartMs;
            if (rise >= PusherRiseMillimeters)
            {
                return leadMs * PushedLengthDenominator >= personMs * PushedLengthNumerator;
            }

            if (!IsAttachedTo(lead, target))
            {
                return false;
            }

            return leadMs >= personMs * AttachedPushedLengthFactor
                || (leadMs * AttachedLongDenominator >= personMs * AttachedLongNumerator && leadMs >= MinVehiclePassMilliseconds);
        }

        // True when lead held its zone for less time than a vehicle takes to pass (MinVehiclePassMilliseconds: a stroller and
        // the reach to its handle at a pushing pace), less the read cycles its measured hold may fall short by.
        private bool IsShortOfVehicle(TargetSummary lead)
        {
            return lead.EndMs - lead.StartMs < MinVehiclePassMilliseconds - VehiclePassReadCycles * _readCycleMs;
        }

        // True when target split off lead in one continuous presence of the zone, starting where lead ended: nothing
        // between them went back to the floor.
        private static bool IsAttachedTo(TargetSummary lead, TargetSummary target)
        {
            return target.Origin == TargetOrigin.ValleySplit && target.Episode == lead.Episode && target.StartMs == lead.EndMs;
        }

        // True when the target open behind the held-back low one has already lasted longer than a pusher can (see
        // IsPushedBy: a pusher passes the zone in at most PushedLengthDenominator/PushedLengthNumerator of the time their
        // vehicle took), so the low one is no pushed object and need not wait for it to finish. Without this, a seated
        // person reading low under a high mount was held until the next one in a queue had passed the zone: 1-2 s late.
        // How near the open target has come so far tells sooner. A pusher who does not stand PusherRiseMillimeters taller
        // than the vehicle must pass in 1/AttachedPushedLengthFactor of its time; one who does shows it early, because the
        // head is the first thing above the handle, at most an arm's reach and half a body (~0.6 m) behind the hands, which
        // a pusher walking at least 0.6 m/s brings into the zone within PusherHeadMilliseconds. So a follower that has lasted
        // longer than both without coming that much nearer is another body (a second wheelchair user close behind the
        // first): before, the first was counted only when the second was nearly through, 2-3 s late.
        private bool OutlastsPusher(int zone, long nowMs)
        {
            PairingZone pairing = _zones[zone];
            if (!pairing.IsOpen)
            {
                return false;
            }

            long leadMs = pairing.LeadEndMs - pairing.LeadStartMs;
            long openMs = nowMs - pairing.OpenStartMs;
            if (openMs * PushedLengthNumerator > leadMs * PushedLengthDenominator)
            {
                return true;
            }

            bool risen = pairing.LeadNearestMillimeters - _openNearestMm[zone] >= PusherRiseMillimeters;
            return !risen && openMs > PusherHeadMilliseconds && openMs * AttachedPushedLengthFactor > leadMs;
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

        // True when target, about to be settled as a touch, is the person behind the low thing queued last in its zone, and
        // is merged into it: target split off that low one at the very sample it ended (one presence, the zone never
        // cleared), reads at least PusherRiseMillimeters taller, and the other zone's open target rose after the low one
        // came here. That is a vehicle pushed over the line ahead of its pusher: the stroller's hood (or a wheelchair's
        // footrest and knees) reached the other zone while the head behind it was still coming, so the head here is
        // detected after the other zone's onset, as a touch across the line would be; but a touch comes from someone the
        // other zone held before, with no low body of its own ahead of it that came here first. Dropped as a touch, the
        // pusher left only the low one to pair, and that was then refused against the other zone's head as two things
        // (rule 5): the crossing was lost.
        private bool TakesOverVehicle(int zone, TargetSummary target)
        {
            PairingZone pairing = _zones[zone];
            PairingZone other = _zones[1 - zone];
            TargetSummary low = pairing.Newest;
            if (!IsAttachedTo(low, target) || target.HeightMillimeters - low.HeightMillimeters < PusherRiseMillimeters
                || other.OpenOnsetMs < low.OnsetMs)
            {
                return false;
            }

            low.EndMs = target.EndMs;
            low.NearestMillimeters = target.NearestMillimeters;
            low.HeightMillimeters = target.HeightMillimeters;
            low.Samples += target.Samples;
            low.CoreSamples += target.CoreSamples;
            low.IsShortLead = false;
            low.IsPushedMerge = true;
            pairing.ReplaceNewest(low);
            PushedObjectMerges++;
            return true;
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
                if (pairing.HasLead && (pairing.LeadEndMs + _maxGap < (pairing.IsOpen ? pairing.OpenOnsetMs : nowMs) || OutlastsPusher(zone, nowMs)))
                {
                    // Nothing taller followed within the gap, or what followed outlasted a pusher: the low target stands on its
                    // own (a child, say).
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
            if (bothQueued && (DropsOutdoneLoneReading(0) || DropsOutdoneLoneReading(1)))
            {
                return true;
            }

            if (bothQueued && !AwaitsBetterPartner(0) && !AwaitsBetterPartner(1) && !AwaitsGapRival()
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

        // True when partner, the oldest target of zone, which followed side only within the pair gap, stays its partner
        // although zone's next target overlaps side in time: see PartnerFit.KeepsGapPartner. A rival still open is judged by
        // how near it has come so far, and only when that is already clearly nearer than side: a target only comes nearer as
        // it goes on, so that verdict cannot change, while one that reads farther so far may still bring its head.
        private bool KeepsGapPartner(int zone, TargetSummary side, TargetSummary partner)
        {
            PairingZone pairing = _zones[zone];
            if (pairing.Count > 1)
            {
                return PartnerFit.KeepsGapPartner(side, partner, pairing.Second);
            }

            return pairing.IsOpen && IsClearlyNearerSoFar(zone, side, partner);
        }

        private bool IsClearlyNearerSoFar(int zone, TargetSummary side, TargetSummary partner)
        {
            TargetSummary rival = partner;
            rival.NearestMillimeters = _openNearestMm[zone];
            return rival.NearestMillimeters > 0 && rival.NearestMillimeters < side.NearestMillimeters && PartnerFit.KeepsGapPartner(side, partner, rival);
        }

        // True while the oldest targets of the two zones follow each other within the pair gap only, may be one whole body, and
        // the target open now in one of the zones began before the other's ended and has not yet come clearly nearer than
        // them: it may be the later, overlapping target that rules out the gap-only pair, or a rival that reads unlike it
        // (PartnerFit.KeepsGapPartner); which one shows only as its head is seen.
        private bool AwaitsGapRival()
        {
            TargetSummary a = _zones[0].Oldest;
            TargetSummary b = _zones[1].Oldest;
            bool gapOnly = !MeetWithin(a, b, 0) && MeetWithin(a, b, _maxGap);
            if (!gapOnly || !PartnerFit.IsOneWholeBody(a, b))
            {
                return false;
            }

            return (OpensRivalBy(1, a.EndMs) && !IsClearlyNearerSoFar(1, a, b)) || (OpensRivalBy(0, b.EndMs) && !IsClearlyNearerSoFar(0, b, a));
        }

        // True when zone's only queued target is followed by an open target that rose on its own by timeMs (see StartsBy).
        private bool OpensRivalBy(int zone, long timeMs)
        {
            PairingZone pairing = _zones[zone];
            return pairing.Count == 1 && pairing.IsOpen && pairing.OpenStartMs <= timeMs && !pairing.OpenIsSplit;
        }

        // True when a and b, one target per zone, overlap in time once each is allowed slackMs after its end.
        private static bool MeetWithin(TargetSummary a, TargetSummary b, long slackMs)
        {
            return a.StartMs <= b.EndMs + slackMs && b.StartMs <= a.EndMs + slackMs;
        }

        private void PairOldest()
        {
            if (SplitSpan(0) || SplitSpan(1))
            {
                return;
            }

            if (RequeueOutlasting(0) || RequeueOutlasting(1))
            {
                return;
            }

            DropAsides();
            TargetSummary a = _zones[0].Oldest;
            TargetSummary b = _zones[1].Oldest;
            if (!MeetWithin(a, b, _maxGap))
            {
                // No overlap: the one that ended first can never pair with anything later.
                Orphan(a.EndMs <= b.EndMs ? 0 : 1);
                return;
            }

            if (!MeetWithin(a, b, 0))
            {
                // Apart in time, within the gap only. The zones meet at the line, so a body walking from one to the other
                // is in both at once on the way; the gap only forgives a side seen late or briefly. If the other zone
                // already has a later target that does overlap, that one is the partner, and this one is a stray that
                // passed before (a door leaf sweeping ahead of the person it opened for).
                // Unless the two read like one body and that later target clearly does not (PartnerFit.KeepsGapPartner).
                if (StartsBy(1, a.EndMs) && !KeepsGapPartner(1, a, b))
                {
                    Orphan(1);
                    return;
                }

                if (StartsBy(0, b.EndMs) && !KeepsGapPartner(0, b, a))
                {
                    Orphan(0);
                    return;
                }
            }

            if (((IsNestedIn(b, a) && !IsEndHandedOn(0, a, 1, b)) || (IsNestedIn(a, b) && !IsEndHandedOn(1, b, 0, a))
                || IsPresenceNestedIn(1, b, a) || IsPresenceNestedIn(0, a, b)) && !IsStretchedWalk(a, b)
                && !IsHeldOpenOrigin(a, b))
            {
                // One target began after and ended before the other: a person standing on the line and swaying (or
                // leaning) across it touched the other zone and withdrew. That touch is no side of a crossing; the
                // longer target stays queued for its real partner (the person walking on, or none if they go back).
                bool bInA = IsNestedIn(b, a) || IsPresenceNestedIn(1, b, a);
                if (!_door.IsDoor(a, b) && !PartnerFit.HeadCameAfter(bInA ? b : a, bInA ? a : b))
                {
                    Orphan(bInA ? 1 : 0);
                    return;
                }
            }

            if (AreTwoBodies(a, b))
            {
                // Not one body (see AreTwoBodies): at most one of them is a side of a crossing. The one that ended first
                // is the stray: a real side's partner in the other zone overlaps it in time, and a zone holds one target
                // at a time, so a stray queued ahead of that partner must have ended before it (a door leaf's edge
                // passing just before the person it opened for). The later one stays queued for its real partner.
                // (Dropping both lost the person every time a leaf or a lean left a stray target ahead of them.) Tested
                // before the door rules: a stray whose onset happens to fall in the person's read cycle looks simultaneous.
                // But when the one that ended first is only the first part of a body that stayed in its zone over the whole
                // of the other (see StaysOver), the other is the stray: that body's edge reaching over the line.
                // And when the one that ended first is a vehicle the other already holds with its pusher, it is merged into
                // the pusher behind it instead (TakesVehicleAhead).
                if (TakesVehicleAhead(0, b) || TakesVehicleAhead(1, a))
                {
                    return;
                }

                MismatchRejections++;
                int first = a.EndMs <= b.EndMs ? 0 : 1;
                _zones[StaysOver(first, first == 0 ? b : a) ? 1 - first : first].DropOldest();
                return;
            }

            if (IsLeftOver(1, a) || IsLeftOver(0, b))
            {
                return;
            }

            Settle(a, b);
            if (_held.IsHeld && MergedPair.IsTwoPeople(a, b, _readCycleMs))
            {
                // Both zones saw two close followers as one target each (MergedPair): the crossing counts both. Held as one,
                // so that one person walking in and straight back, whose targets look the same, is no count at all.
                _held.People = 2;
                MergedPairSplits++;
            }

            _zones[0].DropOldest();
            _zones[1].DropOldest();
        }

        // True when the oldest target of zone, ended first and about to be dropped as a stray against other (two bodies: its
        // head lies far from other's), is the vehicle that other already holds with its pusher (a stroller and the person
        // pushing it, merged there as one target, see IsPushedBy), and is merged into the target split off it next, which is
        // that pusher: it split off the low one at the very sample it ended (the zone never cleared between them) and reads as
        // near as other does. In this zone the vehicle's target held the zone too briefly beside the pusher's to be merged
        // when it fell (the hood's target ends where the head rises, and a blending zone pads both with its own width);
        // dropped, it left the pusher's target nested in other, settled as a touch, and the crossing was lost. Two people
        // walking close behind each other are not merged in the other zone, so this never joins them. A vehicle stands at most
        // PushedObjectMaxHeightMillimeters high.
        private bool TakesVehicleAhead(int zone, TargetSummary other)
        {
            PairingZone pairing = _zones[zone];
            if (!other.IsPushedMerge || pairing.Count != 2)
            {
                return false;
            }

            TargetSummary low = pairing.Oldest;
            TargetSummary pusher = pairing.Second;
            if (low.HeightMillimeters > PushedObjectMaxHeightMillimeters || low.EndMs > other.EndMs || !IsAttachedTo(low, pusher)
                || AreTwoBodies(pusher, other))
            {
                return false;
            }

            pairing.ReplaceNewest(PushingFrom(pusher, low));
            pairing.DropOldest();
            PushedObjectMerges++;
            return true;
        }

        // True when the oldest target of zone and the target split off it next are one body that stayed in the zone from
        // before other began until after it ended, and other reads lower than that body's head: what a person standing at
        // the line, or turning back at it, shows the other zone when they lean or reach over it (a shoulder, an arm; more
        // than a head-to-shoulder gap below the head). Their head moving towards the line and back cuts their own zone's
        // presence in two at a valley, and the part detected after the edge would otherwise pair with it as a crossing.
        private bool StaysOver(int zone, TargetSummary other)
        {
            PairingZone pairing = _zones[zone];
            if (pairing.Count < 2)
            {
                return false;
            }

            TargetSummary body = pairing.Oldest;
            TargetSummary rest = pairing.Second;
            return IsAttachedTo(body, rest) && !AreTwoBodies(body, rest) && other.OnsetMs > body.OnsetMs && other.EndMs < rest.EndMs
                && other.NearestMillimeters > body.NearestMillimeters && other.NearestMillimeters > rest.NearestMillimeters;
        }

        // True when the oldest target of zone is left over (PartnerFit: its follower in the zone is clearly the same body
        // as target, of the other zone), and drops it: a person whose other side was lost (two people seen as one there)
        // in a dense flow. Paired, it would be counted against the flow and shift every later pair by one person.
        private bool IsLeftOver(int zone, TargetSummary target)
        {
            PairingZone pairing = _zones[zone];
            if (pairing.Count < 2 || !PartnerFit.PrefersNext(target, pairing.Oldest, pairing.Second))
            {
                return false;
            }

            pairing.DropOldest();
            Orphans++;
            LeftOverDrops++;
            return true;
        }

        // True while the oldest target of zone should wait for the other zone's next target before pairing: the other
        // zone's oldest fits it poorly (PartnerFit.MayBeBeaten) and the next one overlaps it, so it may be its partner.
        // The next one may still be open, or finished and held back for the pair gap (HoldLead): a head reading as low as
        // a stroller's hood (a blended reading under a high mount) waits there to see whether a pusher follows, and is a
        // person's side all the same. Paired without it, the oldest went to a faint stray that rose in the same read
        // cycle, and the person's own side was left over to pair with the next person's as a crossing the wrong way.
        // Only a held target that rose on its own (one split off a valley may be the same body swaying or standing on, a
        // loiterer, whose pieces are no new person), and only when the pair first-in first-out would make is no walker
        // anyway (the door rules reject it: it appeared at once in both zones): otherwise the oldest may well be the
        // target's other side, read a little differently (a seated person's head in one zone, their knees in the other).
        private bool AwaitsBetterPartner(int zone)
        {
            PairingZone other = _zones[1 - zone];
            if (other.Count != 1 || _zones[zone].HasAside || other.HasAside)
            {
                return false;
            }

            TargetSummary target = _zones[zone].Oldest;
            bool openOverlaps = other.IsOpen && other.OpenStartMs <= target.EndMs && other.OpenStartMs >= other.OldestEndMs;
            bool heldOverlaps = other.HasLead && !other.LeadIsSplit && other.LeadStartMs <= target.EndMs && other.LeadStartMs >= other.OldestEndMs
                && (zone == 0 ? _door.IsDoor(target, other.Oldest) : _door.IsDoor(other.Oldest, target));
            return (openOverlaps || heldOverlaps) && PartnerFit.MayBeBeaten(target, other.Oldest);
        }

        // True when zone's oldest target is a single reading from the bare floor that ended before the other zone's oldest
        // began: no body passes a zone in one reading (a ranging outlier, a flicker at the footprint's rim; see
        // MinReturnSamples), so it is the other target's partner only if nothing else is. Paired first-in first-out, it
        // made the crossing the wrong way round when the person's own side in its zone came a moment after the other
        // zone's target (the walker going the other way), and left that side over.
        private bool IsLoneReadingBefore(int zone)
        {
            TargetSummary oldest = _zones[zone].Oldest;
            return oldest.Samples == 1 && oldest.Origin == TargetOrigin.Floor && oldest.EndMs < _zones[1 - zone].OldestStartMs;
        }

        // True when zone's next target (queued, held back as a possible vehicle, or open so far) began within the pair gap
        // of the other zone's oldest and comes nearer to as near as that one than the lone reading before it: the other's
        // partner is that body. A lone reading that reads like the other zone's target (a faint child's only sign in a
        // zone, an adult close behind) stays its partner.
        private bool HasNextNear(int zone)
        {
            PairingZone pairing = _zones[zone];
            TargetSummary other = _zones[1 - zone].Oldest;
            long limit = other.EndMs + _maxGap;
            long start;
            int next;
            if (pairing.Count > 1)
            {
                start = pairing.SecondStartMs;
                next = pairing.Second.NearestMillimeters;
            }
            else if (pairing.HasLead)
            {
                start = pairing.LeadStartMs;
                next = pairing.LeadNearestMillimeters;
            }
            else if (pairing.IsOpen)
            {
                start = pairing.OpenStartMs;
                next = _openNearestMm[zone];
            }
            else
            {
                return false;
            }

            if (start > limit)
            {
                return false;
            }

            return Distance(next, other.NearestMillimeters) < Distance(pairing.Oldest.NearestMillimeters, other.NearestMillimeters);
        }

        private static int Distance(int a, int b)
        {
            return a > b ? a - b : b - a;
        }

        // Drops a lone reading (IsLoneReadingBefore) that a target of its own zone has outdone as the other's partner.
        private bool DropsOutdoneLoneReading(int zone)
        {
            if (!IsLoneReadingBefore(zone) || !HasNextNear(zone))
            {
                return false;
            }

            Orphan(zone);
            return true;
        }

        // True while a lone reading (IsLoneReadingBefore) waits for a target of its own zone that may yet begin within the
        // pair gap of the other zone's oldest.
        private bool AwaitsPastLoneReading(int zone, long nowMs)
        {
            return IsLoneReadingBefore(zone) && nowMs <= _zones[1 - zone].OldestEndMs + _maxGap;
        }

        // Decides the pair of a (zone 0) and b (zone 1) and holds the crossing it makes, confirming the one held before.
        private void Settle(TargetSummary a, TargetSummary b)
        {
            CrossingKind verdict = Decide(a, b);
            if (verdict == CrossingKind.None && _held.IsHeld && IsHeadBack(a, b))
            {
                // Refused (typically as a leaf appearing in both zones at once), yet it is the crossing's own head walking
                // off the still level it stood on past the line, read back over it in the same read cycle: a turn-back.
                _held.Kind = CrossingKind.None;
                TurnBacks++;
                return;
            }

            bool originIsZone0 = verdict != CrossingKind.None && OriginOf(verdict) == 0;
            if (verdict != CrossingKind.None && _held.IsHeld && verdict != _held.Kind && IsReturn(originIsZone0 ? a : b))
            {
                // The same person came straight back over the line: neither crossing counts.
                _held.Kind = CrossingKind.None;
                TurnBacks++;
            }
            else if (verdict != CrossingKind.None && (IsStandersDeparture(_held, verdict, originIsZone0 ? a : b, originIsZone0 ? b : a)
                || IsStandersDeparture(_lastConfirmedCrossing, verdict, originIsZone0 ? a : b, originIsZone0 ? b : a)))
            {
                // The crossing's own person (held, or confirmed last) walking on off the level they stood on: their
                // departure, not a second crossing.
                Confirm();
            }
            else
            {
                // The origin zone's next target found a partner: the held crossing stands.
                Confirm();
                if (verdict != CrossingKind.None)
                {
                    Hold(verdict, originIsZone0 ? a : b, originIsZone0 ? b : a, IsStretchedWalk(a, b));
                }
            }
        }

        // True when origin and destination, a pair going crossing's way (verdict), are that crossing's person leaving: origin is a
        // walk off a still level (someone who stood) in the very presence crossing's origin target began, and destination
        // belongs to crossing's destination presence. Neither zone emptied in between, so no one else came: a person who
        // stopped across the line, held there in both zones, and went on. Their crossing may already be confirmed (its origin
        // presence ended, the walk off was reported with that end), so crossing is the held one or the one confirmed last.
        private static bool IsStandersDeparture(HeldCrossing crossing, CrossingKind verdict, TargetSummary origin, TargetSummary destination)
        {
            return verdict == crossing.Kind && origin.IsWalkOff && origin.Episode == crossing.OriginEpisode
                && destination.Episode == crossing.DestinationEpisode;
        }

        // Pairs the oldest target of spanZone with two people of the other zone when it is both of them (TwoBodySpan):
        // the long target is cut where each person's end and start fall in its zone (their times in the other zone
        // shifted by the lag between the zones) and each part pairs with its person. False when it is not.
        private bool SplitSpan(int spanZone)
        {
            PairingZone spanning = _zones[spanZone];
            PairingZone other = _zones[1 - spanZone];
            TargetSummary first;
            TargetSummary second;
            if (other.HasAside)
            {
                bool asideFirst = other.Aside.StartMs <= other.OldestStartMs;
                first = asideFirst ? other.Aside : other.Oldest;
                second = asideFirst ? other.Oldest : other.Aside;
            }
            else if (other.Count > 1)
            {
                first = other.Oldest;
                second = other.Second;
            }
            else
            {
                return false;
            }

            TargetSummary span = spanning.Oldest;
            if (!TwoBodySpan.Covers(span, first, second, _maxGap, EndsAlone(spanZone, span, second)))
            {
                return false;
            }

            if (spanZone == 0 ? _door.IsDoor(span, first) : _door.IsDoor(first, span))
            {
                // The span and the first appeared at once (or look like a leaf by another door rule): a door leaf in both
                // zones, not people walking from one to the other. Its parts would no longer show it.
                return false;
            }

            TargetSummary firstPart = span;
            firstPart.EndMs = first.EndMs - (second.EndMs - span.EndMs);
            TargetSummary secondPart = span;
            secondPart.StartMs = second.OnsetMs - (first.OnsetMs - span.OnsetMs);
            secondPart.OnsetMs = secondPart.StartMs;
            secondPart.Origin = TargetOrigin.ValleySplit;
            SpanSplits++;
            if (spanZone == 0)
            {
                Settle(firstPart, first);
                Settle(secondPart, second);
            }
            else
            {
                Settle(first, firstPart);
                Settle(second, secondPart);
            }

            spanning.DropOldest();
            other.DropOldest();
            if (other.HasAside)
            {
                other.DropAside();
            }
            else
            {
                other.DropOldest();
            }

            return true;
        }

        // True when zone shows nothing of its own after span that may be a body span is taken to cover: no target split off
        // span at the very sample span ended (queued after it, kept aside, held back or open), and none that rose anew before
        // follower (of the other zone) ended there. A body walking over the line is in both zones at once, so a new target
        // in span's zone while follower was still in the other is follower's own side, not part of span.
        private bool EndsAlone(int zone, TargetSummary span, TargetSummary follower)
        {
            PairingZone pairing = _zones[zone];
            long end = span.EndMs;
            bool queued = pairing.Count > 1 && IsOwnAfter(pairing.SecondStartMs, pairing.SecondIsSplit, end, follower.EndMs);
            bool aside = pairing.HasAside && pairing.Aside.Origin == TargetOrigin.ValleySplit && pairing.Aside.StartMs == end;
            bool heldBack = pairing.HasLead && IsOwnAfter(pairing.LeadStartMs, false, end, follower.EndMs);
            bool open = pairing.Count == 1 && pairing.IsOpen && IsOwnAfter(pairing.OpenStartMs, pairing.OpenIsSplit, end, follower.EndMs);
            return !queued && !aside && !heldBack && !open;
        }

        // True when a target that began at startMs may be a body of its own after a span that ended at endMs: split off the
        // span at its very end, or risen anew before the follower of the other zone ended at followerEndMs (see EndsAlone).
        private static bool IsOwnAfter(long startMs, bool isSplit, long endMs, long followerEndMs)
        {
            return startMs >= endMs && (isSplit ? startMs == endMs : startMs <= followerEndMs);
        }

        // Puts back in the queue a target of zone settled as a touch when it finished, if it outlasted the other zone's
        // oldest target: a touch by someone standing in the other zone ends before they leave it. It finished while that
        // target was still open only because a split-off target is closed when the next head is confirmed (two people
        // close behind each other, both split apart in both zones, lost the second).
        private bool RequeueOutlasting(int zone)
        {
            PairingZone pairing = _zones[zone];
            PairingZone other = _zones[1 - zone];
            if (!pairing.HasAside || !pairing.AsideWasNeverQueued || pairing.Aside.EndMs <= other.OldestEndMs
                || pairing.Aside.Origin != TargetOrigin.ValleySplit)
            {
                return false;
            }

            // Both zones split two heads apart: the other zone's oldest target was closed at a valley, by the next head.
            bool otherSplit = other.Count > 1 ? other.SecondIsSplit && other.SecondStartMs == other.OldestEndMs
                : other.IsOpen && other.OpenIsSplit && other.OpenStartMs == other.OldestEndMs;
            if (!otherSplit || pairing.Count == 0 || !TwoBodySpan.AreTwoHeads(pairing.Oldest, pairing.Aside) || !TwoBodySpan.IsSeenPassing(pairing.Aside))
            {
                return false;
            }

            if (pairing.RequeueAside())
            {
                Orphans++;
            }

            return true;
        }

        // A target kept aside that did not turn out to be one of two people under a long target is an orphan after all.
        private void DropAsides()
        {
            for (int zone = 0; zone < 2; zone++)
            {
                if (_zones[zone].HasAside)
                {
                    _zones[zone].DropAside();
                    Orphans++;
                }
            }
        }

        // True when zone has a target after its oldest (queued, or open now) that began by timeMs and rose on its own,
        // from the floor or a still background: not a valley split, which may be a fragment of the same long body (a
        // wheelchair's footrest and its user's head).
        private bool StartsBy(int zone, long timeMs)
        {
            PairingZone pairing = _zones[zone];
            if (pairing.Count > 1)
            {
                return pairing.SecondStartMs <= timeMs && !pairing.SecondIsSplit;
            }

            return pairing.IsOpen && pairing.OpenStartMs <= timeMs && !pairing.OpenIsSplit;
        }

        private void Hold(CrossingKind kind, TargetSummary origin, TargetSummary destination, bool stretchedWalk)
        {
            _held.Kind = kind;
            _held.People = 1;
            _held.OriginZone = OriginOf(kind);
            _held.DestinationEndMs = destination.EndMs;
            _held.DestinationTargetEndMs = destination.EndMs;
            // A faint destination target whose body the zone's own detector has seen since goes on in that episode, and the
            // person left the zone when that presence ended.
            int to = _held.DestinationZone;
            bool continued = destination.Episode == _continuedFrom[to];
            _held.DestinationEpisode = continued ? _continuedTo[to] : destination.Episode;
            if (continued && _continuedLastMs[to] > _held.DestinationEndMs)
            {
                _held.DestinationEndMs = _continuedLastMs[to];
            }

            _held.NearestMillimeters = origin.NearestMillimeters < destination.NearestMillimeters ? origin.NearestMillimeters : destination.NearestMillimeters;
            _held.OriginEpisode = origin.Episode;
            _held.OriginArrivalMs = origin.ArrivalMs;
            _held.DestinationArrivalMs = destination.ArrivalMs;
            _held.OriginMayStand = origin.Origin == TargetOrigin.Floor && destination.Origin == TargetOrigin.Floor;
            int from = _held.OriginZone;
            _held.OriginStood = _held.OriginMayStand && _stillLevel[from] && !_zones[from].IsPresent && _stillEpisode[from] == origin.Episode;
            _held.OriginNearestMillimeters = origin.NearestMillimeters;

            // A still level can be the person standing only if the zone's presence began with them: a target that rose out
            // of a presence already there (a door leaf swinging in ahead of the person, or standing open) may leave that
            // presence behind as the level. So can a destination target that rose before the person did, on readings of a
            // level already there (a stretched walk, see IsStretchedWalk): the level it ends on is that, not the person.
            _held.DestinationMayStand = destination.Origin == TargetOrigin.Floor && !stretchedWalk;

            // The detector settles on a still level only after watching it for a while, and dates the target's end back to
            // where the level began: by the time the pair is made, the zone may already be standing on it.
            int zone = _held.DestinationZone;
            _held.IsStanding = _held.DestinationMayStand && _stillLevel[zone] && !_zones[zone].IsPresent && _stillEpisode[zone] == destination.Episode;
            _held.DestinationFloorMillimeters = destination.NearestMillimeters + destination.HeightMillimeters;
            _held.DestinationHeightMillimeters = destination.HeightMillimeters;
            // A person who stopped across the line stands in the zone they crossed into too: its target lasts as long as they
            // stand there (swaying, the zone never settles), or the zone settles on their still level.
            _held.DestinationStood = (_held.IsStanding && IsBodyLevel(_stillLevelMm[zone]))
                || (_held.DestinationMayStand && destination.EndMs - destination.StartMs >= MinStoodOverMilliseconds);
            if (IsStandingPastLine() && _stillMs[zone] > _held.DestinationEndMs)
            {
                _held.DestinationEndMs = _stillMs[zone];
            }
        }

        // True when one target spans the other in time although the body reached the inner target's zone first: when the
        // inner target rose, the outer one had read less than half its height above the floor, so it had risen only on
        // readings near the floor that the noise carried over the threshold (a door leaf standing open at the edge of its
        // zone holds a level there), and its end came after the inner one's as a walker's destination side does. Not
        // someone standing on the line who leans over it, nor two people or a pusher and stroller read as one target: the
        // outer zone already held a body when the inner target rose. The inner target must read at least half as high as
        // the outer one, as the same body over the line does: a wheelchair's footrest or an arm reaching over the line
        // from a body in the outer zone reads far lower (and that body's front, its footrest, read low when it rose). Nor
        // a door leaf closing out of its open position at that zone's edge: its edge fills both zones in the same read
        // cycle (DoorDiscriminator.CoresBeganTogether).
        private bool IsStretchedWalk(TargetSummary a, TargetSummary b)
        {
            if (IsNestedIn(b, a))
            {
                return IsStretchedAround(a, b) && !_door.CoresBeganTogether(a, b);
            }

            return IsNestedIn(a, b) && IsStretchedAround(b, a) && !_door.CoresBeganTogether(a, b);
        }

        // True when one target spans the other in time although the body passed from the outer target's zone into the inner
        // one's: the outer core (the body itself, TargetSummary.CoreStartMs/CoreEndMs) began first and ended first, by more
        // than a leaf coming to rest takes (DoorDiscriminator.CoresPassedInOrder), and its target went on after that on
        // readings that fell short of the body (a door leaf standing open at the edge of that zone, whose fringe the noise
        // carries over the enter threshold and back), past the inner one's end. The origin-side twin of IsStretchedWalk. Not
        // someone standing on the line who leans over it and back: their body stays in the outer zone, so its core goes on
        // until after the lean. Not a leaf's edge sweeping the zones: rigid, it ends its cores in both at one instant. The
        // inner target must read at least half as high as the outer one, as the same body over the line does, and rise out
        // of the floor or of a level standing in its zone (that leaf), not out of another body.
        // Also the other way round, the inner core first, when the inner target rose out of a level its zone had held longer
        // than a queue's gap (MergedPair.StartsWithWalkIn), a leaf standing open: the walker came out of the leaf's level in
        // the inner zone, and the outer zone's target, on the leaf's fringe there, rose early and ended late (IsStretchedWalk
        // asks for an inner target risen out of the bare floor). Not for an inner target risen from the floor this way:
        // someone who stepped over the line and back, or a stroller's pusher, showed that order too (turn-backs counted,
        // strollers lost).
        private bool IsHeldOpenOrigin(TargetSummary a, TargetSummary b)
        {
            if (IsNestedIn(b, a))
            {
                return IsHeldOpenAround(a, b);
            }

            return IsNestedIn(a, b) && IsHeldOpenAround(b, a);
        }

        private bool IsHeldOpenAround(TargetSummary outer, TargetSummary inner)
        {
            return outer.Origin == TargetOrigin.Floor && inner.Origin != TargetOrigin.ValleySplit
                && inner.HeightMillimeters * 2 >= outer.HeightMillimeters
                && (_door.CoresPassedInOrder(outer, inner) || (inner.Origin == TargetOrigin.Background && !MergedPair.StartsWithWalkIn(inner) && _door.CoresPassedInOrder(inner, outer)));
        }

        private static bool IsStretchedAround(TargetSummary outer, TargetSummary inner)
        {
            int floor = outer.NearestMillimeters + outer.HeightMillimeters;
            int heightWhenInnerRose = floor - outer.NearestWhenOtherRoseMillimeters;
            return outer.Origin == TargetOrigin.Floor && (inner.Origin == TargetOrigin.Floor || IsRiseOutOfEarlierLevel(inner, outer))
                && outer.NearestWhenOtherRoseMillimeters > 0
                && heightWhenInnerRose * 2 < outer.HeightMillimeters && inner.HeightMillimeters * 2 >= outer.HeightMillimeters;
        }

        // True when inner rose out of a still level (a background) of a presence its zone had held since before outer began:
        // a stroller's hood pushed into the zone first reads there as a low level, which the zone holds as its background, and
        // the pusher's head rises out of it. What held inner's zone was there before outer's body came, so inner's target
        // dates the head's arrival as one rising from the bare floor does. Not a walk off a level someone stood on (the
        // walk-off rules judge those by the zone the stander arrived in).
        private static bool IsRiseOutOfEarlierLevel(TargetSummary inner, TargetSummary outer)
        {
            return inner.Origin == TargetOrigin.Background && !inner.IsWalkOff && inner.ArrivalMs > 0 && inner.ArrivalMs < outer.StartMs;
        }

        // True when outer was born in its zone's presence (a valley split or a background) and that whole presence, from the
        // body's arrival in the zone, began before inner's and outlasted it: one person who came into outer's zone, stood
        // straddling the line (their edge holding inner's zone) and left the way they came. Their own zone's presence cut
        // into pieces (a sway, a walk off a level) leaves a last piece that alone is not nested, yet the body never left.
        private bool IsPresenceNestedIn(int innerZone, TargetSummary inner, TargetSummary outer)
        {
            // And the inner zone stayed empty until the outer presence ended: someone following (a pusher behind what they
            // push, the next walker of a queue) reaches it while still in the outer zone; a body going back does not.
            PairingZone pairing = _zones[innerZone];
            if ((pairing.Count >= 2 && pairing.SecondStartMs <= outer.EndMs) || (pairing.IsOpen && pairing.OpenStartMs <= outer.EndMs))
            {
                return false;
            }

            return outer.IsBornInPresence && outer.ArrivalMs > 0 && inner.Origin == TargetOrigin.Floor && inner.StartMs > outer.ArrivalMs
                && inner.EndMs < outer.EndMs && inner.NearestMillimeters - outer.NearestMillimeters > HeadToShoulderMillimeters
                && inner.EndMs - inner.StartMs >= MinStoodOverMilliseconds;
        }

        // True when outer ended at a valley handing its zone on to the next body (the zone's next target split off at outer's
        // end) while inner ended on its own. A valley's end sits at the lowest reading between two bodies, after the first
        // has begun to leave: with a follower close behind (a stroller behind a slow wheelchair) it comes later than that
        // body left, so outer outlasting inner does not show the body stayed in outer's zone. Someone leaning over the line
        // and back stays in their own zone after the lean, and it ends when they leave it, not at a follower's arrival.
        // Both targets must have split off the body ahead in their zones too, a queue walking over the line one after the
        // other: what reaches over the line from someone standing (a lean, a door leaf) rises in the other zone on its own.
        private bool IsEndHandedOn(int outerZone, TargetSummary outer, int innerZone, TargetSummary inner)
        {
            return outer.Origin == TargetOrigin.ValleySplit && inner.Origin == TargetOrigin.ValleySplit
                && EndsAtSplit(outerZone, outer) && !EndsAtSplit(innerZone, inner);
        }

        // True when the target after t in zone split off t where it ended (t is the zone's oldest target).
        private bool EndsAtSplit(int zone, TargetSummary t)
        {
            PairingZone pairing = _zones[zone];
            if (pairing.Count >= 2)
            {
                TargetSummary next = pairing.Second;
                return next.Origin == TargetOrigin.ValleySplit && next.StartMs == t.EndMs;
            }

            return pairing.IsOpen && pairing.OpenIsSplit && pairing.OpenStartMs == t.EndMs;
        }

        // True when destination is a single low reading that rose only as origin's target was ending: a body walking over
        // the line is in the destination zone while still in the origin one, for as long as its length takes to pass, and
        // reads there as high as it is. One reading under half origin's height at its last read cycle is the edge of what
        // turned back there (a wheelchair's footrest as the chair turns, a wheel), not someone who went on.
        private bool IsWithdrawingEdge(TargetSummary origin, TargetSummary destination)
        {
            return destination.Samples == 1 && destination.HeightMillimeters * 2 < origin.HeightMillimeters
                && destination.StartMs >= origin.EndMs - _readCycleMs;
        }

        // True when inner was detected after outer and ended before it.
        private static bool IsNestedIn(TargetSummary inner, TargetSummary outer)
        {
            return inner.OnsetMs > outer.OnsetMs && inner.EndMs < outer.EndMs;
        }

        // True when the pair of a (zone 0) and b (zone 1) is the held crossing's person going back: the destination zone's
        // target rose out of that crossing's own presence there (IsReturn) and both targets show a head as near as the
        // crossing's, within MaxSideHeightGapMillimeters either way (a leaf's edge reads nearer or farther than a head).
        private bool IsHeadBack(TargetSummary a, TargetSummary b)
        {
            TargetSummary back = _held.DestinationZone == 0 ? a : b;
            TargetSummary over = _held.DestinationZone == 0 ? b : a;
            return IsReturn(back) && !AreTwoBodies(back.NearestMillimeters, _held.NearestMillimeters)
                && !AreTwoBodies(over.NearestMillimeters, _held.NearestMillimeters);
        }

        private bool IsReturn(TargetSummary origin)
        {
            // Born out of the same continuous presence in that zone as the held crossing's destination target
            // (a valley split or a background, never the bare floor in between): the person went away from the
            // line, stood or hesitated, and came back.
            return origin.IsBornInPresence && origin.Episode == _held.DestinationEpisode;
        }

        // True when a target of the origin zone whose nearest reading is nearestMillimeters may be only the edge of the
        // person standing past the line, not someone following them: the destination zone settled, in the crossing's own
        // presence, on a still level (the stander's blend of head, shoulders and floor), and the origin target comes no
        // nearer than that. The origin zone sees only the stander's edge, which reads farther than the zone they stand in;
        // a follower walking up brings a head into the origin zone, nearer than the stander's blend.
        private bool IsStandersEdge(int nearestMillimeters)
        {
            int zone = _held.DestinationZone;
            int level = _stillLevelMm[zone];
            return _held.DestinationMayStand && _stillEpisode[zone] == _held.DestinationEpisode && level > 0 && nearestMillimeters >= level;
        }

        // True when the person who crossed still stands in the destination zone as a target (their sway keeps the zone from
        // settling into a still level, so IsStandersEdge has no level to compare with) and the origin zone's target rose
        // out of the still level that zone settled on behind them and came nowhere near as close as the head they crossed
        // with: the origin zone sees their edge (a shoulder or an arm swaying back over the line). Someone following walks up
        // from the bare floor (a stroller pushed in, a child, low as they are) or passes with a head as near as theirs.
        private bool IsTrackedStandersEdge(TargetSummary target)
        {
            return _held.DestinationMayStand && _zones[_held.DestinationZone].IsPresentIn(_held.DestinationEpisode)
                && target.Origin == TargetOrigin.Background && IsOtherBody(target.NearestMillimeters, _held.NearestMillimeters);
        }

        // True when a still level levelMillimeters away, held by the destination zone, reads as the held crossing's person
        // standing there: at least 1/StoodLevelHeadDivisor as high above the floor as their head read in that zone. A person
        // who stops is read as a blend of head, shoulders and floor, and the level their target settles on keeps a good part
        // of the head's height; a walker who went on under a door leaf standing open leaves the zone reading the leaf's sliver
        // at the footprint's edge, low over the floor, whatever their own height.
        private bool IsBodyLevel(int levelMillimeters)
        {
            int height = _held.DestinationFloorMillimeters - levelMillimeters;
            return levelMillimeters > 0 && height * StoodLevelHeadDivisor >= _held.DestinationHeightMillimeters;
        }

        // True when zone is still in occupancy episode: a target of it is present, or the zone holds a still level in it.
        private bool IsPresenceOn(int zone, int episode)
        {
            return _zones[zone].IsPresentIn(episode) || (!_zones[zone].IsPresent && _stillLevel[zone] && _stillEpisode[zone] == episode);
        }

        // True when both zones held the held crossing's person for at least MinStoodOverMilliseconds together, up to endMs:
        // someone who stood across the line, not a walker (a stroller's hood and its pusher pass a zone in a second or two).
        // False when an arrival is not known.
        private bool IsHeldInBoth(long endMs)
        {
            if (_held.OriginArrivalMs <= 0 || _held.DestinationArrivalMs <= 0)
            {
                return false;
            }

            long arrival = _held.OriginArrivalMs > _held.DestinationArrivalMs ? _held.OriginArrivalMs : _held.DestinationArrivalMs;
            return endMs - arrival >= MinStoodOverMilliseconds;
        }

        // True when the targets open in both zones now rose out of still levels within two read cycles of each other: the
        // head of one person standing across the line bobbing in both zones at once (see IsStraddlersBob), not a second person,
        // who walks into the zone they come from before the next.
        private bool IsBobOnset()
        {
            PairingZone a = _zones[0];
            PairingZone b = _zones[1];
            long lag = a.OpenOnsetMs - b.OpenOnsetMs;
            long bound = 2 * _readCycleMs;
            return a.IsOpen && b.IsOpen && !a.OpenIsSplit && !b.OpenIsSplit && lag <= bound && -lag <= bound;
        }

        private bool OriginMayReturn(long nowMs)
        {
            PairingZone returnZone = _zones[_held.OriginZone];
            if (returnZone.HasLead && !IsStandingFringe(returnZone.Lead))
            {
                // A low target in the origin zone is still being held back: it may be the person coming back (not something
                // standing there, see IsStandingFringe).
                return true;
            }

            PairingZone destination = _zones[_held.DestinationZone];
            PairingZone origin = _zones[_held.OriginZone];

            // Someone new in the destination zone shows over several readings, as anyone walking into a zone does
            // (MinReturnSamples). While the person who crossed lingered there past their target (they stood: a still
            // level, a sway), a reading after the one a new target rose in must still see it: a single reading just after
            // the stander left that zone towards the line is their own trailing edge (a back, an arm, a bag) at the
            // footprint's rim; taken for a newcomer, it confirmed the crossing of a loiterer who went back the way they
            // came. A walker's crossing is confirmed at once, as before, and so is a head split off a valley behind
            // another (a queue that never lets the zone clear): an edge rises out of the floor after the zone emptied.
            bool lingered = _held.DestinationEndMs > _held.DestinationTargetEndMs;
            bool newcomer = destination.IsOpen
                && (!lingered || destination.OpenIsSplit || _readMs[_held.DestinationZone] > destination.OpenOnsetMs);
            if (newcomer && destination.OpenOnsetMs > _held.DestinationTargetEndMs && origin.IsOpen && origin.OpenOnsetMs < destination.OpenStartMs
                && !IsStandersEdge(_openNearestMm[_held.OriginZone])
                && !((_held.OriginStood || (!_openFromFloor[_held.DestinationZone] && _openFromFloor[_held.OriginZone])) && IsBobOnset()))
            {
                // Not when both targets rose within two read cycles of each other (IsBobOnset) and the destination's rose out
                // of a still level there while the origin's rose out of the bare floor (or the origin had stood too): one
                // body moving in both zones at once, the stander stepping back over the line (their head into the origin
                // zone they had left empty, their body off the level it held). A second person must walk from the origin
                // zone into the destination, which takes longer than that; in a queue the origin zone is held by the next
                // person waiting (a still level there too), whose body moving on raises both zones at once.
                // Two bodies: the destination target has ended and the zone has risen to a new one since (a new head after
                // a valley, or a rise from a still background), and the origin zone had a new target before that began. The
                // person coming over the line behind the first is in the destination, so the first has moved on: confirm now.
                // A lone person turning back cannot show this: their return into the origin zone comes after whatever their
                // turning does to the destination zone's reading (without the origin-zone condition, raster turn-backs at
                // 2.2 m were counted 35 of 134 times instead of 15). Before, a queue of long, slow bodies (wheelchairs at
                // 0.6-1.0 m/s, 3-4 s in a zone) kept the destination occupied in one episode, and each count waited for
                // the follower to finish in the origin zone: 2-3 s late.
                return false;
            }

            int to = _held.DestinationZone;
            bool destinationOn = IsPresenceOn(to, _held.DestinationEpisode) || _endedEpisode[to] != _held.DestinationEpisode;
            if (_held.OriginStood && _held.DestinationStood && IsPresenceOn(_held.OriginZone, _held.OriginEpisode)
                && (destinationOn ? IsHeldInBoth(nowMs) : IsHeldInBoth(_endedMs[to])))
            {
                // The person has stood in both zones for seconds (the origin zone holding their still level, never empty
                // since they came): the zone they leave last, which OnPresenceEnded judges, is the one they go out through.
                return true;
            }

            if (destination.IsPresentIn(_held.DestinationEpisode) || IsStandingPastLine())
            {
                // Still standing in the destination zone (same continuous presence): they may yet turn back - unless
                // the origin zone already finished a target meanwhile. Someone coming back leaves the destination
                // zone before the origin zone; a target that ends in the origin while the destination is still
                // occupied is the next person following (a queue of wheelchairs never lets the zone clear) or a
                // touch across the line, so the crossing need not wait for the whole queue to pass.
                // A single reading is no one following: a person walking up passes the zone over several readings, like one
                // coming back (MinReturnSamples); one reading is a ranging outlier or an edge at the footprint's rim.
                // Nor is a target that came nowhere near the crossing's head and ended before the crossing's own destination
                // target did: the body's trailing edge (back, heels, a bag) at the origin footprint's rim while its head
                // went on over the line. A follower's head reads near the sensor, and is still in the origin zone after
                // the person ahead has moved on in the destination.
                return origin.Count == 0 || IsStandersEdge(origin.Oldest.NearestMillimeters) || IsTrackedStandersEdge(origin.Oldest)
                    || origin.Oldest.Samples < MinReturnSamples || IsTrailingEdge(origin.Oldest);
            }

            if (newcomer && destination.OpenOnsetMs > _held.DestinationEndMs)
            {
                // The destination zone, which had emptied, sees someone new: whatever began in the origin zone meanwhile
                // is moving on over the line (the next person of a queue), not coming back. Confirm now rather than
                // when that follower's own crossing is complete (seconds later for a long wheelchair).
                return false;
            }

            long limit = _held.DestinationEndMs + _maxGap;
            if (origin.Count > 0 && !IsStandingFringe(origin.Oldest))
            {
                return origin.OldestStartMs <= limit;
            }

            if (origin.IsOpen && origin.OpenStartMs <= limit
                && !(_openFromFloor[_held.OriginZone] && IsStandingFringe(_openNearestMm[_held.OriginZone], origin.OpenStartMs, nowMs)))
            {
                return true;
            }

            return nowMs <= limit;
        }

        // True when target, in the held crossing's origin zone, is that person's trailing edge: it rose out of the floor the
        // zone read once their head had left (a target split off a valley is a head behind theirs: the next body, such
        // as a stroller's hood pushed up behind them), reads as no body of its own (IsOtherBody against their head) and
        // ended while their destination target was still going on.
        private bool IsTrailingEdge(TargetSummary target)
        {
            return target.Origin == TargetOrigin.Floor && IsOtherBody(target.NearestMillimeters, _held.NearestMillimeters)
                && target.EndMs <= _held.DestinationTargetEndMs;
        }

        // When the held crossing's person left its destination zone. A still level they stood on is released on an average
        // of the zone's readings, several readings after its first reading of the bare floor; once that presence has ended,
        // its end is dated at that first floor reading (ZoneOccupancyDetector.PresenceEndMs), when the body had gone.
        private long LeftDestinationMs()
        {
            int to = _held.DestinationZone;
            return _endedEpisode[to] == _held.DestinationEpisode && _endedMs[to] < _held.DestinationEndMs ? _endedMs[to] : _held.DestinationEndMs;
        }

        // True when a target of the crossing's origin zone, between startMs and endMs and as near as nearestMillimeters, cannot
        // be the person coming back and is no reason to keep the crossing waiting: it comes nowhere near their head
        // (IsOtherBody; neither the return check nor a pair back over the line takes such a target) and has stayed in the zone
        // longer than a body takes to pass a zone's footprint (PlateauMilliseconds), so it is something standing there. A door
        // leaf standing open at the zone's edge is read around the enter threshold: a low target rises on it as soon as the
        // walker's body has left and stays open for seconds, then is held back as a possible stroller's hood, and the
        // crossing was confirmed only when the leaf swung shut, 2-5 s late (a miss and a false count). A child following the
        // walker passes within that time and keeps the crossing waiting as before; a slower body that reads that far from the
        // head (a stroller's hood) only has the crossing confirmed sooner. Only a target risen out of the bare floor: the edge
        // of someone standing on the line, swaying back over it, rises out of the still level their body holds in the origin
        // zone and may stay as long (it confirmed a loiterer's entry before they went back: an entry and an exit counted).
        private bool IsStandingFringe(TargetSummary target)
        {
            return target.Origin == TargetOrigin.Floor && IsStandingFringe(target.NearestMillimeters, target.StartMs, target.EndMs);
        }

        private bool IsStandingFringe(int nearestMillimeters, long startMs, long endMs)
        {
            return IsOtherBody(nearestMillimeters, _held.NearestMillimeters) && endMs - startMs >= ZoneOccupancyDetector.PlateauMilliseconds;
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
            if (_held.IsHeld && zone == _held.OriginZone && target.StartMs <= _held.DestinationEndMs + _maxGap && target.EndMs >= LeftDestinationMs()
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

            long end = _zones[zone].OldestEndMs;
            if (_zones[other].IsOpen)
            {
                return _zones[other].OpenStartMs <= end + _maxGap;
            }

            if (_dipPending[other] && _dipStartMs[other] <= end + _maxGap)
            {
                // A faint body is confirmed only a window of readings after it began (longer when a reading in between is
                // invalid), and dated back to its first, and a follower's level behind a valley only when it ends: one begun
                // within the gap may still come as this target's partner.
                return true;
            }

            return nowMs <= end + _maxGap;
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
            int gap = nearestMillimeters - otherNearestMillimeters;
            return gap > MaxSideHeightGapMillimeters || -gap > MaxSideHeightGapMillimeters;
        }

        // True when target, back in the origin zone, brings the head the held crossing was made with (see
        // MaxReturnHeightGapMillimeters). A walk off a still level is dated and measured by that level, the blend of a
        // stander's head, shoulders and floor, which reads farther than their head: it is only held to be no other body.
        private bool IsSameHead(TargetSummary target)
        {
            if (target.IsWalkOff)
            {
                return !IsOtherBody(target.NearestMillimeters, _held.NearestMillimeters);
            }

            return target.NearestMillimeters - _held.NearestMillimeters <= MaxReturnHeightGapMillimeters
                || target.NearestMillimeters - _held.OriginNearestMillimeters <= MaxReturnHeightGapMillimeters;
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

        // Which zone the body passed first when the two targets' onsets came less than a read cycle apart: as far as the
        // zones can tell they are simultaneous (each zone is ranged once a read cycle, and a target born out of a presence
        // - a wheelchair's footrest read as a still level behind the person before it - rises from it a reading or two
        // after the body came), so the order in which the body left decides, when that is clear (a read cycle or more).
        // A turn-back is no such pair: it reaches the far zone well after the near one and leaves it well before.
        private int PassedFirstByEnd(TargetSummary a, TargetSummary b)
        {
            long startLag = b.OnsetMs - a.OnsetMs;
            long endLag = b.EndMs - a.EndMs;
            if (startLag >= _readCycleMs || -startLag >= _readCycleMs || (endLag < _readCycleMs && -endLag < _readCycleMs))
            {
                return -1;
            }

            return endLag > 0 ? 0 : 1;
        }

        private CrossingKind Decide(TargetSummary a, TargetSummary b)
        {
            int highest = a.HeightMillimeters > b.HeightMillimeters ? a.HeightMillimeters : b.HeightMillimeters;
            if (highest < _minHeight && !(IsFaintBlend(a) && IsFaintBlend(b)))
            {
                LowObjectRejections++;
                return CrossingKind.None;
            }

            if (_door.IsDoor(a, b))
            {
                RememberLeaf(0, a);
                RememberLeaf(1, b);
                DoorRejections++;
                return CrossingKind.None;
            }

            if (IsStraddlersBob(a, b))
            {
                DoorRejections++;
                return CrossingKind.None;
            }

            int origin = IsUnpairedStay(0, a) || IsUnpairedStay(1, b) ? TargetSummary.ArrivedFirst(a, b) : TargetSummary.PassedFirst(a, b);
            if (origin < 0 && IsStretchedWalk(a, b))
            {
                // The body reached the inner target's zone first (see IsStretchedWalk).
                origin = IsNestedIn(a, b) ? 0 : 1;
            }
            if (origin < 0 && IsHeldOpenOrigin(a, b))
            {
                // The body passed the zones in the order of the cores (see IsHeldOpenOrigin).
                origin = _door.CoresPassedInOrder(a, b) ? 0 : 1;
            }

            if (origin < 0)
            {
                origin = PassedFirstOverSplit(a, b);
            }

            if (origin < 0)
            {
                origin = PassedFirstByEnd(a, b);
            }

            if (origin < 0)
            {
                // An end handed on to a follower is no end of the body (see IsEndHandedOn): the onsets decide.
                origin = IsNestedIn(b, a) && IsEndHandedOn(0, a, 1, b) ? 0 : IsNestedIn(a, b) && IsEndHandedOn(1, b, 0, a) ? 1 : -1;
            }

            if (origin >= 0 && IsWithdrawingEdge(origin == 0 ? a : b, origin == 0 ? b : a))
            {
                TurnBacks++;
                return CrossingKind.None;
            }

            if (origin >= 0 && (StoppedInOrigin(origin == 0 ? a : b, origin == 0 ? b : a, origin) || SwingsOn(origin, origin == 0 ? a : b)))
            {
                DoorRejections++;
                return CrossingKind.None;
            }

            if (origin >= 0)
            {
                return KindFrom(origin);
            }

            TurnBacks++;
            return CrossingKind.None;
        }

        // Which of a and b, the oldest targets of the zones, a body passing over the line reached first when their own ends
        // disagree with their onsets (TargetSummary.PassedFirst gave -1), judged again with each one's end taken where its
        // presence in the zone went on to (ContinuedEndMs): a valley split cuts one presence, and the part after it is the
        // same body still in the zone when it split off at the very sample the first ended and reads no more than a
        // vehicle's rise taller (a taller one is a pusher, see IsPushedBy). A stroller's hood ahead of its pusher, or a
        // wheelchair user and the back of the chair, read as one target in one zone and as two in the other; the first of
        // the two ends where the rest of the body rises, before its partner has ended, and the walk over the line was taken
        // for a turn-back (the rest then had no partner). -1 when the order still disagrees.
        private int PassedFirstOverSplit(TargetSummary a, TargetSummary b)
        {
            long aEnd = ContinuedEndMs(0, a);
            long bEnd = ContinuedEndMs(1, b);
            if (aEnd == a.EndMs && bEnd == b.EndMs)
            {
                return -1;
            }

            a.EndMs = aEnd;
            b.EndMs = bEnd;
            return TargetSummary.PassedFirst(a, b);
        }

        // The end of the presence target continues in zone: the end of the next finished target (queued after it, or held
        // back as low) when that one split off target at the very sample target ended, in the same presence, and reads less
        // than PusherRiseMillimeters taller; target's own end otherwise, or when target is not the zone's oldest.
        private long ContinuedEndMs(int zone, TargetSummary target)
        {
            PairingZone pairing = _zones[zone];
            if (pairing.Count == 0 || pairing.OldestStartMs != target.StartMs || pairing.OldestEndMs != target.EndMs)
            {
                return target.EndMs;
            }

            if (pairing.Count > 1 && Continues(target, pairing.Second))
            {
                return pairing.Second.EndMs;
            }

            if (pairing.Count == 1 && pairing.HasLead && Continues(target, pairing.Lead))
            {
                return pairing.Lead.EndMs;
            }

            if (pairing.Count == 1 && !pairing.HasLead && pairing.IsOpen && pairing.OpenIsSplit && pairing.OpenStartMs == target.EndMs
                && pairing.IsPresentIn(target.Episode) && target.NearestMillimeters - _openNearestMm[zone] < PusherRiseMillimeters)
            {
                // Still open: the body has not left the zone yet, so it leaves after anything already finished.
                return long.MaxValue / 2;
            }

            return target.EndMs;
        }

        private static bool Continues(TargetSummary first, TargetSummary rest)
        {
            return IsAttachedTo(first, rest) && rest.HeightMillimeters - first.HeightMillimeters < PusherRiseMillimeters;
        }

        // True when a and b are the head of one person standing across the line, bobbing: each zone had settled on the
        // still blend of that body as its background, and the head rose out of it in both zones within two read cycles.
        // How the two end says nothing: the last bob may run into the walk-off, which leaves the zones one after the
        // other. A walker coming over the line rises out of the bare floor (or out of someone's still blend in one zone
        // only) and reaches the zones one after the other; a stander who walks off leaves walk-off targets (ArrivedFirst
        // decides those).
        private bool IsStraddlersBob(TargetSummary a, TargetSummary b)
        {
            long startLag = b.OnsetMs - a.OnsetMs;
            long bound = 2 * _readCycleMs;
            return a.Origin == TargetOrigin.Background && b.Origin == TargetOrigin.Background && !a.IsWalkOff && !b.IsWalkOff
                && startLag <= bound && -startLag <= bound;
        }

        // True when target, of zone, is a walk off a still level (a person who stood under the sensor) whose arrival no
        // crossing has taken: the presence it ends is not the destination of the crossing held now. Then the direction is
        // judged from where the person came from (TargetSummary.ArrivedFirst). When the held crossing did take their
        // arrival, the walk off is only their departure, to be paired as such: back over the line cancels the held crossing.
        private bool IsUnpairedStay(int zone, TargetSummary target)
        {
            return target.IsWalkOff && !(_held.IsHeld && zone == _held.DestinationZone && target.Episode == _held.DestinationEpisode);
        }

        // True when both targets rose from the bare floor, the origin one ended settling on a low still level, which the
        // origin zone, never empty since, still holds, and the destination target ended within the time a still level
        // takes to be recognised after it: what the zones saw stopped at one moment, in the zone it swept first, instead
        // of going on over the line. A walker leaves the zone they came from before the one they go to; a door leaf
        // swinging open sweeps the zones in turn, like a walker, then stops standing open at the doorway's side, and each
        // zone dates its stop within that time. The leaf swings out of a closed door, out of view, so neither zone held
        // anything before (someone walking under the leaf standing open rises out of its level in the zone where most of
        // it stands). At the doorway's side only the zone's outermost rays reach the leaf, low down, and it fills a
        // sliver of the zone: its level reads below LeafLevelMaxHeightMillimeters, while what follows a person slowly
        // (a stroller's hood, 0.75 m or more up) or a person who stops reads higher. Not someone who stopped across the
        // line either: their front holds the destination zone for as long as they stand.
        // The sweep may also split at a valley in the origin zone (MaxSweepTailSamples): then it is its short tail that ends
        // on the still level, the zone never empty since, and the level the zone holds at the decision is still the tail's
        // (the valley's top, not yet the leaf's), so its height is not asked. The sweep's own target must then be brief, no
        // longer than a still level takes to be recognised: a leaf's edge passes a zone within its swing, while someone who
        // stood in the zone and walked off (a loiterer) held it for seconds.
        private bool StoppedInOrigin(TargetSummary originTarget, TargetSummary destinationTarget, int originZone)
        {
            int level = _stillLevelMm[originZone];
            int floor = originTarget.NearestMillimeters + originTarget.HeightMillimeters;
            bool sweepTail = _sweepTailEpisode[originZone] == originTarget.Episode
                && originTarget.EndMs - originTarget.StartMs <= ZoneOccupancyDetector.PlateauMilliseconds;
            return (originTarget.SettledOnStillLevel || sweepTail) && originTarget.Origin == TargetOrigin.Floor && destinationTarget.Origin == TargetOrigin.Floor
                && originTarget.QuietBeforeMs >= LeafQuietBeforeMilliseconds
                && _stillLevel[originZone] && !_zones[originZone].IsPresent && _stillEpisode[originZone] == originTarget.Episode
                && level > 0 && (sweepTail || floor - level < LeafLevelMaxHeightMillimeters)
                && destinationTarget.EndMs - originTarget.EndMs <= ZoneOccupancyDetector.PlateauMilliseconds;
        }

        private void RememberLeaf(int zone, TargetSummary target)
        {
            _leafEndMs[zone] = target.EndMs;
            _leafEpisode[zone] = target.Episode;
            _leafNearestMm[zone] = target.NearestMillimeters;
        }

        // True when originTarget, the origin side of a pair, is the door leaf the door rules refused just before swinging on:
        // it split off that leaf's target in its zone at a valley at the very sample that one ended (one presence, the zone
        // never cleared) and reads as near as it did, within LeafEdgeMatchMillimeters (one rigid edge, read again). An
        // automatic door that starts to close (the leaf leaves its open position filling both zones at once, refused as a
        // leaf) and opens again for someone still metres away swings back the way it opens, over the zones one after the
        // other like a walker, and was counted. A person reaching the zone while the leaf moves comes a swing later and rises
        // with a head of their own, not the leaf's edge.
        private bool SwingsOn(int originZone, TargetSummary originTarget)
        {
            int gap = originTarget.NearestMillimeters - _leafNearestMm[originZone];
            return originTarget.Origin == TargetOrigin.ValleySplit && originTarget.Episode == _leafEpisode[originZone]
                && originTarget.StartMs == _leafEndMs[originZone] && gap <= LeafEdgeMatchMillimeters && -gap <= LeafEdgeMatchMillimeters;
        }

        // A leaf's edge read twice in one swing reads as near within this (ranging noise of 20-60 mm at 2.2-3.0 m, twice);
        // a head differs from the top edge of a door (2030 mm or more up) by more, but for the tallest few.
        private const int LeafEdgeMatchMillimeters = 100;

        // A leaf swings open out of a closed door: the zone it sweeps first had no target finished for at least this long
        // before (0.7 s at the least among 137 leaf openings so refused in the raster door traces examined, 2.5-3.0 m, seeds
        // 1..5, 101..105 and 301..310: a closing leaf leaves the zone and shuts before it can come back). A walker under a
        // leaf standing open at that zone's edge rises in a zone where the leaf's fringe, read around the enter threshold,
        // kept rising and falling up to 70-350 ms before, and the zone's level is the leaf's, so their target may end
        // settling on it just as the leaf's own did.
        private const int LeafQuietBeforeMilliseconds = 500;

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
