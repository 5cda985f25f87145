namespace EdgeSensor.Simulator.Scenes;

/// <summary>
/// A doorway under the sensor and the people (and door leaf) moving through it over time. The sensor hangs
/// at (0, 0, <see cref="MountHeightMillimeters"/>) above the middle of the crossing line x = 0.
/// </summary>
public sealed class Scene
{
    private const int BucketMs = 1000;
    private readonly Person[] _persons;
    private readonly int[][] _buckets;

    public Scene(double durationMs, int mountHeightMillimeters, double doorwayWidthMillimeters, IReadOnlyList<Person> persons, DoorLeaf? door)
    {
        DurationMs = durationMs;
        MountHeightMillimeters = mountHeightMillimeters;
        DoorwayWidthMillimeters = doorwayWidthMillimeters;
        _persons = [.. persons.OrderBy(p => p.StartMs).ThenBy(p => p.Id)];
        Door = door;

        // Index who is in the scene during each second so a query looks at a handful of people.
        int bucketCount = (int)(durationMs / BucketMs) + 2;
        var lists = new List<int>[bucketCount];
        for (int i = 0; i < _persons.Length; i++)
        {
            int first = Math.Clamp((int)(_persons[i].StartMs / BucketMs), 0, bucketCount - 1);
            int last = Math.Clamp((int)(_persons[i].EndMs / BucketMs), 0, bucketCount - 1);
            for (int b = first; b <= last; b++)
            {
                (lists[b] ??= []).Add(i);
            }
        }

        _buckets = new int[bucketCount][];
        for (int b = 0; b < bucketCount; b++)
        {
            _buckets[b] = lists[b] is null ? [] : [.. lists[b]];
        }

        if (door is not null)
        {
            door.AngleTrack = DoorTrack(door);
        }
    }

    public double DurationMs { get; }

    public int MountHeightMillimeters { get; }

    public double DoorwayWidthMillimeters { get; }

    public IReadOnlyList<Person> Persons => _persons;

    public DoorLeaf? Door { get; }

    /// <summary>
    /// Height (mm above the floor) of the highest surface inside a zone's pyramid at a moment (a body part's top or the
    /// side of one where the pyramid reaches it; the door leaf's top edge only); 0 is the bare floor.
    /// The ToF sensor reports the distance to it (mount height − this).
    /// </summary>
    public double HighestSurface<TProbe>(in TProbe zone, double timeMs)
        where TProbe : struct, ISurfaceProbe
    {
        double highest = 0;
        double h = MountHeightMillimeters;
        foreach (int index in ActiveAt(timeMs))
        {
            Person p = _persons[index];
            if (!p.TryGetState(timeMs, out double x, out double y, out int facing, out _))
            {
                continue;
            }

            foreach (var part in p.Body.Parts)
            {
                double cx = x + facing * part.AheadMillimeters;
                double cy = y + part.AcrossMillimeters;
                if (part.TopMillimeters <= highest)
                {
                    continue;
                }

                double top = zone.VisibleTop(h, cx, cy, part.HalfLengthMillimeters, part.HalfWidthMillimeters, part.TopMillimeters);
                highest = Math.Max(highest, top);
            }
        }

        if (Door is not null)
        {
            double angle = Door.AngleAt(timeMs);
            if (angle > 0.01)
            {
                double sin = Math.Sin(angle), cos = Math.Cos(angle);
                double hingeY = -Door.WidthMillimeters / 2;
                // The leaf is a flat slab: only its top edge makes a distance (a grazed vertical face spreads its weak
                // return over its whole depth), so an open leaf along the side of the view is not a zone's nearest surface.
                for (double s = 20; s <= Door.WidthMillimeters; s += 40)
                {
                    double top = zone.VisibleTopFace(h, Door.HingeXMillimeters - s * sin, hingeY + s * cos, 25, 25, Door.TopMillimeters);
                    highest = Math.Max(highest, top);
                }
            }
        }

        return highest;
    }

    /// <summary>
    /// Every solid in the scene at a moment (body parts of the people present, the door leaf as a row of posts), for
    /// coverage models that do their own geometry. Clears <paramref name="output"/> first; allocates nothing once it has grown.
    /// </summary>
    public void SolidsAt(double timeMs, List<SceneSolid> output)
    {
        output.Clear();
        foreach (int index in ActiveAt(timeMs))
        {
            Person p = _persons[index];
            if (!p.TryGetState(timeMs, out double x, out double y, out int facing, out _))
            {
                continue;
            }

            foreach (var part in p.Body.Parts)
            {
                output.Add(new SceneSolid(x + facing * part.AheadMillimeters, y + part.AcrossMillimeters, part.HalfLengthMillimeters,
                    part.HalfWidthMillimeters, part.TopMillimeters, SolidKind.BodyPart));
            }
        }

        if (Door is not null)
        {
            double angle = Door.AngleAt(timeMs);
            if (angle > 0.01)
            {
                double sin = Math.Sin(angle), cos = Math.Cos(angle);
                double hingeY = -Door.WidthMillimeters / 2;
                for (double s = 20; s <= Door.WidthMillimeters; s += 40)
                {
                    // The leaf runs along (−sin, cos) from the hinge; its face's normal is (cos, sin).
                    output.Add(new SceneSolid(Door.HingeXMillimeters - s * sin, hingeY + s * cos, 25, 25, Door.TopMillimeters, SolidKind.DoorLeaf,
                        cos, sin));
                }
            }
        }
    }

    /// <summary>Is anyone moving faster than <paramref name="minSpeed"/> (mm/ms) within a horizontal radius of the sensor axis?</summary>
    public bool AnyMotionWithin(double timeMs, double radiusMillimeters, double minSpeed)
    {
        foreach (int index in ActiveAt(timeMs))
        {
            if (_persons[index].TryGetState(timeMs, out double x, out double y, out _, out double speed)
                && speed >= minSpeed && x * x + y * y <= radiusMillimeters * radiusMillimeters)
            {
                return true;
            }
        }

        if (Door is not null)
        {
            // A swinging door is a moving (if cool) surface; count it only while it swings near the sensor.
            double a0 = Door.AngleAt(timeMs - 100), a1 = Door.AngleAt(timeMs);
            if (a0 != a1 && Door.HingeXMillimeters < radiusMillimeters)
            {
                return true;
            }
        }

        return false;
    }

    private int[] ActiveAt(double timeMs)
    {
        int b = (int)(timeMs / BucketMs);
        return b >= 0 && b < _buckets.Length ? _buckets[b] : [];
    }

    private double[] DoorTrack(DoorLeaf door)
    {
        int steps = (int)(DurationMs / 10) + 1;
        var track = new double[steps];
        double angle = 0, lastDemand = double.NegativeInfinity;
        double rate = Math.PI / 2 / door.SwingMs * 10;
        for (int i = 0; i < steps; i++)
        {
            double t = i * 10.0;
            foreach (int index in ActiveAt(t))
            {
                if (_persons[index].TryGetState(t, out double x, out _, out int facing, out _)
                    && GapToLine(_persons[index].Body, x, facing, door.HingeXMillimeters) < door.TriggerDistanceMillimeters)
                {
                    lastDemand = t;
                    break;
                }
            }

            bool open = t - lastDemand <= door.HoldOpenMs;
            angle = Math.Clamp(angle + (open ? rate : -rate), 0, Math.PI / 2);
            track[i] = angle;
        }

        return track;
    }

    // How far the nearest part of a body (a stroller's front, a wheelchair's footrest) is from a line across the walking
    // axis: a door's motion sensor reacts to whatever comes first, not to the head of the person pushing it.
    private static double GapToLine(Population.Body body, double x, int facing, double lineX)
    {
        double front = x + facing * body.FrontMillimeters, back = x - facing * body.BackMillimeters;
        double near = Math.Min(front, back), far = Math.Max(front, back);
        return lineX < near ? near - lineX : lineX > far ? lineX - far : 0;
    }
}
