namespace EdgeSensor.Sdk.Reports;

/// <summary>
/// One opened, authenticated window report: what a device counted in one time window, after its
/// disclosure control. Immutable. Produced by <see cref="Opening.ReportOpener"/>; never holds raw samples.
/// </summary>
public sealed record AggregateReport
{
    /// <summary>The device that sealed the report (text form: 16 lowercase hex digits).</summary>
    public required ulong DeviceId { get; init; }

    /// <summary>The key epoch the report was sealed under.</summary>
    public required uint Epoch { get; init; }

    /// <summary>The report's sequence number; (DeviceId, Epoch, Sequence) identifies a report uniquely.</summary>
    public required ulong Sequence { get; init; }

    /// <summary>Start of the window (UTC).</summary>
    public required DateTimeOffset WindowStart { get; init; }

    /// <summary>Length of the window.</summary>
    public required TimeSpan WindowLength { get; init; }

    /// <summary>End of the window (UTC): <see cref="WindowStart"/> + <see cref="WindowLength"/>.</summary>
    public DateTimeOffset WindowEnd => WindowStart + WindowLength;

    /// <summary>Entries counted in the window, after disclosure control.</summary>
    public required int Entries { get; init; }

    /// <summary>Exits counted in the window, after disclosure control.</summary>
    public required int Exits { get; init; }

    /// <summary>
    /// Occupancy at the end of the window, after disclosure control; withheld (0) in person-level differential privacy,
    /// where <see cref="Occupancy.OccupancyQueries.CurrentByDeviceAsync"/> derives it from entries − exits.
    /// </summary>
    public required int OccupancyAtEnd { get; init; }

    /// <summary>Highest occupancy seen during the window, after disclosure control.</summary>
    public required int PeakOccupancy { get; init; }

    /// <summary>Share of the window the PIR reported activity, in permille (0..1000).</summary>
    public required int PirActivityPermille { get; init; }

    /// <summary>Which fields the disclosure control withheld (sent as 0).</summary>
    public required SuppressedCounters Suppressed { get; init; }

    /// <summary>The disclosure control the device applied.</summary>
    public required DisclosureMode DisclosureMode { get; init; }

    /// <summary>Small-count suppression threshold k (counts below k are withheld); 0 when not used.</summary>
    public required int SuppressionThreshold { get; init; }

    /// <summary>
    /// Differential-privacy ε (0 when not used or withheld); the wire carries thousandths. Mode 2: ε per window, split
    /// over the four counters (each noised with α = e^−ε/4). Mode 3: ε per person per budget period (entries and exits
    /// each noised with α = e^−ε/C, C = <see cref="ContributionBound"/>).
    /// </summary>
    public required double Epsilon { get; init; }

    /// <summary>
    /// Person-level differential privacy (mode 3): the most line crossings one person is assumed to make per budget
    /// period (C); 0 in other modes and in reports without <see cref="ExtendedDisclosure"/>.
    /// </summary>
    public int ContributionBound { get; init; }

    /// <summary>
    /// Whether the report carried the extended-disclosure header flag (devices set it in modes 1 and 3): it enables
    /// mode 3, the <see cref="SuppressedCounters.Health"/> bit and the new suppression rule (0..k−1 or complementary).
    /// </summary>
    public bool ExtendedDisclosure { get; init; }

    /// <summary>
    /// Health: privacy budget (ε) spent, thousandths on the wire. Mode 2: since UTC midnight. Mode 3: ε committed in the
    /// current budget period (the device's uptime-based day).
    /// </summary>
    public required double PrivacyBudgetSpent { get; init; }

    /// <summary>Health: ToF samples with an invalid range status in the window, in permille (0..1000).</summary>
    public required int InvalidSamplePermille { get; init; }

    /// <summary>Health: the counting engine's calibration state at the window end.</summary>
    public required CalibrationState CalibrationState { get; init; }

    /// <summary>Health: reboots since provisioning.</summary>
    public required int RebootCount { get; init; }

    /// <summary>Health: firmware version (major.minor.patch).</summary>
    public required Version FirmwareVersion { get; init; }

    /// <summary>
    /// What this report says about the true value of <paramref name="field"/> (one flag of <see cref="SuppressedCounters"/>),
    /// per disclosure mode (docs/sdk.md "What a withheld field means").
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="field"/> is not exactly one known flag.</exception>
    public WithheldMeaning MeaningOf(SuppressedCounters field)
    {
        if (field is not (SuppressedCounters.Entries or SuppressedCounters.Exits or SuppressedCounters.OccupancyAtEnd
            or SuppressedCounters.PeakOccupancy or SuppressedCounters.PirActivity or SuppressedCounters.Health))
        {
            throw new ArgumentException("Give exactly one field.", nameof(field));
        }

        if ((Suppressed & field) == 0)
        {
            return WithheldMeaning.Released;
        }

        bool counter = field is SuppressedCounters.Entries or SuppressedCounters.Exits or SuppressedCounters.OccupancyAtEnd or SuppressedCounters.PeakOccupancy;
        return DisclosureMode switch
        {
            DisclosureMode.SmallCountSuppression when counter => ExtendedDisclosure ? WithheldMeaning.SmallCountOrComplementary : WithheldMeaning.SmallCount,
            DisclosureMode.SmallCountSuppression => WithheldMeaning.NotReleasedInThisMode, // PIR and health go with a withheld counter
            DisclosureMode.DifferentialPrivacy when counter => WithheldMeaning.BudgetExhausted,
            DisclosureMode.DifferentialPrivacy => WithheldMeaning.NotReleasedInThisMode,
            DisclosureMode.PersonDifferentialPrivacy when field is SuppressedCounters.Entries or SuppressedCounters.Exits => WithheldMeaning.BudgetExhausted,
            DisclosureMode.PersonDifferentialPrivacy => WithheldMeaning.NotReleasedInThisMode,
            _ => WithheldMeaning.Unknown,
        };
    }

    /// <summary>The device id in its text form: 16 lowercase hex digits.</summary>
    public string DeviceIdText => DeviceId.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
