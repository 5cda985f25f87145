namespace EdgeSensor.Core.Counting
{
    // A crossing held until its person is surely gone, so that a return over the line (a loiterer going back) cancels it.
    public sealed partial class CrossingStateMachine
    {
        // A person standing still in a zone reads there as a blend of head, shoulders and floor: the level their target settles
        // on stands at least a third as high above the floor as their head read in it (about half to all of it for people who
        // stopped across the line, raster and footprint, 2.2-3.0 m). A door leaf standing open at the doorway's side, seen by
        // a zone's outermost rays only, is the level a zone falls back to once a walker has passed under it: a tenth to a
        // fifth of the walker's head height.
        private const int StoodLevelHeadDivisor = 3;

        // While a crossing waits for its person standing past the line (IsStandingPastLine), the level the destination zone
        // holds must stand at least 1/StandingLevelHeadDivisor as high above the floor as their head read there. The leaf's
        // sliver a walker leaves behind reads a tenth to a fifth (StoodLevelHeadDivisor); a stander blends lower in a
        // narrow view than in the loiter scenes: down to a fifth under a 2.2 m mount when they cover 15-35 % of the zone
        // (HeldLoiterSceneTests), so the wait asks for a fifth, not a third, and lets go only of what reads below any stander.
        private const int StandingLevelHeadDivisor = 5;

        // A still level in the destination this much nearer than the origin's is a person standing there, not a door leaf:
        // one leaf, a flat panel seen by both zones, reads within about its slant across them of the same distance (up to
        // ~0.2 m), while a standing person puts head and shoulders into the destination and only an edge into the origin.
        private const int StandingLevelGapMillimeters = 200;

        // A person coming back over the line brings back the head they crossed with, and the origin zone sees it as it saw
        // their arrival there: the return reads within ~160 mm of the crossing's nearest, or of the origin target's own
        // where a blending zone read the person farther than the other zone did (a stander seen best in the zone they
        // stood in), on either coverage model (turn-back, loiter and inclusive scenes, 2.2-3.0 m). A door leaf's edge
        // closing behind the person reads 330-450 mm farther than both under a 3.0 m mount, within
        // MaxSideHeightGapMillimeters, and undid their crossing; a return needs its head within this of either.
        private const int MaxReturnHeightGapMillimeters = 300;

        // A child's head is 1.0-1.4 m high: under a 2.8-3.0 m mount, covering a small part of a raster zone, it reads
        // 150-500 mm above the floor, and standing past the line or walking back it may read under the enter threshold
        // for readings on end. A crossing whose head read no higher than this is judged by the faint windows too
        // (OnFaintWindow); an adult reads higher and leaves targets.
        private const int FaintBodyMaxHeightMillimeters = 500;

        // A faint crossing waits for its person's way back (AwaitsFaintWayBack) at most this long after their destination
        // target ended: FaintCrossing's longest dip of a body passing a zone (MaxDipMilliseconds); a child who turns back
        // stands a moment past the line and walks back through the origin zone within it.
        private const int MaxFaintWaitMilliseconds = 2000;

        // FaintCrossing's window: 8 readings of a zone, 560 ms at 33 ms budgets.
        private const int FaintWindowMilliseconds = 560;

        // Per zone, from FaintCrossing's windows: in a faint dip now, when that dip (or the last) began, and whether it holds
        // near its peak (FaintCrossing.IsSteadyDip).
        private readonly bool[] _faintDip = new bool[2];
        private readonly long[] _faintDipStartMs = new long[2];
        private readonly bool[] _faintSteady = new bool[2];

        /// <summary>
        /// One reading's faint window of <paramref name="zone"/> (FaintCrossing): whether it holds a dip, begun at
        /// <paramref name="dipStartMs"/>, and whether that dip read as a body: strong on its own, or with the other zone's
        /// last dip a faint walk over the line from there (FaintCrossing.IsWalkingPair: the way back is a faint crossing of
        /// its own, judged as FaintCrossing judges any, and a child's read 7.8 sigma beside 20.6). A faint crossing held (a child
        /// under a high mount) whose origin zone's dip ends after the destination's has ended, with no target there, is the
        /// child going back: a body crossing the line leaves the zone it came from first, and a follower is in the
        /// destination when it leaves the origin; one who turned back left the destination first and the origin last. The
        /// destination's windows must have seen the body there (a dip begun within a dip's length of its target's end).
        /// </summary>
        public void OnFaintWindow(int zone, bool inDip, long dipStartMs, bool strong, bool steady)
        {
            _faintSteady[zone] = steady;
            bool ended = _faintDip[zone] && !inDip;
            _faintDip[zone] = inDip;
            _faintDipStartMs[zone] = dipStartMs;
            int to = 1 - zone;
            if (ended && strong && _held.IsHeld && zone == _held.OriginZone && IsFaintHeld() && IsTargetFree(zone) && IsOwnDip(zone)
                && !_faintDip[to] && _faintDipStartMs[to] > _held.DestinationTargetEndMs - MaxFaintWaitMilliseconds)
            {
                _held.Kind = CrossingKind.None;
                TurnBacks++;
            }
        }

        // True when the held crossing's head read no higher than a child's under a high mount (FaintBodyMaxHeightMillimeters).
        private bool IsFaintHeld()
        {
            return _held.DestinationFloorMillimeters - _held.NearestMillimeters <= FaintBodyMaxHeightMillimeters;
        }

        // True when the origin zone's dip may be the held person's own: it began with their arrival in the origin zone (a
        // window dates a dip up to its length before the target rose) and before they arrived in the destination (they are
        // still on the line), or after their destination target ended (their way back). One begun while they were in the
        // destination is someone following, and one begun before they came a queue's (people ahead kept the zone dipping).
        private bool IsOwnDip(int from)
        {
            long start = _faintDipStartMs[from];
            return (start < _held.DestinationArrivalMs && start >= _held.OriginArrivalMs - FaintWindowMilliseconds)
                || start > _held.DestinationTargetEndMs;
        }

        private bool IsTargetFree(int zone)
        {
            PairingZone z = _zones[zone];
            return z.Count == 0 && !z.IsOpen && !z.HasLead;
        }

        // True while a faint crossing's person may still be coming back with no target to show it (see OnFaintWindow), for
        // up to MaxFaintWaitMilliseconds after their destination target ended: the origin zone dips (their way back, or a
        // follower's), or the destination's dip goes on. A window lets a body go FaintWindowMilliseconds after it left, so
        // a dip still on that long after the destination target ended, or holding near its peak (readings as deep as those
        // they replace), is the person still standing there, and a return over the line now is theirs (Discard). So is a
        // target the origin zone rose to meanwhile (FaintStayMs): a child standing on the line, read only by the windows
        // past their target's end, walks back into the origin zone while the destination still holds them, and their
        // return may read as a target there (a child of 0.9-1.0 m who stood 0.5-1.4 s on the line, 2.2-2.5 m).
        // Only a destination dip begun after the person reached the origin zone (less a window's dating slack, as IsOwnDip)
        // can be them standing there: one begun earlier is what stood there before they came, such as a door leaf standing
        // open whose sliver at the zone's edge the windows read as a dip for as long as it stands; it kept a child's entry
        // under the leaf waiting the whole MaxFaintWaitMilliseconds, counted 2 s late (a miss and a false count).
        private bool AwaitsFaintWayBack(long nowMs)
        {
            int from = _held.OriginZone;
            int to = _held.DestinationZone;
            if (!IsFaintHeld() || nowMs - _held.DestinationTargetEndMs > MaxFaintWaitMilliseconds)
            {
                return false;
            }

            bool stays = _faintDip[to] && !_zones[to].IsOpen && _faintDipStartMs[to] <= _held.DestinationTargetEndMs
                && _faintDipStartMs[to] >= _held.OriginArrivalMs - FaintWindowMilliseconds
                && (nowMs - _held.DestinationTargetEndMs >= FaintWindowMilliseconds || _faintSteady[to]);
            if (stays)
            {
                _held.FaintStayMs = nowMs;
            }

            if (!IsTargetFree(from))
            {
                return false;
            }

            if (_faintDip[from])
            {
                // Their way back, or someone following, whose own crossing decides.
                return IsOwnDip(from);
            }

            if (stays)
            {
                _held.DestinationEndMs = nowMs;
            }

            return stays;
        }

        // Until when a target rising in the origin zone may be the held crossing's person coming back: the end of their
        // stay in the destination, as its targets and still levels showed it or, for a faint body, its windows
        // (AwaitsFaintWayBack), and a pair gap after it.
        private long ReturnLimitMs()
        {
            return (_held.FaintStayMs > _held.DestinationEndMs ? _held.FaintStayMs : _held.DestinationEndMs) + _maxGap;
        }

        // True while the held crossing's destination zone holds the still level its target ended in, a level that may be the
        // person's body where its distance is known (StandingLevelHeadDivisor: a stander is read as a blend of head,
        // shoulders and floor, while a walker who went on under a door leaf standing open leaves the zone on the leaf's
        // sliver at the footprint's edge), and the origin zone does not hold one too: a door leaf standing open lies along
        // the walking line, across both zones, while a person stopped past the line stands in the destination zone only. A
        // zone's footprint widens with the mount, though, and the origin zone may see the edge of a person standing beside
        // it (their shoulder, an arm) as a level of its own.
        private bool IsStandingPastLine()
        {
            int origin = _held.OriginZone;
            bool originStill = _stillLevel[origin] && !_zones[origin].IsPresent;
            int level = _stillLevelMm[_held.DestinationZone];
            bool body = level <= 0 || (_held.DestinationFloorMillimeters - level) * StandingLevelHeadDivisor >= _held.DestinationHeightMillimeters;
            return _held.IsStanding && body && (!originStill || IsNearerThanOrigin()) && !IsRestingLeafLevel(_held.DestinationZone, level);
        }

        // True when the destination's still level is clearly nearer than the origin's (StandingLevelGapMillimeters): the
        // person stands in the destination and the origin sees only their edge, not one leaf lying across both zones.
        private bool IsNearerThanOrigin()
        {
            int destination = _stillLevelMm[_held.DestinationZone];
            int origin = _stillLevelMm[_held.OriginZone];
            return destination > 0 && origin > 0 && origin - destination >= StandingLevelGapMillimeters;
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

        private void Hold(CrossingKind kind, TargetSummary origin, TargetSummary destination, bool stretchedWalk)
        {
            _held.Kind = kind;
            _held.People = 1;
            _held.OriginZone = OriginOf(kind);
            _held.DestinationEndMs = destination.EndMs;
            _held.DestinationTargetEndMs = destination.EndMs;
            _held.FaintStayMs = 0;
            // A faint destination target whose body the zone's own detector has seen since goes on in that episode, and the
            // person left the zone when that presence ended.
            int to = _held.DestinationZone;
            bool continued = destination.Episode == _continuedFrom[to];
            _held.DestinationEpisode = continued ? _continuedTo[to] : destination.Episode;
            if (continued && _continuedLastMs[to] > _held.DestinationEndMs)
            {
                _held.DestinationEndMs = _continuedLastMs[to];
            }

            _held.EndBeforeTargetMs = _held.DestinationEndMs;
            _held.EndBeforeReadingMs = _held.DestinationEndMs;

            _held.NearestMillimeters = origin.NearestMillimeters < destination.NearestMillimeters ? origin.NearestMillimeters : destination.NearestMillimeters;
            _held.OriginEpisode = origin.Episode;
            // A target that rose below a still background it did not walk off (a door leaf standing open) arrived with its own
            // start: the presence it was born in began with what stands there, not with the person.
            _held.OriginArrivalMs = origin.Origin == TargetOrigin.Background && !origin.IsWalkOff ? origin.StartMs : origin.ArrivalMs;
            _held.DestinationArrivalMs = destination.ArrivalMs;
            _held.OriginMayStand = origin.Origin == TargetOrigin.Floor && destination.Origin == TargetOrigin.Floor;
            int from = _held.OriginZone;
            _held.OriginStood = _held.OriginMayStand && _stillLevel[from] && !_zones[from].IsPresent && _stillEpisode[from] == origin.Episode;
            _held.OriginNearestMillimeters = origin.NearestMillimeters;

            // A still level can be the person standing only if the zone's presence began with them: a target that rose out
            // of a presence already there (a door leaf swinging in ahead of the person, or standing open) may leave that
            // presence behind as the level. So can a destination target that rose before the person did, on readings of a
            // level already there (a stretched walk, see IsStretchedWalk): the level it ends on is that, not the person; and
            // so can one that ended on the level it rose onto and held before anything nearer came (a leaf standing open
            // before the walker came under it, TargetSummary.SettledOnRiseLevel). A pusher's head split off their own
            // vehicle's target in a presence the vehicle began is the person too.
            _held.DestinationMayStand = (destination.Origin == TargetOrigin.Floor || IsPusherOfVehicle(origin, destination))
                && !stretchedWalk && !destination.SettledOnRiseLevel;

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

        // True when destination is the head of a pusher behind the vehicle that began its zone's presence: it split off a
        // valley that stayed at handle height (VehicleContact: hands on the handle, forearms between hood and head), in a
        // presence that began no sooner than the origin target did, so nobody before this crossing's body opened it. A
        // stroller and its pusher are rigidly joined and stop together: a still level there is the two of them standing
        // past the line, not something a body before them left behind. (A stroller that stopped 20 s past the line was
        // counted as it stopped, and its real departure was dropped.) Only once the origin zone reads its bare floor again:
        // the stroller and its pusher have left it together, while someone who stopped on the line still fills it (their
        // sway splits their own target in the zone ahead just as a valley would).
        private bool IsPusherOfVehicle(TargetSummary origin, TargetSummary destination)
        {
            int from = _held.OriginZone;
            return destination.Origin == TargetOrigin.ValleySplit && !VehicleContact.SawFloorBetween(destination)
                && destination.ArrivalMs > 0 && destination.ArrivalMs >= origin.StartMs
                && !_zones[from].IsPresent && !_stillLevel[from];
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
            return (origin.IsBornInPresence && origin.Episode == _held.DestinationEpisode) || IsReRise(origin.StartMs, origin.NearestMillimeters);
        }

        // True when a target of the held crossing's destination zone, begun at startMs with its nearest reading at
        // nearestMillimeters, rose within the pair gap after that zone's target of the crossing ended and reads as the
        // crossing's head (IsOtherBody): a body leaves a zone's footprint over several read cycles, so a new head there
        // this soon is the same body whose faint blend fell under the threshold for a moment.
        // A target of the held crossing's destination zone that rose again within the pair gap after the crossing's target
        // there ended, from the bare floor, with the same head (IsReRise): the person's blend dipped under the threshold for
        // a moment and they stayed, up to that target's end. A target that rises in the origin zone by then may be them
        // going back (ReturnLimitMs).
        private void StayThroughReRise(TargetSummary target)
        {
            if (!target.IsBornInPresence && IsReRise(target.StartMs, target.NearestMillimeters) && target.EndMs > _held.DestinationEndMs)
            {
                _held.PushDestinationEnd(target.EndMs);
            }
        }

        private bool IsReRise(long startMs, int nearestMillimeters)
        {
            return startMs > _held.DestinationTargetEndMs && startMs <= _held.DestinationTargetEndMs + _maxGap
                && !IsOtherBody(nearestMillimeters, _held.NearestMillimeters);
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

        // True when a target of the held crossing's destination zone, as near as nearestMillimeters, is the noise of the still
        // level that zone held when it rose (in the crossing's presence, after the crossing's own target there), not the
        // person: it came no more than a head's depth (HeadToShoulderMillimeters) nearer than that level, and nowhere near
        // the head the crossing was made with (IsOtherBody). A door leaf standing open at the zone's edge, its fringe read
        // around the enter threshold, breaks into short targets 30-80 mm nearer than its level until it swings shut,
        // seconds after the walker went on under it, and the crossing waited for them (a miss and a false count). Someone
        // who stood past the line and moves, or a body coming in behind them (a stroller's hood), rises clear of the level.
        private bool IsLevelsNoise(int nearestMillimeters)
        {
            int level = _riseLevelMm[_held.DestinationZone];
            return level > 0 && level - nearestMillimeters < HeadToShoulderMillimeters && IsOtherBody(nearestMillimeters, _held.NearestMillimeters);
        }

        // Takes back the time a target of the level's noise (IsLevelsNoise) kept the held crossing waiting, once it has ended.
        // Not a walk off the level (a stander's own body leaving it, dated and measured by that level).
        private void ForgetLevelsNoise(int zone, TargetSummary target)
        {
            if (_held.IsHeld && zone == _held.DestinationZone && target.Episode == _held.DestinationEpisode
                && target.Origin == TargetOrigin.Background && !target.IsWalkOff
                && target.StartMs > _held.DestinationTargetEndMs && IsLevelsNoise(target.NearestMillimeters)
                && _held.EndBeforeTargetMs < _held.DestinationEndMs)
            {
                _held.DestinationEndMs = _held.EndBeforeTargetMs;
            }
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
            return a.IsOpen && b.IsOpen && !a.OpenIsSplit && !b.OpenIsSplit && Magnitude.Within(lag, bound);
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
            if (destination.Count > 0)
            {
                StayThroughReRise(destination.Oldest);
            }

            if (destination.HasLead)
            {
                StayThroughReRise(destination.Lead);
            }

            // Someone new in the destination zone shows over several readings, as anyone walking into a zone does
            // (MinReturnSamples). While the person who crossed lingered there past their target (they stood: a still
            // level, a sway), a reading after the one a new target rose in must still see it: a single reading just after
            // the stander left that zone towards the line is their own trailing edge (a back, an arm, a bag) at the
            // footprint's rim; taken for a newcomer, it confirmed the crossing of a loiterer who went back the way they
            // came. A walker's crossing is confirmed at once, as before, and so is a head split off a valley behind
            // another (a queue that never lets the zone clear): an edge rises out of the floor after the zone emptied.
            bool lingered = _held.DestinationEndMs > _held.DestinationTargetEndMs;
            bool newcomer = destination.IsOpen
                && (!lingered || destination.OpenIsSplit || _readMs[_held.DestinationZone] > destination.OpenOnsetMs)
                && !IsStandersOwnPiece();
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

            if (_walkOffPending[_held.DestinationZone] && _stillEpisode[_held.DestinationZone] == _held.DestinationEpisode)
            {
                // The person stood in the destination zone and their reading there is leaving the level: whatever ends in
                // the origin zone now is them walking back, which their walk off, reported when the level is released,
                // shows (a follower comes in while they stand, not as they go).
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

            if (newcomer && origin.Count == 0 && !origin.IsOpen && IsReRise(destination.OpenOnsetMs, _openNearestMm[_held.DestinationZone]))
            {
                // The destination rose again right after its target ended, with the same head and nothing in the origin zone:
                // the person is still there (a faint body's blend dipped under the threshold for a reading or two), and
                // may yet come back (IsReturn).

                _held.DestinationEndMs = nowMs;
                return true;
            }

            if (newcomer && destination.OpenOnsetMs > _held.DestinationEndMs)
            {
                // The destination zone, which had emptied, sees someone new: whatever began in the origin zone meanwhile
                // is moving on over the line (the next person of a queue), not coming back. Confirm now rather than
                // when that follower's own crossing is complete (seconds later for a long wheelchair).
                return false;
            }

            if (AwaitsFaintWayBack(nowMs))
            {
                return true;
            }

            long limit = ReturnLimitMs();
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

        // True when the destination zone's open target is the held crossing's person still standing on the line, not someone
        // new. They stood in the destination (DestinationStood) but it only ever saw their edge: its target came no nearer
        // than MaxReturnHeightGapMillimeters short of the head the origin zone read (a head reads within that in both zones;
        // see there); the origin zone has held them without a break since they arrived (its presence is still the crossing's
        // own episode); and the new target comes no nearer than their edge did: the same edge, read again as they sway or
        // as its shallow blend flickers across the threshold. Someone walking over the line brings a head of their own into
        // the destination zone, nearer than that edge; until it does, the target is the stander's.
        private bool IsStandersOwnPiece()
        {
            int to = _held.DestinationZone;
            int edgeNearest = _held.DestinationFloorMillimeters - _held.DestinationHeightMillimeters;
            return _held.DestinationStood && edgeNearest - _held.OriginNearestMillimeters > MaxReturnHeightGapMillimeters
                && _zones[_held.OriginZone].IsPresentIn(_held.OriginEpisode) && _openNearestMm[to] >= edgeNearest;
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
    }
}
