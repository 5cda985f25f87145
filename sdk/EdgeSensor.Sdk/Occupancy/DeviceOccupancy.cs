namespace EdgeSensor.Sdk.Occupancy;

/// <summary>A device's occupancy at the end of its latest window.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="Site">Its site.</param>
/// <param name="AsOf">End of the window the figure describes.</param>
/// <param name="Occupancy">Occupancy with error bars.</param>
public sealed record DeviceOccupancy(ulong DeviceId, string Site, DateTimeOffset AsOf, Estimate Occupancy);
