namespace EdgeSensor.Sdk.Reports;

/// <summary>
/// Disclosure control the device applied to a window's counters before sealing
/// (wire values as in docs/wire-format.md; mirrors the firmware's enum without referencing it).
/// </summary>
public enum DisclosureMode : byte
{
    /// <summary>Counters are released as counted.</summary>
    None = 0,

    /// <summary>Counters below the threshold k are withheld (reported as 0 and flagged in <see cref="AggregateReport.Suppressed"/>).</summary>
    SmallCountSuppression = 1,

    /// <summary>Two-sided geometric noise with parameter ε per window (discrete Laplace); see <see cref="AggregateReport.Epsilon"/>.</summary>
    DifferentialPrivacy = 2,
}
