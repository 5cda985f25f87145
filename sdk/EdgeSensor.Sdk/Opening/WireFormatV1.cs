namespace EdgeSensor.Sdk.Opening;

/// <summary>Layout constants of wire format v1 (docs/wire-format.md). All integers little-endian.</summary>
internal static class WireFormatV1
{
    public const byte Version = 1;

    // Clear header, authenticated as AEAD associated data (docs/wire-format.md §Header).
    public const int VersionOffset = 0;
    public const int FlagsOffset = 1;
    public const int DeviceIdOffset = 2;
    public const int EpochOffset = 10;
    public const int SequenceOffset = 14;
    public const int HeaderLength = 22;

    // Nonce = epoch u32 LE || sequence u64 LE: exactly header bytes 10..21.
    public const int NonceOffset = EpochOffset;
    public const int NonceLength = 12;

    // Flags: the low nibble is critical (a receiver that does not know a set bit must reject),
    // the high nibble is informational (ignored when unknown).
    public const byte CriticalFlagsMask = 0x0F;

    // Critical flag 0x01, extended disclosure: 37-byte body (contribution bound at offset 35), mask bit 5
    // (health) and disclosure mode 3 become valid. Devices set it in modes 1 and 3.
    public const byte ExtendedDisclosureFlag = 0x01;
    public const byte KnownCriticalFlags = ExtendedDisclosureFlag;

    public const int TagLength = 16;
    public const int BodyLength = 35;
    public const int MinPayloadLength = HeaderLength + BodyLength + TagLength; // 73
    public const int ExtendedBodyLength = 37;
    public const int ExtendedMinPayloadLength = HeaderLength + ExtendedBodyLength + TagLength; // 75
    public const int MaxPayloadLength = 256;

    // Body field offsets (plaintext).
    public const int WindowStartOffset = 0;
    public const int WindowLengthOffset = 4;
    public const int EntriesOffset = 6;
    public const int ExitsOffset = 8;
    public const int OccupancyAtEndOffset = 10;
    public const int PeakOccupancyOffset = 12;
    public const int PirActivityOffset = 14;
    public const int SuppressedMaskOffset = 16;
    public const int DisclosureModeOffset = 17;
    public const int SuppressionThresholdOffset = 18;
    public const int EpsilonMilliOffset = 20;
    public const int PrivacyBudgetOffset = 22;
    public const int InvalidSampleOffset = 26;
    public const int CalibrationStateOffset = 28;
    public const int RebootCountOffset = 29;
    public const int FirmwareVersionOffset = 31;
    public const int ContributionBoundOffset = 35; // with the extended-disclosure flag only

    // Value limits a receiver enforces on the authenticated body.
    public const int MaxPermille = 1000;
    public const byte KnownSuppressedMask = 0x1F;
    public const byte ExtendedSuppressedMask = 0x3F;
    public const byte MaxDisclosureMode = 2;
    public const byte ExtendedMaxDisclosureMode = 3;
    public const byte MaxCalibrationState = 3;
}
