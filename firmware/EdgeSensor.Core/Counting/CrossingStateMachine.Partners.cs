namespace EdgeSensor.Core.Counting
{
    // Which target of the other zone is the partner of a zone's oldest target, and when to wait for a better one.
    public sealed partial class CrossingStateMachine
    {
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

        // True when zone's next target, which overlaps side although partner (zone's oldest) followed side across the line only
        // within the pair gap, is the next walker of a queue going the way of that pair: partner and side read as one whole
        // body (PartnerFit.IsOneWholeBody), the next target came into view after side did (paired with side it would make a
        // crossing against the pair's walking order), and side's zone already holds that next target's own other side,
        // begun after it in the same walking order, overlapping it or within the pair gap (a faint walker's sides miss each
        // other by a reading or two). Each target then has its walking-order partner, and the flow one way:
        // walkers of one size in a queue (children 0.7 m apart) read alike, so PartnerFit.KeepsGapPartner cannot tell them
        // by stature, and the next walker is already in the first zone when a faint one's second side begins. Orphaned, the
        // partner was lost and every later pair of the queue was counted the wrong way, one person behind. A stray ahead of a
        // person (a door leaf's edge) leaves no such second pair in walking order.
        private bool IsQueueFollower(int zone, TargetSummary side, TargetSummary partner)
        {
            PairingZone pairing = _zones[zone];
            PairingZone sides = _zones[1 - zone];
            if (!PartnerFit.IsOneWholeBody(side, partner))
            {
                return false;
            }

            long nextOnset;
            long nextEnd;
            long followerOnset;
            long followerEnd;
            if (!NextAfterOldest(pairing, out nextOnset, out nextEnd) || nextOnset <= side.OnsetMs
                || !NextAfterOldest(sides, out followerOnset, out followerEnd))
            {
                return false;
            }

            return followerOnset > nextOnset && followerOnset <= nextEnd + _maxGap;
        }

        // The onset and end of zone's next target after its oldest: the second queued, else the one held back as a possible
        // hood (HoldLead), else the one still open (no end yet). False when it has none.
        private static bool NextAfterOldest(PairingZone zone, out long onsetMs, out long endMs)
        {
            if (zone.Count > 1)
            {
                onsetMs = zone.Second.OnsetMs;
                endMs = zone.Second.EndMs;
                return true;
            }

            if (zone.HasLead)
            {
                onsetMs = zone.Lead.OnsetMs;
                endMs = zone.LeadEndMs;
                return true;
            }

            onsetMs = zone.OpenOnsetMs;
            endMs = long.MaxValue / 2;
            return zone.IsOpen;
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
            if (JoinsLowBody(0) || JoinsLowBody(1))
            {
                return;
            }

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
            if (!MeetWithin(a, b, IsFaintPair(a, b) ? FaintPartner.MeetMilliseconds : _maxGap) && !MeetUnseen(a, b))
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
                if (StartsBy(1, a.EndMs) && !KeepsGapPartner(1, a, b) && !IsQueueFollower(1, a, b))
                {
                    Orphan(1);
                    return;
                }

                if (StartsBy(0, b.EndMs) && !KeepsGapPartner(0, b, a) && !IsQueueFollower(0, b, a))
                {
                    Orphan(0);
                    return;
                }
            }

            if (((IsNestedIn(b, a) && !IsEndHandedOn(0, a, 1, b)) || (IsNestedIn(a, b) && !IsEndHandedOn(1, b, 0, a))
                || IsPresenceNestedIn(1, b, a) || IsPresenceNestedIn(0, a, b)) && !IsStretchedWalk(a, b)
                && !IsHeldOpenOrigin(a, b) && !AreWalkOffs(a, b))
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

        // True when zone's oldest target is a single reading from the bare floor that began before the other zone's oldest
        // (its end is only the zone's next reading, and the other target may be dated back into that gap): no body passes a
        // zone in one reading (a ranging outlier, a flicker at the footprint's rim; see MinReturnSamples), so it is the
        // other target's partner only if nothing else is. Paired first-in first-out, it
        // made the crossing the wrong way round when the person's own side in its zone came a moment after the other
        // zone's target (the walker going the other way), and left that side over.
        private bool IsLoneReadingBefore(int zone)
        {
            TargetSummary oldest = _zones[zone].Oldest;
            return oldest.Samples == 1 && oldest.Origin == TargetOrigin.Floor && oldest.StartMs < _zones[1 - zone].OldestStartMs;
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

        // True when zone has a target after its oldest (queued, or open now) that began by timeMs and rose on its own,
        // from the floor or a still background: not a valley split, which may be a fragment of the same long body (a
        // wheelchair's footrest and its user's head). A queued target of one reading is no body that rose on its own (a
        // flicker while a faint child's other side was open): what follows it is judged instead.
        private bool StartsBy(int zone, long timeMs)
        {
            PairingZone pairing = _zones[zone];
            if (pairing.Count > 1 && pairing.Second.Samples > 1)
            {
                return pairing.SecondStartMs <= timeMs && !pairing.SecondIsSplit;
            }

            // A target held back as a possible hood (HoldLead) is a finished body of the zone all the same. It counts when
            // the zone's oldest split off the body ahead at a valley (no floor between: maybe that body's trailing edge) and
            // the held one, risen from the floor, reads nearer like the other zone's side: that side's own other side.
            if (pairing.HasLead && pairing.Oldest.Origin == TargetOrigin.ValleySplit)
            {
                int side = _zones[1 - zone].Oldest.NearestMillimeters;
                return pairing.LeadStartMs <= timeMs && !pairing.LeadIsSplit
                    && Distance(pairing.LeadNearestMillimeters, side) < Distance(pairing.Oldest.NearestMillimeters, side);
            }

            return pairing.IsOpen && pairing.OpenStartMs <= timeMs && !pairing.OpenIsSplit;
        }
    }
}
