using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using EdgeSensor.Core.Keys;
using EdgeSensor.Core.Reports;
using EdgeSensor.Core.Sealing;
using EdgeSensor.Core.Storage;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Opening;

namespace EdgeSensor.Benchmarks;

/// <summary>
/// SDK opening on one thread: header parse + key lookup + ChaCha20-Poly1305 verify/decrypt + replay check +
/// decode into an AggregateReport. Every invocation opens <see cref="Reports"/> distinct, fresh reports
/// (sealed once by the firmware core) with a fresh opener whose epoch key is already cached, so the figure
/// is the steady state of a consumer: reports/s = 1 / mean.
/// </summary>
[MemoryDiagnoser]
public class OpenBenchmarks
{
    private const int Reports = 20_000;
    private const ulong DeviceId = 0x0123456789abcdef;
    private const uint Day = 20782;

    private readonly byte[] _root = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    private byte[][] _payloads = [];
    private byte[] _warmUp = [];
    private byte[] _forged = [];
    private byte[] _farEpoch = [];
    private KeyStore _store = null!;
    private ReportOpener _opener = null!;
    private ReportOpener _forgeryOpener = null!;

    [GlobalSetup]
    public void Setup()
    {
        var nv = new InMemoryNonVolatileStore(4, 64);
        var ratchet = new EpochKeyRatchet(nv, 0, 1);
        ratchet.TryProvision(_root, 0, Day);
        var sealer = new ReportSealer(DeviceId, ratchet, new SequenceReservation(nv, 2, 3, 1024)) { MaxReportsPerEpoch = uint.MaxValue };
        var report = new WindowReport
        {
            WindowStartUnixSeconds = Day * 86400,
            WindowLengthSeconds = 60,
            Entries = 12,
            Exits = 9,
            PirActivityPermille = 300,
            CalibrationState = CalibrationState.Calibrated,
            FirmwareVersion = 0x000100,
        };

        _warmUp = SealOne(sealer, report);
        _payloads = new byte[Reports][];
        for (int i = 0; i < Reports; i++)
        {
            _payloads[i] = SealOne(sealer, report);
        }

        _forged = (byte[])_payloads[0].Clone();
        _forged[^1] ^= 1;

        // A report 3660 epochs ahead (the default MaxEpochStep): the worst key walk an unauthenticated header can cause.
        var farStore = new InMemoryNonVolatileStore(4, 64);
        var farRatchet = new EpochKeyRatchet(farStore, 0, 1);
        farRatchet.TryProvision(_root, 0, Day);
        for (int e = 0; e < ReportOpenerOptions.DefaultMaxEpochStep; e++)
        {
            farRatchet.TryAdvance(Day);
        }

        _farEpoch = SealOne(new ReportSealer(DeviceId, farRatchet, new SequenceReservation(farStore, 2, 3, 16)), report);
        _store = new KeyStore(new DeviceRecord(DeviceId, "bench", _root, DeviceStatus.Active));
        _forgeryOpener = new ReportOpener(_store);
        _forgeryOpener.Open(_warmUp);
    }

    [IterationSetup(Target = nameof(OpenVerifyReplayCheckDecode))]
    public void FreshOpener()
    {
        _opener?.Dispose();
        _opener = new ReportOpener(_store);
        _opener.Open(_warmUp);
    }

    [Benchmark(OperationsPerInvoke = Reports)]
    public int OpenVerifyReplayCheckDecode()
    {
        int accepted = 0;
        foreach (byte[] payload in _payloads)
        {
            if (_opener.Open(payload).Success)
            {
                accepted++;
            }
        }

        if (accepted != Reports)
        {
            throw new InvalidOperationException($"only {accepted} accepted");
        }

        return accepted;
    }

    /// <summary>Cost of a forged report for a known device (the AEAD runs, then fails; no state changes).</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public int RejectForgedTag()
    {
        int rejected = 0;
        for (int i = 0; i < 1000; i++)
        {
            if (_forgeryOpener.Open(_forged).Reason == RejectionReason.AuthenticationFailed)
            {
                rejected++;
            }
        }

        return rejected;
    }

    /// <summary>First contact with a device 3660 epochs in: a new opener walks the whole chain once.</summary>
    [Benchmark]
    public bool FirstContactAtMaxEpochStep()
    {
        using var opener = new ReportOpener(_store);
        return opener.Open(_farEpoch).Success;
    }

    private static byte[] SealOne(ReportSealer sealer, WindowReport report)
    {
        byte[] output = new byte[ReportSealer.SealedLength];
        if (sealer.Seal(report, output, 0) != ReportSealer.SealedLength)
        {
            throw new InvalidOperationException(sealer.LastStatus.ToString());
        }

        return output;
    }

    private sealed class KeyStore(DeviceRecord device) : IDeviceKeyStore
    {
        public bool TryGetDevice(ulong deviceId, [NotNullWhen(true)] out DeviceRecord? record)
        {
            record = deviceId == device.DeviceId ? device : null;
            return record is not null;
        }
    }
}
