using EdgeSensor.Simulator.Population;

namespace EdgeSensor.Simulator.Scenes;

/// <summary>
/// One person in the scene: a body moving along the travel axis x on a piecewise-linear path at a fixed
/// lateral position. x grows towards the inside; the crossing line is x = 0 (between the two zones).
/// </summary>
public sealed class Person
{
    private readonly double[] _timesMs;
    private readonly double[] _xs;
    private readonly sbyte[] _facing;

    /// <param name="truthClearanceMillimeters">How far past the line the head must get, on its last crossing, for the crossing
    /// to be complete: the truth time is when it gets there (0 = the moment it crosses the line).</param>
    public Person(int id, Body body, Behavior behavior, int direction, double lateralMillimeters, double swayMillimeters,
        double[] timesMs, double[] xs, double truthClearanceMillimeters = 0)
    {
        if (timesMs.Length != xs.Length || timesMs.Length < 2)
        {
            throw new ArgumentException("A path needs at least two waypoints of time and position.");
        }

        Id = id;
        Body = body;
        Behavior = behavior;
        Direction = direction;
        LateralMillimeters = lateralMillimeters;
        SwayMillimeters = swayMillimeters;
        _timesMs = timesMs;
        _xs = xs;
        _facing = new sbyte[xs.Length - 1];
        sbyte facing = (sbyte)direction;
        for (int i = 0; i < _facing.Length; i++)
        {
            double dx = xs[i + 1] - xs[i];
            if (dx != 0)
            {
                facing = (sbyte)Math.Sign(dx);
            }

            _facing[i] = facing;
        }

        // Ground truth: the net crossing of the line x = 0. It is complete when the head, after its last crossing of
        // the line, is the clearance past it (someone who stops just past the line has not finished crossing).
        int startSide = Math.Sign(xs[0]);
        int endSide = Math.Sign(xs[^1]);
        if (startSide != endSide && startSide != 0 && endSide != 0)
        {
            TruthDelta = endSide;
            double mark = Math.Min(truthClearanceMillimeters, Math.Abs(xs[^1]));
            for (int i = xs.Length - 2; i >= 0; i--)
            {
                if (endSide * xs[i] < mark)
                {
                    double target = endSide * mark;
                    double f = (target - xs[i]) / (xs[i + 1] - xs[i]);
                    TruthTimeMs = timesMs[i] + f * (timesMs[i + 1] - timesMs[i]);
                    break;
                }
            }
        }
    }

    public int Id { get; }

    public Body Body { get; }

    public PopulationGroup Group => Body.Group;

    public Behavior Behavior { get; }

    /// <summary>+1 walking in (towards the inside zone), -1 walking out.</summary>
    public int Direction { get; }

    public double LateralMillimeters { get; }

    /// <summary>Lateral drift per mm walked along x: people cross at a slight angle (y = lateral + slope · x).</summary>
    public double LateralSlope { get; init; }

    /// <summary>Lateral sway amplitude while standing still (loiterers shift their weight).</summary>
    public double SwayMillimeters { get; }

    public double StartMs => _timesMs[0];

    public double EndMs => _timesMs[^1];

    /// <summary>+1 = one entry, -1 = one exit, 0 = no net crossing (turn-back, loiterer who went back).</summary>
    public int TruthDelta { get; }

    /// <summary>When the crossing completed: the head, on its last crossing, reached the clearance past x = 0
    /// (meaningful when <see cref="TruthDelta"/> is not 0).</summary>
    public double TruthTimeMs { get; }

    public ReadOnlySpan<double> WaypointTimesMs => _timesMs;

    public ReadOnlySpan<double> WaypointXs => _xs;

    /// <summary>Position, facing (+1/-1) and speed (mm/ms) at <paramref name="timeMs"/>; false when not in the scene.</summary>
    public bool TryGetState(double timeMs, out double x, out double y, out int facing, out double speed)
    {
        x = y = speed = 0;
        facing = Direction;
        if (timeMs < _timesMs[0] || timeMs > _timesMs[^1])
        {
            return false;
        }

        int i = 0;
        while (i < _facing.Length - 1 && timeMs > _timesMs[i + 1])
        {
            i++;
        }

        double t0 = _timesMs[i], t1 = _timesMs[i + 1];
        double f = t1 > t0 ? (timeMs - t0) / (t1 - t0) : 1;
        x = _xs[i] + f * (_xs[i + 1] - _xs[i]);
        speed = t1 > t0 ? Math.Abs(_xs[i + 1] - _xs[i]) / (t1 - t0) : 0;
        facing = _facing[i];
        y = LateralMillimeters + LateralSlope * x;
        if (speed == 0 && SwayMillimeters > 0)
        {
            // A slow weight shift (period about 3 s) rather than a frozen statue.
            y += SwayMillimeters * Math.Sin((timeMs + Id * 977) * (2 * Math.PI / 3000));
            speed = SwayMillimeters * (2 * Math.PI / 3000);
        }

        return true;
    }
}
