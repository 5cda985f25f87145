namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// Deterministic scripted scenes under a two-zone overhead ToF sensor, for the engine's tests.
/// Physics (our own, kept simple): the sensor hangs at (0, 0, mount height) looking down; each zone is half of a
/// square 27° field of view split along the walking axis x (zone 0 on -x, zone 1 on +x); a ranging reports the
/// nearest surface in the zone's pyramid (a body at the pyramid's edge is seen lower down its side), plus noise
/// that grows with distance and ambient light. Zones are ranged alternately, one per timing budget + overhead.
/// <para>
/// A second physics model on purpose, independent of the simulator's (simulator/EdgeSensor.Simulator/Scenes and
/// Sensors): the engine is tuned against the simulator's scenes, so testing it only with that same model would
/// hide any mistake the two share. This one is deliberately simpler and scripted: each test places exactly the
/// actors, fixtures, door leaf, drift, faults and drops it is about, at exact times, which the simulator's
/// random crowds do not offer; and the core's tests stay on the core alone (they do not reference the
/// simulator). Keep it small and scripted; realistic crowds and accuracy figures belong to the simulator.
/// </para>
/// </summary>
internal sealed class SceneGenerator
{
    private static readonly double TanHalf = Math.Tan(13.5 * Math.PI / 180);

    public int MountMillimeters { get; init; } = 2400;

    public int BudgetMs { get; init; } = 33;

    public int OverheadMs { get; init; } = 2;

    /// <summary>0 dark indoors .. 1 direct sun: more noise, far ranges fail (signal fail), maximum range shrinks.</summary>
    public double Ambient { get; init; }

    /// <summary>Probability of a wild but "valid" reading (multipath, sunlight glint).</summary>
    public double SpikeProbability { get; init; }

    /// <summary>Probability that a ranging is lost (bus error: no sample at all).</summary>
    public double DropProbability { get; init; }

    public List<Actor> Actors { get; } = new();

    /// <summary>Still objects (furniture) with the time they appear and disappear.</summary>
    public List<(Part Part, double X, double FromMs, double ToMs)> Fixtures { get; } = new();

    public DoorLeafScript? Door { get; set; }

    /// <summary>Offset (mm) added to floor readings over time (lighting/temperature drift of the ranging).</summary>
    public Func<double, double>? FloorDrift { get; set; }

    /// <summary>Intervals where every ranging fails with a status (saturation: 4, wrap-around: 7 ...), or is missing (-1).</summary>
    public List<(double FromMs, double ToMs, int Status)> Faults { get; } = new();

    public static Part[] Adult(double stature = 1750, double shoulders = 480, double depth = 250) =>
    [
        new(0, 0, stature * 0.056, stature * 0.045, stature),
        new(0, 0, depth / 2, shoulders / 2, stature * 0.82),
    ];

    public static Part[] Child(double stature = 1100) => Adult(stature, stature * 0.24, stature * 0.13);

    /// <summary>A wheelchair user: seated head 1.3 m, knees and footrest ahead, wide wheels, push handles behind.</summary>
    public static Part[] Wheelchair(double head = 1300) =>
    [
        new(0, 0, 95, 78, head),
        new(0, 0, 120, 235, head - 290),
        new(260, 0, 160, 190, 600),
        new(690, 0, 60, 180, 300),
        new(-40, 0, 300, 330, 760),
        new(-260, 0, 50, 290, 930),
    ];

    /// <summary>An adult pushing a stroller: handle bar 360 mm ahead of the chest, hood 1 m high ahead of it.</summary>
    public static Part[] Stroller(double stature = 1700) =>
    [
        .. Adult(stature),
        new(360, 0, 40, 290, 1050),
        new(360 + 440, 0, 400, 290, 1000),
    ];

    /// <summary>An adult with a shopping bag in one hand and a backpack.</summary>
    public static Part[] WithBags(double stature = 1750) =>
    [
        .. Adult(stature),
        new(0, 300, 150, 80, 750),
        new(-190, 0, 80, 160, stature * 0.78),
    ];

    /// <summary>Adds a person walking from one side to the other (x from -from to +to) starting at a time.</summary>
    public Actor Walk(Part[] parts, double startMs, double fromX, double toX, double speed, double lateral = 0)
    {
        var actor = new Actor(parts, lateral).At(startMs, fromX).MoveTo(toX, speed);
        Actors.Add(actor);
        return actor;
    }

    /// <summary>Generates the samples from 0 to <paramref name="durationMs"/> with a seeded random source.</summary>
    public List<TofSample> Run(double durationMs, int seed)
    {
        var random = new Random(seed);
        var output = new List<TofSample>();
        int period = BudgetMs + OverheadMs;
        int n = 0;
        for (double start = 0; start + period <= durationMs; start += period, n++)
        {
            int zone = n % 2;
            double middle = start + BudgetMs / 2.0;
            long time = (long)(start + BudgetMs);
            double u = random.NextDouble();
            int fault = FaultAt(middle);
            if (fault == -1 || u < DropProbability)
            {
                continue;
            }

            if (fault > 0)
            {
                output.Add(new TofSample(time, zone, random.Next(0, 80), fault));
                continue;
            }

            double surface = HighestSurface(zone, middle);
            double truth = MountMillimeters - surface;
            if (surface <= 0 && FloorDrift is not null)
            {
                truth += FloorDrift(middle);
            }

            output.Add(Measure(time, zone, truth, random));
        }

        return output;
    }

    private TofSample Measure(long time, int zone, double truth, Random random)
    {
        double maxRange = 4000 - 2700 * Ambient;
        double relative = truth / maxRange;
        double weak = Math.Clamp((relative - 0.6) / 0.4, 0, 1);
        double signalFail = 0.001 + 0.9 * weak * weak;
        double sigmaFail = 0.001 + 0.05 * Ambient;
        double d = truth / 1000;
        double sigma = (2 + 3 * d * d) * (1 + 4 * Ambient);
        double u = random.NextDouble();
        if (u < signalFail)
        {
            return new TofSample(time, zone, 0, 2);
        }

        u -= signalFail;
        if (u < sigmaFail)
        {
            return new TofSample(time, zone, (int)Math.Max(0, truth + 4 * sigma * Normal(random)), 1);
        }

        u -= sigmaFail;
        if (u < SpikeProbability)
        {
            return new TofSample(time, zone, random.Next(300, MountMillimeters + 300), 0);
        }

        return new TofSample(time, zone, (int)Math.Max(1, Math.Round(truth + sigma * Normal(random))), 0);
    }

    private static double Normal(Random random) => StandardNormal.Next(random);

    private int FaultAt(double t)
    {
        foreach (var f in Faults)
        {
            if (t >= f.FromMs && t < f.ToMs)
            {
                return f.Status;
            }
        }

        return 0;
    }

    /// <summary>Height (mm) of the highest surface visible in a zone at a time; 0 = bare floor.</summary>
    public double HighestSurface(int zone, double t)
    {
        double highest = 0;
        foreach (var actor in Actors)
        {
            if (!actor.TryGet(t, out double x, out int facing))
            {
                continue;
            }

            foreach (var p in actor.Parts)
            {
                if (p.TopMillimeters > highest)
                {
                    highest = Math.Max(highest, VisibleTop(zone, x + facing * p.AheadMillimeters, actor.Lateral + p.AcrossMillimeters, p.HalfLength, p.HalfWidth, p.TopMillimeters));
                }
            }
        }

        foreach (var f in Fixtures)
        {
            if (t >= f.FromMs && t < f.ToMs && f.Part.TopMillimeters > highest)
            {
                highest = Math.Max(highest, VisibleTop(zone, f.X + f.Part.AheadMillimeters, f.Part.AcrossMillimeters, f.Part.HalfLength, f.Part.HalfWidth, f.Part.TopMillimeters));
            }
        }

        if (Door is not null)
        {
            double angle = Door.AngleAt(t);
            if (angle > 0.01)
            {
                // The leaf as a row of thin posts from the hinge to its free edge, seen by its top edge only: a flat face
                // grazed at the zone's edge spreads its weak return over its whole depth and makes no distance.
                for (double s = 20; s <= Door.Width; s += 40)
                {
                    double px = Door.HingeX - s * Math.Sin(angle);
                    double py = -Door.Width / 2 + s * Math.Cos(angle);
                    if (Touches(zone, Math.Max(0, MountMillimeters - Door.Top), px, py, 25, 25))
                    {
                        highest = Math.Max(highest, Door.Top);
                    }
                }
            }
        }

        return highest;
    }

    /// <summary>
    /// Highest point of the prism inside the zone's pyramid, or 0: the shallowest depth at which the ellipse meets the
    /// zone's footprint (the footprint only grows with depth, so a bisection finds it).
    /// </summary>
    private double VisibleTop(int zone, double cx, double cy, double a, double b, double top)
    {
        double m = MountMillimeters;
        if (!Touches(zone, m, cx, cy, a, b))
        {
            return 0;
        }

        double shallow = Math.Max(0, m - top);
        if (Touches(zone, shallow, cx, cy, a, b))
        {
            return top;
        }

        double lo = shallow, hi = m;
        for (int i = 0; i < 18; i++)
        {
            double mid = (lo + hi) / 2;
            if (Touches(zone, mid, cx, cy, a, b))
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return m - hi;
    }

    private static bool Touches(int zone, double depth, double cx, double cy, double a, double b)
    {
        double reach = depth * TanHalf;
        double xMin = zone == 0 ? -reach : 0;
        double xMax = zone == 0 ? 0 : reach;

        // Nearest footprint point to the ellipse centre, measured in the ellipse's unit-circle coordinates.
        double nx = Math.Clamp(cx, xMin, xMax);
        double ny = Math.Clamp(cy, -reach, reach);
        double dx = (nx - cx) / a;
        double dy = (ny - cy) / b;
        return dx * dx + dy * dy <= 1;
    }
}
