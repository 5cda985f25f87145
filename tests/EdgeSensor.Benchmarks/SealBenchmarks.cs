using BenchmarkDotNet.Attributes;
using EdgeSensor.Core.Keys;
using EdgeSensor.Core.Reports;
using EdgeSensor.Core.Sealing;
using EdgeSensor.Core.Storage;

namespace EdgeSensor.Benchmarks;

/// <summary>
/// The firmware core's sealing on .NET 10 (encode + portable ChaCha20-Poly1305 + sequence reservation with
/// an in-memory store): what the simulator pays per virtual report; the ESP32 interpreter is far slower.
/// </summary>
[MemoryDiagnoser]
public class SealBenchmarks
{
    private const uint Day = 20782;
    private readonly byte[] _output = new byte[ReportSealer.SealedLength];
    private readonly WindowReport _report = new()
    {
        WindowStartUnixSeconds = Day * 86400,
        WindowLengthSeconds = 60,
        Entries = 12,
        Exits = 9,
        CalibrationState = CalibrationState.Calibrated,
    };

    private ReportSealer _sealer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var store = new InMemoryNonVolatileStore(4, 64);
        var ratchet = new EpochKeyRatchet(store, 0, 1);
        ratchet.TryProvision(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), 0, Day);
        _sealer = new ReportSealer(1, ratchet, new SequenceReservation(store, 2, 3, SequenceReservation.DefaultBlockSize))
        {
            MaxReportsPerEpoch = uint.MaxValue,
        };
    }

    [Benchmark]
    public int Seal() => _sealer.Seal(_report, _output, 0);
}
