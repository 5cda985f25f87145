namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// One zone target from its rise to its fall: when it was seen and what it looked like. The detector fills it in
    /// while the target is open, the zone channel adds the height above its floor when the target finishes, and the
    /// pairing stage queues it until a target of the other zone pairs with it. A plain value with fields, updated in
    /// place: no copy per sample, nothing allocated.
    /// </summary>
    public struct TargetSummary
    {
        /// <summary>Start (ms): the first sample nearer than the enter threshold, or the valley top it was split at.</summary>
        public long StartMs;

        /// <summary>
        /// When the target was detected (ms): equals <see cref="StartMs"/> for a target rising from the floor; for a
        /// split or background-born one it is the sample that confirmed the new head (its start is the valley top).
        /// </summary>
        public long OnsetMs;

        /// <summary>End (ms): the sample that ended it, the valley top of a split, or where a still background began.</summary>
        public long EndMs;

        /// <summary>Nearest filtered distance (mm): the top of the head.</summary>
        public int NearestMillimeters;

        /// <summary>Farthest filtered distance while nearer than the enter threshold (mm); with the nearest, the profile's flatness.</summary>
        public int FarthestCoreMillimeters;

        /// <summary>Height of the nearest point above the zone's floor (mm), set when the target finishes.</summary>
        public int HeightMillimeters;

        /// <summary>Samples the target lasted.</summary>
        public int Samples;

        /// <summary>Samples nearer than the enter threshold (the ones <see cref="FarthestCoreMillimeters"/> is taken over).</summary>
        public int CoreSamples;

        /// <summary>Where the target began.</summary>
        public TargetOrigin Origin;

        /// <summary>
        /// Occupancy episode: increments each time the zone leaves the empty floor, so targets with the same episode
        /// were one continuous presence in the zone (split or background-born).
        /// </summary>
        public int Episode;

        /// <summary>
        /// The nearest distance this target had come (mm) when a target rose in the other zone while it was open; 0 when
        /// none did. For a body walking over the line it is what the body showed in its first zone by the time it
        /// reached the second.
        /// </summary>
        public int NearestWhenOtherRoseMillimeters;

        /// <summary>
        /// True when the target ended by settling on a still level far above its nearest reading, which the zone then kept
        /// as its background (a door leaf that stopped standing open in view), not by leaving the zone.
        /// </summary>
        public bool SettledOnStillLevel;

        /// <summary>
        /// True when the still level the target settled on (<see cref="SettledOnStillLevel"/>) is the one it rose onto and
        /// held before anything nearer came: a surface there before the body (a door leaf standing open), not the body.
        /// </summary>
        public bool SettledOnRiseLevel;

        /// <summary>
        /// First sample (ms) of the target's core: the run of samples, up to its nearest reading, that read at least half
        /// its height above the zone's floor, when the body itself (or a leaf's edge), not a fringe of it or a level near
        /// the floor, filled the zone. 0 when not measured (a target put together from a faint dip).
        /// </summary>
        public long CoreStartMs;

        /// <summary>
        /// The last sample of the core (ms): the last reading at least half the nearest reading's height above the floor
        /// (see <see cref="CoreStartMs"/>); a fringe after it (a leaf standing open at a zone's edge, read low) does not
        /// move it. 0 when not measured.
        /// </summary>
        public long CoreEndMs;

        /// <summary>
        /// For a target born out of a background: how long (ms) the zone had held that level, from the end of the target
        /// before it to this one's start; 0 for any other origin, or when not measured. The gap between two walkers in a
        /// queue lasts a fraction of a second; a door leaf standing open, or a stroller's hood ahead of its pusher, longer.
        /// </summary>
        public long BackgroundHeldMs;

        /// <summary>
        /// How long (ms) the zone had had no target finished before this one began: from the end of the last target the
        /// pairing was given in this zone to this one's start (<see cref="long.MaxValue"/> when none came before). Set by
        /// the pairing stage.
        /// </summary>
        public long QuietBeforeMs;

        /// <summary>
        /// When the zone's presence this target belongs to began (ms): the first reading of its <see cref="Episode"/>, when
        /// the zone left the bare floor. For a target rising from the floor it is its start; for one born in that presence
        /// (a sway, a walk off a still level) it is when the body first came into the zone. 0 when not known.
        /// </summary>
        public long ArrivalMs;

        /// <summary>
        /// True for the walk off a still level a person had stood on (<see cref="ZoneOccupancyDetector.LeftStillLevel"/>):
        /// its start is when they settled there, not when they came.
        /// </summary>
        public bool IsWalkOff;

        /// <summary>
        /// True for a target the pairing held back as low enough to be something pushed, released because the next target of
        /// its zone, rising within the pair gap, outlasted a pusher, while it had itself held the zone less long than a vehicle
        /// takes to pass; and for that follower. Both are bodies walking on their own, however low a blending zone reads them
        /// (see <see cref="TwoBodySpan.IsTallEnough"/>).
        /// </summary>
        public bool IsShortLead;

        /// <summary>
        /// True for a low target its zone cut off the taller one right behind it because the low part was short along the path
        /// at that follower's pace (a child's head, not a stroller's hood; see ZoneOccupancyDetector.MaxChildLeadMillimeters),
        /// or whose top, a head's length at that pace, its follower's head rose 300 mm above after a valley (a seated
        /// person's head, not a hood; see ZoneOccupancyDetector.IsSeatedHeadLead).
        /// </summary>
        public bool IsShortAlongPath;

        /// <summary>
        /// True for a target ended by signal fails ("nothing near", see ZoneChannel), not by a reading of the floor: too little
        /// light came back, which a low, dark part of a body (a wheelchair's footrest) also returns.
        /// </summary>
        public bool EndedOnNothingNear;

        /// <summary>
        /// True for a pushed object and the person behind it merged into one target (a stroller and its pusher): the zone
        /// saw the low vehicle first and the taller pusher follow it.
        /// </summary>
        public bool IsPushedMerge;

        /// <summary>
        /// Queued behind the shorter target of its zone it split off, which held the zone too briefly for a vehicle (a child
        /// walking right ahead; see CrossingStateMachine.FollowsLowBodyAhead): the other zone tells whether the two are one body.
        /// </summary>
        public bool FollowsLowBody;

        /// <summary>
        /// For a target born in a presence (a valley split or a background): the farthest distance (mm) the zone read between
        /// the target before it and this one's rise - the valley's top, or the farthest reading of the background it rose out
        /// of; 0 for a target that rose from the floor or split off a head level with nothing lower between.
        /// </summary>
        public int GapFarthestMillimeters;

        /// <summary>
        /// <see cref="GapFarthestMillimeters"/> as a height above the zone's floor (mm), set when the target finishes; -1
        /// when there was no such gap.
        /// </summary>
        public int GapHeightMillimeters;

        /// <summary>
        /// How long (ms) the target held its nearest level: from the first to the last sample within the zone's noise band of
        /// its nearest reading. At a walking pace, the length along the path of whatever tops the body (a head, a hood)
        /// plus the zone's own length at that distance.
        /// </summary>
        public long TopHeldMs;

        /// <summary>
        /// When (ms) the target first read its nearest level (the start of <see cref="TopHeldMs"/>): the arrival of its
        /// top (a head) under the zone, which may come well after the target began (a pusher's handle and forearms first).
        /// </summary>
        public long TopStartMs;

        /// <summary>
        /// True for a faint body's walking passage (<see cref="FaintPartner.IsFaintPassage"/>: out of the floor, no longer
        /// than a walker's pass, its nearest reading at most two enter deltas nearer than the floor), set when it finishes
        /// once its zone's noise estimate has settled (<see cref="FaintCrossing.IsSettled"/>).
        /// </summary>
        public bool IsFaint;

        /// <summary>True when the target began out of a presence already in the zone (a valley split or a background).</summary>
        public bool IsBornInPresence => Origin != TargetOrigin.Floor;

        /// <summary>
        /// Which of two targets, one per zone, a body passing over the line reached first: 0 for <paramref name="a"/> (detected
        /// first, and ended first or together), 1 for <paramref name="b"/>, -1 when start order and end
        /// order disagree (in and back out of the same zone). Ordered by detection: a split-born target's start is its valley top,
        /// which may be shared with the other zone's (a door standing open in both), while the head itself shows up later in one
        /// zone first.
        /// </summary>
        public static int PassedFirst(TargetSummary a, TargetSummary b)
        {
            long startLag = b.OnsetMs - a.OnsetMs;
            long endLag = b.EndMs - a.EndMs;
            if (startLag > 0 && endLag >= 0)
            {
                return 0;
            }

            if (startLag < 0 && endLag <= 0)
            {
                return 1;
            }

            return -1;
        }

        /// <summary>
        /// Like <see cref="PassedFirst"/> for a pair in which a person who had stood still walked off (<see cref="IsWalkOff"/>):
        /// the zone they reached first is the one their presence began in (<see cref="ArrivalMs"/>), not the one they settled
        /// in first. Someone who stops across the line stands in both zones, and the targets their stay leaves begin when they
        /// settled or swayed; going back the way they came, they leave last from the zone they arrived in. Falls back to
        /// <see cref="PassedFirst"/> when an arrival is unknown or both came in the same reading.
        /// </summary>
        public static int ArrivedFirst(TargetSummary a, TargetSummary b)
        {
            if (a.ArrivalMs <= 0 || b.ArrivalMs <= 0 || a.ArrivalMs == b.ArrivalMs)
            {
                return PassedFirst(a, b);
            }

            long endLag = b.EndMs - a.EndMs;
            if (a.ArrivalMs < b.ArrivalMs)
            {
                return endLag >= 0 ? 0 : -1;
            }

            return endLag <= 0 ? 1 : -1;
        }
    }
}
