
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
        /// reads 0. Suppression mode: the true value was 0..k-1 or the bit is complementary. Person-level DP (mode 3):
        /// occupancy, peak, PIR and health are always withheld; the entries and exits bits mean the budget period is
        /// exhausted (docs/privacy.md).
        /// </summary>
        public byte SuppressedMask { get; set; }

        /// <summary>The disclosure control applied to this window.</summary>
        public DisclosureMode DisclosureMode { get; set; }

        /// <summary>Small-count suppression threshold k (counts below k are withheld); 0 when not used.</summary>
        public ushort SuppressionThreshold { get; set; }

        /// <summary>
        /// Differential-privacy ε in thousandths (1000 = ε 1.0). Mode 3: ε per person per budget period (entries and
        /// exits each get two-sided geometric noise with α = exp(-EpsilonMilli / (1000 C))); mode 2 (opened, no longer
        /// produced): ε per window split over four counters. 0 when not used or when the counters were withheld.
        /// </summary>
        public ushort EpsilonMilli { get; set; }

        /// <summary>
        /// Person-level differential privacy: the most crossings one person is assumed to make in a budget period
        /// (the contribution bound C; each noised counter gets α = exp(-EpsilonMilli / (1000 C))); 0 when not used.
        /// </summary>
        public ushort ContributionBound { get; set; }

        /// <summary>Health: ε committed in the current budget period (24 h of device uptime), thousandths; in mode 3 the
        /// configured ε, also when the period is exhausted. 0 outside differential privacy.</summary>
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
