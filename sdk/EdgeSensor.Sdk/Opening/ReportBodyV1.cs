using System.Buffers.Binary;
using EdgeSensor.Sdk.Reports;

namespace EdgeSensor.Sdk.Opening;

/// <summary>Decodes the v1 plaintext body (docs/wire-format.md §Body) into an <see cref="AggregateReport"/>.</summary>
internal static class ReportBodyV1
{
    /// <summary>
    /// Decodes <paramref name="body"/>: at least <see cref="WireFormatV1.BodyLength"/> bytes, or
    /// <see cref="WireFormatV1.ExtendedBodyLength"/> with the header's extended-disclosure flag; later bytes are
    /// fields of newer minor revisions and are ignored. Returns <see langword="false"/> when the body is short or a
    /// value is out of range (docs/wire-format.md §3.3).
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> body, in ReportHeaderV1 header, out AggregateReport? report)
    {
        report = null;
        bool extended = header.ExtendedDisclosure;
        if (body.Length < (extended ? WireFormatV1.ExtendedBodyLength : WireFormatV1.BodyLength))
        {
            return false;
        }

        uint windowStart = BinaryPrimitives.ReadUInt32LittleEndian(body[WireFormatV1.WindowStartOffset..]);
        ushort windowLength = BinaryPrimitives.ReadUInt16LittleEndian(body[WireFormatV1.WindowLengthOffset..]);
        ushort pirActivity = BinaryPrimitives.ReadUInt16LittleEndian(body[WireFormatV1.PirActivityOffset..]);
        byte suppressed = body[WireFormatV1.SuppressedMaskOffset];
        byte disclosure = body[WireFormatV1.DisclosureModeOffset];
        ushort invalidSamples = BinaryPrimitives.ReadUInt16LittleEndian(body[WireFormatV1.InvalidSampleOffset..]);
        byte calibration = body[WireFormatV1.CalibrationStateOffset];
        uint firmware = BinaryPrimitives.ReadUInt32LittleEndian(body[WireFormatV1.FirmwareVersionOffset..]);
        ushort contributionBound = extended ? BinaryPrimitives.ReadUInt16LittleEndian(body[WireFormatV1.ContributionBoundOffset..]) : (ushort)0;

        // Without the flag v1 rules apply exactly: mode 3 and the health bit are malformed there.
        byte knownMask = extended ? WireFormatV1.ExtendedSuppressedMask : WireFormatV1.KnownSuppressedMask;
        byte maxMode = extended ? WireFormatV1.ExtendedMaxDisclosureMode : WireFormatV1.MaxDisclosureMode;

        // Mode 3's noise scale is ε / C, so it needs C >= 1; every other mode sends C = 0.
        bool boundFits = disclosure == (byte)DisclosureMode.PersonDifferentialPrivacy ? contributionBound != 0 : contributionBound == 0;

        // Authentic but out of range means a faulty device: fail closed rather than hand out nonsense.
        if (windowLength == 0
            || pirActivity > WireFormatV1.MaxPermille
            || invalidSamples > WireFormatV1.MaxPermille
            || (suppressed & ~knownMask) != 0
            || disclosure > maxMode
            || calibration > WireFormatV1.MaxCalibrationState
            || (firmware >> 24) != 0
            || !boundFits)
        {
            return false;
        }

        report = new AggregateReport
        {
            DeviceId = header.DeviceId,
            Epoch = header.Epoch,
            Sequence = header.Sequence,
            WindowStart = DateTimeOffset.FromUnixTimeSeconds(windowStart),
            WindowLength = TimeSpan.FromSeconds(windowLength),
            Entries = BinaryPrimitives.ReadUInt16LittleEndian(body[WireFormatV1.EntriesOffset..]),
            Exits = BinaryPrimitives.ReadUInt16LittleEndian(body[WireFormatV1.ExitsOffset..]),
            OccupancyAtEnd = BinaryPrimitives.ReadUInt16LittleEndian(body[WireFormatV1.OccupancyAtEndOffset..]),
            PeakOccupancy = BinaryPrimitives.ReadUInt16LittleEndian(body[WireFormatV1.PeakOccupancyOffset..]),
            PirActivityPermille = pirActivity,
            Suppressed = (SuppressedCounters)suppressed,
            DisclosureMode = (DisclosureMode)disclosure,
            SuppressionThreshold = BinaryPrimitives.ReadUInt16LittleEndian(body[WireFormatV1.SuppressionThresholdOffset..]),
            Epsilon = BinaryPrimitives.ReadUInt16LittleEndian(body[WireFormatV1.EpsilonMilliOffset..]) / 1000.0,
            PrivacyBudgetSpent = BinaryPrimitives.ReadUInt32LittleEndian(body[WireFormatV1.PrivacyBudgetOffset..]) / 1000.0,
            InvalidSamplePermille = invalidSamples,
            CalibrationState = (CalibrationState)calibration,
            RebootCount = BinaryPrimitives.ReadUInt16LittleEndian(body[WireFormatV1.RebootCountOffset..]),
            FirmwareVersion = new Version((int)(firmware >> 16), (int)((firmware >> 8) & 0xFF), (int)(firmware & 0xFF)),
            ContributionBound = contributionBound,
            ExtendedDisclosure = extended,
        };
        return true;
    }
}
