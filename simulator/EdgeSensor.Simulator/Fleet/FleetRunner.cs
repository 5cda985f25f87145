using System.Diagnostics;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Simulator.Scenarios;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>
/// The simulator end to end: virtual devices (scene → sensor physics → the firmware's <c>SensorNode</c>) publish
/// their sealed reports over MQTT (QoS 1), and the real SDK consumer (<see cref="EdgeSensorClient"/>) opens them.
/// Simulated time advances in one-second steps, as fast as possible or paced to the wall clock.
/// </summary>
public static class FleetRunner
{
    private const int StepMs = 1000;

    /// <summary>Runs the fleet; throws <see cref="FleetException"/> when the broker cannot be reached.</summary>
    public static async Task<FleetResult> RunAsync(FleetOptions options, TextWriter? progress, CancellationToken cancellationToken)
    {
        if (!options.TryValidate(out string error))
        {
            throw new ArgumentException(error, nameof(options));
        }

        if (!ScenarioSuite.TryGet(options.Scenario, out ScenarioDefinition scenario))
        {
            throw new ArgumentException($"unknown scenario '{options.Scenario}'", nameof(options));
        }

        var clock = Stopwatch.StartNew();
        long spanMs = (long)Math.Round(options.Minutes * 60_000);
        long windowMs = options.WindowSeconds * 1000L;

        // Simulated time 0 is a window boundary; run to the boundary after the last reading so every count is reported.
        long endMs = (spanMs + windowMs - 1) / windowMs * windowMs;
        uint startUnix = StartUnixSeconds(options, endMs);
        VirtualDevice[] devices = CreateDevices(options, scenario, startUnix);

        EmbeddedBroker? broker = options.BrokerHost is null ? await EmbeddedBroker.StartAsync(cancellationToken).ConfigureAwait(false) : null;
        string host = options.BrokerHost ?? "127.0.0.1";
        int port = broker?.Port ?? options.BrokerPort;
        var tally = new ConsumerTally();
        var windows = new WindowRecorder(devices, startUnix, options.WindowSeconds, options.Site);
        var publishers = new DevicePublisher[devices.Length];
        double setupSeconds = 0;
        try
        {
            await using EdgeSensorClient consumer = await StartConsumerAsync(options, host, port, devices, tally, windows, cancellationToken).ConfigureAwait(false);
            Task reader = ReadAllAsync(consumer, tally, windows);
            for (int i = 0; i < devices.Length; i++)
            {
                publishers[i] = await DevicePublisher.ConnectAsync(devices[i], host, port, options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
            }

            long wallStartMs = clock.ElapsedMilliseconds;
            setupSeconds = clock.Elapsed.TotalSeconds;
            for (long t = 0; t < endMs + StepMs; t += StepMs)
            {
                long stepEnd = Math.Min(t + StepMs - VirtualDevice.TickMs, endMs);
                if (options.Realtime)
                {
                    long wait = wallStartMs + stepEnd - clock.ElapsedMilliseconds;
                    if (wait > 0)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(wait), cancellationToken).ConfigureAwait(false);
                    }
                }

                Parallel.ForEach(devices, d => d.AdvanceTo(stepEnd));
                windows.AfterStep(stepEnd);
                await Task.WhenAll(publishers.Select(p => p.PublishPendingAsync(cancellationToken))).ConfigureAwait(false);
                ReportProgress(progress, options, t, endMs);
            }

            // Anything a failed publish left in an outbox gets a few more tries.
            for (int attempt = 0; attempt < 5 && publishers.Any(p => p.Device.Node.PendingReports > 0); attempt++)
            {
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
                await Task.WhenAll(publishers.Select(p => p.PublishPendingAsync(cancellationToken))).ConfigureAwait(false);
            }

            long published = publishers.Sum(p => (long)p.Published);
            var deadline = Stopwatch.StartNew();
            while (tally.Received < published && deadline.Elapsed < options.DrainTimeout)
            {
                await Task.Delay(20, cancellationToken).ConfigureAwait(false);
            }

            await consumer.StopAsync(cancellationToken).ConfigureAwait(false);
            await reader.ConfigureAwait(false);
        }
        finally
        {
            foreach (DevicePublisher? p in publishers)
            {
                if (p is not null)
                {
                    await p.DisposeAsync().ConfigureAwait(false);
                }
            }

            if (broker is not null)
            {
                await broker.DisposeAsync().ConfigureAwait(false);
            }
        }

        return new FleetResult
        {
            Scenario = scenario.Name,
            Seed = options.Seed,
            SimulatedMinutes = options.Minutes,
            WindowSeconds = options.WindowSeconds,
            Disclosure = options.DisclosureText,
            Broker = broker is null ? options.BrokerText : $"embedded ({host}:{port})",
            Speed = options.Realtime ? "realtime" : "max",
            Sensors = options.SensorsText,
            Devices = [.. publishers.Select(p => Summarize(p, tally.Snapshot(p.Device.Record.DeviceId), windows.For(p.Device)))],
            WallSeconds = clock.Elapsed.TotalSeconds,
            SetupSeconds = setupSeconds,
            UnattributedRejections = tally.UnattributedRejections,
        };
    }

    private static uint StartUnixSeconds(FleetOptions options, long endMs)
    {
        // Windows end about now when run at full speed, and track the wall clock when paced; aligned either way.
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        long start = options.Realtime ? now : now - (endMs / 1000);
        return (uint)(start - (start % options.WindowSeconds));
    }

    private static VirtualDevice[] CreateDevices(FleetOptions options, ScenarioDefinition scenario, uint startUnix)
    {
        var ids = new HashSet<ulong>();
        while (options.Identities is null && ids.Count < options.Devices)
        {
            ids.Add(VirtualDevice.NewDeviceId());
        }

        ulong[] idList = options.Identities is { } provisioned ? [.. provisioned.Select(d => d.DeviceId)] : [.. ids];
        var devices = new VirtualDevice[options.Devices];

        // Each device gets its own crowd: seed × 1000 + index keeps devices of one seed apart (at most 500 devices).
        Parallel.For(0, devices.Length, i =>
            devices[i] = VirtualDevice.Create(idList[i], (options.Seed * 1000) + (ulong)i, scenario, options, startUnix));
        return devices;
    }

    private static async Task<EdgeSensorClient> StartConsumerAsync(
        FleetOptions options, string host, int port, VirtualDevice[] devices, ConsumerTally tally, WindowRecorder windows, CancellationToken cancellationToken)
    {
        var clientOptions = new EdgeSensorClientOptions
        {
            Host = host,
            Port = port,
            ClientId = "edgesensor-sim-consumer-" + Guid.NewGuid().ToString("N")[..8],
            SessionExpirySeconds = 0, // a run's consumer leaves nothing queued on the broker
            ConnectTimeout = options.ConnectTimeout,
        };
        clientOptions.Sites.Add(options.Site);
        var consumer = new EdgeSensorClient(clientOptions, new InMemoryKeyStore(devices.Select(d => d.Record)));
        consumer.ReportRejected += (_, e) =>
        {
            tally.Reject(e);
            windows.Rejected(e);
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        try
        {
            await consumer.StartAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await consumer.DisposeAsync().ConfigureAwait(false);
            throw new FleetException($"the consumer could not connect to the broker at {host}:{port} within {options.ConnectTimeout.TotalSeconds:0.#} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // E.g. the broker refused the connection (MQTT reason code): no retry helps.
            await consumer.DisposeAsync().ConfigureAwait(false);
            throw new FleetException($"the consumer could not connect to the broker at {host}:{port}: {ex.Message}", ex);
        }

        return consumer;
    }

    private static async Task ReadAllAsync(EdgeSensorClient consumer, ConsumerTally tally, WindowRecorder windows)
    {
        await foreach (ReceivedReport received in consumer.ReadAllAsync().ConfigureAwait(false))
        {
            tally.Add(received.Report);
            windows.Opened(received.Report);
        }
    }

    private static FleetDeviceResult Summarize(DevicePublisher p, ConsumerTally.DeviceTally t, IReadOnlyList<WindowOutcome> windows) => new()
    {
        DeviceId = p.Device.Record.DeviceIdText,
        Sealed = p.Device.Node.ReportsSealed,
        Published = p.Published,
        PublishRetries = p.Retries,
        OutboxDrops = p.Device.Node.OutboxDrops,
        SealFailures = p.Device.Node.SealFailures + p.Device.Node.StateSaveFailures,
        Opened = t.Opened,
        Rejected = t.Rejected,
        Duplicates = t.Duplicates,
        OpenedEntries = t.Entries,
        OpenedExits = t.Exits,
        EngineEntries = p.Device.Node.Counter.Entries,
        EngineExits = p.Device.Node.Counter.Exits,
        TruthEntries = p.Device.TruthEntries,
        TruthExits = p.Device.TruthExits,
        NoisedReports = t.NoisedReports,
        SuppressedReports = t.SuppressedReports,
        Windows = windows,
    };

    private static void ReportProgress(TextWriter? progress, FleetOptions options, long t, long endMs)
    {
        // A line per simulated minute when paced (the user is watching), none at full speed.
        if (progress is not null && options.Realtime && t % 60_000 == 0 && t > 0)
        {
            progress.WriteLine($"simulated {t / 60_000} of {endMs / 60_000.0:0.#} min");
        }
    }
}
