namespace EdgeSensor.Simulator.Fleet;

/// <summary>
/// One reporting window of one device in a fleet run: what the engine counted, what truly happened, and what the
/// consumer opened after disclosure control (null where nothing was opened or the field was withheld).
/// </summary>
public sealed record WindowOutcome
{
    public required string DeviceId { get; init; }

    public required string Site { get; init; }

    public required DateTimeOffset WindowStart { get; init; }

    /// <summary>Entries the engine counted into this window, before disclosure control.</summary>
    public required int CountedEntries { get; init; }

    public required int CountedExits { get; init; }

    /// <summary>Ground-truth crossings whose time falls in this window (to within one simulated second).</summary>
    public required int TrueEntries { get; init; }

    public required int TrueExits { get; init; }

    public int? PublishedEntries { get; init; }

    public int? PublishedExits { get; init; }

    /// <summary>The engine's occupancy at the window's end.</summary>
    public required int OccupancyCounted { get; init; }

    /// <summary>True occupancy at the window's end: truth entries minus truth exits since the start, never below 0 (as the
    /// engine keeps its own; applied per simulated second).</summary>
    public required int OccupancyTrue { get; init; }

    public int? OccupancyPublished { get; init; }

    /// <summary>The device sealed a report for this window.</summary>
    public required bool Sealed { get; init; }

    /// <summary>The consumer opened this window's report.</summary>
    public required bool Opened { get; init; }

    /// <summary>The consumer rejected this window's report (matched by its sequence number).</summary>
    public required bool Rejected { get; init; }

    /// <summary>Sealed but neither opened nor rejected: dropped, not published or not received.</summary>
    public bool Lost => Sealed && !Opened && !Rejected;
}
