using System.Buffers.Binary;

namespace EdgeSensor.Sdk.Tests.TestSupport;

/// <summary>
/// The 16 fields of a v1 body (and the contribution bound of the extended-disclosure revision) as wire integers, named as in the firmware's WindowReport; the JSON shape of
/// a vector's "report" object. Independent on purpose: this is the spec-written oracle (docs/wire-format.md
/// §Body) that the wire vectors are built from, so it must not call the core's ReportCodec (the one body
/// encoder of the product) or the SDK decoder it checks. The other oracle, tests/vectors/wire-v1/check_vectors.py,
/// re-derives the same bytes in another language.
/// </summary>
public sealed record BodyValues
{
    public uint WindowStartUnixSeconds { get; init; }
    public ushort WindowLengthSeconds { get; init; }
    public ushort Entries { get; init; }
    public ushort Exits { get; init; }
    public ushort OccupancyAtEnd { get; init; }
    public ushort PeakOccupancy { get; init; }
    public ushort PirActivityPermille { get; init; }
    public byte SuppressedMask { get; init; }
    public byte DisclosureMode { get; init; }
    public ushort SuppressionThreshold { get; init; }
    public ushort EpsilonMilli { get; init; }
    public uint PrivacyBudgetSpentMilli { get; init; }
    public ushort InvalidSamplePermille { get; init; }
    public byte CalibrationState { get; init; }
    public ushort RebootCount { get; init; }
    public uint FirmwareVersion { get; init; }

    /// <summary>Contribution bound at body offset 35, only in bodies sent with the extended-disclosure flag; null = 35-byte body.</summary>
    public ushort? ContributionBound { get; init; }

    public static BodyValues Typical => new()
    {
        WindowStartUnixSeconds = 1795564800,
        WindowLengthSeconds = 300,
        Entries = 12,
        Exits = 9,
        OccupancyAtEnd = 3,
        PeakOccupancy = 5,
        PirActivityPermille = 412,
        InvalidSamplePermille = 7,
        CalibrationState = 1,
        RebootCount = 2,
        FirmwareVersion = 0x000100,
    };

    public byte[] Encode()
    {
        byte[] body = new byte[ContributionBound is null ? 35 : 37];
        Span<byte> b = body;
        BinaryPrimitives.WriteUInt32LittleEndian(b[0..], WindowStartUnixSeconds);
        BinaryPrimitives.WriteUInt16LittleEndian(b[4..], WindowLengthSeconds);
        BinaryPrimitives.WriteUInt16LittleEndian(b[6..], Entries);
        BinaryPrimitives.WriteUInt16LittleEndian(b[8..], Exits);
        BinaryPrimitives.WriteUInt16LittleEndian(b[10..], OccupancyAtEnd);
        BinaryPrimitives.WriteUInt16LittleEndian(b[12..], PeakOccupancy);
        BinaryPrimitives.WriteUInt16LittleEndian(b[14..], PirActivityPermille);
        b[16] = SuppressedMask;
        b[17] = DisclosureMode;
        BinaryPrimitives.WriteUInt16LittleEndian(b[18..], SuppressionThreshold);
        BinaryPrimitives.WriteUInt16LittleEndian(b[20..], EpsilonMilli);
        BinaryPrimitives.WriteUInt32LittleEndian(b[22..], PrivacyBudgetSpentMilli);
        BinaryPrimitives.WriteUInt16LittleEndian(b[26..], InvalidSamplePermille);
        b[28] = CalibrationState;
        BinaryPrimitives.WriteUInt16LittleEndian(b[29..], RebootCount);
        BinaryPrimitives.WriteUInt32LittleEndian(b[31..], FirmwareVersion);
        if (ContributionBound is { } bound)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b[35..], bound);
        }

        return body;
    }
}
