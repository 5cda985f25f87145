namespace EdgeSensor.Sdk.Reports;

/// <summary>
/// Which fields the device's disclosure control withheld (reported as 0). What a set bit says about the true value
/// depends on the mode: <see cref="AggregateReport.MeaningOf"/>.
/// </summary>
[Flags]
public enum SuppressedCounters : byte
{
    /// <summary>Nothing was withheld.</summary>
    None = 0,

    /// <summary>Entries were withheld.</summary>
    Entries = 0x01,

    /// <summary>Exits were withheld.</summary>
    Exits = 0x02,

    /// <summary>Occupancy at window end was withheld.</summary>
    OccupancyAtEnd = 0x04,

    /// <summary>Peak occupancy was withheld.</summary>
    PeakOccupancy = 0x08,

    /// <summary>PIR activity was withheld (differential-privacy modes, and suppression when a counter of the window was withheld).</summary>
    PirActivity = 0x10,

    /// <summary>
    /// Health figures (invalid-sample permille and calibration state) were withheld and read 0: a person under the
    /// sensor moves them. Only in reports with <see cref="AggregateReport.ExtendedDisclosure"/>.
    /// </summary>
    Health = 0x20,
}
