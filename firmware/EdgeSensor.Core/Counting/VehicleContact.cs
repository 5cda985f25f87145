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
        private readonly long[] _leadStartMs = new long[2];
        private readonly long[] _leadEndMs = new long[2];
        private readonly bool[] _judged = new bool[2];
        private readonly bool[] _oneBody = new bool[2];

        /// <summary>
        /// True when <paramref name="lead"/> and <paramref name="follower"/>, finished one after the other in
        /// <paramref name="zone"/>, are one presence: the other zone's verdict on the same lead (their times overlap) when
        /// it judged first, else whether the zone stayed occupied from one to the other (one occupancy episode).
        /// </summary>
        public bool IsOneBody(int zone, TargetSummary lead, TargetSummary follower)
        {
            int other = 1 - zone;
            if (_judged[other] && _leadStartMs[other] <= lead.EndMs && lead.StartMs <= _leadEndMs[other])
            {
                _judged[other] = false;
                return _oneBody[other];
            }

            bool oneBody = follower.Episode == lead.Episode;
            _judged[zone] = true;
            _leadStartMs[zone] = lead.StartMs;
            _leadEndMs[zone] = lead.EndMs;
            _oneBody[zone] = oneBody;
            return oneBody;
        }

        /// <summary>Forgets both zones' verdicts.</summary>
        public void Clear()
        {
            _judged[0] = false;
            _judged[1] = false;
        }
    }
}
