namespace EdgeSensor.Sdk.Occupancy;

/// <summary>A site's occupancy: the sum over its devices' latest windows.</summary>
/// <param name="Site">The site.</param>
/// <param name="Devices">Devices that reported.</param>
/// <param name="AsOf">The latest window end among them.</param>
/// <param name="Occupancy">Summed occupancy with error bars.</param>
public sealed record SiteOccupancy(string Site, int Devices, DateTimeOffset AsOf, Estimate Occupancy);
