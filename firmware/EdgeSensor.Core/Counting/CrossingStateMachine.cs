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

        private readonly long[] _start = new long[2 * QueueCapacity];
        private readonly long[] _end = new long[2 * QueueCapacity];
        private readonly int[] _nearest = new int[2 * QueueCapacity];
        private readonly int[] _farthestCore = new int[2 * QueueCapacity];
        private readonly int[] _height = new int[2 * QueueCapacity];
        private readonly int[] _samples = new int[2 * QueueCapacity];
        private readonly int[] _head = new int[2];
        private readonly int[] _count = new int[2];
        private readonly bool[] _open = new bool[2];
        private readonly long[] _openStart = new long[2];
        private readonly int _maxGap;
        private readonly int _simultaneous;
        private readonly int _minHeight;
        private readonly int _doorFlatness;
        private readonly int _doorNear;
        private readonly int _doorFar;

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
        public bool IsBusy => _open[0] || _open[1] || _count[0] > 0 || _count[1] > 0;

        /// <summary>Forgets everything pending (counters are kept).</summary>
        public void Clear()
        {
            _open[0] = false;
            _open[1] = false;
            _count[0] = 0;
            _count[1] = 0;
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
        public void OnFall(int zone, long startMs, long endMs, int nearestMillimeters, int farthestCoreMillimeters, int heightMillimeters, int samples)
        {
            _open[zone] = false;
            if (_count[zone] == QueueCapacity)
            {
                Pop(zone);
                Orphans++;
            }

            int slot = zone * QueueCapacity + ((_head[zone] + _count[zone]) % QueueCapacity);
            _start[slot] = startMs;
            _end[slot] = endMs;
            _nearest[slot] = nearestMillimeters;
            _farthestCore[slot] = farthestCoreMillimeters;
            _height[slot] = heightMillimeters;
            _samples[slot] = samples;
            _count[zone]++;
        }

        /// <summary>
        /// Pairs what can be paired at <paramref name="nowMs"/>. Returns +1 if the last verdict was a 0-to-1
        /// crossing, -1 for 1-to-0, 0 if none completed; <see cref="Forward"/>/<see cref="Backward"/> count all.
        /// </summary>
        public int Evaluate(long nowMs)
        {
            int result = 0;
            while (true)
            {
                if (_count[0] > 0 && _count[1] > 0)
                {
                    int a = _head[0];
                    int b = QueueCapacity + _head[1];
                    if (_start[a] <= _end[b] + _maxGap && _start[b] <= _end[a] + _maxGap)
                    {
                        int verdict = Decide(a, b);
                        Pop(0);
                        Pop(1);
                        if (verdict != 0)
                        {
                            result = verdict;
                        }

                        continue;
                    }

                    // No overlap: the one that ended first can never pair with anything later.
                    Pop(_end[a] <= _end[b] ? 0 : 1);
                    Orphans++;
                    continue;
                }

                if (_count[0] > 0 && !CanStillPair(0, 1, nowMs))
                {
                    Pop(0);
                    Orphans++;
                    continue;
                }

                if (_count[1] > 0 && !CanStillPair(1, 0, nowMs))
                {
                    Pop(1);
                    Orphans++;
                    continue;
                }

                return result;
            }
        }

        private bool CanStillPair(int zone, int other, long nowMs)
        {
            long end = _end[zone * QueueCapacity + _head[zone]];
            if (_open[other])
            {
                return _openStart[other] <= end + _maxGap;
            }

            return nowMs <= end + _maxGap;
        }

        private int Decide(int a, int b)
        {
            int heightA = _height[a];
            int heightB = _height[b];
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

            long startLag = _start[b] - _start[a];
            long endLag = _end[b] - _end[a];
            if (startLag > 0 && endLag >= 0)
            {
                Forward++;
                return 1;
            }

            if (startLag < 0 && endLag <= 0)
            {
                Backward++;
                return -1;
            }

            TurnBacks++;
            return 0;
        }

        private bool IsDoor(int a, int b)
        {
            long startLag = _start[b] - _start[a];
            if (startLag <= _simultaneous && -startLag <= _simultaneous)
            {
                return true;
            }

            if (_doorFar > 0 && InBand(_nearest[a]) && InBand(_nearest[b]))
            {
                return true;
            }

            if (_doorFlatness > 0 && _samples[a] >= MinFlatSamples && _samples[b] >= MinFlatSamples)
            {
                int spreadA = _farthestCore[a] - _nearest[a];
                int spreadB = _farthestCore[b] - _nearest[b];
                int diff = _nearest[a] - _nearest[b];
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
