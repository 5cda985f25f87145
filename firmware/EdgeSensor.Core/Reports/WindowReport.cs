
namespace EdgeSensor.Core.Reports
{
    /// <summary>
    /// One window's aggregate: the only thing about people that ever leaves a device.
    /// Plain data, filled in place by the window aggregator and the disclosure control and read by the
    /// wire codec, so one instance is reused for every report (nothing allocated per report).
    /// There are no per-crossing timestamps and no field able to carry raw samples.
    /// </summary>
    public sealed class WindowReport
    {
        /// <summary>Start of the window in seconds since 1970-01-01 UTC; a multiple of <see cref="WindowLengthSeconds"/>.</summary>
        public uint WindowStartUnixSeconds { get; set; }

        /// <summary>Window length in seconds, 10..3600.</summary>
        public ushort WindowLengthSeconds { get; set; }

        /// <summary>Entries counted in the window, after disclosure control.</summary>
        public ushort Entries { get; set; }

        /// <summary>Exits counted in the window, after disclosure control.</summary>
        public ushort Exits { get; set; }

        /// <summary>Occupancy at the end of the window, after disclosure control.</summary>
        public ushort OccupancyAtEnd { get; set; }

        /// <summary>Highest occupancy seen during the window (at least the occupancy at its start), after disclosure control;
        /// never below <see cref="OccupancyAtEnd"/>.</summary>
        public ushort PeakOccupancy { get; set; }

        /// <summary>Share of the window the PIR reported activity, in permille (0..1000).</summary>
        public ushort PirActivityPermille { get; set; }

        /// <summary>
        /// Which fields the disclosure control withheld (bits of <see cref="SuppressedFields"/>); a withheld field
        /// reads 0. Suppression mode: the true value was 1..k-1. DP mode: all four counter bits mean the daily
        /// budget was exhausted; the PIR bit means PIR activity was not released (docs/privacy.md).
        /// </summary>
        public byte SuppressedMask { get; set; }

        /// <summary>The disclosure control applied to this window.</summary>
        public DisclosureMode DisclosureMode { get; set; }

        /// <summary>Small-count suppression threshold k (counts below k are withheld); 0 when not used.</summary>
        public ushort SuppressionThreshold { get; set; }

        /// <summary>
        /// Differential-privacy epsilon spent on this window in thousandths (1000 = ε 1.0), split evenly over the four
        /// counters (each gets two-sided geometric noise with α = exp(-EpsilonMilli / 4000)); 0 when not used or
        /// when the window was withheld because the daily budget was exhausted.
        /// </summary>
        public ushort EpsilonMilli { get; set; }

        /// <summary>
        /// Person-level differential privacy: the most crossings one person is assumed to make in a budget period
        /// (the contribution bound C; each noised counter gets α = exp(-EpsilonMilli / (1000 C))); 0 when not used.
        /// </summary>
        public ushort ContributionBound { get; set; }

        /// <summary>Health: privacy budget spent on the UTC day of <see cref="WindowStartUnixSeconds"/>, this window included, ε in thousandths.</summary>
        public uint PrivacyBudgetSpentMilli { get; set; }

        /// <summary>Health: ToF samples with an invalid range status in this window, in permille (0..1000).</summary>
        public ushort InvalidSamplePermille { get; set; }

        /// <summary>Health: state of the counting engine's calibration at the window end.</summary>
        public CalibrationState CalibrationState { get; set; }

        /// <summary>Health: reboots since provisioning.</summary>
        public ushort RebootCount { get; set; }

        /// <summary>Health: firmware version as major &lt;&lt; 16 | minor &lt;&lt; 8 | patch.</summary>
        public uint FirmwareVersion { get; set; }

        /// <summary>Resets every field to zero / its default so the instance can be reused.</summary>
        public void Clear()
        {
            WindowStartUnixSeconds = 0;
            WindowLengthSeconds = 0;
            Entries = 0;
            Exits = 0;
            OccupancyAtEnd = 0;
            PeakOccupancy = 0;
            PirActivityPermille = 0;
            SuppressedMask = 0;
            DisclosureMode = DisclosureMode.None;
            SuppressionThreshold = 0;
            EpsilonMilli = 0;
            ContributionBound = 0;
            PrivacyBudgetSpentMilli = 0;
            InvalidSamplePermille = 0;
            CalibrationState = CalibrationState.NotCalibrated;
            RebootCount = 0;
            FirmwareVersion = 0;
        }
    }
}
