using System;

namespace EdgeSensor.Core.Privacy
{
    /// <summary>
    /// Unsigned fixed-point numbers in [0, 1] with 63 fraction bits (Q63: 1.0 = 2^63), enough to fit in
    /// a ulong with the value 1.0 itself representable. Used to configure and run the noise mechanism
    /// without floating point: the default ESP32 nanoFramework firmware computes System.Math in single
    /// precision (and the core may not use System.Math at all), and integer arithmetic gives the same
    /// bits on the device and on .NET, so tests on the host prove what the device draws.
    /// </summary>
    public static class FixedPointQ63
    {
        /// <summary>1.0 in Q63.</summary>
        public const ulong One = 1UL << 63;

        // Range reduction for ExpNeg: exp(-x) = exp(-x / 2^16)^(2^16).
        private const int ReductionBits = 16;

        /// <summary>
        /// (a * b) / 2^63, truncated, for a, b in Q63 (each at most <see cref="One"/>).
        /// The 128-bit product is built from 32-bit halves because the nanoFramework has no
        /// Math.BigMul/UInt128. Constant time: no data-dependent branches.
        /// </summary>
        public static ulong Multiply(ulong a, ulong b)
        {
            ulong aLo = a & 0xFFFFFFFFUL;
            ulong aHi = a >> 32;
            ulong bLo = b & 0xFFFFFFFFUL;
            ulong bHi = b >> 32;

            ulong ll = aLo * bLo;
            ulong lh = aLo * bHi;
            ulong hl = aHi * bLo;
            ulong hh = aHi * bHi;

            // Carry of the middle column; at most 3 * (2^32 - 1), so it fits.
            ulong mid = (ll >> 32) + (lh & 0xFFFFFFFFUL) + (hl & 0xFFFFFFFFUL);
            ulong lo = (mid << 32) | (ll & 0xFFFFFFFFUL);
            ulong hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);

            // Product < 2^126, so hi < 2^62 and the shift cannot overflow.
            return (hi << 1) | (lo >> 63);
        }

        /// <summary>
        /// exp(-numerator / denominator) in Q63, for 0 ≤ numerator/denominator ≤ 32 and numerator &lt; 2^16.
        /// Method: range reduction by 2^16 (so the argument is below 2^-11), the alternating Taylor series
        /// of exp(-y) until its terms vanish in Q63, then 16 squarings. Each squaring at most doubles the
        /// relative error, so the result is within about 2^16 * 2^-63 / exp(-x) relative error
        /// (below 1e-12 for x ≤ 3, the range the privacy mechanism uses). Configuration-time only.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The argument is outside the supported range.</exception>
        public static ulong ExpNeg(uint numerator, uint denominator)
        {
            if (denominator == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(denominator));
            }

            if (numerator >= 65536 || (ulong)numerator > 32UL * denominator)
            {
                throw new ArgumentOutOfRangeException(nameof(numerator));
            }

            // y = x / 2^16 in Q63 = numerator * 2^(63-16) / denominator, rounded to nearest.
            ulong y = (((ulong)numerator << (63 - ReductionBits)) + (denominator / 2)) / denominator;

            ulong sum = One;
            ulong term = One;
            for (uint k = 1; k < 20; k++)
            {
                term = Multiply(term, y) / k;
                if (term == 0)
                {
                    break;
                }

                // Terms decrease (y < 1), so the partial sums stay in (0, 1].
                if ((k & 1) == 1)
                {
                    sum -= term;
                }
                else
                {
                    sum += term;
                }
            }

            for (int i = 0; i < ReductionBits; i++)
            {
                sum = Multiply(sum, sum);
            }

            return sum;
        }
    }
}
