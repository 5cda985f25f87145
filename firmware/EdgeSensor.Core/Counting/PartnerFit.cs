namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// Tells which of two successive targets of one zone is the other side of a target in the other zone, when people
    /// follow each other so closely (a dense one-way flow, an event gate) that both overlap it in time. The zones are
    /// mirror images along the walking line, so one body comes about equally near the sensor in both; two people differ by
    /// their statures. Pairing first-in first-out alone, one left-over target (two people seen as one in the other zone)
    /// shifts every later pair by one person: each target pairs with the previous person's, start and end order still
    /// agree, and the whole flow is counted the wrong way. Pure decisions on finished targets: nothing stored or allocated.
    /// </summary>
    public static class PartnerFit
    {
        // A body's nearest point differs between the zones by noise and by what each zone sees of it (the head, or the
        // shoulders next to it); two people in a crowd differ by their statures, often by far more. A partner this much
        // nearer to equal than the other candidate is clearly the same body, not a reading difference.
        private const int ClearlyBetterMillimeters = 150;

        // Readings a target needs before its nearest one tells a stature: a head walking through a zone stays there for
        // many readings (9 or more at a 33 ms timing budget), and its nearest is read at the head. A body brushing the
        // zone for a few readings, or one whose reading at the head was lost (an invalid range status), may show only a
        // shoulder, a head-to-shoulder difference lower than the same body elsewhere. A single reading is no body at all
        // (a ranging outlier: CrossingStateMachine's MinReturnSamples) and stays a stray.
        private const int MinStatureSamples = 5;
        private const int MinBodySamples = 2;

        /// <summary>
        /// True when <paramref name="oldest"/> (the other zone's oldest target) fits <paramref name="target"/> poorly
        /// enough for a follower in its zone to fit clearly better, and ended first: it can only be the origin side of a
        /// crossing into <paramref name="target"/>'s zone, which a follower overlapping the target may turn out to be not.
        /// One that ended before the target began is left to the stray rules (a door leaf or a stray ahead of a person).
        /// </summary>
        public static bool MayBeBeaten(TargetSummary target, TargetSummary oldest)
        {
            return oldest.EndMs >= target.StartMs && oldest.EndMs <= target.EndMs && Gap(target, oldest) >= ClearlyBetterMillimeters;
        }

        /// <summary>
        /// True when <paramref name="next"/>, the target after <paramref name="oldest"/> in the other zone, is the partner
        /// of <paramref name="target"/> and <paramref name="oldest"/> a left-over: next overlaps the target in time, makes a
        /// crossing with it (start and end order agree), and comes clearly nearer to as near as the target does.
        /// </summary>
        public static bool PrefersNext(TargetSummary target, TargetSummary oldest, TargetSummary next)
        {
            if (!MayBeBeaten(target, oldest) || next.StartMs > target.EndMs || next.EndMs < target.StartMs)
            {
                return false;
            }

            if (oldest.Origin == TargetOrigin.Floor && oldest.Samples >= MinBodySamples && oldest.Samples < MinStatureSamples)
            {
                // A body risen out of the bare floor, but too brief to read a stature from (MinStatureSamples): a person
                // stepping over the line and straight back leaves such a brush of the zone they came from, then their
                // target beyond the line and another one on the way back; dropping the first as a left-over paired the way
                // back into a crossing. A piece risen out of a presence (a door leaf standing open, a valley) is left to
                // the stray rules.
                return false;
            }

            bool crosses = TargetSummary.PassedFirst(target, next) >= 0;
            return crosses && Gap(target, next) + ClearlyBetterMillimeters <= Gap(target, oldest);
        }

        /// <summary>
        /// True when <paramref name="partner"/>, which followed <paramref name="side"/> across the line only within the pair
        /// gap, is its other side after all, although <paramref name="rival"/>, the next target of the partner's zone, overlaps
        /// it in time: the partner reads like the same body and the rival clearly does not. A short or faint body (a child
        /// under a high mount) fills neither zone while it is over the line itself, so its two targets may miss each other by
        /// a reading or two; in a dense flow the next person is already in the zone by then, and taking them for the partner
        /// drops the first person's side and pairs every later target with the previous person's.
        /// </summary>
        public static bool KeepsGapPartner(TargetSummary side, TargetSummary partner, TargetSummary rival)
        {
            return IsOneWholeBody(side, partner) && Gap(side, partner) + ClearlyBetterMillimeters <= Gap(side, rival);
        }

        /// <summary>
        /// True when a gap-only <paramref name="partner"/> of <paramref name="side"/> may be the same whole body: both started
        /// where a body walked into its zone and they read alike. A walk-in rises out of the bare floor, or in a dense queue,
        /// where the zones never see the floor, out of the short level the gap behind the person ahead leaves
        /// (<see cref="MergedPair.StartsWithWalkIn"/>). A piece born out of a presence held longer or already in its zone (a
        /// valley split, a stroller's hood, a door leaf standing open) may be a fragment of a long body - a stroller's hood
        /// ahead of its pusher, a wheelchair - whose real sides are the longer targets overlapping it; two such fragments
        /// paired would count the vehicle apart from its pusher. While this holds, a rival still open in the partner's zone
        /// must finish (and show how near it comes) before the pair is judged.
        /// </summary>
        public static bool IsOneWholeBody(TargetSummary side, TargetSummary partner)
        {
            return MergedPair.StartsWithWalkIn(side) && MergedPair.StartsWithWalkIn(partner) && Gap(side, partner) < ClearlyBetterMillimeters;
        }

        /// <summary>
        /// True when <paramref name="inner"/>, a target that rose and ended within <paramref name="outer"/> of the other zone,
        /// is a head of its own, not a touch across the line by someone standing in the outer zone: when it rose, the outer
        /// target had come clearly less near than the head it showed later, and the inner reads as near as that head. A
        /// person leaning or swaying over the line has their head in their own zone all along, and what reaches over reads
        /// lower. Here the outer zone held something low first (a stroller's hood, which the inner zone took for its
        /// background) and the head pushing it came over only after it rose in the inner zone: a walker going from the inner
        /// zone to the outer one. Dropped as a touch, its side in the outer zone was left over and paired with the next
        /// person's, and every later pair of the flow shifted by one, counted the wrong way.
        /// </summary>
        public static bool HeadCameAfter(TargetSummary inner, TargetSummary outer)
        {
            return outer.NearestWhenOtherRoseMillimeters - outer.NearestMillimeters >= ClearlyBetterMillimeters
                && Gap(inner, outer) < ClearlyBetterMillimeters;
        }

        private static int Gap(TargetSummary a, TargetSummary b)
        {
            return Magnitude.Of(a.NearestMillimeters - b.NearestMillimeters);
        }
    }
}
