using EdgeSensor.Core.Crypto;

namespace EdgeSensor.Core.Tests.Crypto;

[TestClass]
public sealed class ChaCha20Tests
{
    [TestMethod]
    public void Block_Rfc8439Vectors_MatchKeystream()
    {
        var chacha = new ChaCha20();
        foreach (var v in CryptoVectors.Load("rfc8439.txt", "chacha20-block"))
        {
            // Odd offsets prove the offset arithmetic, not just offset 0.
            byte[] key = Shifted(v.Bytes("key"), 3);
            byte[] nonce = Shifted(v.Bytes("nonce"), 5);
            var output = new byte[64 + 7];
            chacha.Block(key, 3, nonce, 5, uint.Parse(v["counter"]), output, 7);
            Assert.AreEqual(v["output"], CryptoVectors.Hex(output, 7, 64), v["source"]);
        }
    }

    [TestMethod]
    public void Xor_Rfc8439Vectors_EncryptAndDecrypt()
    {
        var chacha = new ChaCha20();
        foreach (var v in CryptoVectors.Load("rfc8439.txt", "chacha20-xor"))
        {
            byte[] key = v.Bytes("key");
            byte[] nonce = v.Bytes("nonce");
            byte[] plaintext = v.Bytes("plaintext");
            uint counter = uint.Parse(v["counter"]);
            var ciphertext = new byte[plaintext.Length];
            chacha.Xor(key, 0, nonce, 0, counter, plaintext, 0, plaintext.Length, ciphertext, 0);
            Assert.AreEqual(v["ciphertext"], Convert.ToHexStringLower(ciphertext), v["source"]);

            // In place, decrypting restores the plaintext.
            chacha.Xor(key, 0, nonce, 0, counter, ciphertext, 0, ciphertext.Length, ciphertext, 0);
            CollectionAssert.AreEqual(plaintext, ciphertext, v["source"]);
        }
    }

    [TestMethod]
    public void Xor_CounterWouldWrap_Throws()
    {
        var chacha = new ChaCha20();
        var key = new byte[32];
        var nonce = new byte[12];
        var data = new byte[129];

        // Block 2^32 - 1 is the last: 64 bytes fit, 65 do not.
        chacha.Xor(key, 0, nonce, 0, uint.MaxValue, data, 0, 64, data, 0);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => chacha.Xor(key, 0, nonce, 0, uint.MaxValue, data, 0, 65, data, 0));
    }

    [TestMethod]
    public void Xor_ZeroInputAcrossBlocks_EqualsConsecutiveBlocks()
    {
        // Keystream of a multi-block XOR = Block(c), Block(c + 1), ... up to the last counter value.
        var chacha = new ChaCha20();
        var random = new Random(2404);
        byte[] key = ChaCha20Poly1305AeadTests.RandomBytes(random, 32);
        byte[] nonce = ChaCha20Poly1305AeadTests.RandomBytes(random, 12);
        foreach (uint start in new uint[] { 0, 1, 0x7fffffff, uint.MaxValue - 3 })
        {
            var xored = new byte[4 * 64 - 5];
            chacha.Xor(key, 0, nonce, 0, start, xored, 0, xored.Length, xored, 0);
            var blocks = new byte[4 * 64];
            for (uint b = 0; b < 4; b++)
            {
                chacha.Block(key, 0, nonce, 0, start + b, blocks, (int)(64 * b));
            }

            CollectionAssert.AreEqual(blocks.AsSpan(0, xored.Length).ToArray(), xored, $"start {start}");
        }
    }

    [TestMethod]
    public void Xor_BadArguments_Throw()
    {
        var chacha = new ChaCha20();
        var key = new byte[32];
        var nonce = new byte[12];
        var data = new byte[16];
        Assert.ThrowsExactly<ArgumentNullException>(() => chacha.Xor(null!, 0, nonce, 0, 0, data, 0, 16, data, 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => chacha.Xor(key, 1, nonce, 0, 0, data, 0, 16, data, 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => chacha.Xor(key, 0, nonce, 0, 0, data, 1, 16, data, 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => chacha.Xor(key, 0, nonce, 0, 0, data, 0, -1, data, 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => chacha.Xor(key, 0, nonce, 0, 0, data, 0, 16, new byte[15], 0));
    }

    internal static byte[] Shifted(byte[] data, int offset)
    {
        var result = new byte[data.Length + offset + 2];
        Array.Fill(result, (byte)0xa5);
        data.CopyTo(result, offset);
        return result;
    }
}
