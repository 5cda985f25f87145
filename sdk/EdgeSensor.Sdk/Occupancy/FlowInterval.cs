namespace EdgeSensor.Sdk.Occupancy;

/// <summary>Entries and exits in one interval.</summary>
/// <param name="Start">Interval start.</param>
/// <param name="Length">Interval length.</param>
/// <param name="Entries">Entries with error bars.</param>
/// <param name="Exits">Exits with error bars.</param>
/// <param name="Windows">Report windows counted in the interval.</param>
public sealed record FlowInterval(DateTimeOffset Start, TimeSpan Length, Estimate Entries, Estimate Exits, int Windows);
