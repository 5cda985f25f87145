using EdgeSensor.Core.Crypto;

namespace EdgeSensor.Core.Tests.Crypto;

/// <summary>SHA-256, HMAC-SHA256 and HKDF against FIPS 180-4, RFC 4231 and RFC 5869.</summary>
[TestClass]
public sealed class HashVectorTests
{
    [TestMethod]
    public void Sha256_FipsExamples_MatchDigest()
    {
        var sha = new Sha256();
        foreach (var v in CryptoVectors.Load("fips180-4.txt", "sha256"))
        {
            byte[] message = v.Bytes("message");
            int repeat = int.Parse(v["repeat"]);
            for (int i = 0; i < repeat; i++)
            {
                sha.Append(message, 0, message.Length);
            }

            var digest = new byte[32 + 1];
            sha.Finish(digest, 1);
            Assert.AreEqual(v["digest"], CryptoVectors.Hex(digest, 1, 32), v["source"]);
        }
    }

    [TestMethod]
    public void Sha256_FinishResets_SecondMessageIndependent()
    {
        var sha = new Sha256();
        byte[] abc = "abc"u8.ToArray();
        sha.Append(new byte[100], 0, 100);
        var ignored = new byte[32];
        sha.Finish(ignored, 0);
        sha.Append(abc, 0, 3);
        var digest = new byte[32];
        sha.Finish(digest, 0);
        Assert.AreEqual("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Convert.ToHexStringLower(digest));
    }

    [TestMethod]
    public void HmacSha256_Rfc4231Cases_MatchTag()
    {
        var hmac = new HmacSha256();
        foreach (var v in CryptoVectors.Load("rfc4231.txt", "hmac-sha256"))
        {
            byte[] key = v.Bytes("key");
            byte[] data = v.Bytes("data");
            hmac.Reset(key, 0, key.Length);
            hmac.Append(data, 0, data.Length);
            var tag = new byte[32];
            hmac.Finish(tag, 0);
            string expected = v["tag"];
            Assert.AreEqual(expected, Convert.ToHexStringLower(tag)[..expected.Length], v["source"]);

            // After Finish the same key is ready for the next message.
            hmac.Append(data, 0, data.Length);
            hmac.Finish(tag, 0);
            Assert.AreEqual(expected, Convert.ToHexStringLower(tag)[..expected.Length], v["source"] + " (reused)");
        }
    }

    [TestMethod]
    public void Hkdf_Rfc5869Cases_MatchPrkAndOkm()
    {
        var hkdf = new Hkdf();
        foreach (var v in CryptoVectors.Load("rfc5869.txt", "hkdf-sha256"))
        {
            byte[] ikm = v.Bytes("ikm");
            byte[] salt = v.Bytes("salt");
            byte[] info = v.Bytes("info");
            int length = int.Parse(v["length"]);
            var prk = new byte[32];
            hkdf.Extract(salt, 0, salt.Length, ikm, 0, ikm.Length, prk, 0);
            Assert.AreEqual(v["prk"], Convert.ToHexStringLower(prk), v["source"]);

            var okm = new byte[length];
            hkdf.Expand(prk, 0, prk.Length, info, 0, info.Length, okm, 0, length);
            Assert.AreEqual(v["okm"], Convert.ToHexStringLower(okm), v["source"]);
        }
    }

    [TestMethod]
    public void Hkdf_Limits_Enforced()
    {
        var hkdf = new Hkdf();
        var prk = new byte[32];
        var okm = new byte[255 * 32 + 1];
        hkdf.Expand(prk, 0, 32, null, 0, 0, okm, 0, 255 * 32);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => hkdf.Expand(prk, 0, 32, null, 0, 0, okm, 0, 255 * 32 + 1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => hkdf.Expand(prk, 0, 31, null, 0, 0, okm, 0, 32));
        Assert.ThrowsExactly<ArgumentNullException>(() => hkdf.Extract(null, 0, 0, null!, 0, 0, prk, 0));
    }
}
