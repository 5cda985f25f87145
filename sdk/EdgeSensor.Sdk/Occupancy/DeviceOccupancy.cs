namespace EdgeSensor.Sdk.Occupancy;

/// <summary>A device's occupancy at the end of its latest window.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="Site">Its site.</param>
/// <param name="AsOf">End of the window the figure describes.</param>
/// <param name="Occupancy">Occupancy with error bars. Unclamped: clamp at 0 only for display (<see cref="Estimate.NonNegativeValue"/>), after any sum.</param>
public sealed record DeviceOccupancy(ulong DeviceId, string Site, DateTimeOffset AsOf, Estimate Occupancy)
{
    /// <summary>
    /// When the figure was derived from entries − exits (the device withholds occupancy: person-level differential
    /// privacy), the instant the area was declared empty (<see cref="OccupancyBaseline"/>); null when the device
    /// released its occupancy.
    /// </summary>
    public DateTimeOffset? DerivedSince { get; init; }

    /// <summary>Windows summed into a derived figure (0 when released).</summary>
    public int DerivedWindows { get; init; }
}
