using EdgeSensor.Core.Crypto;

namespace EdgeSensor.Core.Tests.Crypto;

[TestClass]
public sealed class Poly1305Tests
{
    [TestMethod]
    public void Finish_Rfc8439Vectors_MatchTag()
    {
        var poly = new Poly1305();
        foreach (var v in CryptoVectors.Load("rfc8439.txt", "poly1305"))
        {
            byte[] message = v.Bytes("message");
            poly.Init(v.Bytes("key"), 0);
            poly.Update(message, 0, message.Length);
            var tag = new byte[16];
            poly.Finish(tag, 0);
            Assert.AreEqual(v["tag"], Convert.ToHexStringLower(tag), v["source"]);
        }
    }

    [TestMethod]
    public void Update_EverySplitOfTheMessage_SameTag()
    {
        // Incremental updates must not depend on how the message is cut (pending-block handling).
        var poly = new Poly1305();
        foreach (var v in CryptoVectors.Load("rfc8439.txt", "poly1305"))
        {
            byte[] key = v.Bytes("key");
            byte[] message = v.Bytes("message");
            for (int cut = 0; cut <= message.Length; cut += 1 + (cut / 7))
            {
                poly.Init(key, 0);
                poly.Update(message, 0, cut);
                poly.Update(message, cut, 0);
                for (int i = cut; i < message.Length; i += 5)
                {
                    poly.Update(message, i, Math.Min(5, message.Length - i));
                }

                var tag = new byte[16];
                poly.Finish(tag, 0);
                Assert.AreEqual(v["tag"], Convert.ToHexStringLower(tag), $"{v["source"]} cut {cut}");
            }
        }
    }

    [TestMethod]
    public void KeyGeneration_Rfc8439Vectors_FirstHalfOfBlockZero()
    {
        // RFC 8439 §2.6: the one-time key is the first 32 bytes of ChaCha20 block 0.
        var chacha = new ChaCha20();
        foreach (var v in CryptoVectors.Load("rfc8439.txt", "poly1305-keygen"))
        {
            var block = new byte[64];
            chacha.Block(v.Bytes("key"), 0, v.Bytes("nonce"), 0, 0, block, 0);
            Assert.AreEqual(v["onetimekey"], CryptoVectors.Hex(block, 0, 32), v["source"]);
        }
    }

    [TestMethod]
    public void Update_BeforeInit_Throws()
    {
        var poly = new Poly1305();
        Assert.ThrowsExactly<InvalidOperationException>(() => poly.Update(new byte[1], 0, 1));
        Assert.ThrowsExactly<InvalidOperationException>(() => poly.Finish(new byte[16], 0));
    }
}
