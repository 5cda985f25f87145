using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Reports;

namespace EdgeSensor.Integration.Tests.Support;

/// <summary>
/// A small known set of stored reports covering the disclosure modes the readers must handle: device A exact
/// (mode 0), device B person-level differential privacy (mode 3: occupancy, peak, PIR and health withheld by
/// design), device C small-count suppression (mode 1, its exits withheld, window 4 never arrived). Five-minute
/// windows from <see cref="Start"/>; the figures are simple so tests can state what a query must return.
/// </summary>
internal static class ReportMix
{
    public const string NorthGate = "north-gate";
    public const string SouthDoor = "south-door";
    public const int Windows = 12;
    public const int WindowSeconds = 300;
    public const ulong DeviceA = 0x00000000000000a1;
    public const ulong DeviceB = 0x00000000000000b2;
    public const ulong DeviceC = 0x00000000000000c3;
    public const int MissingWindowOfC = 4;

    public static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Device A's entries in window <paramref name="w"/> (0-based); its exits are always 1.</summary>
    public static int EntriesOfA(int w) => 3 + (w % 3);

    public static List<ReceivedReport> Build()
    {
        var list = new List<ReceivedReport>();
        int occupancyA = 0;
        for (int w = 0; w < Windows; w++)
        {
            DateTimeOffset start = Start.AddSeconds((long)w * WindowSeconds);
            occupancyA += EntriesOfA(w) - 1;
            list.Add(Item(NorthGate, Report(DeviceA, w, start) with
            {
                Entries = EntriesOfA(w),
                Exits = 1,
                OccupancyAtEnd = occupancyA,
                PeakOccupancy = occupancyA,
                InvalidSamplePermille = 10,
                RebootCount = 1,
            }, start));

            const SuppressedCounters Withheld = SuppressedCounters.OccupancyAtEnd | SuppressedCounters.PeakOccupancy | SuppressedCounters.PirActivity | SuppressedCounters.Health;
            list.Add(Item(NorthGate, Report(DeviceB, w, start) with
            {
                Entries = 5,
                Exits = 2,
                OccupancyAtEnd = 0,
                PeakOccupancy = 0,
                PirActivityPermille = 0,
                Suppressed = Withheld,
                DisclosureMode = DisclosureMode.PersonDifferentialPrivacy,
                Epsilon = 1.0,
                ContributionBound = 4,
                ExtendedDisclosure = true,
                PrivacyBudgetSpent = 0.1 * (w + 1),
                CalibrationState = CalibrationState.NotCalibrated,
            }, start));

            if (w != MissingWindowOfC)
            {
                list.Add(Item(SouthDoor, Report(DeviceC, w, start) with
                {
                    Entries = 7,
                    Exits = 0,
                    OccupancyAtEnd = 6,
                    PeakOccupancy = 8,
                    Suppressed = SuppressedCounters.Exits,
                    DisclosureMode = DisclosureMode.SmallCountSuppression,
                    SuppressionThreshold = 5,
                    InvalidSamplePermille = w >= 8 ? 120 : 20,
                    CalibrationState = w >= 8 ? CalibrationState.Degraded : CalibrationState.Calibrated,
                    RebootCount = w >= 6 ? 3 : 2,
                }, start));
            }
        }

        return list;
    }

    private static ReceivedReport Item(string site, AggregateReport report, DateTimeOffset start) =>
        new(report, site, start.AddSeconds(WindowSeconds + 2)); // arrives 2 s after its window

    private static AggregateReport Report(ulong device, int w, DateTimeOffset start) => new()
    {
        DeviceId = device,
        Epoch = 0,
        Sequence = (ulong)w + 1,
        WindowStart = start,
        WindowLength = TimeSpan.FromSeconds(WindowSeconds),
        Entries = 0,
        Exits = 0,
        OccupancyAtEnd = 0,
        PeakOccupancy = 0,
        PirActivityPermille = 300,
        Suppressed = SuppressedCounters.None,
        DisclosureMode = DisclosureMode.None,
        SuppressionThreshold = 0,
        Epsilon = 0,
        PrivacyBudgetSpent = 0,
        InvalidSamplePermille = 0,
        CalibrationState = CalibrationState.Calibrated,
        RebootCount = 0,
        FirmwareVersion = new Version(1, 4, 2),
    };
}
