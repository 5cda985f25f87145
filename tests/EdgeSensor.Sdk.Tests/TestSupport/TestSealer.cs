using System.Buffers.Binary;
using System.Security.Cryptography;
using EdgeSensor.Sdk.Opening;

namespace EdgeSensor.Sdk.Tests.TestSupport;

/// <summary>
/// Seals arbitrary v1 payloads with the platform's ChaCha20-Poly1305 and the SDK's key derivation, independent
/// of the firmware core. Generates the wire vectors and lets tests craft reports the core never would
/// (flags, longer bodies, out-of-range values). It encodes no body itself: bodies come from
/// <see cref="BodyValues"/> (the independent spec oracle) or are crafted bytes.
/// </summary>
internal static class TestSealer
{
    public static byte[] ChainKey(byte[] rootKey, uint epoch)
    {
        byte[] chain = new byte[32];
        byte[] next = new byte[32];
        EpochKeys.DeriveInitialChainKey(rootKey, chain);
        for (uint e = 0; e < epoch; e++)
        {
            EpochKeys.Ratchet(chain, next);
            next.CopyTo(chain, 0);
        }

        return chain;
    }

    public static byte[] AeadKey(byte[] rootKey, uint epoch)
    {
        byte[] key = new byte[32];
        EpochKeys.DeriveAeadKey(ChainKey(rootKey, epoch), epoch, key);
        return key;
    }

    public static byte[] Header(ulong deviceId, uint epoch, ulong sequence, byte flags = 0, byte version = 1)
    {
        byte[] header = new byte[22];
        header[0] = version;
        header[1] = flags;
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(2), deviceId);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(10), epoch);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(14), sequence);
        return header;
    }

    public static byte[] Seal(byte[] rootKey, ulong deviceId, uint epoch, ulong sequence, byte[] body, byte flags = 0, byte version = 1) =>
        SealWithKey(AeadKey(rootKey, epoch), Header(deviceId, epoch, sequence, flags, version), body);

    public static byte[] SealWithKey(byte[] aeadKey, byte[] header, byte[] body)
    {
        byte[] payload = new byte[header.Length + body.Length + 16];
        header.CopyTo(payload, 0);
        using var aead = new ChaCha20Poly1305(aeadKey);
        aead.Encrypt(header.AsSpan(10, 12), body, payload.AsSpan(22, body.Length), payload.AsSpan(22 + body.Length, 16), header);
        return payload;
    }
}
