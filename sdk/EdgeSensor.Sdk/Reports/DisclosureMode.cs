namespace EdgeSensor.Sdk.Reports;

/// <summary>
/// Disclosure control the device applied to a window's counters before sealing
/// (wire values as in docs/wire-format.md; mirrors the firmware's enum without referencing it).
/// What a withheld field means in each mode: <see cref="AggregateReport.MeaningOf"/>.
/// </summary>
public enum DisclosureMode : byte
{
    /// <summary>Counters are released as counted.</summary>
    None = 0,

    /// <summary>
    /// Small counts are withheld (reported as 0 and flagged in <see cref="AggregateReport.Suppressed"/>). Reports with
    /// <see cref="AggregateReport.ExtendedDisclosure"/>: a withheld counter was 0..k−1, or was withheld to protect another
    /// one (complementary suppression) and can be anything; older reports: it was 1..k−1.
    /// </summary>
    SmallCountSuppression = 1,

    /// <summary>
    /// Per-window differential privacy: each of the four counters carries two-sided geometric noise with
    /// α = e^−ε/4, ε = <see cref="AggregateReport.Epsilon"/> (per window). No longer configurable on devices; still opened.
    /// </summary>
    DifferentialPrivacy = 2,

    /// <summary>
    /// Person-level differential privacy: entries and exits carry two-sided geometric noise with α = e^−ε/C, where ε
    /// (<see cref="AggregateReport.Epsilon"/>) is per person per budget period and C is
    /// <see cref="AggregateReport.ContributionBound"/>; occupancy, peak, PIR activity and health are withheld
    /// (occupancy is derived from entries − exits, see <see cref="Occupancy.OccupancyQueries"/>). Only in reports with
    /// <see cref="AggregateReport.ExtendedDisclosure"/>.
    /// </summary>
    PersonDifferentialPrivacy = 3,
}
