namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// A third, deliberately different way to turn moving shapes into the per-zone distances the engine consumes
/// (independent of <see cref="SceneGenerator"/> and of the simulator's code). Every body is a set of axis-aligned
/// boxes standing on the floor; a door leaf is a row of thin boxes along its plane. Each zone is a grid of rays
/// fanning out of the sensor over its half of a square 27° field of view (zone 0 towards -x, zone 1 towards +x);
/// a ray stops at the first box surface it meets, top or side, else at the floor. The zone reports the depth that
/// at least <see cref="CoverShare"/> of its rays reach no farther than: the highest surface that covers that share
/// of the zone (a ToF ranging returns the distance of the strongest return, not of one stray photon). Noise grows
/// with the square of the depth, a few readings carry a sigma-fail status, and the zones are ranged alternately.
/// </summary>
internal sealed class RayScene
{
    private static readonly double Tan = Math.Tan(13.5 * Math.PI / 180);

    public RayScene(int mountMillimeters)
    {
        MountMillimeters = mountMillimeters;
    }

    public int MountMillimeters { get; }

    /// <summary>Share of a zone's rays a surface must cover to be the reported distance.</summary>
    public double CoverShare { get; init; } = 0.25;

    /// <summary>
    /// False: the zone reports the cover-share depth (the highest surface covering that share). True: it reports the
    /// mean range of its rays, each weighted by the light it returns (1/range²), so a small body over a far floor reads
    /// in between: the way a ranging over a mixed scene averages its returns.
    /// </summary>
    public bool Blend { get; init; }

    /// <summary>Rays per zone along the walking line and across it.</summary>
    public int RaysAlong { get; init; } = 6;

    public int RaysAcross { get; init; } = 12;

    public int BudgetMs { get; init; } = 33;

    public int SwitchMs { get; init; } = 3;

    public List<Mover> Movers { get; } = new();

    public DoorSweep? Door { get; set; }

    /// <summary>Samples from 0 to <paramref name="durationMs"/>, seeded.</summary>
    public List<TofSample> Run(double durationMs, int seed)
    {
        var random = new Random(seed);
        var output = new List<TofSample>();
        var depths = new double[RaysAlong * RaysAcross];
        int period = BudgetMs + SwitchMs;
        int n = 0;
        for (double start = 0; start + period <= durationMs; start += period, n++)
        {
            int zone = n % 2;
            double depth = ZoneDepth(zone, start + BudgetMs / 2.0, depths);
            long time = (long)(start + BudgetMs);
            double sigma = 3 + 2.5 * (depth / 1000) * (depth / 1000);
            double noisy = depth + sigma * Normal(random);
            int status = random.NextDouble() < 0.003 ? 1 : 0;
            output.Add(new TofSample(time, zone, (int)Math.Max(1, Math.Round(status == 0 ? noisy : noisy + 4 * sigma)), status));
        }

        return output;
    }

    /// <summary>The noise-free depth (mm) zone <paramref name="zone"/> reports at <paramref name="timeMs"/>.</summary>
    public double ZoneDepth(int zone, double timeMs, double[] depths)
    {
        var boxes = BoxesAt(timeMs);
        int k = 0;
        for (int i = 0; i < RaysAlong; i++)
        {
            double along = (i + 0.5) * Tan / RaysAlong;
            double ax = zone == 0 ? -along : along;
            for (int j = 0; j < RaysAcross; j++)
            {
                double ay = -Tan + (j + 0.5) * 2 * Tan / RaysAcross;
                double nearest = MountMillimeters;
                foreach (var b in boxes)
                {
                    nearest = Math.Min(nearest, HitDepth(ax, ay, b));
                }

                depths[k++] = nearest;
            }
        }

        if (Blend)
        {
            return BlendedDepth(zone, depths);
        }

        Array.Sort(depths);
        int index = (int)Math.Ceiling(CoverShare * depths.Length) - 1;
        return depths[Math.Clamp(index, 0, depths.Length - 1)];
    }

    // Weighted mean of the rays' path lengths (weight 1/length², the light a surface returns), turned back into a
    // depth along the zone's mean ray so that an empty zone reads its floor.
    private double BlendedDepth(int zone, double[] depths)
    {
        double weights = 0, sum = 0, stretch = 0;
        int k = 0;
        for (int i = 0; i < RaysAlong; i++)
        {
            double along = (i + 0.5) * Tan / RaysAlong;
            for (int j = 0; j < RaysAcross; j++)
            {
                double ay = -Tan + (j + 0.5) * 2 * Tan / RaysAcross;
                double slant = Math.Sqrt(1 + (along * along) + (ay * ay));
                double length = depths[k++] * slant;
                double w = 1 / (length * length);
                weights += w;
                sum += w * length;
                stretch += slant;
            }
        }

        return sum / weights / (stretch / depths.Length);
    }

    private List<Box> BoxesAt(double timeMs)
    {
        var boxes = new List<Box>();
        foreach (var m in Movers)
        {
            m.AddBoxes(timeMs, boxes);
        }

        Door?.AddBoxes(timeMs, boxes);
        return boxes;
    }

    // Depth (mm below the sensor) where a ray with ground-track slopes (ax, ay) first enters the box; the mount
    // height when it misses. The ray is inside the box's column while both slopes keep it between the box's sides.
    private double HitDepth(double ax, double ay, Box b)
    {
        double lo = Math.Max(0, MountMillimeters - b.Top);
        double hi = MountMillimeters;
        Clip(ax, b.MinX, b.MaxX, ref lo, ref hi);
        Clip(ay, b.MinY, b.MaxY, ref lo, ref hi);
        return lo <= hi ? lo : MountMillimeters;
    }

    private static void Clip(double slope, double min, double max, ref double lo, ref double hi)
    {
        if (Math.Abs(slope) < 1e-12)
        {
            if (min > 0 || max < 0)
            {
                lo = double.MaxValue;
            }

            return;
        }

        double a = min / slope, b = max / slope;
        lo = Math.Max(lo, Math.Min(a, b));
        hi = Math.Min(hi, Math.Max(a, b));
    }

    /// <summary>
    /// The samples with more ranging noise on the valid ones: sigma <paramref name="sigmaPerSquareMetre"/> mm per (distance
    /// in m)^2, as a darker floor or daylight gives (a VL53L1X's ranging noise at 3 m varies by a factor of two or more with
    /// the floor's reflectance and the ambient light; UM2356 "ranging performance").
    /// </summary>
    public static List<TofSample> WithExtraNoise(List<TofSample> samples, double sigmaPerSquareMetre, Random rng)
    {
        var output = new List<TofSample>(samples.Count);
        foreach (TofSample s in samples)
        {
            if (s.RangeStatus != 0)
            {
                output.Add(s);
                continue;
            }

            double metres = s.DistanceMillimeters / 1000.0;
            double sigma = sigmaPerSquareMetre * metres * metres;
            output.Add(s with { DistanceMillimeters = Math.Max(1, (int)Math.Round(s.DistanceMillimeters + (sigma * StandardNormal.Next(rng)))) });
        }

        return output;
    }

    private static double Normal(Random random) => StandardNormal.Next(random);
}

/// <summary>An axis-aligned box standing on the floor (mm; x along the walking line).</summary>
internal readonly record struct Box(double MinX, double MaxX, double MinY, double MaxY, double Top)
{
    public static Box Around(double x, double y, double length, double width, double top) =>
        new(x - length / 2, x + length / 2, y - width / 2, y + width / 2, top);
}

/// <summary>
/// One body: boxes placed relative to its reference point (ahead along its direction of travel, across), moved along
/// x through waypoints. While it stands still it sways a little (a standing person is never perfectly still).
/// </summary>
internal sealed class Mover
{
    private readonly List<(double Ahead, double Across, double Length, double Width, double Top)> _parts = new();
    private readonly List<(double T, double X)> _path = new();

    public Mover Part(double ahead, double length, double width, double top, double across = 0)
    {
        _parts.Add((ahead, across, length, width, top));
        return this;
    }

    public Mover From(double timeMs, double x)
    {
        _path.Add((timeMs, x));
        return this;
    }

    /// <summary>Walks to <paramref name="x"/> at <paramref name="speed"/> m/s (= mm/ms).</summary>
    public Mover To(double x, double speed)
    {
        var last = _path[^1];
        _path.Add((last.T + Math.Abs(x - last.X) / speed, x));
        return this;
    }

    public Mover Stay(double ms)
    {
        var last = _path[^1];
        _path.Add((last.T + ms, last.X));
        return this;
    }

    public double EndMs => _path[^1].T;

    public void AddBoxes(double t, List<Box> boxes)
    {
        if (t < _path[0].T || t > _path[^1].T)
        {
            return;
        }

        int i = 0;
        while (i < _path.Count - 2 && t > _path[i + 1].T)
        {
            i++;
        }

        var (t0, x0) = _path[i];
        var (t1, x1) = _path[i + 1];
        double x = t1 > t0 ? x0 + (x1 - x0) * (t - t0) / (t1 - t0) : x1;
        double sway = 0;
        if (x1 == x0)
        {
            sway = 40 * Math.Sin(2 * Math.PI * (t - t0) / 1900);
        }

        int facing = Facing(i);
        foreach (var p in _parts)
        {
            boxes.Add(Box.Around(x + sway + facing * p.Ahead, p.Across, p.Length, p.Width, p.Top + sway / 4));
        }
    }

    // The direction of the current leg, or of the last moving leg while standing.
    private int Facing(int leg)
    {
        for (int i = leg; i >= 0; i--)
        {
            double dx = _path[i + 1].X - _path[i].X;
            if (dx != 0)
            {
                return dx > 0 ? 1 : -1;
            }
        }

        return 1;
    }
}

/// <summary>
/// A door leaf swinging about a vertical hinge: closed it lies across the walking line at <see cref="HingeX"/>,
/// open it lies along the line at the doorway's side, towards <see cref="OpensTowards"/>. It opens, stays open, and closes.
/// </summary>
internal sealed class DoorSweep
{
    public double HingeX { get; init; } = 650;

    public double HingeY { get; init; } = -450;

    /// <summary>-1: the free edge swings towards -x (zone 0); +1 towards +x.</summary>
    public int OpensTowards { get; init; } = -1;

    public double Width { get; init; } = 900;

    public double Top { get; init; } = 2030;

    public double Thickness { get; init; } = 40;

    public double OpenAtMs { get; init; }

    public double SwingMs { get; init; } = 1000;

    public double HoldMs { get; init; } = 2500;

    /// <summary>Opening angle: 0 closed (across the line), pi/2 open (along the line).</summary>
    public double AngleAt(double t)
    {
        double a = (t - OpenAtMs) / SwingMs;
        double closeStart = OpenAtMs + SwingMs + HoldMs;
        if (t < OpenAtMs)
        {
            return 0;
        }

        if (t < OpenAtMs + SwingMs)
        {
            return Math.PI / 2 * a;
        }

        if (t < closeStart)
        {
            return Math.PI / 2;
        }

        return Math.Max(0, Math.PI / 2 * (1 - (t - closeStart) / SwingMs));
    }

    public double EndMs => OpenAtMs + 2 * SwingMs + HoldMs;

    public void AddBoxes(double t, List<Box> boxes)
    {
        double angle = AngleAt(t);
        const int Pieces = 18;
        double step = Width / Pieces;
        for (int i = 0; i < Pieces; i++)
        {
            double s = (i + 0.5) * step;
            double x = HingeX + (OpensTowards * s * Math.Sin(angle));
            double y = HingeY + s * Math.Cos(angle);
            double length = Thickness + step * Math.Sin(angle);
            double width = Thickness + step * Math.Cos(angle);
            boxes.Add(Box.Around(x, y, length, width, Top));
        }
    }
}
