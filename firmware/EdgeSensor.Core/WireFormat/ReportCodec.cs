using System;
using EdgeSensor.Core.Bytes;
using EdgeSensor.Core.Reports;

namespace EdgeSensor.Core.WireFormat
{
    /// <summary>
    /// Encodes a <see cref="WindowReport"/> as the v1 plaintext body (docs/wire-format.md §Body): 35 bytes of
    /// fixed-width little-endian integers in declaration order, no floating point, no variable-length field,
    /// so nothing but the aggregate can travel in it. Decoding exists for tests and tools.
    /// </summary>
    public static class ReportCodec
    {
        /// <summary>Length of the v1 body in bytes.</summary>
        public const int BodyLength = 35;

        /// <summary>Highest permille value.</summary>
        public const int MaxPermille = 1000;

        /// <summary>Bits of <see cref="WindowReport.SuppressedMask"/> v1 defines.</summary>
        public const byte KnownSuppressedMask = 0x1F;

        private const int WindowStartOffset = 0;
        private const int WindowLengthOffset = 4;
        private const int EntriesOffset = 6;
        private const int ExitsOffset = 8;
        private const int OccupancyAtEndOffset = 10;
        private const int PeakOccupancyOffset = 12;
        private const int PirActivityOffset = 14;
        private const int SuppressedMaskOffset = 16;
        private const int DisclosureModeOffset = 17;
        private const int SuppressionThresholdOffset = 18;
        private const int EpsilonMilliOffset = 20;
        private const int PrivacyBudgetOffset = 22;
        private const int InvalidSampleOffset = 26;
        private const int CalibrationStateOffset = 28;
        private const int RebootCountOffset = 29;
        private const int FirmwareVersionOffset = 31;

        /// <summary>
        /// Whether every field is inside the range a receiver accepts (docs/wire-format.md §Limits);
        /// a report that is not would be rejected as malformed after opening.
        /// </summary>
        public static bool IsEncodable(WindowReport report)
        {
            if (report == null)
            {
                throw new ArgumentNullException(nameof(report));
            }

            return report.WindowLengthSeconds != 0
                && report.PirActivityPermille <= MaxPermille
                && report.InvalidSamplePermille <= MaxPermille
                && (report.SuppressedMask & ~KnownSuppressedMask) == 0
                && (byte)report.DisclosureMode <= (byte)DisclosureMode.DifferentialPrivacy
                && (byte)report.CalibrationState <= (byte)CalibrationState.PirOnly
                && (report.FirmwareVersion >> 24) == 0;
        }

        /// <summary>Writes the 35-byte body of <paramref name="report"/> at <paramref name="offset"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The body does not fit.</exception>
        public static void EncodeBody(WindowReport report, byte[] buffer, int offset)
        {
            if (report == null)
            {
                throw new ArgumentNullException(nameof(report));
            }

            CheckRange(buffer, offset);
            LittleEndian.WriteUInt32(buffer, offset + WindowStartOffset, report.WindowStartUnixSeconds);
            LittleEndian.WriteUInt16(buffer, offset + WindowLengthOffset, report.WindowLengthSeconds);
            LittleEndian.WriteUInt16(buffer, offset + EntriesOffset, report.Entries);
            LittleEndian.WriteUInt16(buffer, offset + ExitsOffset, report.Exits);
            LittleEndian.WriteUInt16(buffer, offset + OccupancyAtEndOffset, report.OccupancyAtEnd);
            LittleEndian.WriteUInt16(buffer, offset + PeakOccupancyOffset, report.PeakOccupancy);
            LittleEndian.WriteUInt16(buffer, offset + PirActivityOffset, report.PirActivityPermille);
            buffer[offset + SuppressedMaskOffset] = report.SuppressedMask;
            buffer[offset + DisclosureModeOffset] = (byte)report.DisclosureMode;
            LittleEndian.WriteUInt16(buffer, offset + SuppressionThresholdOffset, report.SuppressionThreshold);
            LittleEndian.WriteUInt16(buffer, offset + EpsilonMilliOffset, report.EpsilonMilli);
            LittleEndian.WriteUInt32(buffer, offset + PrivacyBudgetOffset, report.PrivacyBudgetSpentMilli);
            LittleEndian.WriteUInt16(buffer, offset + InvalidSampleOffset, report.InvalidSamplePermille);
            buffer[offset + CalibrationStateOffset] = (byte)report.CalibrationState;
            LittleEndian.WriteUInt16(buffer, offset + RebootCountOffset, report.RebootCount);
            LittleEndian.WriteUInt32(buffer, offset + FirmwareVersionOffset, report.FirmwareVersion);
        }

        /// <summary>
        /// Reads a body of <paramref name="count"/> bytes into <paramref name="report"/>. Bytes after the first 35
        /// belong to later minor revisions and are ignored. Returns false (and leaves <paramref name="report"/>
        /// unchanged) when the body is short or a value is out of range.
        /// </summary>
        public static bool TryDecodeBody(byte[] buffer, int offset, int count, WindowReport report)
        {
            if (buffer == null || report == null)
            {
                throw new ArgumentNullException(buffer == null ? nameof(buffer) : nameof(report));
            }

            if (offset < 0 || count < BodyLength || offset > buffer.Length - count)
            {
                return false;
            }

            ushort windowLength = LittleEndian.ReadUInt16(buffer, offset + WindowLengthOffset);
            ushort pirActivity = LittleEndian.ReadUInt16(buffer, offset + PirActivityOffset);
            byte suppressed = buffer[offset + SuppressedMaskOffset];
            byte disclosure = buffer[offset + DisclosureModeOffset];
            ushort invalidSamples = LittleEndian.ReadUInt16(buffer, offset + InvalidSampleOffset);
            byte calibration = buffer[offset + CalibrationStateOffset];
            uint firmware = LittleEndian.ReadUInt32(buffer, offset + FirmwareVersionOffset);
            if (windowLength == 0
                || pirActivity > MaxPermille
                || invalidSamples > MaxPermille
                || (suppressed & ~KnownSuppressedMask) != 0
                || disclosure > (byte)DisclosureMode.DifferentialPrivacy
                || calibration > (byte)CalibrationState.PirOnly
                || (firmware >> 24) != 0)
            {
                return false;
            }

            report.WindowStartUnixSeconds = LittleEndian.ReadUInt32(buffer, offset + WindowStartOffset);
            report.WindowLengthSeconds = windowLength;
            report.Entries = LittleEndian.ReadUInt16(buffer, offset + EntriesOffset);
            report.Exits = LittleEndian.ReadUInt16(buffer, offset + ExitsOffset);
            report.OccupancyAtEnd = LittleEndian.ReadUInt16(buffer, offset + OccupancyAtEndOffset);
            report.PeakOccupancy = LittleEndian.ReadUInt16(buffer, offset + PeakOccupancyOffset);
            report.PirActivityPermille = pirActivity;
            report.SuppressedMask = suppressed;
            report.DisclosureMode = (DisclosureMode)disclosure;
            report.SuppressionThreshold = LittleEndian.ReadUInt16(buffer, offset + SuppressionThresholdOffset);
            report.EpsilonMilli = LittleEndian.ReadUInt16(buffer, offset + EpsilonMilliOffset);
            report.PrivacyBudgetSpentMilli = LittleEndian.ReadUInt32(buffer, offset + PrivacyBudgetOffset);
            report.InvalidSamplePermille = invalidSamples;
            report.CalibrationState = (CalibrationState)calibration;
            report.RebootCount = LittleEndian.ReadUInt16(buffer, offset + RebootCountOffset);
            report.FirmwareVersion = firmware;
            return true;
        }

        private static void CheckRange(byte[] buffer, int offset)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset < 0 || offset > buffer.Length - BodyLength)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }
        }
    }
}
