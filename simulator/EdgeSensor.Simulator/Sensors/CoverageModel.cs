namespace EdgeSensor.Simulator.Sensors;

/// <summary>
/// How a zone's reading is derived from the bodies under it. Two independently written models, so a result that holds
/// on one only is visible as such (docs/simulator.md, "Coverage models").
/// </summary>
public enum CoverageModel
{
    /// <summary>The zone reports the highest point of any flat-topped body part inside its viewing pyramid, however
    /// little of the zone it covers (<see cref="TofZoneGeometry"/>).</summary>
    Footprint,

    /// <summary>One ray per SPAD cell, domed body parts, each return weighted by its signal (reflectance, the cosine of its
    /// angle of incidence on the surface, vignetting, range); the zone reports the
    /// signal-weighted mean range of its rays (<see cref="RasterZoneModel"/>).</summary>
    Raster,
}
