namespace EdgeSensor.Sdk.Reports;

/// <summary>
/// Which fields the device's disclosure control withheld (reported as 0): counters below the suppression threshold,
/// all four counters when the daily privacy budget is exhausted, and PIR activity in differential-privacy mode.
/// </summary>
[Flags]
public enum SuppressedCounters : byte
{
    /// <summary>Nothing was withheld.</summary>
    None = 0,

    /// <summary>Entries were below the suppression threshold.</summary>
    Entries = 0x01,

    /// <summary>Exits were below the suppression threshold.</summary>
    Exits = 0x02,

    /// <summary>Occupancy at window end was below the suppression threshold.</summary>
    OccupancyAtEnd = 0x04,

    /// <summary>Peak occupancy was below the suppression threshold.</summary>
    PeakOccupancy = 0x08,

    /// <summary>PIR activity was withheld (differential-privacy mode, where it carries no noise).</summary>
    PirActivity = 0x10,
}
