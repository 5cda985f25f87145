using BenchmarkDotNet.Attributes;
using EdgeSensor.Core.Counting;

namespace EdgeSensor.Benchmarks;

/// <summary>
/// The counting engine's cost per ToF sample (docs/performance.md, "Counting engine"). The stream is a busy
/// doorway: floor readings with noise, and every 3 s a person crossing (zone 0 then zone 1, head at ~650 mm),
/// every fourth with a tailgater, in alternating directions, plus a few invalid statuses.
/// </summary>
[MemoryDiagnoser]
public class CountingBenchmarks
{
    private const int Samples = 20_000;
    private readonly long[] _times = new long[Samples];
    private readonly int[] _zones = new int[Samples];
    private readonly int[] _distances = new int[Samples];
    private readonly int[] _statuses = new int[Samples];
    private PeopleCounter _counter = null!;
    private long _offset;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261125);
        for (int i = 0; i < Samples; i++)
        {
            long t = i * 35L;
            int zone = i % 2;
            _times[i] = t;
            _zones[i] = zone;
            _distances[i] = DistanceAt(t, zone) + random.Next(-15, 16);
            _statuses[i] = random.Next(100) < 3 ? 2 : 0;
        }

        _counter = new PeopleCounter(new CounterSettings());
        _offset = 0;
        Feed(); // calibrate and warm up
    }

    [Benchmark(OperationsPerInvoke = Samples)]
    public int AddTofSample()
    {
        Feed();
        return _counter.Entries;
    }

    private void Feed()
    {
        long offset = _offset;
        for (int i = 0; i < Samples; i++)
        {
            _counter.AddTofSample(offset + _times[i], _zones[i], _distances[i], _statuses[i]);
        }

        _offset = offset + Samples * 35L + 1000;
    }

    private static int DistanceAt(long t, int zone)
    {
        // A person every 3 s from 2 s on: zone 0 sees them 0..560 ms into the passage, zone 1 250..810 ms (reversed
        // for odd passages); a tailgater 500 ms behind on every fourth passage.
        if (t < 2000)
        {
            return 2400;
        }

        long k = (t - 2000) / 3000;
        long phase = (t - 2000) % 3000;
        int first = k % 2 == 0 ? 0 : 1;
        long into = zone == first ? phase : phase - 250;
        bool inside = (into >= 0 && into < 560) || (k % 4 == 0 && into >= 500 && into < 1060);
        return inside ? 650 + (int)(into % 500) / 3 : 2400;
    }
}
