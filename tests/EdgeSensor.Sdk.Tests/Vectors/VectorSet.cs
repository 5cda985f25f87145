using EdgeSensor.Sdk.Opening;
using EdgeSensor.Sdk.Tests.TestSupport;

namespace EdgeSensor.Sdk.Tests.Vectors;

/// <summary>
/// Builds the wire-format v1 vectors deterministically from the SDK-independent <see cref="TestSealer"/>.
/// The committed files must equal this output (a test checks); regenerate with
/// <c>EDGESENSOR_WRITE_VECTORS=$PWD/tests/vectors/wire-v1 dotnet test tests/EdgeSensor.Sdk.Tests --filter VectorFilesAreUpToDate</c>.
/// </summary>
internal static class VectorSet
{
    private static readonly byte[] s_root1 = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static readonly byte[] s_root2 = Convert.FromHexString("c0ffee00c0ffee01c0ffee02c0ffee03c0ffee04c0ffee05c0ffee06c0ffee07");
    private static readonly byte[] s_root3 = Convert.FromHexString("8f3a5c1e9b7d2f4a6c8e0b1d3f5a7c9e2b4d6f8a0c1e3f5b7d9a2c4e6f8b0d1e");
    private const ulong Device1 = 0x0123456789abcdef;
    private const ulong Device2 = 0x00000000000000ff;
    private const ulong Device3 = 0xfedcba9876543210;

    public static IEnumerable<WireVector> Build()
    {
        BodyValues typical = BodyValues.Typical;
        yield return Positive("01-epoch0-basic", "Epoch 0 (K[0] straight from the root key), sequence 0, no disclosure control.",
            s_root1, Device1, 0, 0, typical, coreCanSeal: true);

        yield return Positive("02-epoch1-differential-privacy", "Epoch 1 (one ratchet step), differential privacy with epsilon 0.5.",
            s_root2, Device2, 1, 1000,
            typical with { Entries = 41, Exits = 38, OccupancyAtEnd = 7, PeakOccupancy = 13, DisclosureMode = 2, EpsilonMilli = 500, PrivacyBudgetSpentMilli = 12000, WindowStartUnixSeconds = 1795565100, WindowLengthSeconds = 60 },
            coreCanSeal: true);

        yield return Positive("03-epoch7-suppression", "Epoch 7, a sequence above 2^32, small-count suppression withholding entries and exits, as sent before the extended-disclosure flag (today's devices flag mode 1, see 08).",
            s_root3, Device3, 7, 0x1_0000_0005,
            typical with { Entries = 0, Exits = 0, OccupancyAtEnd = 11, PeakOccupancy = 14, SuppressedMask = 0x03, DisclosureMode = 1, SuppressionThreshold = 5, CalibrationState = 2, RebootCount = 40 },
            coreCanSeal: false);

        yield return Positive("04-epoch365-extremes", "Epoch 365 and every body field at the largest value a receiver accepts.",
            s_root1, Device1, 365, 0xFFFF_FFFF_FFFF_FFFE,
            new BodyValues
            {
                WindowStartUnixSeconds = uint.MaxValue, WindowLengthSeconds = ushort.MaxValue, Entries = ushort.MaxValue, Exits = ushort.MaxValue,
                OccupancyAtEnd = ushort.MaxValue, PeakOccupancy = ushort.MaxValue, PirActivityPermille = 1000, SuppressedMask = 0x1F,
                DisclosureMode = 2, SuppressionThreshold = ushort.MaxValue, EpsilonMilli = ushort.MaxValue, PrivacyBudgetSpentMilli = uint.MaxValue,
                InvalidSamplePermille = 1000, CalibrationState = 3, RebootCount = ushort.MaxValue, FirmwareVersion = 0x00FF_FFFF,
            },
            coreCanSeal: true);

        yield return Positive("05-informational-flag", "Extension rule: an unknown informational flag (0x10) is authenticated and ignored.",
            s_root1, Device1, 0, 1, typical, coreCanSeal: false, flags: 0x10);

        byte[] longer = [.. typical.Encode(), 0xde, 0xad, 0xbe, 0xef];
        yield return Positive("06-longer-body", "Extension rule: 4 body bytes after the 35 v1 bytes (a later minor revision's fields) are ignored.",
            s_root1, Device1, 0, 2, typical, coreCanSeal: false, body: longer);

        yield return Positive("07-person-dp", "Extended-disclosure flag, person-level differential privacy (mode 3): noised entries and exits, epsilon 1 per person per budget period, contribution bound 4; occupancy, peak, PIR and health withheld (0x3C).",
            s_root2, Device2, 2, 77,
            new BodyValues
            {
                WindowStartUnixSeconds = 1795564800, WindowLengthSeconds = 900, Entries = 14, Exits = 11, SuppressedMask = 0x3C, DisclosureMode = 3,
                EpsilonMilli = 1000, PrivacyBudgetSpentMilli = 1000, RebootCount = 2, FirmwareVersion = 0x000200, ContributionBound = 4,
            },
            coreCanSeal: true, flags: 0x01);

        yield return Positive("08-suppression-health-withheld", "Extended-disclosure flag, small-count suppression (k 5): entries and exits withheld (0..k-1 or complementary), so PIR and health are withheld too (0x33); contribution bound 0.",
            s_root3, Device3, 7, 0x1_0000_0006,
            typical with { Entries = 0, Exits = 0, OccupancyAtEnd = 11, PeakOccupancy = 14, PirActivityPermille = 0, InvalidSamplePermille = 0, CalibrationState = 0, SuppressedMask = 0x33, DisclosureMode = 1, SuppressionThreshold = 5, RebootCount = 40, ContributionBound = 0 },
            coreCanSeal: true, flags: 0x01);

        yield return Positive("09-flagged-dp-window", "Extended-disclosure flag on a mode-2 report (devices flag only modes 1 and 3, receivers accept the flag with any mode): 37-byte body, contribution bound 0.",
            s_root1, Device1, 0, 5,
            typical with { Entries = 41, Exits = 38, OccupancyAtEnd = 7, PeakOccupancy = 13, DisclosureMode = 2, EpsilonMilli = 500, PrivacyBudgetSpentMilli = 12000, SuppressedMask = 0x10, ContributionBound = 0 },
            coreCanSeal: false, flags: 0x01);

        byte[] basic = TestSealer.Seal(s_root1, Device1, 0, 0, typical.Encode());
        yield return Negative("10-tampered-tag", "01-epoch0-basic with the last tag bit flipped.", nameof(RejectionReason.AuthenticationFailed),
            s_root1, Device1, Flip(basic, basic.Length - 1, 0x01));
        yield return Negative("11-tampered-ciphertext", "01-epoch0-basic with the first body byte flipped.", nameof(RejectionReason.AuthenticationFailed),
            s_root1, Device1, Flip(basic, 22, 0x80));
        yield return Negative("12-tampered-header-sequence", "01-epoch0-basic with the sequence (associated data and nonce) changed to 1.", nameof(RejectionReason.AuthenticationFailed),
            s_root1, Device1, Flip(basic, 14, 0x01));
        yield return Negative("13-version-2", "01-epoch0-basic with version byte 2.", nameof(RejectionReason.UnsupportedVersion),
            s_root1, Device1, Flip(basic, 0, 0x03));
        yield return Negative("14-critical-flag", "A correctly sealed report with the unknown critical flag 0x02.", nameof(RejectionReason.UnsupportedVersion),
            s_root1, Device1, TestSealer.Seal(s_root1, Device1, 0, 3, typical.Encode(), flags: 0x02));
        yield return Negative("15-truncated", "01-epoch0-basic without its last byte (72 bytes).", nameof(RejectionReason.Malformed),
            s_root1, Device1, basic[..^1]);
        yield return Negative("16-header-only", "Only the 22-byte header of 01-epoch0-basic.", nameof(RejectionReason.Malformed),
            s_root1, Device1, basic[..22]);
        byte[] oversize = new byte[257];
        basic.CopyTo(oversize, 0);
        yield return Negative("17-oversize", "01-epoch0-basic padded with zeros to 257 bytes (limit 256).", nameof(RejectionReason.Malformed),
            s_root1, Device1, oversize);
        yield return Negative("18-unknown-device", "Sealed by device fedcba9876543210, which the key store does not know.", nameof(RejectionReason.UnknownDevice),
            s_root1, Device1, TestSealer.Seal(s_root1, Device3, 0, 0, typical.Encode()));
        yield return Negative("19-authentic-out-of-range", "Correctly sealed, but PIR activity is 1001 permille.", nameof(RejectionReason.Malformed),
            s_root1, Device1, TestSealer.Seal(s_root1, Device1, 0, 4, (typical with { PirActivityPermille = 1001 }).Encode()));
        yield return Negative("20-wrong-root-key", "Sealed under another root key for the same device id.", nameof(RejectionReason.AuthenticationFailed),
            s_root1, Device1, TestSealer.Seal(s_root2, Device1, 0, 0, typical.Encode()));
        yield return Negative("21-empty", "An empty payload.", nameof(RejectionReason.Malformed), s_root1, Device1, []);
        yield return Negative("22-health-bit-without-flag", "Correctly sealed without flags, suppression with mask 0x33: bit 5 (health) is only valid with the extended-disclosure flag.", nameof(RejectionReason.Malformed),
            s_root3, Device3, TestSealer.Seal(s_root3, Device3, 7, 0x1_0000_0007, (typical with { Entries = 0, Exits = 0, SuppressedMask = 0x33, DisclosureMode = 1, SuppressionThreshold = 5 }).Encode()));
        yield return Negative("23-mode3-without-flag", "Correctly sealed without flags, 37-byte mode-3 body: mode 3 is only valid with the extended-disclosure flag.", nameof(RejectionReason.Malformed),
            s_root2, Device2, TestSealer.Seal(s_root2, Device2, 2, 78, (typical with { SuppressedMask = 0x3C, DisclosureMode = 3, EpsilonMilli = 1000, ContributionBound = 4 }).Encode()));
        yield return Negative("24-flagged-body-too-short", "Correctly sealed with the extended-disclosure flag but a 35-byte body (73 bytes; the flag needs 75).", nameof(RejectionReason.Malformed),
            s_root3, Device3, TestSealer.Seal(s_root3, Device3, 7, 0x1_0000_0008, (typical with { Entries = 0, Exits = 0, SuppressedMask = 0x03, DisclosureMode = 1, SuppressionThreshold = 5 }).Encode(), flags: 0x01));
        yield return Negative("25-mode3-without-bound", "Correctly sealed with the extended-disclosure flag, mode 3 but contribution bound 0 (mode 3 needs C >= 1).", nameof(RejectionReason.Malformed),
            s_root2, Device2, TestSealer.Seal(s_root2, Device2, 2, 79, (typical with { SuppressedMask = 0x3C, DisclosureMode = 3, EpsilonMilli = 1000, ContributionBound = 0 }).Encode(), flags: 0x01));
    }

    private static WireVector Positive(string name, string description, byte[] root, ulong deviceId, uint epoch, ulong sequence, BodyValues report, bool coreCanSeal, byte flags = 0, byte[]? body = null)
    {
        body ??= report.Encode();
        byte[] header = TestSealer.Header(deviceId, epoch, sequence, flags);
        byte[] payload = TestSealer.Seal(root, deviceId, epoch, sequence, body, flags);
        return new WireVector
        {
            Name = name,
            Description = description,
            Expect = "Accepted",
            CoreCanSeal = coreCanSeal,
            DeviceId = deviceId.ToString("x16"),
            RootKey = Hex(root),
            Epoch = epoch,
            Sequence = sequence,
            ChainKey = Hex(TestSealer.ChainKey(root, epoch)),
            AeadKey = Hex(TestSealer.AeadKey(root, epoch)),
            Nonce = Hex(header[10..22]),
            Aad = Hex(header),
            Body = Hex(body),
            Report = report,
            Payload = Hex(payload),
        };
    }

    private static WireVector Negative(string name, string description, string expect, byte[] root, ulong deviceId, byte[] payload) => new()
    {
        Name = name,
        Description = description,
        Expect = expect,
        CoreCanSeal = false,
        DeviceId = deviceId.ToString("x16"),
        RootKey = Hex(root),
        Payload = Hex(payload),
    };

    private static byte[] Flip(byte[] payload, int index, byte mask)
    {
        byte[] copy = (byte[])payload.Clone();
        copy[index] ^= mask;
        return copy;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
