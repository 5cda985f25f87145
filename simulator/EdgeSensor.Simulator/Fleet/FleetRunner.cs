using System.Diagnostics;
using System.Threading.Channels;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Reports;
using EdgeSensor.Sdk.Sinks;
using EdgeSensor.Simulator.Faults;
using EdgeSensor.Simulator.Scenarios;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>
/// The simulator end to end: virtual devices (scene → sensor physics → the firmware's <c>SensorNode</c>) publish
/// their sealed reports over MQTT (QoS 1), and the real SDK consumer (<see cref="EdgeSensorClient"/>) opens them.
/// Simulated time advances in steps (one second when paced to the wall clock, a minute at full speed), each device's
/// trace streamed as it goes, so memory does not grow with the simulated duration.
/// </summary>
public static class FleetRunner
{
    /// <summary>Simulated time per step when paced to the wall clock.</summary>
    private const int RealtimeStepMs = 1000;

    /// <summary>Simulated time per step at full speed: devices only publish at window ends, so larger steps cost nothing.</summary>
    private const int MaxSpeedStepMs = 60_000;

    /// <summary>Devices share at most this many MQTT connections (each device keeps its own topic and order).</summary>
    public const int MaxConnections = 64;

    /// <summary>Runs the fleet; throws <see cref="FleetException"/> when the broker cannot be reached.</summary>
    /// <param name="progress">Where plain progress lines go (at most one per 10 s), or null for none.</param>
    public static async Task<FleetResult> RunAsync(FleetOptions options, TextWriter? progress, CancellationToken cancellationToken)
    {
        var monitor = new FleetMonitor();
        using var lines = progress is null ? null : new PlainProgress(monitor, progress);
        return await RunMonitoredAsync(options, monitor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the fleet, keeping <paramref name="monitor"/> up to date for a live view.</summary>
    public static async Task<FleetResult> RunMonitoredAsync(FleetOptions options, FleetMonitor monitor, CancellationToken cancellationToken)
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
        await using var memory = new MemoryWatch();
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
        FaultLedger? ledger = options.Faults.IsEmpty ? null : windows.Ledger = new FaultLedger(options.Faults, devices.Length, windowMs, endMs);
        foreach (VirtualDevice d in ledger is null ? [] : devices)
        {
            d.TrackReportTimes(StepMs(options));
        }

        var probe = new LatencyProbe(options.BareSubscriber);
        BareSubscriber? bare = null;
        SqliteReportSink? store = options.StorePath is null ? null : SqliteReportSink.Open(options.StorePath);
        ReportPump? pump = store is null ? null : new ReportPump([store]);
        Channel<ReceivedReport>? toStore = store is null ? null : Channel.CreateUnbounded<ReceivedReport>(new UnboundedChannelOptions { SingleReader = true });
        Task storing = pump is null ? Task.CompletedTask : pump.RunAsync(toStore!.Reader, CancellationToken.None);
        var connections = new PublisherConnection?[Math.Min(devices.Length, MaxConnections)];
        var publishers = new DevicePublisher[devices.Length];
        var faults = new FleetFaultTarget(broker, connections, publishers, tally);
        double setupSeconds = 0;
        try
        {
            await using EdgeSensorClient consumer = await StartConsumerAsync(options, host, port, devices, tally, monitor, windows, cancellationToken).ConfigureAwait(false);
            faults.Consumer = consumer;
            Task reader = ReadAllAsync(consumer, tally, monitor, windows, probe, toStore?.Writer);
            if (options.BareSubscriber)
            {
                bare = await BareSubscriber.StartAsync(host, port, options.Site, probe, options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
            }

            string run = Guid.NewGuid().ToString("N")[..8];
            await Task.WhenAll(Enumerable.Range(0, connections.Length).Select(async c =>
                connections[c] = await PublisherConnection.ConnectAsync($"edgesensor-sim-{run}-{c}", host, port, options.ConnectTimeout, cancellationToken)
                    .ConfigureAwait(false))).ConfigureAwait(false);
            for (int i = 0; i < devices.Length; i++)
            {
                publishers[i] = new DevicePublisher(devices[i], connections[i % connections.Length]!, probe);
            }

            monitor.Start(devices.Select(d => (d.Record.DeviceId, d.Record.Site)), endMs);
            setupSeconds = clock.Elapsed.TotalSeconds;
            await SimulateAsync(options, publishers, endMs, monitor, faults, cancellationToken).ConfigureAwait(false);

            // A fault lasting past the run's end is over now, so that what waits gets out.
            faults.RestoreDeviceLinks();
            await faults.RestartBrokerAsync(cancellationToken).ConfigureAwait(false);

            // Anything a failed publish left in an outbox gets a few more tries.
            for (int attempt = 0; attempt < 5 && publishers.Any(p => p.Device.Node.PendingReports > 0); attempt++)
            {
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
                await Task.WhenAll(publishers.Select(p => p.PublishPendingAsync(cancellationToken))).ConfigureAwait(false);
            }

            long published = publishers.Sum(p => (long)p.Published);
            var deadline = Stopwatch.StartNew();
            while ((tally.Received < published || (bare is not null && bare.Received < published)) && deadline.Elapsed < options.DrainTimeout)
            {
                await Task.Delay(20, cancellationToken).ConfigureAwait(false);
            }

            await consumer.StopAsync(cancellationToken).ConfigureAwait(false);
            await reader.ConfigureAwait(false);
            toStore?.Writer.TryComplete();
            await storing.ConfigureAwait(false);
        }
        finally
        {
            monitor.Stop();
            toStore?.Writer.TryComplete();
            if (bare is not null)
            {
                await bare.DisposeAsync().ConfigureAwait(false);
            }

            if (store is not null)
            {
                await store.DisposeAsync().ConfigureAwait(false);
            }

            foreach (PublisherConnection? c in connections)
            {
                if (c is not null)
                {
                    await c.DisposeAsync().ConfigureAwait(false);
                }
            }

            if (faults.Broker is not null)
            {
                await faults.Broker.DisposeAsync().ConfigureAwait(false);
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
            Devices = [.. publishers.Select(p => Summarize(p, tally.Snapshot(p.Device.Record.DeviceId)))],
            Sites = windows.Finish(),
            WallSeconds = clock.Elapsed.TotalSeconds,
            SetupSeconds = setupSeconds,
            UnattributedRejections = tally.UnattributedRejections,
            Connections = connections.Length,
            PeakManagedBytes = memory.PeakManagedBytes,
            Stored = pump?.StoredCount,
            BareReceived = bare?.Received,
            SdkLatencyMs = probe.SdkMeanMilliseconds,
            BareLatencyMs = probe.BareMeanMilliseconds,
            PeakWorkingSetBytes = MemoryWatch.PeakWorkingSetBytes(),
            Faults = ledger?.Effects([.. devices.Select(d => d.ReportTimes!)]) ?? [],
        };
    }

    /// <summary>
    /// Advances every device through simulated time, a step at a time, on one worker per core, each with its share of the
    /// devices. A device publishes what it sealed while the worker advances the others, and is advanced again only after
    /// its publishing has finished (its firmware state is never touched by two threads at once).
    /// </summary>
    private static async Task SimulateAsync(FleetOptions options, DevicePublisher[] publishers, long endMs, FleetMonitor monitor, FleetFaultTarget faults, CancellationToken cancellationToken)
    {
        int workers = Math.Clamp(Environment.ProcessorCount, 1, publishers.Length);
        long[] stepEnds = options.Faults.StepEnds(StepMs(options), endMs, VirtualDevice.TickMs);
        var reached = new long[workers];
        var seen = new DeviceFigures[publishers.Length];
        var wall = Stopwatch.StartNew();

        // The workers run until a fleet-wide fault (broker, links) is due, which is applied when all have reached it.
        for (int first = 0; first < stepEnds.Length;)
        {
            int last = first;
            while (last + 1 < stepEnds.Length && !options.Faults.ActsOnFleetAt(stepEnds[last] + VirtualDevice.TickMs))
            {
                last++;
            }

            int from = first;
            Task[] running = [.. Enumerable.Range(0, workers).Select(w => Task.Factory.StartNew(
                () => Work(w, from, last),
                cancellationToken,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default))];
            await Task.WhenAll(running).ConfigureAwait(false);
            await options.Faults.ApplyToFleetAsync(stepEnds[last] + VirtualDevice.TickMs, faults, cancellationToken).ConfigureAwait(false);
            first = last + 1;
        }

        void Work(int worker, int firstStep, int lastStep)
        {
            int[] mine = [.. Enumerable.Range(0, publishers.Length).Where(i => i % workers == worker)];
            var inFlight = new Task[mine.Length];
            Array.Fill(inFlight, Task.CompletedTask);
            for (int step = firstStep; step <= lastStep; step++)
            {
                long stepEnd = stepEnds[step];
                if (options.Realtime)
                {
                    long wait = stepEnd - wall.ElapsedMilliseconds;
                    if (wait > 0)
                    {
                        cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(wait));
                    }
                }

                for (int j = 0; j < mine.Length; j++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    DevicePublisher p = publishers[mine[j]];
                    inFlight[j].GetAwaiter().GetResult();
                    p.Device.AdvanceTo(stepEnd);
                    seen[mine[j]] = Report(monitor, p, seen[mine[j]]);
                    inFlight[j] = p.PublishPendingAsync(cancellationToken);
                }

                reached[worker] = stepEnd;
                monitor.Simulated(reached.Min());
            }

            for (int j = 0; j < mine.Length; j++)
            {
                inFlight[j].GetAwaiter().GetResult();
                seen[mine[j]] = Report(monitor, publishers[mine[j]], seen[mine[j]]);
            }
        }
    }

    private static long StepMs(FleetOptions options) => options.Realtime ? RealtimeStepMs : MaxSpeedStepMs;

    private static DeviceFigures Report(FleetMonitor monitor, DevicePublisher p, DeviceFigures before)
    {
        var now = new DeviceFigures(p.Device.ReportsSealed, p.Published, p.Device.OutboxDrops + p.Device.SealFailures);
        monitor.DeviceSide(now.Sealed - before.Sealed, now.Published - before.Published, now.Lost - before.Lost);
        return now;
    }

    private readonly record struct DeviceFigures(long Sealed, long Published, long Lost);

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

        // Each device gets its own crowd: seed × 1000 + index (devices of one run never share one; with more than 1000
        // devices, runs of neighbouring seeds share some crowds, which is harmless).
        Parallel.For(0, devices.Length, i =>
            devices[i] = VirtualDevice.Create(idList[i], (options.Seed * 1000) + (ulong)i, scenario, options, startUnix));
        return devices;
    }

    private static async Task<EdgeSensorClient> StartConsumerAsync(
        FleetOptions options, string host, int port, VirtualDevice[] devices, ConsumerTally tally, FleetMonitor monitor, WindowRecorder windows, CancellationToken cancellationToken)
    {
        var clientOptions = new EdgeSensorClientOptions
        {
            Host = host,
            Port = port,
            ClientId = "edgesensor-sim-consumer-" + Guid.NewGuid().ToString("N")[..8],
            SessionExpirySeconds = 0, // a run's consumer leaves nothing queued on the broker
            ConnectTimeout = options.ConnectTimeout,

            // After a broker outage the devices wait for the consumer to subscribe again: no long backoff.
            ReconnectMaxDelay = options.Faults.HasBrokerOutage ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(30),
        };
        clientOptions.Sites.Add(options.Site);
        var consumer = new EdgeSensorClient(clientOptions, new InMemoryKeyStore(devices.Select(d => d.Record)));
        consumer.ReportRejected += (_, e) =>
        {
            windows.Rejected(e);
            if (tally.Reject(e))
            {
                monitor.Rejected(e.DeviceId);
            }
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

    private static async Task ReadAllAsync(EdgeSensorClient consumer, ConsumerTally tally, FleetMonitor monitor, WindowRecorder windows, LatencyProbe probe, ChannelWriter<ReceivedReport>? store)
    {
        await foreach (ReceivedReport received in consumer.ReadAllAsync().ConfigureAwait(false))
        {
            AggregateReport report = received.Report;
            probe.OpenedBySdk(report.DeviceId);
            store?.TryWrite(received);
            tally.Add(report);
            windows.Opened(report);
            monitor.Opened(received.Site, report.DeviceId, report.Entries, report.Exits, report.OccupancyAtEnd);
        }
    }

    private static FleetDeviceResult Summarize(DevicePublisher p, ConsumerTally.DeviceTally t) => new()
    {
        DeviceId = p.Device.Record.DeviceIdText,
        Sealed = p.Device.ReportsSealed,
        Published = p.Published,
        PublishRetries = p.Retries,
        OutboxDrops = p.Device.OutboxDrops,
        SealFailures = p.Device.SealFailures,
        Opened = t.Opened,
        Rejected = t.Rejected,
        Duplicates = t.Duplicates,
        OpenedEntries = t.Entries,
        OpenedExits = t.Exits,
        EngineEntries = p.Device.EngineEntries,
        EngineExits = p.Device.EngineExits,
        TruthEntries = p.Device.TruthEntries,
        TruthExits = p.Device.TruthExits,
        NoisedReports = t.NoisedReports,
        SuppressedReports = t.SuppressedReports,
    };
}
