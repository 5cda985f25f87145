using System;

namespace EdgeSensor.Core.Crypto
{
    /// <summary>
    /// Comparisons and wiping whose running time does not depend on the bytes' values, for
    /// authentication tags and key material.
    /// </summary>
    public static class FixedTime
    {
        /// <summary>
        /// Compares <paramref name="count"/> bytes of two buffers. The time taken depends only on
        /// <paramref name="count"/>, never on where (or whether) the buffers differ: every byte is
        /// visited and differences are OR-ed together without an early exit or a data-dependent branch.
        /// </summary>
        /// <returns>True when all <paramref name="count"/> bytes are equal (also for count 0).</returns>
        /// <exception cref="ArgumentNullException">A buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range lies outside its buffer.</exception>
        public static bool AreEqual(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            CryptoGuard.Range(a, aOffset, count, nameof(a));
            CryptoGuard.Range(b, bOffset, count, nameof(b));
            return AreEqualCore(a, aOffset, b, bOffset, count);
        }

        /// <summary>Sets <paramref name="count"/> bytes to zero (wipes keys and plaintext).</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range lies outside the buffer.</exception>
        public static void Clear(byte[] buffer, int offset, int count)
        {
            CryptoGuard.Range(buffer, offset, count, nameof(buffer));
            ClearCore(buffer, offset, count);
        }

        internal static bool AreEqualCore(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            int difference = 0;
            for (int i = 0; i < count; i++)
            {
                difference |= a[aOffset + i] ^ b[bOffset + i];
            }

            // difference is 0..255; (difference - 1) is negative exactly when it is 0, so the result
            // is computed with arithmetic rather than a branch on secret data.
            return ((uint)(difference - 1) >> 31) == 1;
        }

        internal static void ClearCore(byte[] buffer, int offset, int count)
        {
            // Array.Clear exists on both runtimes; a loop keeps the intent obvious and avoids a
            // native call for the short spans (16-64 bytes) wiped here.
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = 0;
            }
        }
    }
}
