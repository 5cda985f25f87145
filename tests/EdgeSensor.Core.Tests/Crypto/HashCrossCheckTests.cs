using EdgeSensor.Core.Crypto;
using Platform = System.Security.Cryptography;

namespace EdgeSensor.Core.Tests.Crypto;

/// <summary>SHA-256, HMAC-SHA256 and HKDF against System.Security.Cryptography, random inputs, fixed seed.</summary>
[TestClass]
public sealed class HashCrossCheckTests
{
    [TestMethod]
    public void Sha256_RandomMessagesAndSplits_AgreeWithPlatform()
    {
        var random = new Random(1804);
        var sha = new Sha256();
        var digest = new byte[32];
        for (int i = 0; i < 2000; i++)
        {
            int length = i < 1025 ? i : random.Next(0, 1025);
            byte[] message = ChaCha20Poly1305AeadTests.RandomBytes(random, length);
            int cut = random.Next(0, length + 1);
            sha.Append(message, 0, cut);
            sha.Append(message, cut, length - cut);
            sha.Finish(digest, 0);
            CryptoVectors.AssertBytes(Platform.SHA256.HashData(message), digest, $"case {i}");
        }
    }

    [TestMethod]
    public void HmacSha256_RandomKeysAndMessages_AgreeWithPlatform()
    {
        var random = new Random(4231);
        var hmac = new HmacSha256();
        var tag = new byte[32];
        for (int i = 0; i < 2000; i++)
        {
            // Keys shorter than, equal to and longer than the 64-byte block.
            byte[] key = ChaCha20Poly1305AeadTests.RandomBytes(random, random.Next(0, 150));
            byte[] message = ChaCha20Poly1305AeadTests.RandomBytes(random, random.Next(0, 1025));
            hmac.Reset(key, 0, key.Length);
            hmac.Append(message, 0, message.Length);
            hmac.Finish(tag, 0);
            CryptoVectors.AssertBytes(Platform.HMACSHA256.HashData(key, message), tag, $"case {i}");
        }
    }

    [TestMethod]
    public void Hkdf_RandomInputs_AgreeWithPlatform()
    {
        var random = new Random(5869);
        var hkdf = new Hkdf();
        var prk = new byte[32];
        for (int i = 0; i < 1000; i++)
        {
            byte[] ikm = ChaCha20Poly1305AeadTests.RandomBytes(random, random.Next(1, 100));
            byte[] salt = ChaCha20Poly1305AeadTests.RandomBytes(random, random.Next(0, 100));
            byte[] info = ChaCha20Poly1305AeadTests.RandomBytes(random, random.Next(0, 100));
            int length = random.Next(1, 1025);

            hkdf.Extract(salt, 0, salt.Length, ikm, 0, ikm.Length, prk, 0);
            CryptoVectors.AssertBytes(Platform.HKDF.Extract(Platform.HashAlgorithmName.SHA256, ikm, salt), prk, $"case {i}");

            var okm = new byte[length];
            hkdf.Expand(prk, 0, 32, info, 0, info.Length, okm, 0, length);
            CryptoVectors.AssertBytes(Platform.HKDF.Expand(Platform.HashAlgorithmName.SHA256, prk, length, info), okm, $"case {i}");
        }
    }
}
