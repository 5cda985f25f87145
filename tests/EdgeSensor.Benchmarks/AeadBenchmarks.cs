using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using EdgeSensor.Core.Crypto;
using Platform = System.Security.Cryptography;

namespace EdgeSensor.Benchmarks;

/// <summary>
/// Sealing one report (64-byte body, 24-byte associated data) with the core's portable
/// ChaCha20-Poly1305 against System.Security.Cryptography's (OpenSSL on Linux) on the same input.
/// Goals (issue 4): portable within 3x of the platform, 0 bytes allocated per seal.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class AeadBenchmarks
{
    private const int BodyLength = 64;
    private const int AadLength = 24;

    private readonly byte[] _key = new byte[32];
    private readonly byte[] _nonce = new byte[12];
    private readonly byte[] _aad = new byte[AadLength];
    private readonly byte[] _body = new byte[BodyLength];
    private readonly byte[] _sealed = new byte[BodyLength + 16];
    private readonly byte[] _opened = new byte[BodyLength];
    private readonly ChaCha20Poly1305Aead _portable = new();
    private Platform.ChaCha20Poly1305 _platform = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(64);
        random.NextBytes(_key);
        random.NextBytes(_nonce);
        random.NextBytes(_aad);
        random.NextBytes(_body);
        _platform = new Platform.ChaCha20Poly1305(_key);
        _portable.Seal(_key, 0, _nonce, 0, _aad, 0, AadLength, _body, 0, BodyLength, _sealed, 0);
    }

    [GlobalCleanup]
    public void Cleanup() => _platform.Dispose();

    [Benchmark(Baseline = true)]
    public void PlatformSeal() =>
        _platform.Encrypt(_nonce, _body, _sealed.AsSpan(0, BodyLength), _sealed.AsSpan(BodyLength, 16), _aad);

    [Benchmark]
    public void PortableSeal() =>
        _portable.Seal(_key, 0, _nonce, 0, _aad, 0, AadLength, _body, 0, BodyLength, _sealed, 0);

    [Benchmark]
    public void PlatformOpen() =>
        _platform.Decrypt(_nonce, _sealed.AsSpan(0, BodyLength), _sealed.AsSpan(BodyLength, 16), _opened, _aad);

    [Benchmark]
    public bool PortableOpen() =>
        _portable.TryOpen(_key, 0, _nonce, 0, _aad, 0, AadLength, _sealed, 0, BodyLength + 16, _opened, 0);
}
