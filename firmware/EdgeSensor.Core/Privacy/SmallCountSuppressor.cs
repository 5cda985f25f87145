using System;
using EdgeSensor.Core.Reports;

namespace EdgeSensor.Core.Privacy
{
    /// <summary>
    /// Small-count suppression of one closed window, in place, with complementary suppression across the
    /// relations a consumer knows: occ(t) = occ(t-1) + entries(t) - exits(t) and
    /// occ(t-1), occ(t) ≤ peak(t) ≤ occ(t-1) + entries(t). Keeps one bit of state between windows (was the
    /// previous window's occupancy withheld?); allocates nothing. Semantics: docs/privacy.md.
    /// <para>
    /// Rules, with k the threshold (2..100) and "small" meaning 0..k-1 (zero included: releasing 0 while
    /// masking 1..k-1 would make a set bit mean "someone is there"):
    /// </para>
    /// <list type="number">
    /// <item>Stock: the occupancy at end is withheld when it or the peak is small.</item>
    /// <item>Flow: entries, exits and peak are withheld together when entries or exits is small, when the
    /// occupancy is withheld, or when the previous window's occupancy was withheld or is unknown (first
    /// window, or after <see cref="Reset"/>).</item>
    /// <item>When any counter is withheld, PIR activity and the health figures (invalid-sample permille,
    /// calibration state) are withheld too: a person under the sensor moves them.</item>
    /// </list>
    /// <para>
    /// Why nothing withheld can be recomputed: the relation of window t has the unknowns
    /// {occ(t-1) if withheld} ∪ {withheld cells of t}. With the flow withheld there are at least two
    /// (entries and exits), and entries/exits appear in no other relation. With the flow released, rule 2
    /// says neither occ(t-1) nor occ(t) is withheld, so there are none. Never exactly one. The peak is
    /// only ever bounded (by occupancies and occ(t-1) + entries), and it is withheld whenever entries are.
    /// </para>
    /// <para>
    /// Why the choice of complementary cells does not leak: it is fixed, not picked per window. A report
    /// carries one of three masks: nothing; flow (entries, exits, peak, PIR, health); everything. The
    /// occupancy bit is never complementary (it means exactly "0..k-1"); the flow bits mean "entries or
    /// exits is small (not said which), or the previous occupancy was withheld" and the peak bit is then
    /// complementary. The decision reads only whether each counter is below k and the previous window's
    /// released mask, so the mask tells a consumer nothing beyond what a set bit is documented to mean.
    /// </para>
    /// </summary>
    public sealed class SmallCountSuppressor
    {
        /// <summary>Smallest threshold (<see cref="DisclosureSettings.MinSuppressionThreshold"/>): with k = 1 a withheld occupancy would mean exactly 0.</summary>
        public const ushort MinThreshold = DisclosureSettings.MinSuppressionThreshold;

        /// <summary>Mask of a window whose flow (and so its peak, PIR and health) is withheld.</summary>
        public const byte FlowMask = SuppressedFields.Entries | SuppressedFields.Exits | SuppressedFields.PeakOccupancy
            | SuppressedFields.PirActivity | SuppressedFields.Health;

        /// <summary>Mask of a window whose occupancy is withheld: everything about people.</summary>
        public const byte AllMask = FlowMask | SuppressedFields.OccupancyAtEnd;

        private readonly ushort _threshold;

        // The previous window's occupancy was withheld, or there is no previous window to relate to.
        private bool _previousOccupancyHidden = true;

        /// <summary>Creates a suppressor with threshold <paramref name="threshold"/> (k, 2..100).</summary>
        /// <exception cref="ArgumentOutOfRangeException">k is outside 2..100.</exception>
        public SmallCountSuppressor(ushort threshold)
        {
            if (threshold < MinThreshold || threshold > DisclosureSettings.MaxSuppressionThreshold)
            {
                throw new ArgumentOutOfRangeException(nameof(threshold));
            }

            _threshold = threshold;
        }

        /// <summary>The threshold k.</summary>
        public ushort Threshold => _threshold;

        /// <summary>
        /// Forgets the previous window (a gap in the windows, or a reboot): the next window is treated as
        /// following a withheld occupancy, so its entries and exits are withheld.
        /// </summary>
        public void Reset()
        {
            _previousOccupancyHidden = true;
        }

        /// <summary>Withholds what the rules above require in <paramref name="report"/> and sets its mask bits.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
        public void Apply(WindowReport report)
        {
            if (report == null)
            {
                throw new ArgumentNullException(nameof(report));
            }

            bool hideOccupancy = IsSmall(report.OccupancyAtEnd) || IsSmall(report.PeakOccupancy);
            bool hideFlow = hideOccupancy || _previousOccupancyHidden || IsSmall(report.Entries) || IsSmall(report.Exits);
            _previousOccupancyHidden = hideOccupancy;

            if (hideOccupancy)
            {
                report.OccupancyAtEnd = 0;
                report.SuppressedMask |= AllMask;
            }
            else if (hideFlow)
            {
                report.SuppressedMask |= FlowMask;
            }
            else
            {
                return;
            }

            report.Entries = 0;
            report.Exits = 0;
            report.PeakOccupancy = 0;
            report.PirActivityPermille = 0;
            report.InvalidSamplePermille = 0;
            report.CalibrationState = CalibrationState.NotCalibrated;
        }

        private bool IsSmall(ushort value)
        {
            return value < _threshold;
        }
    }
}
