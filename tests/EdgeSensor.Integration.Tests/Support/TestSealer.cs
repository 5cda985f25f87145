using System.Buffers.Binary;
using System.Security.Cryptography;
using EdgeSensor.Sdk.Opening;

namespace EdgeSensor.Integration.Tests.Support;

/// <summary>
/// Seals wire format v1 reports for tests with the platform's ChaCha20-Poly1305 and the SDK's epoch key
/// derivation, following docs/wire-format.md (header as associated data, nonce = header bytes 10..21).
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

    // The SDK's own derivation (docs/security.md): chain key K[0] from the root, ratchet, per-epoch AEAD key.
    private static void DeriveAeadKey(ReadOnlySpan<byte> rootKey, uint epoch, Span<byte> aeadKey)
    {
        Span<byte> chain = stackalloc byte[32];
        Span<byte> next = stackalloc byte[32];
        EpochKeys.DeriveInitialChainKey(rootKey, chain);
        for (uint e = 0; e < epoch; e++)
        {
            EpochKeys.Ratchet(chain, next);
            next.CopyTo(chain);
        }

        EpochKeys.DeriveAeadKey(chain, epoch, aeadKey);
    }
}
