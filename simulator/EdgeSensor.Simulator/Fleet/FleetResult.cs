using System.Text.Json.Serialization;
using EdgeSensor.Simulator.Faults;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>The outcome of a fleet run: per device and in total, device side next to consumer side.</summary>
public sealed class FleetResult
{
    [JsonPropertyName("scenario")]
    public required string Scenario { get; init; }

    [JsonPropertyName("seed")]
    public required ulong Seed { get; init; }

    [JsonPropertyName("simulatedMinutes")]
    public required double SimulatedMinutes { get; init; }

    [JsonPropertyName("windowSeconds")]
    public required int WindowSeconds { get; init; }

    [JsonPropertyName("disclosure")]
    public required string Disclosure { get; init; }

    [JsonPropertyName("broker")]
    public required string Broker { get; init; }

    [JsonPropertyName("speed")]
    public required string Speed { get; init; }

    /// <summary>How readings reached the devices: <c>trace</c> (physics straight to the pipeline) or <c>driver</c>
    /// (the firmware's VL53L1X driver over emulated sensors).</summary>
    [JsonPropertyName("sensors")]
    public string Sensors { get; init; } = "trace";

    [JsonPropertyName("devices")]
    public required IReadOnlyList<FleetDeviceResult> Devices { get; init; }

    [JsonPropertyName("wallSeconds")]
    public required double WallSeconds { get; init; }

    /// <summary>The part of <see cref="WallSeconds"/> spent before simulated time started: crowds and sensor traces, broker, connections.</summary>
    [JsonPropertyName("setupSeconds")]
    public double SetupSeconds { get; init; }

    /// <summary>Rejections whose clear header named no device (malformed payloads on the site's topics).</summary>
    [JsonPropertyName("unattributedRejections")]
    public required long UnattributedRejections { get; init; }

    /// <summary>MQTT connections the devices shared (at most <see cref="FleetRunner.MaxConnections"/>).</summary>
    [JsonPropertyName("connections")]
    public int Connections { get; init; }

    /// <summary>The largest managed heap a garbage collection left during the run (sampled every 100 ms).</summary>
    [JsonPropertyName("peakManagedBytes")]
    public long PeakManagedBytes { get; init; }

    /// <summary>The process's peak resident set at the end of the run (VmHWM on Linux; the whole process, setup included).</summary>
    [JsonPropertyName("peakWorkingSetBytes")]
    public long PeakWorkingSetBytes { get; init; }

    /// <summary>Reports the SQLite sink stored (<c>--store</c>), or null without one.</summary>
    [JsonPropertyName("stored")]
    public long? Stored { get; init; }

    /// <summary>Messages the bare MQTTnet subscriber received (<c>--bare-subscriber</c>), or null without one.</summary>
    [JsonPropertyName("bareReceived")]
    public long? BareReceived { get; init; }

    /// <summary>Mean time from a device handing a report to MQTT to the SDK consumer delivering it opened.</summary>
    [JsonPropertyName("sdkLatencyMs")]
    public double SdkLatencyMs { get; init; }

    /// <summary>Mean time from a device handing a report to MQTT to the bare subscriber receiving it (0 without one).</summary>
    [JsonPropertyName("bareLatencyMs")]
    public double BareLatencyMs { get; init; }

    /// <summary>Per site and window: counted, true and published, and the charted devices' windows (the HTML report
    /// draws them; docs/report.md). Not in the JSON summary.</summary>
    [JsonIgnore]
    public IReadOnlyList<SiteSeries> Sites { get; init; } = [];

    /// <summary>What each <c>--fault</c> did to the data, measured in the run (empty without faults).</summary>
    [JsonPropertyName("faults")]
    public IReadOnlyList<FaultEffect> Faults { get; init; } = [];

    [JsonPropertyName("published")]
    public long Published => Devices.Sum(d => (long)d.Published);

    [JsonPropertyName("opened")]
    public long Opened => Devices.Sum(d => (long)d.Opened);

    [JsonPropertyName("rejected")]
    public long Rejected => Devices.Sum(d => (long)d.Rejected) + UnattributedRejections;

    /// <summary>Reports sealed but never opened: dropped from a full outbox, not published, or not received.</summary>
    [JsonPropertyName("lost")]
    public long Lost => Devices.Sum(d => (long)d.Lost);

    [JsonPropertyName("openedEntries")]
    public long OpenedEntries => Devices.Sum(d => d.OpenedEntries);

    [JsonPropertyName("openedExits")]
    public long OpenedExits => Devices.Sum(d => d.OpenedExits);

    [JsonPropertyName("engineEntries")]
    public long EngineEntries => Devices.Sum(d => (long)d.EngineEntries);

    [JsonPropertyName("engineExits")]
    public long EngineExits => Devices.Sum(d => (long)d.EngineExits);

    [JsonPropertyName("truthEntries")]
    public long TruthEntries => Devices.Sum(d => (long)d.TruthEntries);

    [JsonPropertyName("truthExits")]
    public long TruthExits => Devices.Sum(d => (long)d.TruthExits);

    [JsonPropertyName("reportsPerSecond")]
    public double ReportsPerSecond => WallSeconds > 0 ? Opened / WallSeconds : 0;

    /// <summary>True when every sealed report was published and opened and nothing was rejected.</summary>
    [JsonPropertyName("ok")]
    public bool Ok => Lost == 0 && Rejected == 0 && Devices.All(d => d.SealFailures == 0 && d.Opened == d.Sealed);
}
