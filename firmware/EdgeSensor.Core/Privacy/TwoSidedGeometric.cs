using System;

namespace EdgeSensor.Core.Privacy
{
    /// <summary>
    /// Two-sided geometric ("discrete Laplace") noise: P(X = z) = (1 - α) / (1 + α) · α^|z| with α = exp(-ε),
    /// the discrete analogue of the Laplace mechanism for integer counts of sensitivity 1
    /// (Ghosh, Roughgarden, Sundararajan 2009, "Universally utility-maximizing privacy mechanisms").
    /// Variance 2α / (1 - α)^2.
    /// <para>
    /// Sampling: X = G1 - G2 with G1, G2 independent geometric variates on {0, 1, ...} with
    /// P(G ≥ n) = α^n. Each G is drawn by inversion: with u uniform in (0, 1], G is the largest n with
    /// α^n ≥ u. u is built from 63 random bits (every value equally likely, no modulo reduction, so no
    /// modulo bias) and n is found bit by bit from a table of α^(2^j) in Q63 fixed point, a number of
    /// steps fixed by ε (about floor(log2(44 / ε)) + 1) whatever the result. No floating point is involved.
    /// </para>
    /// <para>
    /// Precision: α is within 1e-13 relative of exp(-ε); the tail probabilities compared against u are
    /// truncated Q63 products, each within about 2^-54 of exact, and the tail where α^n &lt; 2^-63 cannot
    /// be drawn. The sampled distribution is within total-variation distance of about 2^-39 of the exact
    /// one (docs/privacy.md, "Precision"), so the mechanism is (ε, δ)-DP with a tiny δ, not pure ε-DP.
    /// The classic floating-point attack on Laplace noise (Mironov 2012) does not apply: no
    /// floating-point value is ever sampled or rounded.
    /// </para>
    /// </summary>
    public sealed class TwoSidedGeometric
    {
        // α^(2^j) for j = 0..TableSize-1; entries that underflow stay 0 and can never be selected.
        private const int TableSize = 32;

        private readonly ulong[] _powers = new ulong[TableSize];

        // Highest j with α^(2^j) > 0: bits above it can never be set, so draws start there. It depends on
        // ε only (not on the draw), so every draw still takes the same number of steps.
        private int _topIndex;
        private uint _epsilonNumerator;
        private uint _epsilonDenominator;

        /// <summary>Creates the sampler for ε = <paramref name="epsilonNumerator"/> / <paramref name="epsilonDenominator"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">ε is 0 or outside what <see cref="FixedPointQ63.ExpNeg"/> supports.</exception>
        public TwoSidedGeometric(uint epsilonNumerator, uint epsilonDenominator)
        {
            Configure(epsilonNumerator, epsilonDenominator);
        }

        /// <summary>α = exp(-ε) in Q63 (see <see cref="FixedPointQ63"/>).</summary>
        public ulong AlphaQ63 => _powers[0];

        /// <summary>Numerator of the configured ε.</summary>
        public uint EpsilonNumerator => _epsilonNumerator;

        /// <summary>Denominator of the configured ε.</summary>
        public uint EpsilonDenominator => _epsilonDenominator;

        /// <summary>Recomputes the table for a new ε (configuration time, no allocation).</summary>
        /// <exception cref="ArgumentOutOfRangeException">ε is 0 or outside what <see cref="FixedPointQ63.ExpNeg"/> supports.</exception>
        public void Configure(uint epsilonNumerator, uint epsilonDenominator)
        {
            if (epsilonNumerator == 0)
            {
                // ε = 0 would mean α = 1: no finite noise distribution.
                throw new ArgumentOutOfRangeException(nameof(epsilonNumerator));
            }

            ulong alpha = FixedPointQ63.ExpNeg(epsilonNumerator, epsilonDenominator);
            _powers[0] = alpha;
            _topIndex = 0;
            for (int j = 1; j < TableSize; j++)
            {
                _powers[j] = FixedPointQ63.Multiply(_powers[j - 1], _powers[j - 1]);
                if (_powers[j] != 0)
                {
                    _topIndex = j;
                }
            }

            _epsilonNumerator = epsilonNumerator;
            _epsilonDenominator = epsilonDenominator;
        }

        /// <summary>Draws one two-sided geometric variate (4 words from <paramref name="random"/>).</summary>
        public long Sample(IRandomSource random)
        {
            long g1 = SampleGeometric(random);
            long g2 = SampleGeometric(random);
            return g1 - g2;
        }

        /// <summary>Draws one geometric variate G ≥ 0 with P(G ≥ n) = α^n (2 words from <paramref name="random"/>).</summary>
        /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
        public long SampleGeometric(IRandomSource random)
        {
            if (random == null)
            {
                throw new ArgumentNullException(nameof(random));
            }

            // u = (U + 1) / 2^63 with U uniform on [0, 2^63): all 2^63 values of u in (0, 1] equally likely.
            ulong high = random.NextUInt32() >> 1;
            ulong low = random.NextUInt32();
            ulong u = ((high << 32) | low) + 1;

            // Largest n with α^n ≥ u, found from the most significant bit down: α^n is decreasing in n,
            // so taking bit j whenever the product still reaches u is a binary search over n.
            long n = 0;
            ulong t = FixedPointQ63.One;
            for (int j = _topIndex; j >= 0; j--)
            {
                ulong candidate = FixedPointQ63.Multiply(t, _powers[j]);
                if (candidate >= u)
                {
                    t = candidate;
                    n += 1L << j;
                }
            }

            return n;
        }
    }
}
