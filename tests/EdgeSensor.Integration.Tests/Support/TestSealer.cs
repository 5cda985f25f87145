using System.Buffers.Binary;
using System.Security.Cryptography;
using EdgeSensor.Core.Reports;
using EdgeSensor.Core.WireFormat;
using EdgeSensor.Sdk.Opening;

namespace EdgeSensor.Integration.Tests.Support;

/// <summary>
/// Seals wire format v1 reports for tests that need arbitrary sequence numbers, epochs or disclosure fields
/// without running a whole device. The body is the device's own encoding (the core's
/// <see cref="ReportCodec"/>, the one body encoder on the device side); only the sealing step is the
/// platform's ChaCha20-Poly1305 with the SDK's epoch key derivation, following docs/wire-format.md (header
/// as associated data, nonce = header bytes 10..21). Tests that must check the encoding itself against an
/// independent reading of the spec use the SDK tests' BodyValues and tests/vectors/wire-v1, not this.
/// </summary>
internal static class TestSealer
{
    public static byte[] Seal(ReadOnlySpan<byte> rootKey, ulong deviceId, uint epoch, ulong sequence, DateTimeOffset windowStart, int windowSeconds = 60, int entries = 3, int exits = 1, int occupancy = 2, int peak = 4, byte disclosure = 0, int epsilonMilli = 0, byte suppressed = 0, int contributionBound = 0, int threshold = 0)
    {
        var report = new WindowReport
        {
            WindowStartUnixSeconds = (uint)windowStart.ToUnixTimeSeconds(),
            WindowLengthSeconds = (ushort)windowSeconds,
            Entries = (ushort)entries,
            Exits = (ushort)exits,
            OccupancyAtEnd = (ushort)occupancy,
            PeakOccupancy = (ushort)peak,
            PirActivityPermille = 250,
            DisclosureMode = (DisclosureMode)disclosure,
            EpsilonMilli = (ushort)epsilonMilli,
            SuppressedMask = suppressed,
            ContributionBound = (ushort)contributionBound,
            SuppressionThreshold = (ushort)threshold,
            CalibrationState = CalibrationState.Calibrated,
            FirmwareVersion = 0x000100,
        };

        // The device's rule: the mode sets the extended-disclosure flag and with it the body length.
        int bodyLength = ReportCodec.BodyLengthFor(report.DisclosureMode);
        byte[] payload = new byte[WireFormatV1.HeaderLength + bodyLength + WireFormatV1.TagLength];
        WriteHeader(payload.AsSpan(0, WireFormatV1.HeaderLength), ReportCodec.HeaderFlagsFor(report.DisclosureMode), deviceId, epoch, sequence);
        byte[] body = new byte[bodyLength];
        ReportCodec.EncodeBody(report, body, 0);

        Span<byte> key = stackalloc byte[32];
        DeriveAeadKey(rootKey, epoch, key);
        using var aead = new ChaCha20Poly1305(key);
        aead.Encrypt(payload.AsSpan(10, 12), body, payload.AsSpan(WireFormatV1.HeaderLength, bodyLength), payload.AsSpan(WireFormatV1.HeaderLength + bodyLength, WireFormatV1.TagLength), payload.AsSpan(0, WireFormatV1.HeaderLength));
        return payload;
    }

    // Header per docs/wire-format.md §Header: version 1, flags, device id, epoch, sequence (little-endian).
    private static void WriteHeader(Span<byte> header, byte flags, ulong deviceId, uint epoch, ulong sequence)
    {
        header[0] = 1;
        header[1] = flags;
        BinaryPrimitives.WriteUInt64LittleEndian(header[2..], deviceId);
        BinaryPrimitives.WriteUInt32LittleEndian(header[10..], epoch);
        BinaryPrimitives.WriteUInt64LittleEndian(header[14..], sequence);
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
