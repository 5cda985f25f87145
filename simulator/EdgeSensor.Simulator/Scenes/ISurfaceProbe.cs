namespace EdgeSensor.Simulator.Scenes;

/// <summary>
/// What a scene asks of a sensor's view to find the highest surface in it: the scene knows the solids (body parts,
/// the door leaf), the sensor knows its viewing volume. Keeps Scenes below Sensors (sensors see scenes, not the
/// reverse); a struct implementation is called without boxing.
/// </summary>
public interface ISurfaceProbe
{
    /// <summary>
    /// Height of the highest visible point of a vertical elliptic prism (floor to <paramref name="top"/>, centred at
    /// (cx, cy), semi-axes a along the travel axis and b across), or −1 when none of it is in view.
    /// </summary>
    double VisibleTop(double mountHeight, double cx, double cy, double a, double b, double top);

    /// <summary>
    /// Height of the top face of a vertical elliptic prism when any of that face is in view, or −1: for a thin flat
    /// slab whose vertical faces make no distance of their own (the door leaf).
    /// </summary>
    double VisibleTopFace(double mountHeight, double cx, double cy, double a, double b, double top);
}
