using System;

namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>
    /// How long a device waits after its window closed before publishing it: a delay of its own in
    /// 0..cap-1 ms, derived from the device id by a 64-bit mixing function, so the devices of a fleet (whose
    /// windows all close on the same wall-clock second) spread evenly over the first seconds of the next
    /// window instead of hitting the broker together. Stable across reboots, so a device's publish time is
    /// predictable from its id when reading broker logs.
    /// </summary>
    public static class PublishDelay
    {
        /// <summary>Default cap: the fleet spreads over the first 10 seconds of the next window.</summary>
        public const int DefaultCapMilliseconds = 10000;

        /// <summary>
        /// The delay for <paramref name="deviceId"/>, 0..<paramref name="capMilliseconds"/>-1
        /// (0 when the cap is 0: publish at once).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The cap is negative.</exception>
        public static int ForDevice(ulong deviceId, int capMilliseconds)
        {
            if (capMilliseconds < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(capMilliseconds));
            }

            if (capMilliseconds == 0)
            {
                return 0;
            }

            // SplitMix64's finaliser (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014):
            // consecutive or patterned ids map to well-spread values.
            ulong z = deviceId + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z % (ulong)capMilliseconds);
        }
    }
}
