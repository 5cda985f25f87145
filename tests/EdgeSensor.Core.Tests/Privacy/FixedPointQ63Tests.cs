using System.Numerics;
using EdgeSensor.Core.Privacy;

namespace EdgeSensor.Core.Tests.Privacy;

[TestClass]
public sealed class FixedPointQ63Tests
{
    private const double Q63 = 9223372036854775808.0;

    [TestMethod]
    public void Multiply_RandomOperands_MatchesBigIntegerProduct()
    {
        var random = new Random(20261125);
        for (int i = 0; i < 20_000; i++)
        {
            ulong a = (ulong)random.NextInt64(0, long.MaxValue) + (ulong)random.Next(0, 2);
            ulong b = (ulong)random.NextInt64(0, long.MaxValue) + (ulong)random.Next(0, 2);
            var expected = (ulong)((new BigInteger(a) * b) >> 63);
            Assert.AreEqual(expected, FixedPointQ63.Multiply(a, b), $"{a} * {b}");
        }
    }

    [TestMethod]
    public void Multiply_Edges()
    {
        Assert.AreEqual(FixedPointQ63.One, FixedPointQ63.Multiply(FixedPointQ63.One, FixedPointQ63.One));
        Assert.AreEqual(12345UL, FixedPointQ63.Multiply(FixedPointQ63.One, 12345));
        Assert.AreEqual(0UL, FixedPointQ63.Multiply(0, FixedPointQ63.One));
        Assert.AreEqual(1UL << 61, FixedPointQ63.Multiply(1UL << 62, 1UL << 62));
    }

    [TestMethod]
    public void ExpNeg_Zero_IsOne()
    {
        Assert.AreEqual(FixedPointQ63.One, FixedPointQ63.ExpNeg(0, 1000));
    }

    [TestMethod]
    public void ExpNeg_Grid_MatchesMathExpWithinRelative1e12()
    {
        double worst = 0;
        // ε per counter in the range the mechanism uses: 10..10000 milli split by 4, plus a margin.
        for (uint numerator = 1; numerator <= 12000; numerator += 7)
        {
            double x = numerator / 4000.0;
            double expected = Math.Exp(-x);
            double actual = FixedPointQ63.ExpNeg(numerator, 4000) / Q63;
            double relative = Math.Abs(actual - expected) / expected;
            worst = Math.Max(worst, relative);
            Assert.IsTrue(relative < 1e-12, $"x={x}: {actual} vs {expected} (relative {relative:E2})");
        }

        Console.WriteLine($"ExpNeg worst relative error over x in (0, 3]: {worst:E2}");
    }

    [TestMethod]
    [DataRow(1u, 1u)]
    [DataRow(5u, 1u)]
    [DataRow(20u, 1u)]
    [DataRow(32u, 1u)]
    [DataRow(1u, 3u)]
    [DataRow(65535u, 100000u)]
    public void ExpNeg_OtherArguments_MatchMathExp(uint numerator, uint denominator)
    {
        double expected = Math.Exp(-(double)numerator / denominator);
        double actual = FixedPointQ63.ExpNeg(numerator, denominator) / Q63;
        // Absolute bound for the tiny results of large x, relative bound for the rest.
        Assert.IsTrue(Math.Abs(actual - expected) <= Math.Max(1e-12 * expected, 1e-17), $"{actual} vs {expected}");
    }

    [TestMethod]
    [DataRow(1u, 0u)]
    [DataRow(33u, 1u)]
    [DataRow(65536u, 100000u)]
    public void ExpNeg_OutOfRange_Throws(uint numerator, uint denominator)
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => FixedPointQ63.ExpNeg(numerator, denominator));
    }
}
