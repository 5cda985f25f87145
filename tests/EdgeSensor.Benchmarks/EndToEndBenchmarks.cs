using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using EdgeSensor.Core.Keys;
using EdgeSensor.Core.Reports;
using EdgeSensor.Core.Sealing;
using EdgeSensor.Core.Storage;
using EdgeSensor.Integration.Tests.Support;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.KeyStore;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Sinks;
using MQTTnet;
using MQTTnet.Protocol;
using EdgeSensor.Sdk.Topics;

namespace EdgeSensor.Benchmarks;

/// <summary>
/// End to end through a real Mosquitto (Debian package) on loopback: devices' reports, sealed beforehand by
/// the firmware's core sealer, are published with QoS 1 by <see cref="Publishers"/> concurrent clients and
/// received either by a bare MQTTnet client that only counts them (<see cref="RawMqttnetReceive"/>, the
/// ceiling) or by the SDK, which opens, verifies and stores each one in SQLite (<see cref="SdkOpenVerifyStore"/>).
/// One operation is one report, so 1 / mean is the rate in reports per second. docs/performance.md.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class EndToEndBenchmarks
{
    /// <summary>Reports per measured iteration.</summary>
    public const int ReportsPerIteration = 20_000;

    /// <summary>Devices, each publishing from its own MQTT connection.</summary>
    public const int Publishers = 4;

    private const string Site = "bench";
    private const uint FirstWindow = 1_700_000_040;
    private readonly List<IMqttClient> _publishers = [];
    private readonly List<(DeviceRecord Record, ReportSealer Sealer)> _devices = [];
    private readonly WindowReport _report = new();
    private string _directory = string.Empty;
    private Process? _broker;
    private int _port;
    private FileDeviceKeyStore? _keys;
    private List<(int Publisher, string Topic, byte[] Payload)> _batch = [];
    private uint _windowIndex;
    private IMqttClient? _raw;
    private long _rawReceived;
    private EdgeSensorClient? _client;
    private SqliteReportSink? _sink;
    private ReportPump? _pump;
    private Task? _pumpTask;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "edgesensor-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_directory);
        _port = StartMosquitto();
        _keys = FileDeviceKeyStore.Create(Path.Combine(_directory, "keys.json"), KeyStoreSecret.FromKey(new byte[32]));
        for (int i = 0; i < Publishers; i++)
        {
            var record = _keys.Provision(Site);
            var flash = new InMemoryNonVolatileStore(4, 64);
            var ratchet = new EpochKeyRatchet(flash, 0, 1);
            ratchet.TryProvision(record.RootKey.ToArray(), 0, FirstWindow / 86400);
            var sealer = new ReportSealer(record.DeviceId, ratchet, new SequenceReservation(flash, 2, 3, 4096)) { MaxReportsPerEpoch = uint.MaxValue };
            _devices.Add((record, sealer));
            _publishers.Add(Connect("pub-" + i).GetAwaiter().GetResult());
        }

        _raw = Connect("raw-counter").GetAwaiter().GetResult();
        _raw.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Increment(ref _rawReceived);
            return Task.CompletedTask;
        };
        _raw.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("edgesensor/raw/+/report", MqttQualityOfServiceLevel.AtLeastOnce).Build()).GetAwaiter().GetResult();

        var options = new EdgeSensorClientOptions { Host = "127.0.0.1", Port = _port, BufferCapacity = 8192 };
        options.Sites.Add(Site);
        _client = new EdgeSensorClient(options, _keys);
        _client.StartAsync().GetAwaiter().GetResult();
        _sink = SqliteReportSink.Open(Path.Combine(_directory, "reports.db"));
        _pump = new ReportPump([_sink]);
        _pumpTask = _pump.RunAsync(_client.Reports, CancellationToken.None);
    }

    [IterationSetup(Target = nameof(RawMqttnetReceive))]
    public void PrepareRaw() => _batch = Seal(rawTopics: true);

    [IterationSetup(Target = nameof(SdkOpenVerifyStore))]
    public void PrepareSdk() => _batch = Seal(rawTopics: false);

    /// <summary>Ceiling: a bare MQTTnet subscriber counting the same reports from the same broker.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = ReportsPerIteration)]
    public async Task RawMqttnetReceive()
    {
        long target = Interlocked.Read(ref _rawReceived) + ReportsPerIteration;
        await PublishBatchAsync();
        await WaitUntil(() => Interlocked.Read(ref _rawReceived) >= target);
    }

    /// <summary>The SDK: receive, open + verify (ChaCha20-Poly1305, replay window), store idempotently in SQLite.</summary>
    [Benchmark(OperationsPerInvoke = ReportsPerIteration)]
    public async Task SdkOpenVerifyStore()
    {
        long target = _pump!.StoredCount + ReportsPerIteration;
        await PublishBatchAsync();
        await WaitUntil(() => _pump.StoredCount >= target);
        if (_client!.RejectedCount != 0)
        {
            throw new InvalidOperationException($"{_client.RejectedCount} reports were rejected");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client?.StopAsync().GetAwaiter().GetResult();
        _pumpTask?.Wait(TimeSpan.FromSeconds(10));
        _client?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _sink?.Dispose();
        foreach (var publisher in _publishers)
        {
            publisher.Dispose();
        }

        _raw?.Dispose();
        _keys?.Dispose();
        if (_broker is { HasExited: false })
        {
            _broker.Kill(entireProcessTree: true);
            _broker.WaitForExit();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private List<(int, string, byte[])> Seal(bool rawTopics)
    {
        var batch = new List<(int, string, byte[])>(ReportsPerIteration);
        for (int n = 0; n < ReportsPerIteration / Publishers; n++)
        {
            uint window = FirstWindow + (_windowIndex++ * 10);
            for (int d = 0; d < _devices.Count; d++)
            {
                var (record, sealer) = _devices[d];
                _report.Clear();
                _report.WindowStartUnixSeconds = window;
                _report.WindowLengthSeconds = 10;
                _report.Entries = (ushort)(n % 7);
                _report.Exits = (ushort)(n % 5);
                _report.CalibrationState = CalibrationState.Calibrated;
                byte[] payload = new byte[ReportSealer.SealedLength];
                if (sealer.Seal(_report, payload, 0) != ReportSealer.SealedLength)
                {
                    throw new InvalidOperationException("seal failed: " + sealer.LastStatus);
                }

                string topic = rawTopics ? $"edgesensor/raw/{record.DeviceIdText}/report" : ReportTopics.ForDevice(Site, record.DeviceId);
                batch.Add((d, topic, payload));
            }
        }

        return batch;
    }

    private async Task PublishBatchAsync()
    {
        // Each device publishes its own reports in order, with up to 256 QoS 1 publishes in flight.
        await Task.WhenAll(Enumerable.Range(0, Publishers).Select(async p =>
        {
            var client = _publishers[p];
            var inFlight = new List<Task>(256);
            foreach (var (publisher, topic, payload) in _batch)
            {
                if (publisher != p)
                {
                    continue;
                }

                inFlight.Add(client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build()));
                if (inFlight.Count == 256)
                {
                    await Task.WhenAll(inFlight);
                    inFlight.Clear();
                }
            }

            await Task.WhenAll(inFlight);
        }));
    }

    private static async Task WaitUntil(Func<bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (!done())
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException("reports did not arrive");
            }

            await Task.Delay(1);
        }
    }

    private async Task<IMqttClient> Connect(string clientId)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).WithClientId(clientId + "-" + Guid.NewGuid().ToString("N")[..6]).Build());
        return client;
    }

    private int StartMosquitto()
    {
        string executable = File.Exists("/usr/sbin/mosquitto") ? "/usr/sbin/mosquitto" : throw new InvalidOperationException("Install the Debian package 'mosquitto' to run this benchmark.");
        int port = FreePort.Next(); // a benchmark run is not retried: a taken port fails it with a clear message
        string config = Path.Combine(_directory, "mosquitto.conf");
        File.WriteAllText(config, $"per_listener_settings false\nallow_anonymous true\nmax_queued_messages 0\nmax_inflight_messages 0\nlog_dest none\nuser {Environment.UserName}\nlistener {port} 127.0.0.1\n");
        _broker = Process.Start(new ProcessStartInfo(executable, ["-c", config]) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("could not start mosquitto");
        var started = Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromSeconds(10))
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return port;
            }
            catch (SocketException)
            {
                Thread.Sleep(20);
            }
        }

        throw new InvalidOperationException("mosquitto did not start");
    }
}
