using BenchmarkDotNet.Attributes;
using EdgeSensor.Core.Bytes;

namespace EdgeSensor.Benchmarks;

/// <summary>The core's byte-order helper, the building block of the codec and the crypto.</summary>
[MemoryDiagnoser]
public class LittleEndianBenchmarks
{
    private readonly byte[] _buffer = new byte[64];

    [Benchmark]
    public ulong WriteReadUInt64()
    {
        ulong sum = 0;
        for (int i = 0; i < 56; i += 8)
        {
            LittleEndian.WriteUInt64(_buffer, i, (ulong)i * 0x0101010101010101UL);
            sum += LittleEndian.ReadUInt64(_buffer, i);
        }
        return sum;
    }
}
