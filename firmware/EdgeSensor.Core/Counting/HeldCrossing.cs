namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// A paired crossing waiting for confirmation: it stands once its origin zone shows the person did not come
    /// back. Remembers where it came from and the destination target it ended with (when and in which episode).
    /// </summary>
    public struct HeldCrossing
    {
        /// <summary>The crossing held, or <see cref="CrossingKind.None"/> when nothing is held.</summary>
        public CrossingKind Kind;

        /// <summary>How many people the crossing counts: 1, or 2 for two walkers both zones saw as one (<see cref="MergedPair"/>).</summary>
        public int People;

        /// <summary>The zone the person came from (0 or 1).</summary>
        public int OriginZone;

        /// <summary>When the person left the destination zone (ms); pushed later while they are still in it.</summary>
        public long DestinationEndMs;

        /// <summary>What <see cref="DestinationEndMs"/> was when the destination zone's target open now rose (or when the crossing was held).</summary>
        public long EndBeforeTargetMs;

        /// <summary>What <see cref="DestinationEndMs"/> was before the last reading that pushed it.</summary>
        public long EndBeforeReadingMs;

        /// <summary>When the destination target itself ended (ms); unlike <see cref="DestinationEndMs"/> it never moves.</summary>
        public long DestinationTargetEndMs;

        /// <summary>
        /// When a faint person's own dip in the destination's windows last showed them still there (ms), 0 if never: a return
        /// into the origin zone may begin until a pair gap after it (CrossingStateMachine.AwaitsFaintWayBack).
        /// </summary>
        public long FaintStayMs;

        /// <summary>Occupancy episode of the destination target.</summary>
        public int DestinationEpisode;

        /// <summary>The nearer of the crossing's two nearest readings (mm): how close the body came to the sensor.</summary>
        public int NearestMillimeters;

        /// <summary>The origin target's own nearest reading (mm): how the origin zone saw the body.</summary>
        public int OriginNearestMillimeters;

        /// <summary>True when a still level the destination zone settles on after the destination target may be the person standing.</summary>
        public bool DestinationMayStand;

        /// <summary>True while the destination zone holds such a still level (the person may be standing just past the line).</summary>
        public bool IsStanding;

        /// <summary>Occupancy episode of the origin target in the origin zone.</summary>
        public int OriginEpisode;

        /// <summary>True once the origin zone, in the origin target's own presence, held a still level (the person stood there).</summary>
        public bool OriginStood;

        /// <summary>
        /// True once the destination zone held the person's still level in the destination episode (IsStanding), reading as
        /// their body does (see CrossingStateMachine.IsBodyLevel).
        /// </summary>
        public bool DestinationStood;

        /// <summary>The destination zone's floor (mm) when the destination target finished.</summary>
        public int DestinationFloorMillimeters;

        /// <summary>The destination target's height above that floor (mm): how high the person's head read in that zone.</summary>
        public int DestinationHeightMillimeters;

        /// <summary>True when both targets of the crossing rose from the bare floor: the origin zone's presence began with the person.</summary>
        public bool OriginMayStand;

        /// <summary>When the origin target's presence in the origin zone began (ms).</summary>
        public long OriginArrivalMs;

        /// <summary>When the destination target's presence in the destination zone began (ms).</summary>
        public long DestinationArrivalMs;

        /// <summary>True while a crossing is held.</summary>
        public bool IsHeld => Kind != CrossingKind.None;

        /// <summary>The zone the person went to.</summary>
        public int DestinationZone => 1 - OriginZone;

        /// <summary>
        /// The person is still in the destination zone at <paramref name="timeMs"/>: the crossing's far side ends no sooner,
        /// and <see cref="EndBeforeReadingMs"/> keeps where it ended before this reading.
        /// </summary>
        public void PushDestinationEnd(long timeMs)
        {
            EndBeforeReadingMs = DestinationEndMs;
            DestinationEndMs = timeMs;
        }
    }
}
