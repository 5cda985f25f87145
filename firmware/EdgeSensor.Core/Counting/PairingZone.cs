namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// One zone as the pairing stage sees it: its finished targets waiting for a partner in the other zone (oldest
    /// first, at most <see cref="Capacity"/>), the target open in it now, and whether a target is present and in
    /// which occupancy episode. Fixed storage made once: nothing is allocated while counting.
    /// </summary>
    public sealed class PairingZone
    {
        /// <summary>Targets queued; the oldest is dropped when a new one arrives at a full queue.</summary>
        public const int Capacity = 4;

        private readonly TargetSummary[] _targets = new TargetSummary[Capacity];
        private int _head;
        private int _count;

        private TargetSummary _lead;
        private TargetSummary _aside;

        /// <summary>True while a finished low target waits for the zone's next target (see <see cref="HoldLead"/>).</summary>
        public bool HasLead { get; private set; }

        /// <summary>Keeps <paramref name="target"/> aside until the target that followed it in this zone finishes.</summary>
        public void HoldLead(TargetSummary target)
        {
            _lead = target;
            HasLead = true;
        }

        /// <summary>Start (ms) of the held-back target.</summary>
        public long LeadStartMs => _lead.StartMs;

        /// <summary>End (ms) of the held-back target.</summary>
        public long LeadEndMs => _lead.EndMs;

        /// <summary>Nearest reading (mm) of the held-back target.</summary>
        public int LeadNearestMillimeters => _lead.NearestMillimeters;

        /// <summary>True when the held-back target was split off a valley of the presence before it in this zone.</summary>
        public bool LeadIsSplit => _lead.Origin == TargetOrigin.ValleySplit;

        /// <summary>The held-back target (valid while <see cref="HasLead"/>).</summary>
        public TargetSummary Lead => _lead;

        /// <summary>Returns the held-back target and forgets it.</summary>
        public TargetSummary TakeLead()
        {
            HasLead = false;
            return _lead;
        }

        /// <summary>
        /// True while a finished target that was about to be settled without a partner is kept aside, because it may be
        /// one of two people whom the other zone saw as one long target (see <see cref="TwoBodySpan"/>).
        /// </summary>
        public bool HasAside { get; private set; }

        /// <summary>The target kept aside (valid while <see cref="HasAside"/>).</summary>
        public TargetSummary Aside => _aside;

        /// <summary>True when the target kept aside was settled before it was ever queued (as a touch across the line).</summary>
        public bool AsideWasNeverQueued { get; private set; }

        /// <summary>Keeps <paramref name="target"/> aside until the next pairing decides whether it is a second body.</summary>
        public void SetAside(TargetSummary target, bool neverQueued)
        {
            _aside = target;
            AsideWasNeverQueued = neverQueued;
            HasAside = true;
        }

        /// <summary>Puts the target kept aside back among the waiting targets, in order of start; true when that dropped the oldest.</summary>
        public bool RequeueAside()
        {
            HasAside = false;
            bool dropped = Enqueue(_aside);
            for (int i = _count - 1; i > 0; i--)
            {
                int at = (_head + i) % Capacity;
                int before = (_head + i - 1) % Capacity;
                if (_targets[before].StartMs <= _targets[at].StartMs)
                {
                    break;
                }

                TargetSummary swap = _targets[before];
                _targets[before] = _targets[at];
                _targets[at] = swap;
            }

            return dropped;
        }

        /// <summary>Forgets the target kept aside.</summary>
        public void DropAside()
        {
            HasAside = false;
        }

        /// <summary>Targets waiting for a partner.</summary>
        public int Count => _count;

        /// <summary>The oldest waiting target (valid while <see cref="Count"/> is above 0).</summary>
        public TargetSummary Oldest => _targets[_head];

        /// <summary>Start (ms) of the oldest waiting target.</summary>
        public long OldestStartMs => _targets[_head].StartMs;

        /// <summary>End (ms) of the oldest waiting target.</summary>
        public long OldestEndMs => _targets[_head].EndMs;

        /// <summary>The waiting target after the oldest (valid while <see cref="Count"/> is above 1).</summary>
        public TargetSummary Second => _targets[(_head + 1) % Capacity];

        /// <summary>Start (ms) of the waiting target after the oldest (valid while <see cref="Count"/> is above 1).</summary>
        public long SecondStartMs => _targets[(_head + 1) % Capacity].StartMs;

        /// <summary>True when the waiting target after the oldest was split off a valley (valid while <see cref="Count"/> is above 1).</summary>
        public bool SecondIsSplit => _targets[(_head + 1) % Capacity].Origin == TargetOrigin.ValleySplit;

        /// <summary>
        /// True when the open target was split off a valley (its start, the valley top, precedes its detection). Told by the
        /// detector, not by that order: a target rising out of the floor is dated back too (over its rise, or to the first
        /// reading of a faint dip's window), and taking it for a split let a stray ahead of it keep it from its partner.
        /// </summary>
        public bool OpenIsSplit { get; private set; }

        /// <summary>True while a target is open in the zone (risen, not yet finished).</summary>
        public bool IsOpen { get; private set; }

        /// <summary>Start (ms) of the open target.</summary>
        public long OpenStartMs { get; private set; }

        /// <summary>True while a target is present in the zone now (a person, not a still background).</summary>
        public bool IsPresent { get; private set; }

        /// <summary>Occupancy episode of the present target.</summary>
        public int PresentEpisode { get; private set; }

        /// <summary>When the open target was detected.</summary>
        public long OpenOnsetMs { get; private set; }

        /// <summary>A target rose at <paramref name="startMs"/>, detected at <paramref name="onsetMs"/>; <paramref name="isSplit"/> when split off a valley.</summary>
        public void Open(long startMs, long onsetMs, bool isSplit)
        {
            IsOpen = true;
            OpenIsSplit = isSplit;
            OpenStartMs = startMs;
            OpenOnsetMs = onsetMs;
        }

        /// <summary>The open target finished or was dropped.</summary>
        public void Close()
        {
            IsOpen = false;
        }

        /// <summary>A target is present in <paramref name="episode"/>.</summary>
        public void MarkPresent(int episode)
        {
            IsPresent = true;
            PresentEpisode = episode;
        }

        /// <summary>No target is present (empty floor, or a still background).</summary>
        public void MarkAbsent()
        {
            IsPresent = false;
        }

        /// <summary>True while a target of <paramref name="episode"/> is present.</summary>
        public bool IsPresentIn(int episode)
        {
            return IsPresent && PresentEpisode == episode;
        }

        /// <summary>Queues <paramref name="target"/>; returns true when the queue was full and its oldest was dropped.</summary>
        public bool Enqueue(TargetSummary target)
        {
            bool dropped = false;
            if (_count == Capacity)
            {
                DropOldest();
                dropped = true;
            }

            _targets[(_head + _count) % Capacity] = target;
            _count++;
            return dropped;
        }

        /// <summary>The waiting target queued last (valid while <see cref="Count"/> is above 0).</summary>
        public TargetSummary Newest => _targets[(_head + _count - 1) % Capacity];

        /// <summary>Replaces the waiting target queued last (valid while <see cref="Count"/> is above 0).</summary>
        public void ReplaceNewest(TargetSummary target)
        {
            _targets[(_head + _count - 1) % Capacity] = target;
        }

        /// <summary>Removes the oldest waiting target.</summary>
        public void DropOldest()
        {
            _head = (_head + 1) % Capacity;
            _count--;
        }

        /// <summary>Forgets the waiting targets and the open one (presence is kept: it is the zone's live state).</summary>
        public void Clear()
        {
            IsOpen = false;
            HasLead = false;
            HasAside = false;
            _count = 0;
        }
    }
}
