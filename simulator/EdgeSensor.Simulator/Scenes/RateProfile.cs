namespace EdgeSensor.Simulator.Scenes;

/// <summary>
/// A time-varying arrival rate (people per minute), piecewise linear between points (seconds, rate); constant
/// before the first and after the last point. Arrivals are drawn from it as a non-homogeneous Poisson process.
/// </summary>
public sealed class RateProfile
{
    private readonly (double Seconds, double PerMinute)[] _points;

    public RateProfile(params (double Seconds, double PerMinute)[] points)
    {
        if (points.Length == 0 || points.Any(p => p.PerMinute < 0))
        {
            throw new ArgumentException("A rate profile needs at least one point and no negative rate.", nameof(points));
        }

        _points = [.. points.OrderBy(p => p.Seconds)];
    }

    /// <summary>A quiet period: about 2 people a minute.</summary>
    public static RateProfile Quiet => new((0, 2));

    /// <summary>Steady footfall: about 8 people a minute.</summary>
    public static RateProfile Steady => new((0, 8));

    public double MaxPerMinute => _points.Max(p => p.PerMinute);

    public double PerMinuteAt(double seconds)
    {
        if (seconds <= _points[0].Seconds)
        {
            return _points[0].PerMinute;
        }

        for (int i = 1; i < _points.Length; i++)
        {
            if (seconds <= _points[i].Seconds)
            {
                var a = _points[i - 1];
                var b = _points[i];
                double f = (seconds - a.Seconds) / (b.Seconds - a.Seconds);
                return a.PerMinute + f * (b.PerMinute - a.PerMinute);
            }
        }

        return _points[^1].PerMinute;
    }

    public override string ToString() => string.Join(" ", _points.Select(p => $"{p.Seconds:0}s:{p.PerMinute:0.#}/min"));
}
