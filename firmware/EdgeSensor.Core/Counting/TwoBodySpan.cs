namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// Recognises one long target in a zone that is two people walking close behind each other, seen apart in the
    /// other zone. Each zone sees a stretch of floor along the walking line that widens with the mount height, so
    /// where one zone still shows the gap between two close followers (two targets, the second often split off a
    /// valley), the other sees them merge into one target that began with the first and ended with the second.
    /// Pairing first-in first-out would give the long target to one of the two and leave the other an orphan.
    /// Pure decisions on finished targets: nothing is stored, nothing allocated.
    /// </summary>
    public static class TwoBodySpan
    {
        // A second person's head stands taller than anything pushed ahead of a person (a stroller's hood and handle, a
        // cart: at most about 1.1 m), so a low target next to a person is never taken for a second body.
        private const int MinBodyHeightMillimeters = 1150;

        // Two people walking in line show two heads about equally near the sensor; a stroller's hood stands at least
        // 300 mm below the head of the adult pushing it (an adult is 1.45 m or taller, the hood at most about 1.1 m), and
        // a wheelchair's footrest or its user's knees far lower than the user's head, a door leaf's edge closing behind a
        // person lower than their head. Fragments that far apart are one body and what it pushes, sits in or walked
        // through, not two people.
        private const int MaxHeadGapMillimeters = 300;

        // A child walking on their own (about 3 years and older) stands 0.95 m and taller (CDC growth charts); a door leaf's
        // lower edge sweeping shut behind a person reads lower than that.
        private const int MinFollowerHeightMillimeters = 1000;

        // A lower leader the other zone held past its enter threshold for this many readings (a walker's head holding its
        // level) is a body of its own, ended by the floor showing; a faint fringe (a wheelchair's footrest tip) drops under
        // the threshold without the floor showing (see IsLowerLeader).
        private const int MinLeaderCoreSamples = 4;

        // A lower leader this tall, held as a head (MinLeaderCoreSamples), is a person's head even when the taller one stepped
        // straight up out of its level with nothing lower between (a child of 1.3 m or more right ahead of an adult): a
        // stroller's hood or a cart stands at most about 1.1 m and a footprint zone blending it with its pusher reads it at
        // most about 1.22 m; a wheelchair's footrest and its user's knees stand far lower.
        private const int MinLeaderHeadMillimeters = 1300;

        // Each person walked through the short zone's whole stretch of floor: the stretches of the two zones are equally
        // long and adjoin at the line, so that took about the lag of one body walking from one zone to the other. At
        // least MinPassNumerator/MinPassDenominator of it: a fragment of one head (split by noise, or the shoulders) is
        // shorter; at most MaxPassLags of it: someone who stayed longer stood still in the zone (a loiterer), and their
        // stay can split into pieces that are no two people.
        private const int MinPassNumerator = 1;
        private const int MinPassDenominator = 2;
        private const int MaxPassLags = 2;

        // The span lasted from the first person's arrival to the second's leaving: two bodies, one behind the other,
        // each taking about one lag to pass. A single body, even a long one, leaves a shorter span. (Less when the second
        // came in closer behind, cutting the first short in the other zone: see Covers.)
        private const int MinSpanLags = 2;

        // Two people one behind the other walk at the same pace, so the first's lag between the zones and the second's
        // agree, but for the few samples a zone's threshold can cut off the end of a target (a leaving lag of a third of
        // the arriving one, in simulated traces). A larger ratio is someone who stopped on the way (a loiterer under the
        // sensor), or one long, slow body whose front one zone saw and whose back the other (a wheelchair under a 3.2 m
        // mount gave 3.3).
        private const int MaxLagRatio = 3;

        /// <summary>
        /// True when <paramref name="span"/> (one zone) is the two people whose targets in the other zone are
        /// <paramref name="first"/> and <paramref name="second"/> (in that order): two heads about equally near the
        /// sensor, following each other within <paramref name="maxGapMs"/>, each walking through its zone; the span
        /// began with the first and ended with the second (both people leading, or both trailing, in the span's zone)
        /// and lasted as long as two bodies take to pass. The second may read far lower than the first (a child behind an
        /// adult) only when <paramref name="spanEndsAlone"/>: its zone showed nothing of its own after the span that may be
        /// that second body; the first may read far lower (a child right ahead of an adult) only when the other zone read its
        /// floor between the two for two read cycles (<paramref name="readCycleMs"/>) or more, or cut the first off the second
        /// as short along the path (<see cref="TargetSummary.IsShortAlongPath"/>), or the second stepped straight up out of the
        /// first's level, held as a head taller than anything pushed.
        /// </summary>
        public static bool Covers(TargetSummary span, TargetSummary first, TargetSummary second, int maxGapMs, bool spanEndsAlone, int readCycleMs)
        {
            if (second.StartMs < first.EndMs || second.StartMs - first.EndMs > maxGapMs || second.Origin == TargetOrigin.Background)
            {
                // Not the second of two heads: it rose neither from the floor nor out of a valley after the first, but
                // below a still level the zone settled on after the first (someone who stopped there, a queue standing).
                return false;
            }

            int headGap = first.NearestMillimeters - second.NearestMillimeters;
            if ((Magnitude.Of(headGap) >= MaxHeadGapMillimeters || !IsHeadOf(first, span) || !IsHeadOf(second, span))
                && !(spanEndsAlone && IsLowerFollower(span, first, second)) && !IsLowerLeader(span, first, second, readCycleMs))
            {
                return false;
            }

            // The lags of the first person's arrival and of the second's leaving: both people walked the same way, so
            // both lags have the same sign (the span's zone first, or the other zone first).
            long startLag = first.OnsetMs - span.OnsetMs;
            long endLag = second.EndMs - span.EndMs;
            if ((startLag <= 0 || endLag <= 0) && (startLag >= 0 || endLag >= 0))
            {
                return false;
            }

            startLag = Magnitude.Of(startLag);
            endLag = Magnitude.Of(endLag);

            // The second stepped straight up out of the first's level (IsCutShort): the zone read the second's nearer head
            // from then on while the first was still under it, so the first's own target ended early. Walking on at the
            // second's pace, the first stayed about as long as the second did.
            bool cut = IsCutShort(first, second);
            TargetSummary firstStay = first;
            if (cut && Duration(second) > Duration(first))
            {
                firstStay.EndMs = first.StartMs + Duration(second);
            }

            // One body is in both zones at once at the line (or within the pair gap), so its lag is less than its own
            // time in a zone plus the gap: a span that began or ended farther off is not these two people.
            if (startLag > Duration(firstStay) + maxGapMs || endLag > Duration(second) + maxGapMs)
            {
                return false;
            }

            // A zone's threshold can cut one end of a target short, so the larger lag is the one body's walk between zones.
            long lag = startLag > endLag ? startLag : endLag;
            long shorterLag = startLag > endLag ? endLag : startLag;
            if (lag > shorterLag * MaxLagRatio)
            {
                return false;
            }

            // The span lasted from the first's arrival to the second's leaving: the second came in after the first and took a
            // lag to pass. Two people in line come in a lag or more apart (MinSpanLags), but one who cut the first short in the
            // other zone came in closer behind: by the time between their starts there.
            long behind = cut && second.StartMs - first.StartMs < lag ? second.StartMs - first.StartMs : lag * (MinSpanLags - 1);
            return Duration(span) >= lag + behind && IsWalkingPass(firstStay, lag) && IsWalkingPass(second, lag);
        }

        // True when second split off first's level with nothing lower between (a valley split with no gap, at first's end):
        // its head came into the zone while first was still there and cut first's target short.
        private static bool IsCutShort(TargetSummary first, TargetSummary second)
        {
            return second.Origin == TargetOrigin.ValleySplit && second.GapHeightMillimeters < 0 && second.StartMs == first.EndMs;
        }

        /// <summary>
        /// True when <paramref name="span"/> rose out of a level its zone had held since the target before it ended (a
        /// background) while <paramref name="first"/> stands far lower than <paramref name="second"/>: that level may have been
        /// the first person. Someone low walking right behind the person before reads farther than the level the zone held
        /// while that person left (their tail and shoulders), so the zone follows its level down onto the low one's head as the
        /// gap between two walkers, and the taller one right behind rises out of it as the span (see Covers).
        /// </summary>
        public static bool RoseOutOfLowerLeader(TargetSummary span, TargetSummary first, TargetSummary second)
        {
            return span.Origin == TargetOrigin.Background && span.BackgroundHeldMs > 0
                && first.NearestMillimeters - second.NearestMillimeters >= MaxHeadGapMillimeters;
        }

        // True when second, lower than first by more than two heads differ, followed first as a person of its own (a child
        // close behind a parent). Anything pushed goes ahead of the person pushing it (a stroller, a cart) and a wheelchair's
        // footrest ahead of its user, so a lower target behind a person, the span's head being that person's, is no part
        // of them. It still had to come nearer than a person's height threshold to be queued at all. Only when the span's
        // zone saw nothing of its own right after the span (spanEndsAlone): a lower thing that zone also saw apart (a door
        // leaf swinging shut behind the person, a person behind a leaf's top edge) was never under the span.
        private static bool IsLowerFollower(TargetSummary span, TargetSummary first, TargetSummary second)
        {
            return second.NearestMillimeters - first.NearestMillimeters >= MaxHeadGapMillimeters && IsHeadOf(first, span)
                && second.HeightMillimeters >= MinFollowerHeightMillimeters && second.StartMs <= span.EndMs;
        }

        // True when first, lower than second by more than two heads differ, walked ahead of second as a person of its own (a
        // child right ahead of a parent): its zone read the floor between the two for two readings or more, second rising anew
        // after first had ended. Anything pushed ahead of a person is joined to them by its handle and their arms (a
        // stroller's hood, a wheelchair's footrest and its user), so that zone never reads the floor between the two; a
        // single reading there may be signal fails off a low, dark part of the same body (a footrest under a 3 m mount), so
        // one is enough only when it was a valid reading of the floor after a body the zone held (MinLeaderCoreSamples). Or its
        // zone cut it off second as short along the path at second's pace (IsShortAlongPath): a hood stands 0.8 m or more
        // ahead of its pusher's head, a child right ahead of someone one body deep plus the gap. Or second stepped straight up
        // out of first's own level (a valley split with nothing lower between) after first held it as a head, and first stands
        // taller than anything pushed reads (MinLeaderHeadMillimeters).
        private static bool IsLowerLeader(TargetSummary span, TargetSummary first, TargetSummary second, int readCycleMs)
        {
            return first.NearestMillimeters - second.NearestMillimeters >= MaxHeadGapMillimeters && IsHeadOf(second, span)
                && ((second.Origin == TargetOrigin.Floor && second.StartMs - first.EndMs >= (first.EndedOnNothingNear || first.CoreSamples < MinLeaderCoreSamples ? 2 : 1) * readCycleMs) || first.IsShortAlongPath
                    || (IsCutShort(first, second) && first.CoreSamples >= MinLeaderCoreSamples && first.HeightMillimeters >= MinLeaderHeadMillimeters));
        }

        /// <summary>
        /// True when the head of <paramref name="target"/>, split off a valley, was seen at least as long after its
        /// detection as the valley before it lasted: a second head is confirmed as it arrives and then seen passing; one
        /// confirmed only at its very end was a sway or a lean of someone standing.
        /// </summary>
        public static bool IsSeenPassing(TargetSummary target)
        {
            return target.EndMs - target.OnsetMs >= target.OnsetMs - target.StartMs;
        }

        /// <summary>True when both targets may be people's heads, about equally near the sensor.</summary>
        public static bool AreTwoHeads(TargetSummary first, TargetSummary second)
        {
            int headGap = first.NearestMillimeters - second.NearestMillimeters;
            return IsTallEnough(first) && IsTallEnough(second) && Magnitude.Of(headGap) < MaxHeadGapMillimeters;
        }

        /// <summary>
        /// True when <paramref name="target"/> stands taller than anything pushed, or was shown to be no vehicle
        /// (<see cref="TargetSummary.IsShortLead"/>): it may be a person's head. A zone that blends all it sees (under a high
        /// mount) reads a walker's head as low as a stroller's hood, so there height alone cannot tell them apart; a vehicle
        /// also holds its zone longer than a vehicle's pass, and has its pusher right behind it.
        /// </summary>
        public static bool IsTallEnough(TargetSummary target)
        {
            return target.HeightMillimeters > MinBodyHeightMillimeters || target.IsShortLead;
        }

        // The span's nearest reading is the head of one of the two people (the taller one's), so each of them comes as
        // near as the span did, but for the difference between two heads.
        private static bool IsHeadOf(TargetSummary target, TargetSummary span)
        {
            int gap = target.NearestMillimeters - span.NearestMillimeters;
            return IsTallEnough(target) && Magnitude.Of(gap) < MaxHeadGapMillimeters;
        }

        // The lower bound is judged on the time the head was seen (from its detection): a piece split off a valley whose
        // new head was confirmed only at its very end is a sway or a lean of the same body, not a second person passing.
        private static bool IsWalkingPass(TargetSummary target, long lagMs)
        {
            long seen = target.EndMs - target.OnsetMs;
            return seen * MinPassDenominator >= lagMs * MinPassNumerator && Duration(target) <= lagMs * MaxPassLags;
        }

        private static long Duration(TargetSummary target)
        {
            return target.EndMs - target.StartMs;
        }
    }
}
