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

            bool crosses = TargetSummary.PassedFirst(target, next) >= 0;
            return crosses && Gap(target, next) + ClearlyBetterMillimeters <= Gap(target, oldest);
        }

        private static int Gap(TargetSummary a, TargetSummary b)
        {
            int gap = a.NearestMillimeters - b.NearestMillimeters;
            return gap < 0 ? -gap : gap;
        }
    }
}
