using System.Buffers.Binary;
using EdgeSensor.Sdk.Reports;

namespace EdgeSensor.Sdk.Opening;

/// <summary>Decodes the v1 plaintext body (docs/wire-format.md §Body) into an <see cref="AggregateReport"/>.</summary>
internal static class ReportBodyV1
{
    /// <summary>
    /// Decodes <paramref name="body"/> (at least <see cref="WireFormatV1.BodyLength"/> bytes; later bytes are
    /// fields of newer minor revisions and are ignored). Returns <see langword="false"/> when a value is out of range.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> body, in ReportHeaderV1 header, out AggregateReport? report)
    {
        report = null;
        if (body.Length < WireFormatV1.BodyLength)
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

        // Authentic but out of range means a faulty device: fail closed rather than hand out nonsense.
        if (windowLength == 0
            || pirActivity > WireFormatV1.MaxPermille
            || invalidSamples > WireFormatV1.MaxPermille
            || (suppressed & ~WireFormatV1.KnownSuppressedMask) != 0
            || disclosure > WireFormatV1.MaxDisclosureMode
            || calibration > WireFormatV1.MaxCalibrationState
            || (firmware >> 24) != 0)
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
        };
        return true;
    }
}
