using EdgeSensor.Core.Crypto;

namespace EdgeSensor.Core.Tests.Crypto;

/// <summary>Zero bytes allocated per operation after construction and warm-up (the device's GC is slow).</summary>
[TestClass]
public sealed class AllocationTests
{
    [TestMethod]
    public void SealAndTryOpen_AfterWarmUp_AllocateNothing()
    {
        var aead = new ChaCha20Poly1305Aead();
        var key = new byte[32];
        var nonce = new byte[12];
        var aad = new byte[24];
        var body = new byte[64];
        var sealedReport = new byte[64 + 16];
        var opened = new byte[64];
        aead.Seal(key, 0, nonce, 0, aad, 0, 24, body, 0, 64, sealedReport, 0);
        Assert.IsTrue(aead.TryOpen(key, 0, nonce, 0, aad, 0, 24, sealedReport, 0, 80, opened, 0));

        long before = GC.GetAllocatedBytesForCurrentThread();
        bool allOpened = true;
        for (int i = 0; i < 1000; i++)
        {
            nonce[0] = (byte)i;
            aead.Seal(key, 0, nonce, 0, aad, 0, 24, body, 0, 64, sealedReport, 0);
            allOpened &= aead.TryOpen(key, 0, nonce, 0, aad, 0, 24, sealedReport, 0, 80, opened, 0);
            sealedReport[0] ^= 1;
            allOpened &= !aead.TryOpen(key, 0, nonce, 0, aad, 0, 24, sealedReport, 0, 80, opened, 0);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.IsTrue(allOpened);
        Assert.AreEqual(0L, allocated, "bytes allocated by 1000 seal/open/reject rounds");
    }

    [TestMethod]
    public void HashHmacHkdfDrbg_AfterWarmUp_AllocateNothing()
    {
        var sha = new Sha256();
        var hmac = new HmacSha256();
        var hkdf = new Hkdf();
        var drbg = new HmacDrbg();
        var data = new byte[200];
        var output = new byte[256];
        drbg.Instantiate(data, 0, 48, null, 0, 0, null, 0, 0);

        long before = GC.GetAllocatedBytesForCurrentThread();
        uint sink = 0;
        for (int i = 0; i < 200; i++)
        {
            sha.Append(data, 0, 200);
            sha.Finish(output, 0);
            hmac.Reset(data, 0, 100);
            hmac.Append(data, 0, 200);
            hmac.Finish(output, 0);
            hkdf.Extract(data, 0, 16, data, 0, 32, output, 0);
            hkdf.Expand(output, 0, 32, data, 0, 10, output, 32, 100);
            drbg.Generate(output, 0, 100);
            sink += drbg.NextUInt32();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.AreEqual(0L, allocated, $"bytes allocated (sink {sink})");
    }
}
