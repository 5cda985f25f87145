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

    /// <summary>Occupancy at the end of the window, after disclosure control.</summary>
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

    /// <summary>Differential-privacy ε per window (0 when not used); the wire carries thousandths.</summary>
    public required double Epsilon { get; init; }

    /// <summary>Health: privacy budget (ε) spent since UTC midnight; the wire carries thousandths.</summary>
    public required double PrivacyBudgetSpent { get; init; }

    /// <summary>Health: ToF samples with an invalid range status in the window, in permille (0..1000).</summary>
    public required int InvalidSamplePermille { get; init; }

    /// <summary>Health: the counting engine's calibration state at the window end.</summary>
    public required CalibrationState CalibrationState { get; init; }

    /// <summary>Health: reboots since provisioning.</summary>
    public required int RebootCount { get; init; }

    /// <summary>Health: firmware version (major.minor.patch).</summary>
    public required Version FirmwareVersion { get; init; }

    /// <summary>The device id in its text form: 16 lowercase hex digits.</summary>
    public string DeviceIdText => DeviceId.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
