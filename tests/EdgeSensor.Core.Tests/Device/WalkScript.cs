using EdgeSensor.Core.Device;

namespace EdgeSensor.Core.Tests.Device;

/// <summary>
/// A scripted doorway for the device pipeline: ToF samples alternating between the two zones every 33 ms over
/// a 2400 mm floor, and people walking through at fixed times. A person occupies the first zone for 600 ms,
/// the second from 300 ms later, with a head-shaped profile (nearest 700 mm at mid-passage) so the door
/// discriminator does not mistake them for a flat leaf. Computes every sample on the fly: allocates nothing.
/// </summary>
internal sealed class WalkScript
{
    public const int SampleIntervalMs = 33;
    private const int FloorMm = 2400;
    private const int PassMs = 600;
    private const int LagMs = 300;

    private readonly long[] _startsMs;
    private readonly bool[] _entering;
    private long _nextSampleMs;
    private int _nextZone;

    /// <summary>People walk through at <paramref name="startsMs"/>; <paramref name="entering"/> says which way.</summary>
    public WalkScript(long[] startsMs, bool[] entering)
    {
        _startsMs = startsMs;
        _entering = entering;
    }

    /// <summary>Every entry (true) or exit (false) at a fixed period, starting after the boot calibration.</summary>
    public static WalkScript Every(long periodMs, int count, long firstMs = 5000)
    {
        var starts = new long[count];
        var entering = new bool[count];
        for (int i = 0; i < count; i++)
        {
            starts[i] = firstMs + (i * periodMs);
            entering[i] = i % 3 != 2; // two in, one out
        }

        return new WalkScript(starts, entering);
    }

    public int Entries => Count(true);

    public int Exits => Count(false);

    /// <summary>Feeds samples and ticks the node every 50 ms up to <paramref name="untilMs"/>; unix = start + ms / 1000.</summary>
    public void Run(SensorNode node, long fromMs, long untilMs, uint startUnixSeconds)
    {
        for (long t = fromMs; t < untilMs; t += 50)
        {
            Feed(node, t);
            node.Tick(t, startUnixSeconds + (uint)(t / 1000));
        }
    }

    /// <summary>Feeds the samples due up to <paramref name="t"/> (for callers that tick the node themselves).</summary>
    public void Feed(SensorNode node, long t)
    {
        while (_nextSampleMs <= t)
        {
            node.OnTofSample(_nextSampleMs, _nextZone, DistanceAt(_nextZone, _nextSampleMs), 0);
            _nextZone ^= 1;
            _nextSampleMs += SampleIntervalMs;
        }
    }

    private int DistanceAt(int zone, long t)
    {
        int floor = FloorMm - (int)((t / SampleIntervalMs) % 5) * 4;
        for (int i = 0; i < _startsMs.Length; i++)
        {
            // An entry walks zone 0 -> zone 1 (zone 1 is inside); an exit the other way.
            int firstZone = _entering[i] ? 0 : 1;
            long enter = _startsMs[i] + (zone == firstZone ? 0 : LagMs);
            if (t >= enter && t < enter + PassMs)
            {
                long fromMiddle = t - enter - (PassMs / 2);
                if (fromMiddle < 0)
                {
                    fromMiddle = -fromMiddle;
                }

                return 700 + (zone * 20) + (int)(fromMiddle * 900 / (PassMs / 2));
            }
        }

        return floor;
    }

    private int Count(bool entering)
    {
        int n = 0;
        foreach (bool e in _entering)
        {
            n += e == entering ? 1 : 0;
        }

        return n;
    }
}
