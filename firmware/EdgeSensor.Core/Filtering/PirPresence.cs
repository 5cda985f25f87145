using System;

namespace EdgeSensor.Core.Filtering
{
    /// <summary>
    /// Presence and activity from up to <see cref="MaxChannels"/> HC-SR501-class PIR outputs.
    /// The HC-SR501 drives its output high on motion and keeps it high for the hold time ("Tx" potentiometer)
    /// after the last motion (repeat-trigger mode "H"), so a high output means "motion within the last hold time"
    /// and a falling edge means "no motion for one hold time". Active time is the time the output was high,
    /// i.e. it includes the hold tail; that is what the hardware can tell, and docs/counting.md says so.
    /// </summary>
    public sealed class PirPresence
    {
        /// <summary>Number of PIR inputs supported.</summary>
        public const int MaxChannels = 4;

        private readonly bool[] _high = new bool[MaxChannels];
        private readonly long[] _highSince = new long[MaxChannels];
        private readonly int _holdMilliseconds;
        private long _closedActiveMilliseconds;
        private long _lastTime;
        private long _lastFallTime;
        private int _highCount;
        private bool _seen;
        private long _risingEdges;

        /// <summary>Creates the tracker; <paramref name="holdMilliseconds"/> is the configured output hold time.</summary>
        public PirPresence(int holdMilliseconds)
        {
            if (holdMilliseconds < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(holdMilliseconds));
            }

            _holdMilliseconds = holdMilliseconds;
        }

        /// <summary>True once any PIR sample arrived (a PIR is fitted and wired).</summary>
        public bool Seen => _seen;

        /// <summary>True while any PIR output is high.</summary>
        public bool Active => _highCount > 0;

        /// <summary>Number of low-to-high transitions seen (motion onsets).</summary>
        public long RisingEdges => _risingEdges;

        /// <summary>Time since which every output has been low, or the last sample time while one is high.</summary>
        public long QuietSince => _highCount > 0 ? _lastTime : _lastFallTime;

        /// <summary>Configured hold time in ms.</summary>
        public int HoldMilliseconds => _holdMilliseconds;

        /// <summary>
        /// Cumulative time (ms) during which at least one output was high, up to the latest sample or tick.
        /// Monotonic: an aggregator takes differences per window for the activity ratio.
        /// </summary>
        public long ActiveMilliseconds
        {
            get { return _highCount > 0 ? _closedActiveMilliseconds + (_lastTime - EarliestOpenHigh()) : _closedActiveMilliseconds; }
        }

        /// <summary>Records a level on <paramref name="channel"/> at <paramref name="timeMs"/>; non-zero level is high.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="channel"/> is outside 0..MaxChannels-1.</exception>
        public void Add(long timeMs, int channel, int level)
        {
            if (channel < 0 || channel >= MaxChannels)
            {
                throw new ArgumentOutOfRangeException(nameof(channel));
            }

            Advance(timeMs);
            if (!_seen)
            {
                _seen = true;
                _lastFallTime = _lastTime;
            }

            bool high = level != 0;
            if (high == _high[channel])
            {
                return;
            }

            if (high)
            {
                if (_highCount == 0)
                {
                    _highSince[channel] = _lastTime;
                }
                else
                {
                    _highSince[channel] = EarliestOpenHigh();
                }

                _high[channel] = true;
                _highCount++;
                _risingEdges++;
            }
            else
            {
                long start = EarliestOpenHigh();
                _high[channel] = false;
                _highCount--;
                if (_highCount == 0)
                {
                    // The union of high intervals is closed: book it.
                    _closedActiveMilliseconds += _lastTime - start;
                    _lastFallTime = _lastTime;
                }
            }
        }

        /// <summary>Advances the clock without a level change (keeps <see cref="ActiveMilliseconds"/> current).</summary>
        public void Advance(long timeMs)
        {
            if (timeMs > _lastTime)
            {
                _lastTime = timeMs;
            }
        }

        private long EarliestOpenHigh()
        {
            long earliest = long.MaxValue;
            for (int i = 0; i < MaxChannels; i++)
            {
                if (_high[i] && _highSince[i] < earliest)
                {
                    earliest = _highSince[i];
                }
            }

            return earliest == long.MaxValue ? _lastTime : earliest;
        }
    }
}
