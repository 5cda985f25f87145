using System;

namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// Pairs the targets of zone 0 and zone 1 into crossings. A person walking across the line leaves one target
    /// in each zone that overlap in time (or follow within the pair gap). Pairing is first-in first-out per zone,
    /// because people walking the same way keep their order; so tailgaters 0.5 s apart give two pairs.
    /// A pair is a crossing only if it started in one zone AND ended in the other (start order and end order
    /// agree): a person who steps into the second zone and turns back started in A and also ended in A.
    /// A target with no partner (loitering at the edge, a turn-back before the line) is dropped when the other
    /// zone cannot supply one any more. Door-swing and low-object discriminators veto a pair (docs/counting.md).
    /// </summary>
    public sealed class CrossingStateMachine
    {
        /// <summary>Targets queued per zone; older ones are dropped when it overflows.</summary>
        public const int QueueCapacity = 4;

        // A flat profile says "rigid edge" only when seen over several samples; a quick walker may give 2-3.
        private const int MinFlatSamples = 5;

        private readonly TargetSummary[] _targets = new TargetSummary[2 * QueueCapacity];
        private readonly int[] _head = new int[2];
        private readonly int[] _count = new int[2];
        private readonly bool[] _open = new bool[2];
        private readonly bool[] _present = new bool[2];
        private readonly int[] _presentEpisode = new int[2];
        private readonly long[] _openStart = new long[2];
        private readonly int _maxGap;
        private readonly int _simultaneous;
        private readonly int _minHeight;
        private readonly int _maxHeight;
        private readonly int _doorFlatness;
        private readonly int _doorNear;
        private readonly int _doorFar;
        private int _held;
        private int _heldOrigin;
        private long _heldDestinationEnd;
        private int _heldDestinationEpisode;
        private int _lastConfirmed;

        /// <summary>Creates the pairing stage from validated settings.</summary>
        public CrossingStateMachine(CounterSettings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            _maxGap = settings.MaxPairGapMilliseconds;

            // Two zones are read alternately, one ranging per timing budget: targets rising in the same read
            // cycle (within ~1.5 budgets) appeared simultaneously, which a walking person cannot do.
            _simultaneous = (settings.TimingBudgetMilliseconds * 3) / 2;
            _minHeight = settings.MinPersonHeightMillimeters;
            _maxHeight = settings.MaxPersonHeightMillimeters;
            _doorFlatness = settings.DoorFlatnessMillimeters;
            _doorNear = settings.DoorBandNearMillimeters;
            _doorFar = settings.DoorBandFarMillimeters;
        }

        /// <summary>Crossings from zone 0 to zone 1.</summary>
        public int Forward { get; private set; }

        /// <summary>Crossings from zone 1 to zone 0.</summary>
        public int Backward { get; private set; }

        /// <summary>Pairs whose start and end were in the same zone (turn-backs).</summary>
        public int TurnBacks { get; private set; }

        /// <summary>Targets that never found a partner in the other zone.</summary>
        public int Orphans { get; private set; }

        /// <summary>Pairs vetoed as a door leaf (simultaneous onset, flat profile or declared band).</summary>
        public int DoorRejections { get; private set; }

        /// <summary>Pairs vetoed because their highest point was below the minimum person height.</summary>
        public int LowObjectRejections { get; private set; }

        /// <summary>True while any target is open or waiting for a partner.</summary>
        public bool IsBusy => _open[0] || _open[1] || _count[0] > 0 || _count[1] > 0 || _held != 0;

        /// <summary>True while targets wait for a partner or a crossing waits for confirmation.</summary>
        public bool HasPending => _count[0] > 0 || _count[1] > 0 || _held != 0;

        /// <summary>True while a crossing waits for confirmation.</summary>
        public bool HasHeld => _held != 0;

        /// <summary>Forgets everything pending (counters are kept).</summary>
        public void Clear()
        {
            _open[0] = false;
            _open[1] = false;
            _count[0] = 0;
            _count[1] = 0;
            _held = 0;
        }

        /// <summary>Tells whether <paramref name="zone"/> has a target now (a person, not a still background) and in which occupancy episode.</summary>
        public void SetPresence(int zone, bool occupied, int episode, long timeMs)
        {
            _present[zone] = occupied;
            _presentEpisode[zone] = episode;
            if (_held != 0 && occupied && zone != _heldOrigin && episode == _heldDestinationEpisode && timeMs > _heldDestinationEnd)
            {
                // The person is still in the destination zone: the crossing's far side is not finished yet.
                _heldDestinationEnd = timeMs;
            }
        }

        /// <summary>A target appeared in <paramref name="zone"/>.</summary>
        public void OnRise(int zone, long timeMs)
        {
            _open[zone] = true;
            _openStart[zone] = timeMs;
        }

        /// <summary>The target open in <paramref name="zone"/> was dropped without a verdict.</summary>
        public void OnCancel(int zone)
        {
            _open[zone] = false;
        }

        /// <summary>A target left <paramref name="zone"/>; queue it with its features.</summary>
        public void OnFall(int zone, TargetSummary target)
        {
            _open[zone] = false;
            if (target.HeightMillimeters < _minHeight)
            {
                // Lower than any person (a pet, a bag on the floor, the edge of a door leaf settling): it cannot be
                // one side of a crossing, and pairing it would steal a real person's partner.
                LowObjectRejections++;
                return;
            }

            if (_count[zone] == QueueCapacity)
            {
                Pop(zone);
                Orphans++;
            }

            _targets[zone * QueueCapacity + ((_head[zone] + _count[zone]) % QueueCapacity)] = target;
            _count[zone]++;
        }

        /// <summary>
        /// Pairs what can be paired at <paramref name="nowMs"/>. Returns +1 if a 0-to-1 crossing was confirmed,
        /// -1 for 1-to-0, 0 if none; <see cref="Forward"/>/<see cref="Backward"/> count all confirmed crossings.
        /// A paired crossing is held until its origin zone shows whether the person came back: an unpaired target
        /// in the origin zone that began before the person left the destination zone means they walked past the
        /// line and returned (a turn-back), so the held crossing is dropped.
        /// </summary>
        public int Evaluate(long nowMs)
        {
            _lastConfirmed = 0;
            while (true)
            {
                if (_count[0] > 0 && _count[1] > 0)
                {
                    int a = _head[0];
                    int b = QueueCapacity + _head[1];
                    if (_targets[a].StartMs <= _targets[b].EndMs + _maxGap && _targets[b].StartMs <= _targets[a].EndMs + _maxGap)
                    {
                        int verdict = Decide(a, b);
                        if (verdict != 0 && verdict == -_held && IsReturn(verdict > 0 ? a : b))
                        {
                            // The same person came straight back over the line: neither crossing counts.
                            _held = 0;
                            TurnBacks++;
                            Pop(0);
                            Pop(1);
                            continue;
                        }

                        // The origin zone's next target found a partner: the held crossing stands.
                        Confirm();
                        if (verdict != 0)
                        {
                            _held = verdict;
                            _heldOrigin = verdict > 0 ? 0 : 1;
                            _heldDestinationEnd = verdict > 0 ? _targets[b].EndMs : _targets[a].EndMs;
                            _heldDestinationEpisode = verdict > 0 ? _targets[b].Episode : _targets[a].Episode;
                        }

                        Pop(0);
                        Pop(1);
                        continue;
                    }

                    // No overlap: the one that ended first can never pair with anything later.
                    Orphan(_targets[a].EndMs <= _targets[b].EndMs ? 0 : 1);
                    continue;
                }

                if (_count[0] > 0 && !CanStillPair(0, 1, nowMs))
                {
                    Orphan(0);
                    continue;
                }

                if (_count[1] > 0 && !CanStillPair(1, 0, nowMs))
                {
                    Orphan(1);
                    continue;
                }

                if (_held != 0 && !OriginMayReturn(nowMs))
                {
                    Confirm();
                }

                return _lastConfirmed;
            }
        }

        private bool IsReturn(int originSlot)
        {
            // Born out of the same continuous presence in that zone as the held crossing's destination target
            // (a valley split or a background, never the bare floor in between): the person went away from the
            // line, stood or hesitated, and came back.
            return _targets[originSlot].IsBornInPresence && _targets[originSlot].Episode == _heldDestinationEpisode;
        }

        private bool OriginMayReturn(long nowMs)
        {
            int destination = 1 - _heldOrigin;
            if (_present[destination] && _presentEpisode[destination] == _heldDestinationEpisode)
            {
                // Still standing in the destination zone (same continuous presence): they may yet turn back.
                return true;
            }

            long limit = _heldDestinationEnd + _maxGap;
            int origin = _heldOrigin;
            if (_count[origin] > 0)
            {
                return _targets[origin * QueueCapacity + _head[origin]].StartMs <= limit;
            }

            if (_open[origin] && _openStart[origin] <= limit)
            {
                return true;
            }

            return nowMs <= limit;
        }

        private void Confirm()
        {
            if (_held > 0)
            {
                Forward++;
            }
            else if (_held < 0)
            {
                Backward++;
            }

            if (_held != 0)
            {
                _lastConfirmed = _held;
            }

            _held = 0;
        }

        private void Orphan(int zone)
        {
            long start = _targets[zone * QueueCapacity + _head[zone]].StartMs;
            Pop(zone);
            if (_held != 0 && zone == _heldOrigin && start <= _heldDestinationEnd + _maxGap)
            {
                // Back into the origin zone before leaving the destination: walked past the line and returned.
                _held = 0;
                TurnBacks++;
                return;
            }

            Orphans++;
        }

        private bool CanStillPair(int zone, int other, long nowMs)
        {
            long end = _targets[zone * QueueCapacity + _head[zone]].EndMs;
            if (_open[other])
            {
                return _openStart[other] <= end + _maxGap;
            }

            return nowMs <= end + _maxGap;
        }

        private int Decide(int a, int b)
        {
            int heightA = _targets[a].HeightMillimeters;
            int heightB = _targets[b].HeightMillimeters;
            if ((heightA > heightB ? heightA : heightB) < _minHeight)
            {
                LowObjectRejections++;
                return 0;
            }

            if (IsDoor(a, b))
            {
                DoorRejections++;
                return 0;
            }

            // Order by detection: a split-born target's start is its valley top, which may be shared with the
            // other zone's (a door standing open in both), while the head itself shows up later in one zone first.
            long startLag = _targets[b].OnsetMs - _targets[a].OnsetMs;
            long endLag = _targets[b].EndMs - _targets[a].EndMs;
            if (startLag > 0 && endLag >= 0)
            {
                return 1;
            }

            if (startLag < 0 && endLag <= 0)
            {
                return -1;
            }

            TurnBacks++;
            return 0;
        }

        private bool IsDoor(int a, int b)
        {
            if (_targets[a].HeightMillimeters > _maxHeight || _targets[b].HeightMillimeters > _maxHeight)
            {
                // Higher than any person: the top edge of a door leaf swinging through the view.
                return true;
            }

            long startLag = _targets[b].OnsetMs - _targets[a].OnsetMs;
            if (startLag <= _simultaneous && -startLag <= _simultaneous)
            {
                return true;
            }

            if (_doorFar > 0 && InBand(_targets[a].NearestMillimeters) && InBand(_targets[b].NearestMillimeters))
            {
                return true;
            }

            if (_doorFlatness > 0 && _targets[a].Samples >= MinFlatSamples && _targets[b].Samples >= MinFlatSamples)
            {
                int spreadA = _targets[a].FarthestCoreMillimeters - _targets[a].NearestMillimeters;
                int spreadB = _targets[b].FarthestCoreMillimeters - _targets[b].NearestMillimeters;
                int diff = _targets[a].NearestMillimeters - _targets[b].NearestMillimeters;
                if (diff < 0)
                {
                    diff = -diff;
                }

                if (spreadA <= _doorFlatness && spreadB <= _doorFlatness && diff <= _doorFlatness)
                {
                    return true;
                }
            }

            return false;
        }

        private bool InBand(int distance)
        {
            return distance >= _doorNear && distance <= _doorFar;
        }

        private void Pop(int zone)
        {
            _head[zone] = (_head[zone] + 1) % QueueCapacity;
            _count[zone]--;
        }
    }
}
