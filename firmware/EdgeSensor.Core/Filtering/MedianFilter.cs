using System;

namespace EdgeSensor.Core.Filtering
{
    /// <summary>
    /// Running median over the last 1, 3 or 5 integer samples. Removes single-sample spikes (sunlight noise,
    /// a stray multipath return) at the cost of (window-1)/2 samples of delay. No allocation after construction.
    /// Until the window is full, the median of the samples seen so far (lower middle) is returned.
    /// </summary>
    public sealed class MedianFilter
    {
        private readonly int[] _ring;
        private readonly int[] _scratch;
        private int _count;
        private int _next;

        /// <summary>Creates a filter over <paramref name="window"/> samples (1, 3 or 5).</summary>
        /// <exception cref="ArgumentOutOfRangeException">The window is not 1, 3 or 5.</exception>
        public MedianFilter(int window)
        {
            if (window != 1 && window != 3 && window != 5)
            {
                throw new ArgumentOutOfRangeException(nameof(window));
            }

            _ring = new int[window];
            _scratch = new int[window];
        }

        /// <summary>Samples currently held (0..window).</summary>
        public int Count => _count;

        /// <summary>Forgets every sample (after a dropout the old ones no longer describe the scene).</summary>
        public void Reset()
        {
            _count = 0;
            _next = 0;
        }

        /// <summary>Adds a sample and returns the median of the window.</summary>
        public int Add(int value)
        {
            _ring[_next] = value;
            _next++;
            if (_next == _ring.Length)
            {
                _next = 0;
            }

            if (_count < _ring.Length)
            {
                _count++;
            }

            // Insertion sort of at most 5 values: cheaper than any general sort and allocation-free.
            for (int i = 0; i < _count; i++)
            {
                int v = _ring[i];
                int j = i - 1;
                while (j >= 0 && _scratch[j] > v)
                {
                    _scratch[j + 1] = _scratch[j];
                    j--;
                }

                _scratch[j + 1] = v;
            }

            return _scratch[(_count - 1) / 2];
        }
    }
}
