using System.Text.Json.Serialization;

namespace EdgeSensor.Simulator.Replay;

/// <summary>What a replay produced: the engine's counts next to the trace's ground truth, and some health figures.</summary>
public sealed class ReplayResult
{
    [JsonPropertyName("entries")]
    public int Entries { get; init; }

    [JsonPropertyName("exits")]
    public int Exits { get; init; }

    [JsonPropertyName("truthEntries")]
    public int TruthEntries { get; init; }

    [JsonPropertyName("truthExits")]
    public int TruthExits { get; init; }

    /// <summary>Occupancy the engine ends with (entries − exits, floored at 0 and reset when the space has long been empty).</summary>
    [JsonPropertyName("occupancy")]
    public int Occupancy { get; init; }

    [JsonPropertyName("tofRows")]
    public int TofRows { get; init; }

    [JsonPropertyName("invalidTofRows")]
    public int InvalidTofRows { get; init; }

    [JsonPropertyName("pirRows")]
    public int PirRows { get; init; }

    [JsonPropertyName("truthRows")]
    public int TruthRows { get; init; }

    [JsonPropertyName("durationMs")]
    public long DurationMs { get; init; }

    /// <summary>The engine's calibration state at the end (NotCalibrated, Calibrated, Degraded, PirOnly).</summary>
    [JsonPropertyName("calibration")]
    public string Calibration { get; init; } = string.Empty;

    /// <summary>Entry accuracy 1 − |counted − truth| / truth, or null without truth entries.</summary>
    [JsonPropertyName("entryAccuracy")]
    public double? EntryAccuracy => Accuracy.Score.DirectionAccuracy(Entries, TruthEntries);

    [JsonPropertyName("exitAccuracy")]
    public double? ExitAccuracy => Accuracy.Score.DirectionAccuracy(Exits, TruthExits);

    /// <summary>Every counted crossing (only with --events).</summary>
    [JsonPropertyName("crossings")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CrossingJson>? CrossingsForJson { get; set; }

    [JsonIgnore]
    public IReadOnlyList<CountedCrossing> Crossings { get; init; } = [];

    public sealed record CrossingJson(
        [property: JsonPropertyName("tMs")] long TimeMs,
        [property: JsonPropertyName("kind")] string Kind);
}
