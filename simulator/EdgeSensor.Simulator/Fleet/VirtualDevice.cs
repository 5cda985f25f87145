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
using EdgeSensor.Simulator.Faults;
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
    private readonly FaultSchedule _faults;
    private readonly Func<SensorNode> _boot;
    private BootFigures _earlierBoots;
    private bool _off;

    private VirtualDevice(DeviceRecord record, Func<SensorNode> boot, StreamedTrace trace, uint startUnixSeconds, int windowSeconds, DriverSensorFeed? drivers, FaultSchedule faults)
    {
        _faults = faults;
        _boot = boot;
        Node = boot();
        WindowLog = new DeviceWindowLog(windowSeconds);
        _drivers = drivers;
        Record = record;
        Topic = ReportTopics.ForDevice(record.Site, record.DeviceId);
        _trace = trace;
        _playback = new TracePlayback(trace, TickMs);
        _startUnixSeconds = startUnixSeconds;
    }

    /// <summary>What the consumer's key store holds for this device (root key included).</summary>
    public DeviceRecord Record { get; }

    /// <summary>The firmware as booted last (a reboot or power cut boots a new one from the same store).</summary>
    public SensorNode Node { get; private set; }

    /// <summary>Seal times of the reports on their way, in runs with faults (their delays are measured); else null.</summary>
    public ReportTimes? ReportTimes { get; private set; }

    /// <summary>True while a reboot or power cut keeps the device off.</summary>
    public bool IsOff => _off;

    /// <summary>Simulated time the device has run to.</summary>
    public long NowMs { get; private set; }

    /// <summary>Reports sealed, over every boot.</summary>
    public long ReportsSealed => _earlierBoots.Sealed + Node.ReportsSealed;

    /// <summary>Reports dropped from a full outbox or lost at a boot, over every boot.</summary>
    public long OutboxDrops => _earlierBoots.Dropped + Node.OutboxDrops + Node.ReportsLostAtBoot;

    /// <summary>Seal and state-save failures, over every boot.</summary>
    public long SealFailures => _earlierBoots.Failures + Node.SealFailures + Node.StateSaveFailures;

    /// <summary>The engine's entries and exits, over every boot.</summary>
    public int EngineEntries => _earlierBoots.Entries + Node.Counter.Entries;

    public int EngineExits => _earlierBoots.Exits + Node.Counter.Exits;

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
        // With reboots the outbox lives in flash too, as the ESP32 firmware keeps it (FirmwareBootSteps sets PersistOutbox).
        bool persistOutbox = options.Faults.RebootsDevices;
        var store = persistOutbox
            ? new InMemoryNonVolatileStore(DeviceStorage.SlotCountWithOutbox(DeviceSettings.DefaultOutboxCapacity), DeviceStorage.MaxRecordLengthWithOutbox)
            : new InMemoryNonVolatileStore(DeviceStorage.SlotCount, DeviceStorage.MaxRecordLength);
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
            PersistOutbox = persistOutbox,
        };
        DriverSensorFeed? drivers = options.SensorsThroughDrivers
            ? new DriverSensorFeed(SceneBuilder.Build(definition, seed), definition, seed, trace.PirRows())
            : null;

        // Every boot, the first included, builds the firmware from the same store and settings, as the device does.
        SensorNode Boot() => new(settings, store, options.IsDifferentialPrivacy ? NewNoiseSource(deviceId) : null);
        return new VirtualDevice(record, Boot, trace, startUnixSeconds, options.WindowSeconds, drivers, options.Faults);
    }

    /// <summary>Keeps the seal times of this device's reports so that their delays can be measured.</summary>
    public void TrackReportTimes(long delayedAboveMs) => ReportTimes = new ReportTimes(delayedAboveMs);

    /// <summary>The broker acknowledged the oldest report (called after <see cref="SensorNode.ConfirmPublished"/>).</summary>
    public void Confirmed() => ReportTimes?.Confirmed(NowMs);

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
        NowMs = untilMs;
    }

    // With emulated sensors the readings come through the drivers instead of the trace's rows.
    void ITraceSink.OnTof(in TraceRecord row)
    {
        if (_drivers is null && IsSensing(row.TimeMs))
        {
            Node.OnTofSample(row.TimeMs, row.Channel, row.Value, row.Status);
        }
    }

    void ITraceSink.OnPir(in TraceRecord row)
    {
        if (_drivers is null && IsSensing(row.TimeMs))
        {
            Node.OnPirSample(row.TimeMs, row.Channel, row.Value);
        }
    }

    void ITraceSink.OnTick(long timeMs)
    {
        if (_faults.OffAt(timeMs) is not null)
        {
            // Off (rebooting or without power): no loop runs; the simulated world and its windows go on.
            _off = true;
            WindowLog.AfterTick(timeMs, this);
            return;
        }

        if (_off)
        {
            Reboot();
        }

        _drivers?.RunUntil(timeMs, Node);
        long wallMs = (_startUnixSeconds * 1000L) + timeMs + _faults.ClockOffsetMs(timeMs);
        if (Node.Tick(timeMs, (uint)Math.Max(0, wallMs / 1000)))
        {
            ReportTimes?.Sealed(timeMs);
            ReportTimes?.Holding(Node.PendingReports);
        }

        WindowLog.AfterTick(timeMs, this);
    }

    private bool IsSensing(long timeMs) => _faults.IsEmpty || (_faults.OffAt(timeMs) is null && !_faults.SensorsOut(timeMs));

    // The firmware boots again from the same store: reboot counter, reporting state and outbox journal are read back.
    private void Reboot()
    {
        _earlierBoots = new BootFigures(ReportsSealed, OutboxDrops, SealFailures, EngineEntries, EngineExits);
        Node = _boot();
        _off = false;
        ReportTimes?.Holding(Node.PendingReports);
    }

    /// <summary>What the earlier boots' firmware counted (a new boot starts its counters at 0).</summary>
    private readonly record struct BootFigures(long Sealed, long Dropped, long Failures, int Entries, int Exits);

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
