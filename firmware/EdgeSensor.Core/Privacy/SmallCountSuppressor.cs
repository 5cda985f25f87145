using System;
using EdgeSensor.Core.Reports;

namespace EdgeSensor.Core.Privacy
{
    /// <summary>
    /// Small-count suppression of one closed window, in place: counters below the threshold k are
    /// withheld (sent as 0) and flagged in <see cref="WindowReport.SuppressedMask"/>. Keeps what it needs
    /// from earlier windows between calls; allocates nothing. Semantics: docs/privacy.md.
    /// </summary>
    public sealed class SmallCountSuppressor
    {
        private readonly ushort _threshold;

        /// <summary>Creates a suppressor with threshold <paramref name="threshold"/> (k, 1..100).</summary>
        /// <exception cref="ArgumentOutOfRangeException">k is outside 1..100.</exception>
        public SmallCountSuppressor(ushort threshold)
        {
            if (threshold < DisclosureSettings.MinSuppressionThreshold || threshold > DisclosureSettings.MaxSuppressionThreshold)
            {
                throw new ArgumentOutOfRangeException(nameof(threshold));
            }

            _threshold = threshold;
        }

        /// <summary>Withholds the small counters of <paramref name="report"/> and sets their mask bits.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
        public void Apply(WindowReport report)
        {
            if (report == null)
            {
                throw new ArgumentNullException(nameof(report));
            }

            byte mask = report.SuppressedMask;

            // 0 is released: "nobody" is the safety signal's baseline and reveals no individual;
            // a withheld field therefore means 1..k-1.
            if (IsSmall(report.Entries))
            {
                report.Entries = 0;
                mask |= SuppressedFields.Entries;
            }

            if (IsSmall(report.Exits))
            {
                report.Exits = 0;
                mask |= SuppressedFields.Exits;
            }

            if (IsSmall(report.OccupancyAtEnd))
            {
                report.OccupancyAtEnd = 0;
                mask |= SuppressedFields.OccupancyAtEnd;
            }

            if (IsSmall(report.PeakOccupancy))
            {
                report.PeakOccupancy = 0;
                mask |= SuppressedFields.PeakOccupancy;
            }

            report.SuppressedMask = mask;
        }

        private bool IsSmall(ushort value)
        {
            return value != 0 && value < _threshold;
        }
    }
}
