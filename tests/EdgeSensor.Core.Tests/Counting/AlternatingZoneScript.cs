namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// A scripted two-zone scene read the way the sensor reads it: zone 1, then zone 0, one reading every half period. Each
/// scripted reading is a depth nearer than the floor the zone holds (its boot estimate is off the true floor by a little
/// noise, so a dip is as deep against it as the script says); the empty floor, and any reading before the zone has
/// calibrated, is the true floor with Gaussian noise. Subclasses say what the readings are fed to.
/// </summary>
internal abstract class AlternatingZoneScript(int floorMm, int sigmaMm, int halfPeriodMs, int seed)
{
    /// <summary>A depth that stands for a reading the sensor reports invalid (a low return signal).</summary>
    public const int Invalid = -1;

    private readonly Random _rng = new(seed);

    public long Now { get; private set; }

    /// <summary>The empty floor, with its noise, for about <paramref name="ms"/>.</summary>
    public void Floor(int ms)
    {
        Both(ms / (2 * halfPeriodMs), 0, 0, noisy: true);
    }

    /// <summary>Readings of zone 1 then zone 0 in turn: zone 1 <paramref name="depth1"/> mm nearer than its floor, zone 0 <paramref name="depth0"/> mm (or <see cref="Invalid"/>).</summary>
    public void Both(int samples, int depth1, int depth0, bool noisy = false)
    {
        for (int i = 0; i < samples; i++)
        {
            Next(1, depth1, noisy);
            Next(0, depth0, noisy);
            AfterCycle(Now);
        }
    }

    /// <summary>
    /// A body walking over the line from zone 0 into zone 1: 6 read cycles in zone 0 alone, 3 in both as it reaches the line,
    /// then 6 in zone 1 alone, <paramref name="depth0"/> mm nearer than the floor in zone 0 and <paramref name="depth1"/> mm in zone 1.
    /// </summary>
    public void WalkIn(int depth0, int depth1)
    {
        Both(6, 0, depth0);
        Both(3, depth1, depth0);
        Both(6, depth1, 0);
    }

    /// <summary>
    /// Plays recorded read cycles, one row each: the depth zone 1 then zone 0 read nearer than their floors (or
    /// <see cref="Invalid"/>), as a trace's readings give them.
    /// </summary>
    public void Play(int[,] cycles)
    {
        for (int i = 0; i < cycles.GetLength(0); i++)
        {
            Both(1, cycles[i, 0], cycles[i, 1]);
        }
    }

    /// <summary>
    /// Plays two zones' depths, one per read cycle, side by side: cycle i reads <paramref name="zone1"/>[i] in zone 1 and
    /// <paramref name="zone0"/>[i] in zone 0, the floor once a list has ended.
    /// </summary>
    public void Play(List<int> zone0, List<int> zone1)
    {
        int cycles = Math.Max(zone0.Count, zone1.Count);
        for (int i = 0; i < cycles; i++)
        {
            Both(1, i < zone1.Count ? zone1[i] : 0, i < zone0.Count ? zone0[i] : 0);
        }
    }

    /// <summary>The floor <paramref name="zone"/> holds now, or 0 before it has calibrated.</summary>
    protected abstract int HeldFloor(int zone);

    /// <summary>One valid reading of <paramref name="zone"/>.</summary>
    protected abstract void Feed(int zone, long timeMs, int reading);

    /// <summary>One reading of <paramref name="zone"/> the sensor reports invalid.</summary>
    protected virtual void FeedInvalid(int zone, long timeMs)
    {
        throw new NotSupportedException("this script feeds no invalid readings");
    }

    /// <summary>After each pair of readings.</summary>
    protected virtual void AfterCycle(long timeMs)
    {
    }

    private void Next(int zone, int depth, bool noisy)
    {
        Now += halfPeriodMs;
        if (depth == Invalid)
        {
            FeedInvalid(zone, Now);
            return;
        }

        int held = HeldFloor(zone);
        int floor = noisy || held == 0 ? floorMm + (int)(sigmaMm * StandardNormal.Next(_rng)) : held;
        Feed(zone, Now, floor - depth);
    }
}
