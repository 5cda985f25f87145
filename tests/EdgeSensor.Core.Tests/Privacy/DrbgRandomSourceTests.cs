using EdgeSensor.Core.Crypto;
using EdgeSensor.Core.Privacy;

namespace EdgeSensor.Core.Tests.Privacy;

[TestClass]
public sealed class DrbgRandomSourceTests
{
    private static readonly byte[] Nonce = DeviceNonce(0x0123456789ABCDEFUL, 3, 12_345);

    private static byte[] DeviceNonce(ulong deviceId, uint boots, long uptimeMs)
    {
        var nonce = new byte[DrbgRandomSource.DeviceNonceLength];
        DrbgRandomSource.WriteDeviceNonce(nonce, 0, deviceId, boots, uptimeMs);
        return nonce;
    }

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
        var a = new DrbgRandomSource(Entropy(1), 0, 32, Nonce, 0, Nonce.Length);
        var b = new DrbgRandomSource(Entropy(1), 0, 32, Nonce, 0, Nonce.Length);
        var c = new DrbgRandomSource(Entropy(2), 0, 32, Nonce, 0, Nonce.Length);
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
        plain.Instantiate(Entropy(3), 0, 32, Nonce, 0, Nonce.Length, null, 0, 0);
        var personalized = new DrbgRandomSource(Entropy(3), 0, 32, Nonce, 0, Nonce.Length);
        var wrapped = new HmacDrbg();
        wrapped.Instantiate(Entropy(3), 0, 32, Nonce, 0, Nonce.Length, null, 0, 0);
        var source = new DrbgRandomSource(wrapped);

        uint first = plain.NextUInt32();
        Assert.AreEqual(first, source.NextUInt32(), "the wrapping constructor passes words through");
        Assert.AreNotEqual(first, personalized.NextUInt32());
    }

    [TestMethod]
    public void ShortEntropy_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new DrbgRandomSource(new byte[31], 0, 31, Nonce, 0, Nonce.Length));
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
        var random = new DrbgRandomSource(Entropy(9), 0, 32, Nonce, 0, Nonce.Length);
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

    [TestMethod]
    public void MissingOrEmptyNonce_IsRefused()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => new DrbgRandomSource(Entropy(4), 0, 32, null!, 0, 0));
        Assert.ThrowsExactly<ArgumentException>(() => new DrbgRandomSource(Entropy(4), 0, 32, new byte[16], 0, 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new DrbgRandomSource(Entropy(4), 0, 32, new byte[16], 8, 9));
    }

    [TestMethod]
    public void DeviceNonce_IsIdBootsAndUptime_LittleEndian()
    {
        byte[] nonce = new byte[DrbgRandomSource.DeviceNonceLength + 2];
        DrbgRandomSource.WriteDeviceNonce(nonce, 2, 0x0102030405060708UL, 0x0A0B0C0D, 0x1112131415161718L);
        CollectionAssert.AreEqual(
            new byte[] { 0, 0, 8, 7, 6, 5, 4, 3, 2, 1, 0x0D, 0x0C, 0x0B, 0x0A, 0x18, 0x17, 0x16, 0x15, 0x14, 0x13, 0x12, 0x11 },
            nonce);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DrbgRandomSource.WriteDeviceNonce(new byte[19], 0, 1, 1, 1));
        Assert.ThrowsExactly<ArgumentNullException>(() => DrbgRandomSource.WriteDeviceNonce(null!, 0, 1, 1, 1));
    }

    [TestMethod]
    public void SameEntropy_DifferentBoot_DifferentStream()
    {
        // Should the entropy source ever repeat itself (the ESP32 RNG without its radio), the nonce still separates boots.
        var first = new DrbgRandomSource(Entropy(5), 0, 32, DeviceNonce(7, 1, 4000), 0, DrbgRandomSource.DeviceNonceLength);
        var second = new DrbgRandomSource(Entropy(5), 0, 32, DeviceNonce(7, 2, 4000), 0, DrbgRandomSource.DeviceNonceLength);
        var otherDevice = new DrbgRandomSource(Entropy(5), 0, 32, DeviceNonce(8, 1, 4000), 0, DrbgRandomSource.DeviceNonceLength);
        uint a = first.NextUInt32();
        Assert.AreNotEqual(a, second.NextUInt32());
        Assert.AreNotEqual(a, otherDevice.NextUInt32());
    }
}
