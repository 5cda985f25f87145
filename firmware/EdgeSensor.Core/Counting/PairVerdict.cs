namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// One verdict on a pair both zones see - a low lead and the target that followed it - decided by the zone that
    /// judges it first. Each zone reads the pair with its own timing and valleys, so the zones may disagree; were one zone
    /// to merge what the other keeps apart, the zones' queues would pair the wrong targets for every crossing after it.
    /// A zone's verdict waits for the other zone's lead held over the same time (their times overlap), which takes it
    /// once. Nothing is allocated.
    /// </summary>
    public sealed class PairVerdict
    {
        private readonly long[] _leadStartMs = new long[2];
        private readonly long[] _leadEndMs = new long[2];
        private readonly bool[] _judged = new bool[2];
        private readonly bool[] _verdict = new bool[2];

        /// <summary>
        /// True when the other zone has judged a lead held over the same time as <paramref name="zone"/>'s lead, from
        /// <paramref name="leadStartMs"/> to <paramref name="leadEndMs"/>; <paramref name="verdict"/> is then that zone's
        /// verdict, taken.
        /// </summary>
        public bool TryTakeOther(int zone, long leadStartMs, long leadEndMs, out bool verdict)
        {
            int other = 1 - zone;
            verdict = _verdict[other];
            if (!_judged[other] || _leadStartMs[other] > leadEndMs || leadStartMs > _leadEndMs[other])
            {
                return false;
            }

            _judged[other] = false;
            return true;
        }

        /// <summary>
        /// True when the other zone has judged a lead held over the same time (see <see cref="TryTakeOther"/>) and its
        /// verdict was <paramref name="verdict"/>: the verdict taken now. Left for later otherwise.
        /// </summary>
        public bool TakeOtherIf(int zone, long leadStartMs, long leadEndMs, bool verdict)
        {
            int other = 1 - zone;
            if (_verdict[other] != verdict)
            {
                return false;
            }

            bool taken;
            return TryTakeOther(zone, leadStartMs, leadEndMs, out taken);
        }

        /// <summary>Keeps <paramref name="zone"/>'s verdict on <paramref name="lead"/> for the other zone and returns it.</summary>
        public bool Record(int zone, TargetSummary lead, bool verdict)
        {
            _judged[zone] = true;
            _leadStartMs[zone] = lead.StartMs;
            _leadEndMs[zone] = lead.EndMs;
            _verdict[zone] = verdict;
            return verdict;
        }

        /// <summary>Forgets both zones' verdicts.</summary>
        public void Clear()
        {
            _judged[0] = false;
            _judged[1] = false;
        }
    }
}
