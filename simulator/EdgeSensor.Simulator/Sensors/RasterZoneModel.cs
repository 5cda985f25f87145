using System.Runtime.InteropServices;
using EdgeSensor.Simulator.Scenes;

namespace EdgeSensor.Simulator.Sensors;

/// <summary>
/// The second coverage model, written apart from <see cref="TofZoneGeometry"/> and with other assumptions:
/// <list type="bullet">
/// <item>one ray per SPAD cell of a 16×16 array behind a pinhole with a square field of view (each zone the cells of its
/// region of interest, <see cref="ZoneRoi"/>: by default 8 along the walking line × 16 across), instead of one exact
/// viewing pyramid;</item>
/// <item>body parts have domed tops (an elliptic cap as high as the part's smaller semi-axis, at most half its height)
/// instead of flat ones, so an edge of a head or a shoulder is lower than its crown;</item>
/// <item>each ray returns a signal ∝ reflectance × cos(incidence) × vignetting (cos⁴ of its angle off the axis) / range²,
/// the incidence being the angle between the ray and the surface's normal where it meets it (Lambert's cosine law for a
/// matt surface: a face grazed at 80° returns a fifth of what it returns seen face-on), and the zone
/// reports the signal-weighted mean range of all its rays: the VL53L1X averages the photon arrival times it receives, so
/// a near and a far target in one zone read in between (ST's imaging-sensor support, https://qa-community.st.com/imaging-sensors-49/vl53l1x-unexplained-distance-change-143888);
/// a sliver of a body at the zone's edge moves the reading little, where the footprint model takes its full height;</item>
/// <item>the range is the path length along the ray (radial), not the vertical depth.</item>
/// </list>
/// Not thread-safe: one instance per sensor model (it reuses its buffers, so a sample allocates nothing).
/// </summary>
public sealed class RasterZoneModel
{
    /// <summary>SPAD cells along each side of the array (VL53L1X: 16×16).</summary>
    public const int ArrayCells = 16;

    private const double BodyReflectance = 0.3;
    private const double FloorReflectance = 0.3;
    private const double DoorReflectance = 0.5;

    private readonly double[][] _tanAlong;
    private readonly double[][] _tanAcross;
    private readonly double[][] _sensitivity;
    private readonly double[] _zoneTanLow;
    private readonly double[] _zoneTanHigh;
    private readonly double[] _zoneTanAcrossLow;
    private readonly double[] _zoneTanAcrossHigh;
    private readonly List<SceneSolid> _solids = new(64);
    private readonly List<SceneSolid> _near = new(64);
    private readonly double?[] _floorRange = new double?[2];
    private double _floorMount = double.NaN;

    /// <summary>The two default 8 × 16 zones (<see cref="ZoneRoi.PeopleCounting"/>).</summary>
    public RasterZoneModel(double fieldOfViewDegrees)
        : this(fieldOfViewDegrees, ZoneRoi.PeopleCounting)
    {
    }

    /// <summary>One ray per SPAD cell of each zone's region of interest (column by column along the walking line).</summary>
    public RasterZoneModel(double fieldOfViewDegrees, ZoneRoi roi)
    {
        double pitch = fieldOfViewDegrees / ArrayCells * Math.PI / 180;
        double half = fieldOfViewDegrees / 2 * Math.PI / 180;
        _tanAlong = new double[2][];
        _tanAcross = new double[2][];
        _sensitivity = new double[2][];
        _zoneTanLow = new double[2];
        _zoneTanHigh = new double[2];
        _zoneTanAcrossLow = new double[2];
        _zoneTanAcrossHigh = new double[2];
        for (int zone = 0; zone < 2; zone++)
        {
            roi.Cells(zone, out int firstColumn, out int lastColumn, out int firstRow, out int lastRow);
            int cells = (lastColumn - firstColumn + 1) * (lastRow - firstRow + 1);
            _tanAlong[zone] = new double[cells];
            _tanAcross[zone] = new double[cells];
            _sensitivity[zone] = new double[cells];
            int k = 0;
            for (int column = firstColumn; column <= lastColumn; column++)
            {
                double along = -half + (column + 0.5) * pitch;
                for (int row = firstRow; row <= lastRow; row++, k++)
                {
                    double across = -half + (row + 0.5) * pitch;
                    double tx = Math.Tan(along), ty = Math.Tan(across);
                    double cos = 1 / Math.Sqrt(1 + tx * tx + ty * ty);
                    _tanAlong[zone][k] = tx;
                    _tanAcross[zone][k] = ty;
                    _sensitivity[zone][k] = cos * cos * cos * cos;
                }
            }

            // The zone's view in plan, widest at the floor; a zone off the axis also reaches back to it nearer the sensor.
            _zoneTanLow[zone] = Math.Min(0, Math.Tan(-half + firstColumn * pitch));
            _zoneTanHigh[zone] = Math.Max(0, Math.Tan(-half + (lastColumn + 1) * pitch));
            _zoneTanAcrossLow[zone] = Math.Min(0, Math.Tan(-half + firstRow * pitch));
            _zoneTanAcrossHigh[zone] = Math.Max(0, Math.Tan(-half + (lastRow + 1) * pitch));
        }
    }

    /// <summary>The range (mm, along the rays) zone 0 or 1 reports at a moment.</summary>
    public double Range(Scene scene, int zone, double timeMs)
    {
        double mount = scene.MountHeightMillimeters;
        scene.SolidsAt(timeMs, _solids);
        _near.Clear();
        foreach (SceneSolid s in _solids)
        {
            // Cull by the zone's floor footprint (the widest cross-section of its view).
            if (s.CentreX + s.HalfLength >= mount * _zoneTanLow[zone] && s.CentreX - s.HalfLength <= mount * _zoneTanHigh[zone]
                && s.CentreY + s.HalfWidth >= mount * _zoneTanAcrossLow[zone] && s.CentreY - s.HalfWidth <= mount * _zoneTanAcrossHigh[zone]
                && s.TopMillimeters > 0)
            {
                _near.Add(s);
            }
        }

        // Highest first: once a ray has met a high part, lower ones are rejected at once.
        _near.Sort(HigherFirst);
        if (_near.Count == 0)
        {
            if (_floorMount != mount)
            {
                _floorRange[0] = _floorRange[1] = null;
                _floorMount = mount;
            }

            return _floorRange[zone] ??= Integrate(zone, mount);
        }

        return Integrate(zone, mount);
    }

    private static readonly Comparison<SceneSolid> HigherFirst = (x, y) => y.TopMillimeters.CompareTo(x.TopMillimeters);

    private double Integrate(int zone, double mount)
    {
        double totalSignal = 0, weightedRange = 0;
        double[] tx = _tanAlong[zone], ty = _tanAcross[zone], sensitivity = _sensitivity[zone];
        ReadOnlySpan<SceneSolid> near = CollectionsMarshal.AsSpan(_near);
        for (int k = 0; k < tx.Length; k++)
        {
            double depth = mount;
            int hitIndex = -1;
            for (int i = 0; i < near.Length; i++)
            {
                double hit = HitDepth(mount, tx[k], ty[k], near[i], depth);
                if (hit < depth)
                {
                    depth = hit;
                    hitIndex = i;
                }
            }

            double length = Math.Sqrt(1 + tx[k] * tx[k] + ty[k] * ty[k]);
            double range = Math.Max(1, depth * length);
            double reflectance = FloorReflectance, incidence = 1 / length;
            if (hitIndex >= 0)
            {
                ref readonly SceneSolid s = ref near[hitIndex];
                reflectance = s.Kind == SolidKind.DoorLeaf ? DoorReflectance : BodyReflectance;
                incidence = IncidenceCosine(mount, tx[k], ty[k], s, depth);
            }

            double signal = reflectance * incidence * sensitivity[k] / (range * range);
            totalSignal += signal;
            weightedRange += signal * range;
        }

        return weightedRange / totalSignal;
    }

    /// <summary>
    /// Cosine of the angle between the ray (tan along, tan across) and the surface normal where it meets the solid at
    /// <paramref name="depth"/> below the sensor (Lambert's cosine law: a matt surface lit at that angle returns that share
    /// of what it returns lit face-on). Normals: a flat top points up; a domed cap along its ellipsoid's gradient; the
    /// sides of a prism horizontally outward from its axis; a door leaf's posts stand for one flat leaf, so their sides
    /// take the leaf's face normal (<see cref="SceneSolid.FaceNormalX"/>, <see cref="SceneSolid.FaceNormalY"/>). One cosine
    /// only: the emitter sits beside the receiver, so the ray is also the light's path, and a matt surface looks equally
    /// bright from every direction, so the receiving cell adds no second one.
    /// </summary>
    internal static double IncidenceCosine(double mount, double tx, double ty, in SceneSolid s, double depth)
    {
        double top = s.TopMillimeters, height = mount - depth, cap = CapHeight(s);
        double gx = (depth * tx - s.CentreX) / (s.HalfLength * s.HalfLength), gy = (depth * ty - s.CentreY) / (s.HalfWidth * s.HalfWidth), gz;
        if (cap > 0)
        {
            // Ellipsoid gradient on the cap; below the cap's base the side, whose normal has no vertical part.
            gz = Math.Max(0, height - (top - cap)) / (cap * cap);
        }
        else if (height >= top - 1e-6)
        {
            gx = gy = 0;
            gz = 1;
        }
        else
        {
            gz = 0;
            if (s.FaceNormalX != 0 || s.FaceNormalY != 0)
            {
                gx = s.FaceNormalX;
                gy = s.FaceNormalY;
            }
        }

        // The ray runs along (tx, ty, −1); a face seen from either side returns alike.
        return Math.Abs(gz - gx * tx - gy * ty) / Math.Sqrt((gx * gx + gy * gy + gz * gz) * (1 + tx * tx + ty * ty));
    }

    /// <summary>Height of a solid's domed cap: the smaller semi-axis, at most half the solid's height; a door leaf is flat.</summary>
    private static double CapHeight(in SceneSolid s) =>
        s.Kind == SolidKind.DoorLeaf ? 0 : Math.Min(Math.Min(s.HalfLength, s.HalfWidth), s.TopMillimeters / 2);

    /// <summary>
    /// Depth below the sensor where the ray (tan along, tan across) first meets the domed solid, or <paramref name="beyond"/>
    /// when it does not meet it nearer. The ray at depth d is at (d·tx, d·ty); the solid's surface at normalised plan radius
    /// r is top − cap + cap·√(1 − r²) (a vertical wall below top − cap).
    /// </summary>
    internal static double HitDepth(double mount, double tx, double ty, in SceneSolid s, double beyond)
    {
        double top = s.TopMillimeters;
        double from = Math.Max(0, mount - top);
        if (from >= beyond)
        {
            return beyond;
        }

        // Quick reject: the ray's plan segment between the solid's top and the floor against the solid's bounding box.
        double x0 = from * tx, x1 = mount * tx, y0 = from * ty, y1 = mount * ty;
        if (Math.Max(x0, x1) < s.CentreX - s.HalfLength || Math.Min(x0, x1) > s.CentreX + s.HalfLength
            || Math.Max(y0, y1) < s.CentreY - s.HalfWidth || Math.Min(y0, y1) > s.CentreY + s.HalfWidth)
        {
            return beyond;
        }

        // r²(d) = A d² + B d + C: where the ray is inside the solid's plan ellipse.
        double ia = 1 / s.HalfLength, ib = 1 / s.HalfWidth;
        double px = tx * ia, py = ty * ib, qx = s.CentreX * ia, qy = s.CentreY * ib;
        double a = px * px + py * py, b = -2 * (px * qx + py * qy), c = qx * qx + qy * qy;
        double lo, hi;
        if (a < 1e-15)
        {
            if (c > 1)
            {
                return beyond;
            }

            lo = from;
            hi = mount;
        }
        else
        {
            double disc = b * b - 4 * a * (c - 1);
            if (disc < 0)
            {
                return beyond;
            }

            double root = Math.Sqrt(disc);
            lo = Math.Max(from, (-b - root) / (2 * a));
            hi = Math.Min(Math.Min(mount, beyond), (-b + root) / (2 * a));
        }

        if (lo > hi)
        {
            return beyond;
        }

        double cap = CapHeight(s);
        double Above(double d)
        {
            double r2 = Math.Clamp(a * d * d + b * d + c, 0, 1);
            return mount - d - (top - cap + cap * Math.Sqrt(1 - r2));
        }

        if (Above(lo) <= 0)
        {
            return lo;
        }

        // March down the ray to the first point under the surface, then bisect. Below the cap's base (top − cap) a ray
        // still inside the plan ellipse is inside the solid, so the march need not go deeper.
        const int steps = 6;
        double end = Math.Min(hi, mount - top + cap);
        double previous = lo;
        for (int i = 1; i <= steps; i++)
        {
            double d = lo + (end - lo) * i / steps;
            if (Above(d) <= 0)
            {
                double inside = d, outside = previous;
                for (int j = 0; j < 10; j++)
                {
                    double mid = (inside + outside) / 2;
                    if (Above(mid) <= 0)
                    {
                        inside = mid;
                    }
                    else
                    {
                        outside = mid;
                    }
                }

                return inside < beyond ? inside : beyond;
            }

            previous = d;
        }

        return beyond;
    }
}
