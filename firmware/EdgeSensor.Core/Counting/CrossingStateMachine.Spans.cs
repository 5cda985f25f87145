namespace EdgeSensor.Core.Counting
{
    // One long target in one zone over two people the other zone saw apart (TwoBodySpan).
    public sealed partial class CrossingStateMachine
    {
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
            bool endsAlone = EndsAlone(spanZone, span, second);
            if (!TwoBodySpan.Covers(span, first, second, _maxGap, endsAlone, _readCycleMs))
            {
                if (!TwoBodySpan.RoseOutOfLowerLeader(span, first, second))
                {
                    return false;
                }

                // The span rose out of the level its zone held since the target before it ended, and that level may have been
                // the first person (see RoseOutOfLowerLeader): the two people's span began with that level.
                span.StartMs -= span.BackgroundHeldMs;
                span.OnsetMs = span.StartMs;
                if (!TwoBodySpan.Covers(span, first, second, _maxGap, endsAlone, _readCycleMs))
                {
                    return false;
                }
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
    }
}
