namespace EdgeSensor.Sdk.Reports;

/// <summary>What a report says about the true value of one field (<see cref="AggregateReport.MeaningOf"/>).</summary>
public enum WithheldMeaning
{
    /// <summary>The field was released (possibly with noise, see the mode).</summary>
    Released = 0,

    /// <summary>Withheld as a small count: the true value was 1..k−1 (small-count suppression, reports without <see cref="AggregateReport.ExtendedDisclosure"/>).</summary>
    SmallCount = 1,

    /// <summary>
    /// Withheld as a small count (0..k−1) or to protect another withheld value (complementary suppression, any value);
    /// the report does not say which, so the value has no upper bound (small-count suppression with <see cref="AggregateReport.ExtendedDisclosure"/>).
    /// </summary>
    SmallCountOrComplementary = 2,

    /// <summary>Not released because the privacy budget was exhausted: any value (differential-privacy modes, entries/exits/occupancy/peak).</summary>
    BudgetExhausted = 3,

    /// <summary>Never released in this mode: PIR activity in the DP modes; occupancy, peak and health in person-level DP; any value.</summary>
    NotReleasedInThisMode = 4,

    /// <summary>Withheld for a reason the mode does not define (a set bit in mode 0): any value.</summary>
    Unknown = 5,
}
