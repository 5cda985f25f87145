using EdgeSensor.Simulator.Scenes;

namespace EdgeSensor.Simulator.Sensors;

/// <summary>
/// The viewing pyramid of one ToF zone (a region of interest of the SPAD array), looking straight down
/// from the sensor at (0, 0, mount height). Along the travel axis the zone spans the angles
/// [<see cref="AlongLowRadians"/>, <see cref="AlongHighRadians"/>]; across it spans ±<see cref="AcrossHalfRadians"/>.
/// At depth d below the sensor its footprint is the rectangle [d·tan(low), d·tan(high)] × [−d·tan(across), d·tan(across)].
/// </summary>
public readonly struct TofZoneGeometry : ISurfaceProbe
{
    private readonly double _tanLow;
    private readonly double _tanHigh;
    private readonly double _tanAcross;

    public TofZoneGeometry(double alongLowRadians, double alongHighRadians, double acrossHalfRadians)
    {
        if (alongLowRadians > 0 || alongHighRadians < 0 || alongHighRadians <= alongLowRadians || acrossHalfRadians <= 0)
        {
            // Monotone growth of the footprint with depth (used by the visibility search) needs the axis inside the zone's span.
            throw new ArgumentOutOfRangeException(nameof(alongLowRadians), "A zone must span the sensor's vertical axis along travel: low <= 0 <= high.");
        }

        AlongLowRadians = alongLowRadians;
        AlongHighRadians = alongHighRadians;
        AcrossHalfRadians = acrossHalfRadians;
        _tanLow = Math.Tan(alongLowRadians);
        _tanHigh = Math.Tan(alongHighRadians);
        _tanAcross = Math.Tan(acrossHalfRadians);
    }

    public double AlongLowRadians { get; }

    public double AlongHighRadians { get; }

    public double AcrossHalfRadians { get; }

    /// <summary>
    /// The two zones of a VL53L1X-class sensor with a square field of view of <paramref name="fieldOfViewDegrees"/>
    /// split in half along the travel axis (two 8×16 SPAD regions of interest): zone 0 on the −x (outside) half,
    /// zone 1 on the +x half.
    /// </summary>
    public static TofZoneGeometry[] TwoZones(double fieldOfViewDegrees)
    {
        double half = fieldOfViewDegrees / 2 * Math.PI / 180;
        return [new TofZoneGeometry(-half, 0, half), new TofZoneGeometry(0, half, half)];
    }

    /// <summary>Footprint rectangle at a depth below the sensor (e.g. the floor at depth = mount height).</summary>
    public void Footprint(double depthMillimeters, out double xMin, out double xMax, out double yMin, out double yMax)
    {
        xMin = depthMillimeters * _tanLow;
        xMax = depthMillimeters * _tanHigh;
        yMax = depthMillimeters * _tanAcross;
        yMin = -yMax;
    }

    /// <summary>
    /// Height of the highest point of a vertical elliptic prism (floor to <paramref name="top"/>) that lies in this zone's
    /// pyramid, or −1 when no part of it is inside. The prism is centred at (cx, cy) with semi-axes a (along x) and b (across).
    /// A prism at the edge of the footprint is seen lower down its side, where the pyramid is wider.
    /// </summary>
    public double VisibleTop(double mountHeight, double cx, double cy, double a, double b, double top)
    {
        if (top <= 0)
        {
            return -1;
        }

        if (!Intersects(mountHeight, cx, cy, a, b))
        {
            return -1;
        }

        double depthAtTop = Math.Max(0, mountHeight - top);
        if (Intersects(depthAtTop, cx, cy, a, b))
        {
            return top;
        }

        // The footprint grows monotonically with depth: bisect for the shallowest depth that touches the prism.
        double lo = depthAtTop, hi = mountHeight;
        for (int i = 0; i < 16; i++)
        {
            double mid = (lo + hi) / 2;
            if (Intersects(mid, cx, cy, a, b))
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return mountHeight - hi;
    }

    /// <summary>Does the ellipse (cx, cy, a, b) overlap the footprint at this depth? Exact: scaling by 1/a, 1/b maps
    /// the ellipse to the unit circle and keeps the rectangle axis-aligned.</summary>
    private bool Intersects(double depth, double cx, double cy, double a, double b)
    {
        double dx = Math.Max(0, Math.Max((depth * _tanLow - cx) / a, (cx - depth * _tanHigh) / a));
        double dy = Math.Max(0, Math.Max((-depth * _tanAcross - cy) / b, (cy - depth * _tanAcross) / b));
        return dx * dx + dy * dy <= 1;
    }
}
