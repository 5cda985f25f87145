using System;
using EdgeSensor.Core.Privacy;

namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>
    /// Retry delays that double per failure up to a cap, with "full jitter": each delay is drawn uniformly from
    /// 0..min(cap, base × 2^failures) ms, so devices that lost the broker together (a power cut of the site, a
    /// broker restart) do not reconnect together (M. Brooker, "Exponential Backoff And Jitter", AWS Architecture
    /// Blog, 2015). A success resets the sequence. Integer arithmetic only; allocates nothing.
    /// </summary>
    public sealed class ExponentialBackoff
    {
        private readonly int _baseMilliseconds;
        private readonly int _capMilliseconds;
        private readonly IRandomSource? _random;
        private int _failures;

        /// <summary>
        /// Creates the schedule. <paramref name="random"/> null means no jitter (the ceiling itself; used where
        /// only one device waits, e.g. Wi-Fi, and in tests).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">base is not 1..cap, or cap is above 24 hours.</exception>
        public ExponentialBackoff(int baseMilliseconds, int capMilliseconds, IRandomSource? random)
        {
            if (capMilliseconds < 1 || capMilliseconds > 86400000)
            {
                throw new ArgumentOutOfRangeException(nameof(capMilliseconds));
            }

            if (baseMilliseconds < 1 || baseMilliseconds > capMilliseconds)
            {
                throw new ArgumentOutOfRangeException(nameof(baseMilliseconds));
            }

            _baseMilliseconds = baseMilliseconds;
            _capMilliseconds = capMilliseconds;
            _random = random;
        }

        /// <summary>Failures since the last <see cref="Reset"/>.</summary>
        public int Failures
        {
            get { return _failures; }
        }

        /// <summary>The ceiling of the next delay: min(cap, base × 2^failures).</summary>
        public int CeilingMilliseconds
        {
            get
            {
                long ceiling = _baseMilliseconds;
                for (int i = 0; i < _failures && ceiling < _capMilliseconds; i++)
                {
                    ceiling <<= 1;
                }

                return ceiling > _capMilliseconds ? _capMilliseconds : (int)ceiling;
            }
        }

        /// <summary>Records a failure and returns how long to wait before the next attempt, in ms.</summary>
        public int NextDelayMilliseconds()
        {
            int ceiling = CeilingMilliseconds;
            if (_failures < int.MaxValue)
            {
                _failures++;
            }

            if (_random == null)
            {
                return ceiling;
            }

            // Uniform over 0..ceiling inclusive; the modulo bias of a 32-bit draw over ≤ 2^27 values is below 2^-5 %.
            return (int)(_random.NextUInt32() % ((uint)ceiling + 1));
        }

        /// <summary>Starts over after a success.</summary>
        public void Reset()
        {
            _failures = 0;
        }
    }
}
