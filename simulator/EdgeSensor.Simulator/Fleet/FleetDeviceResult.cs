using System.Text.Json.Serialization;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>One virtual device's figures.</summary>
public sealed class FleetDeviceResult
{
    [JsonPropertyName("deviceId")]
    public required string DeviceId { get; init; }

    [JsonPropertyName("sealed")]
    public required long Sealed { get; init; }

    [JsonPropertyName("published")]
    public required int Published { get; init; }

    [JsonPropertyName("publishRetries")]
    public required int PublishRetries { get; init; }

    [JsonPropertyName("outboxDrops")]
    public required long OutboxDrops { get; init; }

    [JsonPropertyName("sealFailures")]
    public required long SealFailures { get; init; }

    [JsonPropertyName("opened")]
    public required int Opened { get; init; }

    [JsonPropertyName("rejected")]
    public required int Rejected { get; init; }

    /// <summary>QoS 1 redeliveries the SDK recognised as replays and dropped; not a failure.</summary>
    [JsonPropertyName("duplicates")]
    public int Duplicates { get; init; }

    [JsonPropertyName("lost")]
    public long Lost => Math.Max(0, Sealed - Opened);

    [JsonPropertyName("openedEntries")]
    public required long OpenedEntries { get; init; }

    [JsonPropertyName("openedExits")]
    public required long OpenedExits { get; init; }

    /// <summary>The counting engine's totals, before disclosure control.</summary>
    [JsonPropertyName("engineEntries")]
    public required int EngineEntries { get; init; }

    [JsonPropertyName("engineExits")]
    public required int EngineExits { get; init; }

    [JsonPropertyName("truthEntries")]
    public required int TruthEntries { get; init; }

    [JsonPropertyName("truthExits")]
    public required int TruthExits { get; init; }

    /// <summary>Opened reports that carry differential-privacy noise parameters.</summary>
    [JsonPropertyName("noisedReports")]
    public required int NoisedReports { get; init; }

    [JsonPropertyName("suppressedReports")]
    public required int SuppressedReports { get; init; }
}
