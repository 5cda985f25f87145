using EdgeSensor.Core.Crypto;

namespace EdgeSensor.Core.Tests.Crypto;

[TestClass]
public sealed class ChaCha20Poly1305AeadTests
{
    [TestMethod]
    public void Seal_Rfc8439Vectors_CiphertextThenTag()
    {
        var aead = new ChaCha20Poly1305Aead();
        foreach (var v in CryptoVectors.Load("rfc8439.txt", "aead"))
        {
            byte[] plaintext = v.Bytes("plaintext");
            byte[] aad = v.Bytes("aad");
            var output = new byte[plaintext.Length + 16 + 4];
            aead.Seal(v.Bytes("key"), 0, v.Bytes("nonce"), 0, aad, 0, aad.Length, plaintext, 0, plaintext.Length, output, 4);
            Assert.AreEqual(v["ciphertext"] + v["tag"], CryptoVectors.Hex(output, 4, plaintext.Length + 16), v["source"]);
        }
    }

    [TestMethod]
    public void TryOpen_Rfc8439Vectors_ReturnPlaintext()
    {
        var aead = new ChaCha20Poly1305Aead();
        foreach (var v in CryptoVectors.Load("rfc8439.txt", "aead"))
        {
            byte[] input = Convert.FromHexString(v["ciphertext"] + v["tag"]);
            byte[] aad = v.Bytes("aad");
            var output = new byte[input.Length - 16];
            Assert.IsTrue(aead.TryOpen(v.Bytes("key"), 0, v.Bytes("nonce"), 0, aad, 0, aad.Length, input, 0, input.Length, output, 0), v["source"]);
            Assert.AreEqual(v["plaintext"], Convert.ToHexStringLower(output), v["source"]);
        }
    }

    [TestMethod]
    public void TryOpen_AnyFlippedBit_FailsAndClearsOutput()
    {
        var aead = new ChaCha20Poly1305Aead();
        var v = CryptoVectors.Load("rfc8439.txt", "aead")[0];
        byte[] key = v.Bytes("key");
        byte[] nonce = v.Bytes("nonce");
        byte[] aad = v.Bytes("aad");
        byte[] input = Convert.FromHexString(v["ciphertext"] + v["tag"]);
        var output = new byte[input.Length - 16];

        for (int i = 0; i < input.Length; i++)
        {
            input[i] ^= (byte)(1 << (i & 7));
            Array.Fill(output, (byte)0xee);
            Assert.IsFalse(aead.TryOpen(key, 0, nonce, 0, aad, 0, aad.Length, input, 0, input.Length, output, 0), $"byte {i}");
            Assert.IsTrue(output.All(b => b == 0), $"output not cleared after byte {i}");
            input[i] ^= (byte)(1 << (i & 7));
        }

        for (int i = 0; i < aad.Length; i++)
        {
            aad[i] ^= 0x80;
            Assert.IsFalse(aead.TryOpen(key, 0, nonce, 0, aad, 0, aad.Length, input, 0, input.Length, output, 0), $"aad byte {i}");
            aad[i] ^= 0x80;
        }

        nonce[11] ^= 1;
        Assert.IsFalse(aead.TryOpen(key, 0, nonce, 0, aad, 0, aad.Length, input, 0, input.Length, output, 0), "nonce");
        nonce[11] ^= 1;
        key[31] ^= 1;
        Assert.IsFalse(aead.TryOpen(key, 0, nonce, 0, aad, 0, aad.Length, input, 0, input.Length, output, 0), "key");
        key[31] ^= 1;

        // Truncated (one byte short) is a failure too, and the untouched input still opens.
        Assert.IsFalse(aead.TryOpen(key, 0, nonce, 0, aad, 0, aad.Length, input, 0, input.Length - 1, output, 0), "truncated");
        Assert.IsTrue(aead.TryOpen(key, 0, nonce, 0, aad, 0, aad.Length, input, 0, input.Length, output, 0));
    }

    [TestMethod]
    public void TryOpen_ShorterThanTag_ReturnsFalse()
    {
        var aead = new ChaCha20Poly1305Aead();
        var input = new byte[15];
        Assert.IsFalse(aead.TryOpen(new byte[32], 0, new byte[12], 0, null, 0, 0, input, 0, 15, new byte[0], 0));
    }

    [TestMethod]
    public void SealAndOpen_InPlace_RoundTrip()
    {
        var aead = new ChaCha20Poly1305Aead();
        var random = new Random(8439);
        byte[] key = RandomBytes(random, 32);
        byte[] nonce = RandomBytes(random, 12);
        byte[] message = RandomBytes(random, 100);
        var buffer = new byte[3 + 100 + 16];
        message.CopyTo(buffer, 3);

        aead.Seal(key, 0, nonce, 0, null, 0, 0, buffer, 3, 100, buffer, 3);
        CollectionAssert.AreNotEqual(message, buffer.AsSpan(3, 100).ToArray());
        Assert.IsTrue(aead.TryOpen(key, 0, nonce, 0, null, 0, 0, buffer, 3, 116, buffer, 3));
        CollectionAssert.AreEqual(message, buffer.AsSpan(3, 100).ToArray());
    }

    [TestMethod]
    public void Seal_BadArguments_Throw()
    {
        var aead = new ChaCha20Poly1305Aead();
        var key = new byte[32];
        var nonce = new byte[12];
        var pt = new byte[10];
        var output = new byte[26];
        Assert.ThrowsExactly<ArgumentNullException>(() => aead.Seal(null!, 0, nonce, 0, null, 0, 0, pt, 0, 10, output, 0));
        Assert.ThrowsExactly<ArgumentNullException>(() => aead.Seal(key, 0, null!, 0, null, 0, 0, pt, 0, 10, output, 0));
        Assert.ThrowsExactly<ArgumentNullException>(() => aead.Seal(key, 0, nonce, 0, null, 0, 1, pt, 0, 10, output, 0));
        Assert.ThrowsExactly<ArgumentNullException>(() => aead.Seal(key, 0, nonce, 0, null, 0, 0, null!, 0, 0, output, 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => aead.Seal(new byte[31], 0, nonce, 0, null, 0, 0, pt, 0, 10, output, 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => aead.Seal(key, 0, nonce, 1, null, 0, 0, pt, 0, 10, output, 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => aead.Seal(key, 0, nonce, 0, pt, 5, 6, pt, 0, 10, output, 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => aead.Seal(key, 0, nonce, 0, null, 0, 0, pt, 0, 11, output, 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => aead.Seal(key, 0, nonce, 0, null, 0, 0, pt, 0, 10, output, 1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => aead.Seal(key, 0, nonce, 0, null, 0, 0, pt, -1, 10, output, 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => aead.TryOpen(key, 0, nonce, 0, null, 0, 0, output, 0, 26, pt, 1));
        Assert.ThrowsExactly<ArgumentNullException>(() => aead.TryOpen(key, 0, nonce, 0, null, 0, 0, output, 0, 26, null!, 0));
    }

    internal static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
