namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// Recognises two people walking close behind each other whom both zones saw as one target each: under a high mount
    /// a zone sees a wide stretch of floor, so the floor between two close followers may never fill enough of either
    /// zone to end the target. The lag between the zones says how fast the body walked (the zones adjoin at the line, so
    /// one body reaches the second a zone's length after the first), hence how long one body holds a zone; a zone held
    /// about twice that long held two bodies. Pure decisions on finished targets: nothing is stored, nothing allocated.
    /// </summary>
    public static class MergedPair
    {
        // A seated person's head (a wheelchair user, whose chair holds a zone as long as two walkers do) stands at most
        // about 1.5 m above the floor: a seat of 0.45-0.5 m and a sitting height of up to about 1 m. Only heads above
        // that are taken for standing adults; children and short adults are not split here.
        private const int MinStandingHeightMillimeters = 1550;

        // Two heads in line stand about equally high; a stroller's hood at least this far below the head of its pusher.
        private const int MaxEarlyHeadGapMillimeters = 300;

        // One walking body holds a zone for the zone's length plus its own depth, and reaches the other zone a zone's length
        // after the first (the zones adjoin at the line), so its hold beyond that lag is its depth walked. A zone's length
        // at head height is about 0.24 of the head's distance from the sensor, so one adult's depth (0.25-0.3 m) reads
        // at most about 1200 mm in the units below; two people in line, the floor between them hidden, read longer. A
        // fixed number of lags would not do: the zone narrows at head height under a low mount, so there one body alone
        // holds a zone two lags.
        private const int MinTwoBodyLengthOverSlopeMillimeters = 1200;

        // Two people stay one target in a zone only while the floor between them stays hidden. A zone reports the nearest
        // surface anywhere in its footprint, which widens below the heads (shoulders, arms), so two adults in a queue whose
        // heads are two zone lengths apart at head height (0.5 m under a 3.0 m mount) still hold it as one, for up to about
        // three lags (2.6 in simulated traces). Longer is one long body or someone who stopped: a pusher behind a stroller
        // (about 1.8 m from the hood to the pusher's back) holds a zone three lags and more, a person who stopped longer.
        private const int MaxSpanLags = 3;

        // A target born out of a background began where the zone's level ended, not where the floor did. In a queue that
        // level is the short gap behind the person ahead (the target before ended less than this long before it), and
        // the target starts as the next body walks in, as from the floor. A level held longer is something standing in
        // the zone: a stroller's hood and the reach to its handle hold a zone at least this long at a pushing pace of
        // 1.4 m/s or less (so the pusher's target is only the rest of one long body), a door leaf standing open longer.
        internal const int MaxQueueGapMilliseconds = 680;

        // Both people walked at one pace, so the lag at their arrival (the first's) and at their leaving (the second's)
        // agree to within a read cycle or two. Ends farther apart mean someone stopped or turned on the way, and the
        // durations no longer measure a walk.
        private const int MinLagAgreementNumerator = 2;
        private const int MinLagAgreementDenominator = 3;

        /// <summary>
        /// True when <paramref name="a"/> (zone 0) and <paramref name="b"/> (zone 1), which pair as one crossing, are two
        /// standing people walking in line: both rose from the empty floor or from a queue's short gap behind the person
        /// ahead (one split off a valley starts where someone else ended, one born out of a level held longer - a door leaf
        /// standing open, a stroller's hood - where that level ended: neither's hold is one walk), both as tall as a
        /// standing adult with heads about equally near, both ends in the same order with lags that agree, and each zone
        /// held longer than one body holds it at the speed the lag gives, but no longer than three lags.
        /// </summary>
        public static bool IsTwoPeople(TargetSummary a, TargetSummary b, int readCycleMs)
        {
            if (!StartsWithWalkIn(a) || !StartsWithWalkIn(b) || !TwoBodySpan.AreTwoHeads(a, b)
                || a.HeightMillimeters < MinStandingHeightMillimeters || b.HeightMillimeters < MinStandingHeightMillimeters)
            {
                return false;
            }

            long startLag = b.OnsetMs - a.OnsetMs;
            long endLag = b.EndMs - a.EndMs;
            if ((startLag <= 0 || endLag <= 0) && (startLag >= 0 || endLag >= 0))
            {
                return false;
            }

            startLag = Magnitude.Of(startLag);
            endLag = Magnitude.Of(endLag);
            long lag = startLag > endLag ? startLag : endLag;
            long shorterLag = startLag > endLag ? endLag : startLag;
            if (shorterLag * MinLagAgreementDenominator < lag * MinLagAgreementNumerator)
            {
                return false;
            }

            // The first person walked the whole of their first zone before reaching the other, so their head had been seen
            // there by then, about as near as the target's nearest (the two heads stand about equally high). A stroller
            // pushed ahead still filled that zone with its hood, far lower than its pusher's head still to come.
            TargetSummary origin = b.OnsetMs > a.OnsetMs ? a : b;
            if (origin.NearestWhenOtherRoseMillimeters == 0 || origin.NearestWhenOtherRoseMillimeters - origin.NearestMillimeters >= MaxEarlyHeadGapMillimeters)
            {
                return false;
            }

            long durationA = a.EndMs - a.StartMs;
            long durationB = b.EndMs - b.StartMs;
            long shorter = durationA < durationB ? durationA : durationB;
            long longer = durationA < durationB ? durationB : durationA;
            // (hold - lag) / lag is the length of what held the zone, in zone lengths at head height; a zone's length there
            // grows with the head's distance from the sensor, so times that distance it is the length along the walk over
            // the footprint's slope. The nearer head gives the shorter zone, the smaller estimate.
            // Each end is known only to the zone's read cycle, so the lag may be up to a cycle longer than measured: judge
            // with the longest it may be (a lag of a few cycles says little about the speed).
            long measuredLag = lag + readCycleMs;
            int nearest = a.NearestMillimeters < b.NearestMillimeters ? a.NearestMillimeters : b.NearestMillimeters;
            return (shorter - lag) * nearest >= measuredLag * MinTwoBodyLengthOverSlopeMillimeters
                && longer <= lag * MaxSpanLags;
        }

        /// <summary>
        /// True when the target's start is where a body walked into the zone: out of the empty floor, or out of the short
        /// gap a queue leaves behind the person ahead (a level held under MaxQueueGapMilliseconds; 0 is a level held for an
        /// unknown time).
        /// </summary>
        public static bool StartsWithWalkIn(TargetSummary target)
        {
            if (target.Origin == TargetOrigin.Floor)
            {
                return true;
            }

            return target.Origin == TargetOrigin.Background && target.BackgroundHeldMs > 0 && target.BackgroundHeldMs < MaxQueueGapMilliseconds;
        }
    }
}
