namespace EdgeSensor.Core.Reports
{
    /// <summary>Disclosure control applied to a window's counters before they are sealed.</summary>
    public enum DisclosureMode : byte
    {
        /// <summary>Counters are released as counted.</summary>
        None = 0,

        /// <summary>Counters below the threshold k are withheld (reported as 0, flagged as suppressed).</summary>
        SmallCountSuppression = 1,

        /// <summary>Two-sided geometric noise with parameter ε per window (discrete Laplace), clamped to valid ranges. No
        /// longer produced by the device (its protection depended on the window count); such reports still open.</summary>
        DifferentialPrivacy = 2,

        /// <summary>
        /// Person-level differential privacy: entries and exits get two-sided geometric noise scaled to one
        /// person's bounded contribution over a budget period (<see cref="WindowReport.ContributionBound"/>
        /// crossings); occupancy, peak, PIR and health are withheld (docs/privacy.md).
        /// </summary>
        PersonDifferentialPrivacy = 3,
    }
}
