namespace EdgeSensor.Simulator.Fleet;

/// <summary>
/// What the run report draws for one site, summed while the run went: the site's totals per window (they grow with the
/// windows, not with the devices) and the windows of the first <see cref="WindowRecorder.DevicesCharted"/> devices,
/// which the report draws one by one. Every device's totals are in <see cref="FleetResult.Devices"/>.
/// </summary>
public sealed class SiteSeries
{
    public required string Site { get; init; }

    /// <summary>Devices that closed at least one window at this site.</summary>
    public required int Devices { get; init; }

    /// <summary>The site's windows, oldest first.</summary>
    public required IReadOnlyList<SiteWindow> Windows { get; init; }

    /// <summary>The charted devices' windows, in the fleet's device order.</summary>
    public required IReadOnlyList<DeviceSeries> Charted { get; init; }

    /// <summary>What the recorder still kept for single devices when the run ended, besides the charted devices' windows:
    /// a few per device (its sealed windows as runs of consecutive ones, anomalies), however long the run was (tests).</summary>
    internal long DeviceRecords { get; init; }

    /// <summary>The most sealed windows whose report was on its way to the consumer at once (tests).</summary>
    internal long MostReportsOnTheirWay { get; init; }
}

/// <summary>
/// One window of a site: <see cref="Sum"/> adds up its devices' windows (a published figure only when every device
/// published it; opened only when every device's report was opened), next to how many of its devices' reports were
/// rejected and lost.
/// </summary>
public sealed record SiteWindow(WindowOutcome Sum, int RejectedReports, int LostReports);

/// <summary>Every window of one charted device, oldest first.</summary>
public sealed record DeviceSeries(string DeviceId, IReadOnlyList<WindowOutcome> Windows);
