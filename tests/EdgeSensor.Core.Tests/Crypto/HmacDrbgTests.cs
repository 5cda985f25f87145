using EdgeSensor.Core.Crypto;
using Platform = System.Security.Cryptography;

namespace EdgeSensor.Core.Tests.Crypto;

[TestClass]
public sealed class HmacDrbgTests
{
    [TestMethod]
    public void Generate_CavpNoReseedVectors_SecondRequestMatches()
    {
        foreach (var v in CryptoVectors.Load("hmac-drbg.txt", "hmac-drbg-sha256"))
        {
            byte[] entropy = v.Bytes("entropy");
            byte[] nonce = v.Bytes("nonce");
            byte[] personalization = v.Bytes("personalization");
            var drbg = new HmacDrbg();
            drbg.Instantiate(entropy, 0, entropy.Length, nonce, 0, nonce.Length, personalization, 0, personalization.Length);

            // CAVP procedure: the first 1024-bit request is discarded, the second is the answer.
            var output = new byte[128];
            Assert.IsTrue(drbg.Generate(output, 0, 128));
            Assert.IsTrue(drbg.Generate(output, 0, 128));
            Assert.AreEqual(v["returned"], Convert.ToHexStringLower(output), v["source"]);
        }
    }

    [TestMethod]
    public void NextUInt32_FirstValues_AreLittleEndianWordsOfAGenerate()
    {
        var v = CryptoVectors.Load("hmac-drbg.txt", "hmac-drbg-sha256")[0];
        byte[] entropy = v.Bytes("entropy");
        byte[] nonce = v.Bytes("nonce");
        var bytes = new HmacDrbg();
        var words = new HmacDrbg();
        bytes.Instantiate(entropy, 0, 32, nonce, 0, 16, null, 0, 0);
        words.Instantiate(entropy, 0, 32, nonce, 0, 16, null, 0, 0);

        var block = new byte[64];
        for (int request = 0; request < 3; request++)
        {
            Assert.IsTrue(bytes.Generate(block, 0, 64));
            for (int i = 0; i < 16; i++)
            {
                Assert.AreEqual(BitConverter.ToUInt32(block, 4 * i), words.NextUInt32(), $"request {request} word {i}");
            }
        }
    }

    [TestMethod]
    public void ReseedAndGenerate_RandomInputs_AgreeWithReferenceOnPlatformHmac()
    {
        var random = new Random(80090);
        for (int i = 0; i < 200; i++)
        {
            byte[] entropy = ChaCha20Poly1305AeadTests.RandomBytes(random, random.Next(32, 64));
            byte[] nonce = ChaCha20Poly1305AeadTests.RandomBytes(random, random.Next(0, 20));
            byte[] personalization = ChaCha20Poly1305AeadTests.RandomBytes(random, random.Next(0, 40));
            var drbg = new HmacDrbg();
            var reference = new ReferenceDrbg([.. entropy, .. nonce, .. personalization]);
            drbg.Instantiate(entropy, 0, entropy.Length, nonce, 0, nonce.Length, personalization, 0, personalization.Length);

            for (int step = 0; step < 4; step++)
            {
                if (random.Next(3) == 0)
                {
                    byte[] fresh = ChaCha20Poly1305AeadTests.RandomBytes(random, 32);
                    byte[] additional = ChaCha20Poly1305AeadTests.RandomBytes(random, random.Next(0, 40));
                    drbg.Reseed(fresh, 0, 32, additional, 0, additional.Length);
                    reference.Update([.. fresh, .. additional]);
                }

                int count = random.Next(0, HmacDrbg.MaxRequestLength + 1);
                var output = new byte[count];
                Assert.IsTrue(drbg.Generate(output, 0, count));
                CryptoVectors.AssertBytes(reference.Generate(count), output, $"case {i} step {step}");
            }
        }
    }

    [TestMethod]
    public void Generate_AfterReseedInterval_ReturnsFalseUntilReseeded()
    {
        var drbg = new HmacDrbg(3);
        var entropy = new byte[32];
        drbg.Instantiate(entropy, 0, 32, null, 0, 0, null, 0, 0);
        var output = new byte[16];
        Assert.IsTrue(drbg.Generate(output, 0, 16));
        Assert.IsTrue(drbg.Generate(output, 0, 16));
        Assert.IsTrue(drbg.Generate(output, 0, 16));
        Array.Fill(output, (byte)0x5a);
        Assert.IsFalse(drbg.Generate(output, 0, 16));
        Assert.IsTrue(output.All(b => b == 0x5a), "nothing written when a reseed is required");
        Assert.ThrowsExactly<InvalidOperationException>(() => drbg.NextUInt32());

        drbg.Reseed(entropy, 0, 32, null, 0, 0);
        Assert.IsTrue(drbg.Generate(output, 0, 16));
    }

    [TestMethod]
    public void Misuse_Throws()
    {
        var drbg = new HmacDrbg();
        var output = new byte[1000];
        Assert.ThrowsExactly<InvalidOperationException>(() => drbg.Generate(output, 0, 1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => drbg.Instantiate(new byte[31], 0, 31, null, 0, 0, null, 0, 0));
        drbg.Instantiate(new byte[32], 0, 32, null, 0, 0, null, 0, 0);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => drbg.Generate(output, 0, HmacDrbg.MaxRequestLength + 1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new HmacDrbg(0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new HmacDrbg(HmacDrbg.MaxReseedInterval + 1));
    }

    /// <summary>SP 800-90A §10.1.2 written directly over the platform's HMAC-SHA256, as an oracle.</summary>
    private sealed class ReferenceDrbg
    {
        private byte[] _key = new byte[32];
        private byte[] _value = Enumerable.Repeat((byte)1, 32).ToArray();

        public ReferenceDrbg(byte[] seedMaterial) => Update(seedMaterial);

        public void Update(byte[] data)
        {
            _key = Platform.HMACSHA256.HashData(_key, (byte[])[.. _value, 0x00, .. data]);
            _value = Platform.HMACSHA256.HashData(_key, _value);
            if (data.Length > 0)
            {
                _key = Platform.HMACSHA256.HashData(_key, (byte[])[.. _value, 0x01, .. data]);
                _value = Platform.HMACSHA256.HashData(_key, _value);
            }
        }

        public byte[] Generate(int count)
        {
            var result = new List<byte>();
            while (result.Count < count)
            {
                _value = Platform.HMACSHA256.HashData(_key, _value);
                result.AddRange(_value);
            }

            Update([]);
            return result.Take(count).ToArray();
        }
    }
}
