using System.Buffers.Binary;
using System.Security.Cryptography;
using EdgeSensor.Core.Aggregation;
using EdgeSensor.Core.Counting;
using EdgeSensor.Core.Device;
using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Reports;
using EdgeSensor.Core.Storage;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Topics;
using EdgeSensor.Simulator.Replay;
using EdgeSensor.Simulator.Scenarios;
using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>
/// One simulated device: a scenario's people and sensor physics (a trace streamed as time advances) feeding the firmware's own
/// <see cref="SensorNode"/> on simulated time, as the ESP32 main loop would: readings as they fall due and a
/// tick every <see cref="TickMs"/>. Provisioned like a real device: a random root key the consumer's key store
/// keeps, and only the derived epoch key on the device's (in-memory) flash. With
/// <see cref="FleetOptions.SensorsThroughDrivers"/> the readings come instead through the firmware's VL53L1X driver
/// and a GPIO input from emulated sensors looking at the same scene (<see cref="DriverSensorFeed"/>).
/// </summary>
internal sealed class VirtualDevice : ITraceSink
{
    /// <summary>The firmware loop's period.</summary>
    public const int TickMs = 20;

    private readonly StreamedTrace _trace;
    private readonly TracePlayback _playback;
    private readonly uint _startUnixSeconds;
    private readonly DriverSensorFeed? _drivers;

    private VirtualDevice(DeviceRecord record, SensorNode node, StreamedTrace trace, uint startUnixSeconds, int windowSeconds, DriverSensorFeed? drivers)
    {
        WindowLog = new DeviceWindowLog(windowSeconds);
        _drivers = drivers;
        Record = record;
        Node = node;
        Topic = ReportTopics.ForDevice(record.Site, record.DeviceId);
        _trace = trace;
        _playback = new TracePlayback(trace, TickMs);
        _startUnixSeconds = startUnixSeconds;
    }

    /// <summary>What the consumer's key store holds for this device (root key included).</summary>
    public DeviceRecord Record { get; }

    public SensorNode Node { get; }

    /// <summary>Each closed window's counts and truth, for the run's report.</summary>
    public DeviceWindowLog WindowLog { get; }

    public string Topic { get; }

    /// <summary>Ground-truth crossings so far (tallied, never shown to the device).</summary>
    public int TruthEntries => _playback.TruthEntries;

    public int TruthExits => _playback.TruthExits;

    /// <summary>Builds the device's crowd and sensors for <paramref name="minutes"/> and provisions it.</summary>
    public static VirtualDevice Create(ulong deviceId, ulong seed, ScenarioDefinition scenario, FleetOptions options, uint startUnixSeconds)
    {
        var definition = scenario with { DurationSeconds = options.Minutes * 60 };
        StreamedTrace trace = ScenarioRunner.Stream(definition, seed);

        // A provisioned identity (run --keystore) brings its root key; otherwise a random one only this run knows.
        DeviceRecord? provisioned = options.Identities?.FirstOrDefault(d => d.DeviceId == deviceId);
        byte[] rootKey = provisioned is null ? RandomNumberGenerator.GetBytes(DeviceRecord.RootKeySizeBytes) : provisioned.RootKey.ToArray();
        var store = new InMemoryNonVolatileStore(DeviceStorage.SlotCount, DeviceStorage.MaxRecordLength);
        if (!DeviceStorage.TryProvision(store, rootKey, 0, startUnixSeconds / AggregatorSettings.SecondsPerDay))
        {
            throw new InvalidOperationException("provisioning the in-memory store failed");
        }

        var record = provisioned ?? new DeviceRecord(deviceId, options.Site, rootKey, DeviceStatus.Active);
        var settings = new DeviceSettings
        {
            DeviceId = deviceId,
            Counter = TraceReplayer.SettingsFor(trace.Metadata),
            Aggregator = new AggregatorSettings { WindowLengthSeconds = options.WindowSeconds },
            Disclosure = new DisclosureSettings
            {
                // The device's differential privacy is person-level (mode 3): ε per person per budget period.
                Mode = options.IsDifferentialPrivacy ? DisclosureMode.PersonDifferentialPrivacy : options.Disclosure,
                SuppressionThreshold = options.SuppressionThreshold,
                EpsilonMilli = options.EpsilonMilli,
                ContributionBound = options.CrossingsPerPerson,
            },
        };
        var node = new SensorNode(settings, store, options.IsDifferentialPrivacy ? NewNoiseSource(deviceId) : null);
        DriverSensorFeed? drivers = options.SensorsThroughDrivers
            ? new DriverSensorFeed(SceneBuilder.Build(definition, seed), definition, seed, trace.PirRows())
            : null;
        return new VirtualDevice(record, node, trace, startUnixSeconds, options.WindowSeconds, drivers);
    }

    /// <summary>A random 64-bit device id, never 0.</summary>
    public static ulong NewDeviceId()
    {
        ulong id;
        do
        {
            id = BinaryPrimitives.ReadUInt64LittleEndian(RandomNumberGenerator.GetBytes(8));
        }
        while (id == 0);
        return id;
    }

    /// <summary>Runs the firmware loop up to and including simulated time <paramref name="untilMs"/>.</summary>
    public void AdvanceTo(long untilMs)
    {
        _trace.FillThrough(untilMs, _playback.NextTickMs - TickMs);
        _playback.AdvanceTo(untilMs, this);
    }

    // With emulated sensors the readings come through the drivers instead of the trace's rows.
    void ITraceSink.OnTof(in TraceRecord row)
    {
        if (_drivers is null)
        {
            Node.OnTofSample(row.TimeMs, row.Channel, row.Value, row.Status);
        }
    }

    void ITraceSink.OnPir(in TraceRecord row)
    {
        if (_drivers is null)
        {
            Node.OnPirSample(row.TimeMs, row.Channel, row.Value);
        }
    }

    void ITraceSink.OnTick(long timeMs)
    {
        _drivers?.RunUntil(timeMs, Node);
        Node.Tick(timeMs, _startUnixSeconds + (uint)(timeMs / 1000));
        WindowLog.AfterTick(timeMs, this);
    }

    // As on the device: a DRBG seeded from the platform's entropy source (the ESP32's hardware RNG there).
    private static DrbgRandomSource NewNoiseSource(ulong deviceId)
    {
        byte[] entropy = RandomNumberGenerator.GetBytes(32);
        byte[] nonce = new byte[DrbgRandomSource.DeviceNonceLength];
        DrbgRandomSource.WriteDeviceNonce(nonce, 0, deviceId, 0, Environment.TickCount64);
        var source = new DrbgRandomSource(entropy, 0, 32, nonce, 0, nonce.Length);
        CryptographicOperations.ZeroMemory(entropy);
        return source;
    }
}
