using System.Numerics;
using EdgeSensor.Core.Crypto;

namespace EdgeSensor.Core.Tests.Crypto;

/// <summary>
/// The 26-bit-limb Poly1305 against a direct big-integer transcription of RFC 8439 §2.5.1, with
/// inputs biased towards the carry edge cases (all-ones bytes, largest clamped r, s near 2^128).
/// </summary>
[TestClass]
public sealed class Poly1305CrossCheckTests
{
    private static readonly BigInteger s_prime = (BigInteger.One << 130) - 5;

    [TestMethod]
    public void Finish_RandomAndExtremeInputs_AgreeWithBigIntegerReference()
    {
        var random = new Random(1305);
        var poly = new Poly1305();
        var tag = new byte[16];
        for (int i = 0; i < 3000; i++)
        {
            byte[] key = Biased(random, 32);
            byte[] message = Biased(random, random.Next(0, 300));
            poly.Init(key, 0);
            int cut = random.Next(0, message.Length + 1);
            poly.Update(message, 0, cut);
            poly.Update(message, cut, message.Length - cut);
            poly.Finish(tag, 0);
            CryptoVectors.AssertBytes(Reference(key, message), tag, $"case {i}");
        }
    }

    private static byte[] Biased(Random random, int length)
    {
        var bytes = new byte[length];
        switch (random.Next(4))
        {
            case 0:
                Array.Fill(bytes, (byte)0xff);
                break;
            case 1:
                random.NextBytes(bytes);
                for (int j = 0; j < length; j++)
                {
                    bytes[j] = random.Next(3) == 0 ? bytes[j] : (byte)0xff;
                }

                break;
            default:
                random.NextBytes(bytes);
                break;
        }

        return bytes;
    }

    private static byte[] Reference(byte[] key, byte[] message)
    {
        var clamp = new BigInteger(Convert.FromHexString("ffffff0ffcffff0ffcffff0ffcffff0f"), isUnsigned: true);
        BigInteger r = new BigInteger(key.AsSpan(0, 16), isUnsigned: true) & clamp;
        BigInteger s = new BigInteger(key.AsSpan(16, 16), isUnsigned: true);
        BigInteger accumulator = BigInteger.Zero;
        for (int offset = 0; offset < message.Length; offset += 16)
        {
            int length = Math.Min(16, message.Length - offset);
            var block = new byte[length + 1];
            Array.Copy(message, offset, block, 0, length);
            block[length] = 1;
            accumulator = (accumulator + new BigInteger(block, isUnsigned: true)) * r % s_prime;
        }

        byte[] full = ((accumulator + s) & ((BigInteger.One << 128) - 1)).ToByteArray(isUnsigned: true);
        var tag = new byte[16];
        Array.Copy(full, tag, Math.Min(16, full.Length));
        return tag;
    }
}
