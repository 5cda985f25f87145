namespace EdgeSensor.Core.Tests.Counting;

/// <summary>One ToF reading as a device would deliver it.</summary>
internal readonly record struct TofSample(long TimeMs, int Zone, int DistanceMillimeters, int RangeStatus);

/// <summary>
/// A vertical elliptic prism from the floor to <see cref="TopMillimeters"/>, placed relative to its owner's centre:
/// <see cref="AheadMillimeters"/> along the walking direction, <see cref="AcrossMillimeters"/> sideways.
/// </summary>
internal readonly record struct Part(double AheadMillimeters, double AcrossMillimeters, double HalfLength, double HalfWidth, double TopMillimeters);

/// <summary>Something that moves through the scene along x on a piecewise-linear path (x grows towards zone 1).</summary>
internal sealed class Actor
{
    private readonly List<double> _times = new();
    private readonly List<double> _xs = new();

    public Actor(Part[] parts, double lateralMillimeters = 0)
    {
        Parts = parts;
        Lateral = lateralMillimeters;
    }

    public Part[] Parts { get; }

    public double Lateral { get; }

    /// <summary>Starts the path at <paramref name="x"/> (mm) at <paramref name="timeMs"/>.</summary>
    public Actor At(double timeMs, double x)
    {
        _times.Add(timeMs);
        _xs.Add(x);
        return this;
    }

    /// <summary>Moves in a straight line to <paramref name="x"/> at <paramref name="speed"/> (m/s = mm/ms).</summary>
    public Actor MoveTo(double x, double speed)
    {
        double t = _times[^1] + Math.Abs(x - _xs[^1]) / speed;
        return At(t, x);
    }

    /// <summary>Stands still for <paramref name="ms"/>.</summary>
    public Actor Wait(double ms) => At(_times[^1] + ms, _xs[^1]);

    public double EndMs => _times[^1];

    /// <summary>Position and facing (+1/-1) at a time; false before the first or after the last waypoint.</summary>
    public bool TryGet(double timeMs, out double x, out int facing)
    {
        x = 0;
        facing = 1;
        if (_times.Count == 0 || timeMs < _times[0] || timeMs > _times[^1])
        {
            return false;
        }

        for (int i = 0; i < _times.Count - 1; i++)
        {
            if (timeMs <= _times[i + 1])
            {
                double span = _times[i + 1] - _times[i];
                double f = span <= 0 ? 1 : (timeMs - _times[i]) / span;
                x = _xs[i] + f * (_xs[i + 1] - _xs[i]);
                facing = FacingAt(i);
                return true;
            }
        }

        x = _xs[^1];
        facing = FacingAt(_times.Count - 2);
        return true;
    }

    private int FacingAt(int segment)
    {
        for (int i = segment; i >= 0; i--)
        {
            double dx = _xs[i + 1] - _xs[i];
            if (dx != 0)
            {
                return Math.Sign(dx);
            }
        }

        for (int i = segment + 1; i < _xs.Count - 1; i++)
        {
            double dx = _xs[i + 1] - _xs[i];
            if (dx != 0)
            {
                return Math.Sign(dx);
            }
        }

        return 1;
    }
}

/// <summary>A door leaf hinged at (HingeX, -Width/2); its opening angle over time is a list of (time, radians) keyframes.</summary>
internal sealed class DoorLeafScript
{
    public double HingeX { get; init; } = 700;

    public double Width { get; init; } = 900;

    public double Top { get; init; } = 2030;

    public List<(double TimeMs, double Angle)> Keys { get; } = new();

    public double AngleAt(double t)
    {
        if (Keys.Count == 0 || t <= Keys[0].TimeMs)
        {
            return Keys.Count == 0 ? 0 : Keys[0].Angle;
        }

        for (int i = 0; i < Keys.Count - 1; i++)
        {
            if (t <= Keys[i + 1].TimeMs)
            {
                double f = (t - Keys[i].TimeMs) / (Keys[i + 1].TimeMs - Keys[i].TimeMs);
                return Keys[i].Angle + f * (Keys[i + 1].Angle - Keys[i].Angle);
            }
        }

        return Keys[^1].Angle;
    }
}
