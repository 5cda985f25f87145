using EdgeSensor.Core.Privacy;

namespace EdgeSensor.Core.Tests.Privacy;

[TestClass]
public sealed class TwoSidedGeometricTests
{
    private const double Q63 = 9223372036854775808.0;

    [TestMethod]
    [DataRow(250u, 1000u)]
    [DataRow(1000u, 1000u)]
    [DataRow(25u, 10000u)]
    public void Alpha_IsExpMinusEpsilon(uint numerator, uint denominator)
    {
        var noise = new TwoSidedGeometric(numerator, denominator);
        Assert.AreEqual(Math.Exp(-(double)numerator / denominator), noise.AlphaQ63 / Q63, 1e-12);
    }

    [TestMethod]
    public void ZeroEpsilon_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new TwoSidedGeometric(0, 1000));
    }

    [TestMethod]
    [DataRow(250u, 11UL)]
    [DataRow(1000u, 12UL)]
    [DataRow(2500u, 13UL)]
    public void Sample_EmpiricalPmf_MatchesTwoSidedGeometric(uint epsilonMilli, ulong seed)
    {
        const int draws = 200_000;
        double epsilon = epsilonMilli / 1000.0;
        double alpha = Math.Exp(-epsilon);
        var noise = new TwoSidedGeometric(epsilonMilli, 1000);
        var random = new SplitMix64Random(seed);

        // Bins -K..K plus two tail bins; expected counts from P(z) = (1-α)/(1+α) α^|z|.
        // Largest K whose tail bins still expect at least 5 draws: P(Z > K) = α^(K+1)/(1+α).
        int k = (int)Math.Floor(Math.Log(5.0 * (1 + alpha) / draws) / Math.Log(alpha)) - 1;
        k = Math.Clamp(k, 1, 60);
        var observed = new long[2 * k + 3];
        double sum = 0, sumSquares = 0;
        for (int i = 0; i < draws; i++)
        {
            long z = noise.Sample(random);
            sum += z;
            sumSquares += (double)z * z;
            int bin = z < -k ? 0 : z > k ? 2 * k + 2 : (int)z + k + 1;
            observed[bin]++;
        }

        double c = (1 - alpha) / (1 + alpha);
        double tail = Math.Pow(alpha, k + 1) / (1 + alpha); // P(Z > k) = α^(k+1)/(1+α)
        double chiSquare = 0;
        for (int bin = 0; bin < observed.Length; bin++)
        {
            double p = bin == 0 || bin == observed.Length - 1 ? tail : c * Math.Pow(alpha, Math.Abs(bin - k - 1));
            double expected = p * draws;
            chiSquare += (observed[bin] - expected) * (observed[bin] - expected) / expected;
        }

        int degrees = observed.Length - 1;
        double mean = sum / draws;
        double variance = sumSquares / draws - mean * mean;
        double expectedVariance = 2 * alpha / ((1 - alpha) * (1 - alpha));
        Console.WriteLine($"ε={epsilon}: chi²={chiSquare:F1} (df {degrees}), mean={mean:F3}, var={variance:F2} (expected {expectedVariance:F2})");

        // Generous: the 99.99th percentile of chi² is below df + 6·sqrt(2·df) + 20 for these df.
        Assert.IsTrue(chiSquare < degrees + 6 * Math.Sqrt(2.0 * degrees) + 20, $"chi² {chiSquare} with {degrees} df");
        Assert.AreEqual(0, mean, 6 * Math.Sqrt(expectedVariance / draws));
        Assert.AreEqual(expectedVariance, variance, 0.05 * expectedVariance);
    }

    [TestMethod]
    public void SampleGeometric_TailProbabilities_MatchAlphaPowers()
    {
        const int draws = 100_000;
        var noise = new TwoSidedGeometric(100, 1000); // α ≈ 0.905
        var random = new SplitMix64Random(7);
        var atLeast = new int[40];
        for (int i = 0; i < draws; i++)
        {
            long g = noise.SampleGeometric(random);
            Assert.IsTrue(g >= 0);
            for (int n = 0; n < atLeast.Length && n <= g; n++)
            {
                atLeast[n]++;
            }
        }

        double alpha = Math.Exp(-0.1);
        for (int n = 0; n < atLeast.Length; n += 5)
        {
            double p = Math.Pow(alpha, n);
            double sd = Math.Sqrt(p * (1 - p) / draws);
            Assert.AreEqual(p, atLeast[n] / (double)draws, 5 * sd + 1e-9, $"P(G >= {n})");
        }
    }

    [TestMethod]
    public void SampleGeometric_ExtremeUniforms_GiveZeroAndBoundedMaximum()
    {
        var noise = new TwoSidedGeometric(1000, 1000);
        // u = 1 (all 63 bits set) -> n = 0.
        Assert.AreEqual(0L, noise.SampleGeometric(new ScriptedRandom(uint.MaxValue, uint.MaxValue)));
        // u = 2^-63 (all bits clear) -> largest n with e^-n ≥ 2^-63, i.e. floor(63 ln 2) = 43.
        Assert.AreEqual(43L, noise.SampleGeometric(new ScriptedRandom(0, 0)));
    }

    [TestMethod]
    public void Sample_NullRandom_Throws()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => new TwoSidedGeometric(1, 1).Sample(null!));
    }
}

[TestClass]
public sealed class TwoSidedGeometricPrecisionTests
{
    // The sampler's effective P(G ≥ n) in Q63 units: the largest u with SampleGeometric(u) ≥ n, found by
    // binary search over scripted uniforms. Compared with the exact α'^n, α' being the Q63 α itself.
    [TestMethod]
    [DataRow(10u, 4000u, new[] { 1, 100, 1000, 5000, 10000, 17000 })]
    [DataRow(250u, 1000u, new[] { 1, 10, 50, 100, 170 })]
    [DataRow(2500u, 1000u, new[] { 1, 5, 10, 17 })]
    public void EffectiveTailProbabilities_AreWithin2ToMinus54OfExact(uint numerator, uint denominator, int[] ns)
    {
        var noise = new TwoSidedGeometric(numerator, denominator);
        ulong alpha = noise.AlphaQ63;
        foreach (int n in ns)
        {
            var exact = System.Numerics.BigInteger.Pow(alpha, n) >> (63 * (n - 1));
            ulong lo = 0, hi = 1UL << 63; // invariant: G(lo) ≥ n or lo = 0; G(hi + 1) < n
            while (lo < hi)
            {
                ulong mid = lo + (hi - lo + 1) / 2;
                if (Geometric(noise, mid) >= n)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            double difference = Math.Abs((double)(exact - lo));
            Console.WriteLine($"ε={numerator}/{denominator} n={n}: |sampler - exact| = {difference} units of 2^-63");
            Assert.IsTrue(difference <= 512, $"ε={numerator}/{denominator} n={n}: sampler {lo}, exact {exact}, off by {difference} units of 2^-63");
        }
    }

    private static long Geometric(TwoSidedGeometric noise, ulong u)
    {
        ulong value = u - 1;
        return noise.SampleGeometric(new ScriptedRandom((uint)((value >> 32) << 1), (uint)value));
    }
}
