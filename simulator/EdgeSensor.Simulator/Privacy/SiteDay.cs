namespace EdgeSensor.Simulator.Privacy;

/// <summary>One line crossing: seconds since the day start, +1 entry or −1 exit.</summary>
public readonly record struct Crossing(double TimeSeconds, int Delta);

/// <summary>An interval in which someone moves under the sensor: the PIR sees it and the ToF reads some invalid samples.</summary>
public readonly record struct Motion(double StartSeconds, double EndSeconds);

/// <summary>
/// What happens at one doorway in one day, at counts level: the crossings the engine counts (taken as counted
/// exactly, so only the disclosure control's error is measured) and the motion under the sensor.
/// </summary>
public sealed class SiteDay
{
    /// <summary>Seconds in a day.</summary>
    public const double Length = 86400;

    public SiteDay(IEnumerable<Crossing> crossings, IEnumerable<Motion> motion)
    {
        Crossings = [.. crossings.Where(c => c.TimeSeconds is >= 0 and < Length).OrderBy(c => c.TimeSeconds)];
        Motion = [.. motion.OrderBy(m => m.StartSeconds)];
    }

    public IReadOnlyList<Crossing> Crossings { get; }

    public IReadOnlyList<Motion> Motion { get; }

    /// <summary>A day built from visits (entry time, exit time): each visitor walks under the sensor at both crossings.</summary>
    public static SiteDay FromVisits(IEnumerable<(double In, double Out)> visits, IEnumerable<Motion>? extraMotion = null)
    {
        var crossings = new List<Crossing>();
        var motion = new List<Motion>(extraMotion ?? []);
        foreach ((double enter, double leave) in visits)
        {
            crossings.Add(new Crossing(enter, +1));
            motion.Add(new Motion(enter - 1.5, enter + 1.5));
            if (leave < Length)
            {
                crossings.Add(new Crossing(leave, -1));
                motion.Add(new Motion(leave - 1.5, leave + 1.5));
            }
        }

        return new SiteDay(crossings, motion);
    }
}
