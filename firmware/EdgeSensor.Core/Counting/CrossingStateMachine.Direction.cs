namespace EdgeSensor.Core.Counting
{
    // A pair's verdict: a crossing (and which way), a touch across the line, or a turn-back.
    public sealed partial class CrossingStateMachine
    {
        // A leaf swings open out of a closed door: the zone it sweeps first had no target finished for at least this long
        // before (0.7 s at the least among 137 leaf openings so refused in the raster door traces examined, 2.5-3.0 m, seeds
        // 1..5, 101..105 and 301..310: a closing leaf leaves the zone and shuts before it can come back). A walker under a
        // leaf standing open at that zone's edge rises in a zone where the leaf's fringe, read around the enter threshold,
        // kept rising and falling up to 70-350 ms before, and the zone's level is the leaf's, so their target may end
        // settling on it just as the leaf's own did.
        private const int LeafQuietBeforeMilliseconds = 500;

        // From the top of an adult's head down to the shoulders is about 25-30 cm: what reads farther than the head by more
        // than this is a shoulder or an arm over the line, not a second head.
        private const int HeadToShoulderMillimeters = 250;

        // A door leaf standing open at the doorway's side is seen only by a zone's outermost rays, low down, in a
        // sliver of the zone: its still level reads below this height above the floor. A stroller's hood stands 0.75
        // m or more up (canopies about 1.0-1.1 m: docs/simulator.md), and a person who stops reads higher still (see
        // StoppedInOrigin).
        private const int LeafLevelMaxHeightMillimeters = 700;

        // Decides the pair of a (zone 0) and b (zone 1) and holds the crossing it makes, confirming the one held before.
        private void Settle(TargetSummary a, TargetSummary b)
        {
            CrossingKind verdict = Decide(a, b);
            if (verdict != CrossingKind.None)
            {
                _crossingVerdicts++;
            }

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
            else if (verdict != CrossingKind.None && IsPusherOfLast(verdict, a, b))
            {
                // The person pushing the vehicle the crossing before was (see IsPusherOfLast): one crossing with it, not a second.
                _lastCounted = CrossingKind.None;
                PushedObjectMerges++;
                Confirm();
            }
            else if (verdict == CrossingKind.None && _held.IsHeld && IsFaintHeld() && IsLoneReadings(a, b))
            {
                // Two lone readings (refused, see IsLoneReadings) while a faint crossing is held: its person's edge as they
                // turn on the line, or noise, but no one following; the crossing still waits for their way back.
            }
            else if (verdict == _held.Kind && _held.IsHeld && IsEdgeOverWayBack(originIsZone0 ? a : b, originIsZone0 ? b : a))
            {
                // The held crossing's person back in the origin zone (IsBackInOrigin) beside a lone reading of their own edge
                // re-risen in the destination (IsReRise): one reading is no one following (MinReturnSamples), so this is
                // them walking back, a turn-back, not a second crossing the same way.
                _held.Kind = CrossingKind.None;
                TurnBacks++;
            }
            else if (verdict == _held.Kind && _held.IsHeld && IsOwnBodyOverStray(originIsZone0 ? a : b, originIsZone0 ? b : a))
            {
                // The held crossing's own body again (its destination target re-risen, IsReRise) over a low stray in the origin
                // zone that comes nowhere near its head: no second person, who would bring a head into both zones.
            }
            else
            {
                // The origin zone's next target found a partner: the held crossing stands.
                Confirm();
                _lastCounted = verdict;
                _lastCountedA = a;
                _lastCountedB = b;
                if (verdict != CrossingKind.None)
                {
                    Hold(verdict, originIsZone0 ? a : b, originIsZone0 ? b : a, IsStretchedWalk(a, b));
                }
            }
        }

        // True when a pair going the held crossing's way is its person walking back: its destination target is a single
        // reading re-risen on their body (IsReRise), and its origin target brings their head back (IsSameHead) over several
        // readings (MinReturnSamples), risen before that reading and still there when their target in the destination
        // ended: back in the origin zone before they left the destination. Not when the origin target is a faint blend
        // (IsFaintBlend): a small child under a high mount reads past the threshold of the zone ahead for a single reading
        // as they pass, so there one reading may well be someone following.
        private bool IsEdgeOverWayBack(TargetSummary origin, TargetSummary destination)
        {
            return destination.Samples < MinReturnSamples && IsReRise(destination.StartMs, destination.NearestMillimeters)
                && !IsFaintBlend(origin) && origin.StartMs <= destination.StartMs && origin.EndMs >= _held.DestinationTargetEndMs && IsSameHead(origin)
                && origin.Samples >= MinReturnSamples;
        }

        // True when a pair going the held crossing's way is no second person: its destination target is the held body's own
        // re-risen (IsReRise: the faint blend of a body still in that zone dipped under the threshold for a reading or two),
        // and its origin target comes nowhere near that body's head (IsOtherBody) and reads farther than the destination
        // side by more than a head-to-shoulder depth: one head passing both zones reads about as near in each, while this is
        // something low at the origin zone's rim (a door leaf's fringe standing open there) beside the body that crossed.
        private bool IsOwnBodyOverStray(TargetSummary origin, TargetSummary destination)
        {
            return IsReRise(destination.StartMs, destination.NearestMillimeters) && IsOtherBody(origin.NearestMillimeters, _held.NearestMillimeters)
                && origin.NearestMillimeters - destination.NearestMillimeters > HeadToShoulderMillimeters;
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
        // cycle (DoorDiscriminator.CoresBeganTogether). Nor someone who stopped across the line: the inner target of a walk
        // lasts a body's passage through a zone, while one held there MinStoodOverMilliseconds or more is a person who
        // stood in both zones, and the outer zone's low start is their own front (a wheelchair's footrest and knees, 0.3-0.6
        // m up, reach the next zone ahead of the head), not a leaf's fringe: they arrived from the outer zone's side and,
        // leaving it last, went back the way they came.
        private bool IsStretchedWalk(TargetSummary a, TargetSummary b)
        {
            if (IsNestedIn(b, a))
            {
                return IsStretchedAround(a, b) && !_door.CoresBeganTogether(a, b) && !IsStayAcross(b);
            }

            return IsNestedIn(a, b) && IsStretchedAround(b, a) && !_door.CoresBeganTogether(a, b) && !IsStayAcross(a);
        }

        private static bool IsStayAcross(TargetSummary inner)
        {
            return inner.EndMs - inner.StartMs >= MinStoodOverMilliseconds;
        }

        // True when one target spans the other in time although the body passed from the outer target's zone into the inner
        // one's: the outer core (the body itself, TargetSummary.CoreStartMs/CoreEndMs) began first and ended first, by more
        // than a leaf coming to rest takes (DoorDiscriminator.CoresPassedInOrder), and its target went on after that on
        // readings that fell short of the body (a door leaf standing open at the edge of that zone, whose fringe the noise
        // carries over the enter threshold and back), past the inner one's end. The origin-side twin of IsStretchedWalk. Not
        // someone standing on the line who leans over it and back: their body stays in the outer zone, so its core goes on
        // until after the lean. Not a leaf's edge sweeping the zones: rigid, it ends its cores in both at one instant. The
        // inner target must read at least half as high as the outer one, as the same body over the line does, and rise out
        // of the floor or of a level standing in its zone (that leaf), not out of another body: not split off at a valley
        // behind another head, unless it split off a leaf that came to rest there (SplitOffRestingLeaf), someone walking in
        // under the leaf standing open, as one risen out of the leaf's level is.
        // Also the other way round, the inner core first, when the inner target rose out of a level its zone had held longer
        // than a queue's gap (MergedPair.StartsWithWalkIn), a leaf standing open, or split off a leaf that came to rest there
        // (SplitOffRestingLeaf): the walker came out of the leaf in the inner zone, and the outer zone's target, on the leaf's fringe there, rose early and ended late (IsStretchedWalk
        // asks for an inner target risen out of the bare floor). Not for an inner target risen from the floor this way:
        // someone who stepped over the line and back, or a stroller's pusher, showed that order too (turn-backs counted,
        // strollers lost).
        private bool IsHeldOpenOrigin(TargetSummary a, TargetSummary b)
        {
            if (IsNestedIn(b, a))
            {
                return IsHeldOpenAround(a, 1, b);
            }

            return IsNestedIn(a, b) && IsHeldOpenAround(b, 0, a);
        }

        private bool IsHeldOpenAround(TargetSummary outer, int innerZone, TargetSummary inner)
        {
            if (outer.Origin != TargetOrigin.Floor || inner.HeightMillimeters * 2 < outer.HeightMillimeters)
            {
                return false;
            }

            bool outOfLeaf = (inner.Origin == TargetOrigin.Background && !MergedPair.StartsWithWalkIn(inner)) || SplitOffRestingLeaf(innerZone, inner);
            return ((inner.Origin != TargetOrigin.ValleySplit || SplitOffRestingLeaf(innerZone, inner)) && _door.CoresPassedInOrder(outer, inner))
                || (outOfLeaf && _door.CoresPassedInOrder(inner, outer));
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

        // True when a and b are both walk offs of a still level (TargetSummary.IsWalkOff): one person who stood under the
        // sensor, seen in both zones, walking off. Each walk off is dated from when its zone's still level began (the stander
        // settling there), not from a body coming in, so one nested in the other only says which zone the stander settled in
        // first; the order in which they left, and where they came from, decide (ArrivedFirst). Taken for a touch across the
        // line, the zone's walk off was dropped and the stander's crossing lost (an adult who stood ~20 s straddling the line,
        // footprint loiter 2.2 m seed 105 at 298-320 s; a child of 1.35 m who stood 14 s over it, footprint mixed 2.8 m seed 2
        // at 188-204 s).
        private static bool AreWalkOffs(TargetSummary a, TargetSummary b)
        {
            return a.IsWalkOff && b.IsWalkOff;
        }

        // True when inner was detected after outer and ended before it.
        private static bool IsNestedIn(TargetSummary inner, TargetSummary outer)
        {
            return inner.OnsetMs > outer.OnsetMs && inner.EndMs < outer.EndMs;
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
            if (Magnitude.Of(startLag) >= _readCycleMs || Magnitude.Of(endLag) < _readCycleMs)
            {
                return -1;
            }

            return endLag > 0 ? 0 : 1;
        }

        // True when the two targets hold three readings or fewer in all, at most one of each past the enter threshold. A
        // body crossing the line stays in each zone's view for the time it takes to walk its own depth plus the view's
        // width at its height (a few hundred ms, several readings of a zone read every ~70 ms; even a runner's head is
        // read twice in at least one zone), while the sensor's heavy-tailed errors (readings with an error several times
        // the noise) put a lone reading past the enter threshold now and then on a bare floor: one in each zone within
        // the pair gap made about 0.1 phantom crossings an hour on the simulator's empty floor.
        // Where most readings fail (a floor past the range in sunlight at a high mount), a body passing is itself read
        // validly once or twice in a zone, so the rule holds only while most readings are valid.
        private bool IsLoneReadings(TargetSummary a, TargetSummary b)
        {
            return !MostReadingsFail && a.Samples + b.Samples <= 3 && a.CoreSamples <= 1 && b.CoreSamples <= 1;
        }

        private CrossingKind Decide(TargetSummary a, TargetSummary b)
        {
            int highest = a.HeightMillimeters > b.HeightMillimeters ? a.HeightMillimeters : b.HeightMillimeters;
            if (highest < _minHeight && !(IsFaintBlend(a) && IsFaintBlend(b)))
            {
                LowObjectRejections++;
                return CrossingKind.None;
            }

            if (IsLoneReadings(a, b))
            {
                LoneReadingRejections++;
                return CrossingKind.None;
            }

            bool opens = OpensAfterShut(a, b) || OpensFirstSinceBoot(a, b);
            if (_door.IsDoor(a, b) || IsKnownLeafMoving(a, b) || opens || ShutsAfterOpen(a, b))
            {
                // A leaf that came to rest stands open: what splits off it next in a zone is someone walking under it, not
                // the leaf swinging on (SwingsOn), so it is remembered apart from a leaf refused on the move.
                bool atRest = opens || (_door.CameToRest(a, b) && !SwingsShut(a, b));
                RememberLeaf(a, b, atRest);

                DoorRejections++;
                return CrossingKind.None;
            }

            if (IsStraddlersBob(a, b))
            {
                DoorRejections++;
                return CrossingKind.None;
            }

            bool stay = IsUnpairedStay(0, a) || IsUnpairedStay(1, b);
            TargetSummary leftA = stay ? PresenceLeft(0, a) : a;
            TargetSummary leftB = stay ? PresenceLeft(1, b) : b;
            int origin = stay ? TargetSummary.ArrivedFirst(leftA, leftB) : TargetSummary.PassedFirst(a, b);
            if (origin < 0 && (leftA.EndMs != a.EndMs || leftB.EndMs != b.EndMs))
            {
                // The zone the person arrived in still holds them after they walked off their level in the other: they went
                // back the way they came (PresenceLeft).
                TurnBacks++;
                return CrossingKind.None;
            }

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
                && Magnitude.Within(startLag, bound);
        }

        // target, of zone, ended as its presence was left: a target that ended on a still level the zone still holds (a
        // stander's sway settling back on their level) was not left then, but the person is still there, as far as this zone
        // can tell, at its last reading. For the zone they left last (ArrivedFirst), against the other zone's walk off.
        private TargetSummary PresenceLeft(int zone, TargetSummary target)
        {
            if (!target.IsWalkOff && _stillLevel[zone] && _stillEpisode[zone] == target.Episode && !_zones[zone].IsOpen && _stillMs[zone] > target.EndMs)
            {
                target.EndMs = _stillMs[zone];
            }

            return target;
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
        // stood in the zone and walked off (a loiterer) held it for seconds. And the destination then stopped when its core
        // ended (RestedMs), not when its zone let go of the leaf's fringe. Nor after a leaf came to rest in the origin zone, for a
        // target that reads nowhere near as near as its edge (IsUnderRestingLeaf): someone walking under the leaf standing open.
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
                && (sweepTail ? RestedMs(destinationTarget) : destinationTarget.EndMs) - originTarget.EndMs <= ZoneOccupancyDetector.PlateauMilliseconds
                && !IsUnderRestingLeaf(originZone, originTarget);
        }

        // When what target saw came to rest: the last reading of its core (at least half its height up) where the target went
        // on past it, on a fringe, and its end otherwise. After a sweep tail the destination zone may let go of the leaf's
        // fringe at its edge a second after the leaf stopped (875-1 295 ms after the sweep's own target ended at 3.0 m), while
        // its edge at full height stopped in both zones at one instant (the destination's core ended 245 ms after that end).
        private static long RestedMs(TargetSummary target)
        {
            return target.CoreEndMs > 0 && target.CoreEndMs < target.EndMs ? target.CoreEndMs : target.EndMs;
        }
    }
}
