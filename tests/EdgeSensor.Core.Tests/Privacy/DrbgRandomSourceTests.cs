using EdgeSensor.Core.Crypto;
using EdgeSensor.Core.Privacy;

namespace EdgeSensor.Core.Tests.Privacy;

[TestClass]
public sealed class DrbgRandomSourceTests
{
    private static byte[] Entropy(byte seed)
    {
        var entropy = new byte[32];
        for (int i = 0; i < entropy.Length; i++)
        {
            entropy[i] = (byte)(seed + i * 7);
        }

        return entropy;
    }

    [TestMethod]
    public void SameSeed_SameStream_DifferentSeed_DifferentStream()
    {
        var a = new DrbgRandomSource(Entropy(1), 0, 32, null, 0, 0);
        var b = new DrbgRandomSource(Entropy(1), 0, 32, null, 0, 0);
        var c = new DrbgRandomSource(Entropy(2), 0, 32, null, 0, 0);
        int differ = 0;
        for (int i = 0; i < 100; i++)
        {
            uint x = a.NextUInt32();
            Assert.AreEqual(x, b.NextUInt32());
            if (x != c.NextUInt32())
            {
                differ++;
            }
        }

        Assert.IsTrue(differ > 95);
    }

    [TestMethod]
    public void Personalization_SeparatesFromAPlainDrbg()
    {
        var plain = new HmacDrbg();
        plain.Instantiate(Entropy(3), 0, 32, null, 0, 0, null, 0, 0);
        var personalized = new DrbgRandomSource(Entropy(3), 0, 32, null, 0, 0);
        var wrapped = new HmacDrbg();
        wrapped.Instantiate(Entropy(3), 0, 32, null, 0, 0, null, 0, 0);
        var source = new DrbgRandomSource(wrapped);

        uint first = plain.NextUInt32();
        Assert.AreEqual(first, source.NextUInt32(), "the wrapping constructor passes words through");
        Assert.AreNotEqual(first, personalized.NextUInt32());
    }

    [TestMethod]
    public void ShortEntropy_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new DrbgRandomSource(new byte[31], 0, 31, null, 0, 0));
        Assert.ThrowsExactly<ArgumentNullException>(() => new DrbgRandomSource(null!));
    }

    [TestMethod]
    public void NotInstantiated_FailsClosed()
    {
        var source = new DrbgRandomSource(new HmacDrbg());
        Assert.ThrowsExactly<InvalidOperationException>(() => source.NextUInt32());
    }

    [TestMethod]
    public void DrivesNoise_WithTheExpectedMoments()
    {
        const int draws = 50_000;
        var noise = new TwoSidedGeometric(250, 1000);
        var random = new DrbgRandomSource(Entropy(9), 0, 32, null, 0, 0);
        double sum = 0, sumSquares = 0;
        for (int i = 0; i < draws; i++)
        {
            long z = noise.Sample(random);
            sum += z;
            sumSquares += (double)z * z;
        }

        double alpha = Math.Exp(-0.25);
        double variance = 2 * alpha / ((1 - alpha) * (1 - alpha));
        double mean = sum / draws;
        Assert.AreEqual(0, mean, 6 * Math.Sqrt(variance / draws));
        Assert.AreEqual(variance, sumSquares / draws - mean * mean, 0.1 * variance);
    }
}
