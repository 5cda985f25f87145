namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// Whether a low target and the taller one that followed it in a zone were one presence - a pusher's hands on the
    /// handle of the vehicle ahead, so that the zone never read its floor between them - or two bodies: a wheelchair user
    /// (as low and as long as a stroller under a blending zone) and someone walking close behind, with the floor showing
    /// between them. Both zones see the same pair, but the gap may show in one zone only (a footprint is shorter than the
    /// gap in one zone, longer in the other), so the first zone to judge the pair decides for both: were one zone to merge
    /// what the other keeps apart, the zones' queues would pair the wrong targets for every crossing after it.
    /// Nothing is allocated.
    /// </summary>
    public sealed class VehicleContact
    {
        internal const int HandleGapMinMillimeters = 400;

        private readonly PairVerdict _verdict = new PairVerdict();

        /// <summary>
        /// True when <paramref name="lead"/> and <paramref name="follower"/>, finished one after the other in
        /// <paramref name="zone"/>, are one presence: the other zone's verdict on the same lead (their times overlap) when
        /// it judged first, else whether the zone stayed occupied from one to the other (one occupancy episode).
        /// </summary>
        public bool IsOneBody(int zone, TargetSummary lead, TargetSummary follower)
        {
            bool oneBody;
            if (_verdict.TryTakeOther(zone, lead.StartMs, lead.EndMs, out oneBody))
            {
                return oneBody;
            }

            return _verdict.Record(zone, lead, follower.Episode == lead.Episode && !SawFloorBetween(follower));
        }

        /// <summary>
        /// True when the other zone has already judged the lead it held over the same time as <paramref name="zone"/>'s
        /// (their times overlap) to be two bodies: the verdict <see cref="IsOneBody"/> would hand this zone, taken now.
        /// </summary>
        public bool OtherJudgedApart(int zone, long leadStartMs, long leadEndMs)
        {
            return _verdict.TakeOtherIf(zone, leadStartMs, leadEndMs, false);
        }

        // True when the zone read nearly its floor between the lead and follower: the gap before the follower came within
        // HandleGapMinMillimeters of the floor. A pusher's hands hold the handle (0.9 m or more above the floor on a stroller
        // or a wheelchair), and their forearms and body fill the zone between the vehicle and their head, so the zone reads
        // the handle there, even blended with the floor around it at a high mount, at about half its height or more (a
        // stroller's 0.75 m hood reads 0.5-0.6 m under a 3.0 m mount): 450 mm, less a margin for the ranging noise. A gap
        // read lower saw past two bodies towards the floor: the next person walking close behind someone who came with
        // their vehicle, or behind a wheelchair user.
        internal static bool SawFloorBetween(TargetSummary follower)
        {
            return follower.GapFarthestMillimeters > 0 && follower.GapHeightMillimeters < HandleGapMinMillimeters;
        }

        /// <summary>Forgets both zones' verdicts.</summary>
        public void Clear()
        {
            _verdict.Clear();
        }
    }
}
