using EdgeSensor.Simulator.Scenes;

namespace EdgeSensor.Simulator.Sensors;

/// <summary>
/// The viewing pyramid of one ToF zone (a region of interest of the SPAD array), looking straight down
/// from the sensor at (0, 0, mount height). Along the travel axis the zone spans the angles
/// [<see cref="AlongLowRadians"/>, <see cref="AlongHighRadians"/>]; across it spans [<see cref="AcrossLowRadians"/>, <see cref="AcrossHighRadians"/>].
/// At depth d below the sensor its footprint is the rectangle [d·tan(along low), d·tan(along high)] × [d·tan(across low), d·tan(across high)].
/// </summary>
public readonly struct TofZoneGeometry : ISurfaceProbe
{
    private readonly double _tanLow;
    private readonly double _tanHigh;
    private readonly double _tanAcrossLow;
    private readonly double _tanAcrossHigh;
    private readonly bool _spansAxis;

    public TofZoneGeometry(double alongLowRadians, double alongHighRadians, double acrossHalfRadians)
    {
        if (alongLowRadians > 0 || alongHighRadians < 0 || alongHighRadians <= alongLowRadians || acrossHalfRadians <= 0)
        {
            // Monotone growth of the footprint with depth (used by the visibility search) needs the axis inside the zone's span.
            throw new ArgumentOutOfRangeException(nameof(alongLowRadians), "A zone must span the sensor's vertical axis along travel: low <= 0 <= high.");
        }

        AlongLowRadians = alongLowRadians;
        AlongHighRadians = alongHighRadians;
        AcrossLowRadians = -acrossHalfRadians;
        AcrossHighRadians = acrossHalfRadians;
        _tanLow = Math.Tan(alongLowRadians);
        _tanHigh = Math.Tan(alongHighRadians);
        _tanAcrossHigh = Math.Tan(acrossHalfRadians);
        _tanAcrossLow = -_tanAcrossHigh;
        _spansAxis = true;
    }

    /// <summary>
    /// A zone anywhere in the field of view (a region of interest off the array's centre): along travel it spans
    /// [<paramref name="alongLowRadians"/>, <paramref name="alongHighRadians"/>], across it
    /// [<paramref name="acrossLowRadians"/>, <paramref name="acrossHighRadians"/>]; each span within ±80°.
    /// </summary>
    public TofZoneGeometry(double alongLowRadians, double alongHighRadians, double acrossLowRadians, double acrossHighRadians)
    {
        const double limit = 80 * Math.PI / 180;
        if (alongHighRadians <= alongLowRadians || acrossHighRadians <= acrossLowRadians
            || alongLowRadians < -limit || alongHighRadians > limit || acrossLowRadians < -limit || acrossHighRadians > limit)
        {
            throw new ArgumentOutOfRangeException(nameof(alongLowRadians), "A zone spans low < high, within ±80°, in both directions.");
        }

        AlongLowRadians = alongLowRadians;
        AlongHighRadians = alongHighRadians;
        AcrossLowRadians = acrossLowRadians;
        AcrossHighRadians = acrossHighRadians;
        _tanLow = Math.Tan(alongLowRadians);
        _tanHigh = Math.Tan(alongHighRadians);
        _tanAcrossLow = Math.Tan(acrossLowRadians);
        _tanAcrossHigh = Math.Tan(acrossHighRadians);
        _spansAxis = alongLowRadians <= 0 && alongHighRadians >= 0 && acrossLowRadians <= 0 && acrossHighRadians >= 0;
    }

    public double AlongLowRadians { get; }

    public double AlongHighRadians { get; }

    public double AcrossLowRadians { get; }

    public double AcrossHighRadians { get; }

    /// <summary>Half the zone's angular width across travel.</summary>
    public double AcrossHalfRadians => (AcrossHighRadians - AcrossLowRadians) / 2;

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
        yMin = depthMillimeters * _tanAcrossLow;
        yMax = depthMillimeters * _tanAcrossHigh;
    }

    /// <summary>
    /// Height of the highest point of a vertical elliptic prism (floor to <paramref name="top"/>) that lies in this zone's
    /// pyramid, or −1 when no part of it is inside. The prism is centred at (cx, cy) with semi-axes a (along x) and b (across).
    /// A prism at the edge of the footprint is seen lower down its side, where the pyramid is wider: for body parts, whose
    /// flat top stands for a rounded head or shoulders (and arms below them) with a flank turned towards the sensor, not for
    /// a flat vertical face (<see cref="VisibleTopFace"/>).
    /// </summary>
    public double VisibleTop(double mountHeight, double cx, double cy, double a, double b, double top)
    {
        if (top <= 0)
        {
            return -1;
        }

        if (!_spansAxis)
        {
            return VisibleTopOffAxis(mountHeight, cx, cy, a, b, top);
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
        return mountHeight - ShallowestTouchingDepth(depthAtTop, mountHeight, cx, cy, a, b);
    }

    /// <summary>
    /// Height of a prism's top face when any of it lies in this zone's pyramid, else −1: what a thin flat slab (the door
    /// leaf) shows the sensor. Its vertical face is seen only by the zone's outer rays at grazing incidence (more than 70° from
    /// its normal anywhere in a 27° field of view), and its weak return is spread over the face's whole depth, so it makes
    /// no peak and no distance of its own; the top edge is a horizontal surface and does.
    /// </summary>
    public double VisibleTopFace(double mountHeight, double cx, double cy, double a, double b, double top) =>
        top > 0 && Intersects(Math.Max(0, mountHeight - top), cx, cy, a, b) ? top : -1;

    /// <summary>Does the ellipse (cx, cy, a, b) overlap the footprint at this depth? Exact: scaling by 1/a, 1/b maps
    /// the ellipse to the unit circle and keeps the rectangle axis-aligned.</summary>
    private bool Intersects(double depth, double cx, double cy, double a, double b) => Gap(depth, cx, cy, a, b) <= 1;

    // Squared distance, in the ellipse's unit-circle coordinates, from its centre to the footprint at this depth.
    private double Gap(double depth, double cx, double cy, double a, double b)
    {
        double dx = Math.Max(0, Math.Max((depth * _tanLow - cx) / a, (cx - depth * _tanHigh) / a));
        double dy = Math.Max(0, Math.Max((depth * _tanAcrossLow - cy) / b, (cy - depth * _tanAcrossHigh) / b));
        return dx * dx + dy * dy;
    }

    /// <summary>
    /// <see cref="VisibleTop"/> for a zone that does not contain the sensor's axis: its footprint moves as well as grows
    /// with depth, so the prism may be seen only over a middle band of depths. Pyramid and prism are convex, so that band
    /// is one interval, and <see cref="Gap"/> (a sum of squares of non-negative maxima of affine functions) is convex in
    /// depth: a ternary search finds its lowest point, a bisection the shallowest depth that touches.
    /// </summary>
    private double VisibleTopOffAxis(double mountHeight, double cx, double cy, double a, double b, double top)
    {
        double depthAtTop = Math.Max(0, mountHeight - top);
        if (Intersects(depthAtTop, cx, cy, a, b))
        {
            return top;
        }

        double lo = depthAtTop, hi = mountHeight;
        for (int i = 0; i < 40; i++)
        {
            double m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3;
            if (Gap(m1, cx, cy, a, b) <= Gap(m2, cx, cy, a, b))
            {
                hi = m2;
            }
            else
            {
                lo = m1;
            }
        }

        double best = (lo + hi) / 2;
        if (!Intersects(best, cx, cy, a, b))
        {
            return -1;
        }

        return mountHeight - ShallowestTouchingDepth(depthAtTop, best, cx, cy, a, b);
    }

    /// <summary>
    /// Bisects [<paramref name="lo"/>, <paramref name="hi"/>] for the shallowest depth whose footprint touches the
    /// ellipse (the footprint grows monotonically with depth; <paramref name="hi"/> must touch it). 16 halvings.
    /// </summary>
    private double ShallowestTouchingDepth(double lo, double hi, double cx, double cy, double a, double b)
    {
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

        return hi;
    }
}
