using EdgeSensor.Core.Crypto;
using Platform = System.Security.Cryptography;

namespace EdgeSensor.Core.Tests.Crypto;

/// <summary>
/// The portable AEAD against the platform's (System.Security.Cryptography, OpenSSL on Linux) over
/// random keys, nonces, associated data and message lengths 0..1024, with a fixed seed.
/// </summary>
[TestClass]
public sealed class AeadCrossCheckTests
{
    [TestMethod]
    public void SealAndOpen_RandomInputs_AgreeWithPlatform()
    {
        Assert.IsTrue(Platform.ChaCha20Poly1305.IsSupported, "the platform lacks ChaCha20-Poly1305");
        var random = new Random(20261125);
        var aead = new ChaCha20Poly1305Aead();
        var output = new byte[1024 + 16 + 8];
        var opened = new byte[1024 + 8];

        for (int i = 0; i < 3000; i++)
        {
            // Bias towards the edges (empty, block boundaries) while covering all lengths.
            int length = i < 1025 ? i : random.Next(0, 1025);
            int aadLength = (i % 5 == 0) ? 0 : random.Next(0, 80);
            int offset = random.Next(0, 8);
            byte[] key = ChaCha20Poly1305AeadTests.RandomBytes(random, 32);
            byte[] nonce = ChaCha20Poly1305AeadTests.RandomBytes(random, 12);
            byte[] aad = ChaCha20Poly1305AeadTests.RandomBytes(random, aadLength);
            byte[] plaintext = ChaCha20Poly1305AeadTests.RandomBytes(random, length);

            var expectedCiphertext = new byte[length];
            var expectedTag = new byte[16];
            using (var platform = new Platform.ChaCha20Poly1305(key))
            {
                platform.Encrypt(nonce, plaintext, expectedCiphertext, expectedTag, aad);
            }

            aead.Seal(key, 0, nonce, 0, aad, 0, aadLength, plaintext, 0, length, output, offset);
            CryptoVectors.AssertBytes(expectedCiphertext, output.AsSpan(offset, length), $"case {i}");
            CryptoVectors.AssertBytes(expectedTag, output.AsSpan(offset + length, 16), $"case {i}");

            Assert.IsTrue(aead.TryOpen(key, 0, nonce, 0, aad, 0, aadLength, output, offset, length + 16, opened, offset), $"case {i}");
            CryptoVectors.AssertBytes(plaintext, opened.AsSpan(offset, length), $"case {i}");
        }
    }

    [TestMethod]
    public void TryOpen_PlatformSealed_Opens()
    {
        var random = new Random(7539);
        var aead = new ChaCha20Poly1305Aead();
        for (int i = 0; i < 300; i++)
        {
            int length = random.Next(0, 1025);
            byte[] key = ChaCha20Poly1305AeadTests.RandomBytes(random, 32);
            byte[] nonce = ChaCha20Poly1305AeadTests.RandomBytes(random, 12);
            byte[] aad = ChaCha20Poly1305AeadTests.RandomBytes(random, random.Next(0, 40));
            byte[] plaintext = ChaCha20Poly1305AeadTests.RandomBytes(random, length);
            var sealedMessage = new byte[length + 16];
            using (var platform = new Platform.ChaCha20Poly1305(key))
            {
                platform.Encrypt(nonce, plaintext, sealedMessage.AsSpan(0, length), sealedMessage.AsSpan(length), aad);
            }

            var opened = new byte[length];
            Assert.IsTrue(aead.TryOpen(key, 0, nonce, 0, aad, 0, aad.Length, sealedMessage, 0, sealedMessage.Length, opened, 0), $"case {i}");
            CryptoVectors.AssertBytes(plaintext, opened, $"case {i}");
        }
    }
}
