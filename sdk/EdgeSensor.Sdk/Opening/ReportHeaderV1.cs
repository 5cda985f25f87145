using System.Buffers.Binary;

namespace EdgeSensor.Sdk.Opening;

/// <summary>The parsed clear header of a v1 report (unauthenticated until the AEAD tag verifies).</summary>
internal readonly struct ReportHeaderV1
{
    public ReportHeaderV1(byte flags, ulong deviceId, uint epoch, ulong sequence)
    {
        Flags = flags;
        DeviceId = deviceId;
        Epoch = epoch;
        Sequence = sequence;
    }

    public byte Flags { get; }

    /// <summary>Whether the extended-disclosure flag (0x01) is set: 37-byte body, mode 3 and the health bit valid.</summary>
    public bool ExtendedDisclosure => (Flags & WireFormatV1.ExtendedDisclosureFlag) != 0;

    public ulong DeviceId { get; }

    public uint Epoch { get; }

    public ulong Sequence { get; }

    /// <summary>Reads the fixed header fields; the caller has checked the version byte and the length.</summary>
    public static ReportHeaderV1 Read(ReadOnlySpan<byte> payload) => new(
        payload[WireFormatV1.FlagsOffset],
        BinaryPrimitives.ReadUInt64LittleEndian(payload[WireFormatV1.DeviceIdOffset..]),
        BinaryPrimitives.ReadUInt32LittleEndian(payload[WireFormatV1.EpochOffset..]),
        BinaryPrimitives.ReadUInt64LittleEndian(payload[WireFormatV1.SequenceOffset..]));
}
