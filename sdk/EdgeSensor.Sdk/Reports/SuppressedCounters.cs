namespace EdgeSensor.Sdk.Reports;

/// <summary>
/// Which counters the device's disclosure control withheld (reported as 0): counters below the suppression
/// threshold, or all four when the daily differential-privacy budget is exhausted. (PIR activity is never released
/// in differential-privacy mode and then reads 0; wire format v1 has no bit for it.)
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
}
