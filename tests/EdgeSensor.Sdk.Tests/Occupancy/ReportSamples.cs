using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Reports;

namespace EdgeSensor.Sdk.Tests.Occupancy;

/// <summary>Opened reports built directly (the opener is tested elsewhere), one window each.</summary>
internal static class ReportSamples
{
    public static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1795564800); // 2026-11-25T00:00Z

    public static AggregateReport Report(
        int window,
        int entries = 0,
        int exits = 0,
        int occupancy = 0,
        DisclosureMode mode = DisclosureMode.None,
        double epsilon = 0,
        int contributionBound = 0,
        SuppressedCounters suppressed = SuppressedCounters.None,
        int threshold = 0,
        bool extended = false,
        int windowSeconds = 900,
        ulong deviceId = 0xfeed) => new()
        {
            DeviceId = deviceId,
            Epoch = 0,
            Sequence = (ulong)window,
            WindowStart = Start.AddSeconds((long)window * windowSeconds),
            WindowLength = TimeSpan.FromSeconds(windowSeconds),
            Entries = entries,
            Exits = exits,
            OccupancyAtEnd = occupancy,
            PeakOccupancy = occupancy,
            PirActivityPermille = 0,
            Suppressed = suppressed,
            DisclosureMode = mode,
            SuppressionThreshold = threshold,
            Epsilon = epsilon,
            PrivacyBudgetSpent = epsilon,
            InvalidSamplePermille = 0,
            CalibrationState = CalibrationState.Calibrated,
            RebootCount = 0,
            FirmwareVersion = new Version(0, 2, 0),
            ContributionBound = contributionBound,
            ExtendedDisclosure = extended || mode is DisclosureMode.PersonDifferentialPrivacy,
        };

    /// <summary>Person-level DP (mode 3) as a device sends it: occupancy, peak, PIR and health withheld.</summary>
    public static AggregateReport PersonDp(int window, int entries, int exits, double epsilon = 1, int bound = 4, ulong deviceId = 0xfeed) =>
        Report(window, entries, exits, 0, DisclosureMode.PersonDifferentialPrivacy, epsilon, bound,
            SuppressedCounters.OccupancyAtEnd | SuppressedCounters.PeakOccupancy | SuppressedCounters.PirActivity | SuppressedCounters.Health,
            deviceId: deviceId);

    public static ReceivedReport Received(AggregateReport report, string site = "north-gate") => new(report, site, report.WindowEnd);
}
