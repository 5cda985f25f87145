using System;
using EdgeSensor.Core.Bytes;
using EdgeSensor.Core.Reports;

namespace EdgeSensor.Core.WireFormat
{
    /// <summary>
    /// Encodes a <see cref="WindowReport"/> as the v1 plaintext body (docs/wire-format.md §Body): fixed-width
    /// little-endian integers in declaration order, no floating point, no variable-length field, so nothing but
    /// the aggregate can travel in it. 35 bytes, or 37 with the extended-disclosure header flag
    /// (<see cref="ReportHeader.ExtendedDisclosureFlag"/>), which a device sets exactly when its mode is small-count
    /// suppression or person-level differential privacy, so the length never depends on the data.
    /// Decoding exists for tests and tools.
    /// </summary>
    public static class ReportCodec
    {
        /// <summary>Length of the v1 body in bytes (without the extended-disclosure flag).</summary>
        public const int BodyLength = 35;

        /// <summary>Length of the body with the extended-disclosure flag: the v1 fields and the contribution bound.</summary>
        public const int ExtendedBodyLength = 37;

        /// <summary>Longest body this code writes.</summary>
        public const int MaxBodyLength = ExtendedBodyLength;

        /// <summary>Highest permille value.</summary>
        public const int MaxPermille = 1000;

        /// <summary>Bits of <see cref="WindowReport.SuppressedMask"/> v1 defines (without the extended-disclosure flag).</summary>
        public const byte KnownSuppressedMask = 0x1F;

        /// <summary>Bits of <see cref="WindowReport.SuppressedMask"/> valid with the extended-disclosure flag (adds health).</summary>
        public const byte ExtendedSuppressedMask = 0x3F;

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
        private const int ContributionBoundOffset = 35;

        /// <summary>
        /// Whether a report in <paramref name="mode"/> is sent with the extended-disclosure flag (and the 37-byte body):
        /// small-count suppression and person-level differential privacy.
        /// </summary>
        public static bool UsesExtendedDisclosure(DisclosureMode mode)
        {
            return mode == DisclosureMode.SmallCountSuppression || mode == DisclosureMode.PersonDifferentialPrivacy;
        }

        /// <summary>Header flags a device writes for a report in <paramref name="mode"/>.</summary>
        public static byte HeaderFlagsFor(DisclosureMode mode)
        {
            return UsesExtendedDisclosure(mode) ? ReportHeader.ExtendedDisclosureFlag : (byte)0;
        }

        /// <summary>Length of the body a device writes for a report in <paramref name="mode"/>.</summary>
        public static int BodyLengthFor(DisclosureMode mode)
        {
            return UsesExtendedDisclosure(mode) ? ExtendedBodyLength : BodyLength;
        }

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

            return AreValid(
                UsesExtendedDisclosure(report.DisclosureMode),
                report.WindowLengthSeconds,
                report.PirActivityPermille,
                report.InvalidSamplePermille,
                report.SuppressedMask,
                (byte)report.DisclosureMode,
                (byte)report.CalibrationState,
                report.FirmwareVersion,
                report.ContributionBound);
        }

        /// <summary>
        /// Writes the body of <paramref name="report"/> at <paramref name="offset"/> and returns its length:
        /// <see cref="BodyLengthFor"/> the report's mode (35 bytes, or 37 with the contribution bound).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The body does not fit.</exception>
        public static int EncodeBody(WindowReport report, byte[] buffer, int offset)
        {
            if (report == null)
            {
                throw new ArgumentNullException(nameof(report));
            }

            int length = BodyLengthFor(report.DisclosureMode);
            CheckRange(buffer, offset, length);
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
            if (length == ExtendedBodyLength)
            {
                LittleEndian.WriteUInt16(buffer, offset + ContributionBoundOffset, report.ContributionBound);
            }

            return length;
        }

        /// <summary>Reads a body sent without header flags; see <see cref="TryDecodeBody(byte, byte[], int, int, WindowReport)"/>.</summary>
        public static bool TryDecodeBody(byte[] buffer, int offset, int count, WindowReport report)
        {
            return TryDecodeBody(0, buffer, offset, count, report);
        }

        /// <summary>
        /// Reads a body of <paramref name="count"/> bytes, sent with header <paramref name="headerFlags"/>, into
        /// <paramref name="report"/>. The extended-disclosure flag makes the body 37 bytes and allows mode 3 and the
        /// health bit; without it v1 rules apply exactly. Bytes after the known ones belong to later minor revisions
        /// and are ignored. Returns false (and leaves <paramref name="report"/> unchanged) when the body is short or
        /// a value is out of range. Other header flags are the caller's to check.
        /// </summary>
        public static bool TryDecodeBody(byte headerFlags, byte[] buffer, int offset, int count, WindowReport report)
        {
            if (buffer == null || report == null)
            {
                throw new ArgumentNullException(buffer == null ? nameof(buffer) : nameof(report));
            }

            bool extended = (headerFlags & ReportHeader.ExtendedDisclosureFlag) != 0;
            if (offset < 0 || count < (extended ? ExtendedBodyLength : BodyLength) || offset > buffer.Length - count)
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
            ushort contributionBound = extended ? LittleEndian.ReadUInt16(buffer, offset + ContributionBoundOffset) : (ushort)0;
            if (!AreValid(extended, windowLength, pirActivity, invalidSamples, suppressed, disclosure, calibration, firmware, contributionBound))
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
            report.ContributionBound = contributionBound;
            return true;
        }

        // The receiver's range rules (docs/wire-format.md §3.3), shared by the sender's check and the decoder.
        private static bool AreValid(
            bool extended,
            ushort windowLength,
            ushort pirActivity,
            ushort invalidSamples,
            byte suppressed,
            byte disclosure,
            byte calibration,
            uint firmware,
            ushort contributionBound)
        {
            byte maxMode = extended ? (byte)DisclosureMode.PersonDifferentialPrivacy : (byte)DisclosureMode.DifferentialPrivacy;
            byte knownMask = extended ? ExtendedSuppressedMask : KnownSuppressedMask;

            // Mode 3's noise scale is ε / C, so it needs C >= 1; every other mode sends C = 0.
            bool boundFits = disclosure == (byte)DisclosureMode.PersonDifferentialPrivacy ? contributionBound != 0 : contributionBound == 0;
            return windowLength != 0
                && pirActivity <= MaxPermille
                && invalidSamples <= MaxPermille
                && (suppressed & ~knownMask) == 0
                && disclosure <= maxMode
                && calibration <= (byte)CalibrationState.PirOnly
                && (firmware >> 24) == 0
                && boundFits;
        }

        private static void CheckRange(byte[] buffer, int offset, int length)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset < 0 || offset > buffer.Length - length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }
        }
    }
}
