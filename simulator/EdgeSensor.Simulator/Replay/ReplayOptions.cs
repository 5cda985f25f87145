namespace EdgeSensor.Simulator.Replay;

/// <summary>Overrides for a replay; null keeps what the trace's metadata (or the engine default) says.</summary>
public sealed record ReplayOptions
{
    public int? MountHeightMillimeters { get; init; }

    public int? InsideZone { get; init; }

    public int? TimingBudgetMs { get; init; }

    /// <summary>Replay without the ToF rows (PIR-only device): the engine then reports presence and never counts.</summary>
    public bool IgnoreTof { get; init; }

    /// <summary>The engine's periodic tick, as the firmware's main loop calls it.</summary>
    public int TickMs { get; init; } = 20;
}
