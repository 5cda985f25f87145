using System.Buffers.Binary;
using System.Security.Cryptography;

namespace EdgeSensor.Integration.Tests.Support;

/// <summary>
/// Seals wire format v1 reports for tests with the platform's ChaCha20-Poly1305 and HKDF, following
/// docs/wire-format.md and docs/security.md (header as associated data, nonce = header bytes 10..21,
/// K[0] = HKDF(root, "edgesensor v1 epoch", "edgesensor v1 chain"), ratchet, per-epoch AEAD key).
/// </summary>
internal static class TestSealer
{
    public const int HeaderLength = 22;
    public const int BodyLength = 35;

    public static byte[] Seal(ReadOnlySpan<byte> rootKey, ulong deviceId, uint epoch, ulong sequence, DateTimeOffset windowStart, int windowSeconds = 60, int entries = 3, int exits = 1, int occupancy = 2, int peak = 4, byte disclosure = 0, int epsilonMilli = 0)
    {
        byte[] payload = new byte[HeaderLength + BodyLength + 16];
        Span<byte> header = payload.AsSpan(0, HeaderLength);
        header[0] = 1;
        header[1] = 0;
        BinaryPrimitives.WriteUInt64LittleEndian(header[2..], deviceId);
        BinaryPrimitives.WriteUInt32LittleEndian(header[10..], epoch);
        BinaryPrimitives.WriteUInt64LittleEndian(header[14..], sequence);

        Span<byte> body = stackalloc byte[BodyLength];
        body.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(body[0..], (uint)windowStart.ToUnixTimeSeconds());
        BinaryPrimitives.WriteUInt16LittleEndian(body[4..], (ushort)windowSeconds);
        BinaryPrimitives.WriteUInt16LittleEndian(body[6..], (ushort)entries);
        BinaryPrimitives.WriteUInt16LittleEndian(body[8..], (ushort)exits);
        BinaryPrimitives.WriteUInt16LittleEndian(body[10..], (ushort)occupancy);
        BinaryPrimitives.WriteUInt16LittleEndian(body[12..], (ushort)peak);
        BinaryPrimitives.WriteUInt16LittleEndian(body[14..], 250);
        body[17] = disclosure;
        BinaryPrimitives.WriteUInt16LittleEndian(body[20..], (ushort)epsilonMilli);
        body[28] = 2; // calibration state: calibrated
        BinaryPrimitives.WriteUInt32LittleEndian(body[31..], 0x000100);

        Span<byte> key = stackalloc byte[32];
        DeriveAeadKey(rootKey, epoch, key);
        using var aead = new ChaCha20Poly1305(key);
        aead.Encrypt(payload.AsSpan(10, 12), body, payload.AsSpan(HeaderLength, BodyLength), payload.AsSpan(HeaderLength + BodyLength, 16), payload.AsSpan(0, HeaderLength));
        return payload;
    }

    private static void DeriveAeadKey(ReadOnlySpan<byte> rootKey, uint epoch, Span<byte> aeadKey)
    {
        Span<byte> prk = stackalloc byte[32];
        Span<byte> chain = stackalloc byte[32];
        Span<byte> next = stackalloc byte[32];
        HKDF.Extract(HashAlgorithmName.SHA256, rootKey, "edgesensor v1 epoch"u8, prk);
        HKDF.Expand(HashAlgorithmName.SHA256, prk, chain, "edgesensor v1 chain"u8);
        for (uint e = 0; e < epoch; e++)
        {
            HKDF.Expand(HashAlgorithmName.SHA256, chain, next, "edgesensor v1 ratchet"u8);
            next.CopyTo(chain);
        }

        Span<byte> info = stackalloc byte[22];
        "edgesensor v1 aead"u8.CopyTo(info);
        BinaryPrimitives.WriteUInt32LittleEndian(info[18..], epoch);
        HKDF.Expand(HashAlgorithmName.SHA256, chain, aeadKey, info);
    }
}
