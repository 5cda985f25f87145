using System.Globalization;
using System.Text.Json.Serialization;

namespace EdgeSensor.Simulator.Faults;

/// <summary>What one fault did to the data, summed over the devices, measured from what happened in the run.</summary>
public sealed record FaultEffect
{
    [JsonPropertyName("fault")]
    public required string Fault { get; init; }

    [JsonIgnore]
    public FaultKind Kind { get; init; }

    /// <summary>Reports confirmed by the broker more than one simulation step after they were sealed.</summary>
    [JsonPropertyName("reportsDelayed")]
    public int ReportsDelayed { get; init; }

    [JsonPropertyName("maxDelayMs")]
    public long MaxDelayMs { get; init; }

    /// <summary>Reports dropped before publishing (a full outbox drops its oldest; a boot may lose some).</summary>
    [JsonPropertyName("reportsDropped")]
    public int ReportsDropped { get; init; }

    /// <summary>Windows whose start never reached the consumer, per device, near the fault.</summary>
    [JsonPropertyName("gaps")]
    public int Gaps { get; init; }

    /// <summary>Crossings the engine counted in the windows the fault touched (reboot, power cut, sensor dropout).</summary>
    [JsonPropertyName("engineCrossings")]
    public int EngineCrossings { get; init; }

    [JsonPropertyName("trueCrossings")]
    public int TrueCrossings { get; init; }

    [JsonPropertyName("crossingsNotCounted")]
    public int CrossingsNotCounted => Math.Max(0, TrueCrossings - EngineCrossings);

    /// <summary>How much the reboot count in the reports rose across the fault (the smallest rise over the devices).</summary>
    [JsonPropertyName("rebootCountRise")]
    public int RebootCountRise { get; init; }

    /// <summary>The summary's line, e.g. <c>fault broker-outage@10m+3m: 9 reports delayed (max 3m05s), 0 lost</c>.</summary>
    public string Line()
    {
        var inv = CultureInfo.InvariantCulture;
        var parts = new List<string>();
        bool reboots = FaultKinds.Reboots(Kind);
        if (ReportsDelayed > 0)
        {
            parts.Add(string.Create(inv, $"{ReportsDelayed} report{S(ReportsDelayed)} delayed (max {FaultSpec.FormatDuration(MaxDelayMs)})"));
        }

        if (ReportsDropped > 0)
        {
            parts.Add(string.Create(inv, $"{ReportsDropped} report{S(ReportsDropped)} dropped by full outboxes ({Gaps} gap{S(Gaps)})"));
        }
        else if (Gaps > 0)
        {
            parts.Add(string.Create(inv, $"{Gaps} window{S(Gaps)} {(Kind == FaultKind.ClockStep ? "skipped" : "lost")} ({Gaps} gap{S(Gaps)})"));
        }
        else if (ReportsDelayed > 0 || reboots)
        {
            parts.Add("0 lost");
        }

        if ((reboots || Kind == FaultKind.SensorDropout) && (CrossingsNotCounted > 0 || reboots))
        {
            parts.Add(string.Create(inv, $"{CrossingsNotCounted} crossing{S(CrossingsNotCounted)} not counted (engine {EngineCrossings} vs truth {TrueCrossings} in the windows it hit)"));
        }

        if (reboots)
        {
            parts.Add(string.Create(inv, $"reboot count +{RebootCountRise}"));
        }

        return $"fault {Fault}: {(parts.Count == 0 ? "nothing lost or delayed" : string.Join(", ", parts))}";
    }

    private static string S(int n) => n == 1 ? "" : "s";
}
