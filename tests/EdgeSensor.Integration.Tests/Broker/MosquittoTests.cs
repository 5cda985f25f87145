using EdgeSensor.Integration.Tests.Support;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Sinks;
using MQTTnet;

namespace EdgeSensor.Integration.Tests.Broker;

/// <summary>The client against a real Mosquitto started by the fixture on a free loopback port.</summary>
[TestClass]
public sealed class MosquittoTests
{
    [TestMethod]
    public async Task Plain_ReportsSealedByCoreFromThreeDevices_AllStoredOnceWithTheirCounts()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var fleet = TestFleet.Create(3);
        await using var consumer = await TestConsumer.StartAsync(TestConsumer.Options(broker.Port), fleet.Store, fleet.DatabasePath);
        using var publisher = await TestFleet.ConnectPublisherAsync(broker.Port);
        const uint start = 1_700_000_040;
        foreach (var record in fleet.Devices)
        {
            // Sealed by the firmware's own code (EdgeSensor.Core), opened by the SDK.
            var device = new CoreDevice(record, start);
            for (uint w = 0; w < 20; w++)
            {
                await TestFleet.PublishAsync(publisher, record, device.Seal(start + (w * 60), 60, (ushort)(w % 5), 1, (ushort)w));
            }
        }

        Assert.IsTrue(await Eventually.TrueAsync(() => consumer.Sink.Count() == 60), $"stored {consumer.Sink.Count()}");
        Assert.AreEqual(0L, consumer.Client.RejectedCount);
        var rows = new List<EdgeSensor.Sdk.Client.ReceivedReport>();
        await foreach (var row in EdgeSensor.Sdk.Sinks.ReportDatabase.ReadAsync(fleet.DatabasePath, deviceId: fleet.Devices[0].DeviceId))
        {
            rows.Add(row);
        }

        Assert.HasCount(20, rows);
        Assert.AreEqual(DateTimeOffset.FromUnixTimeSeconds(start + (19 * 60)), rows[^1].Report.WindowStart);
        Assert.AreEqual(19, rows[^1].Report.OccupancyAtEnd);
        Assert.AreEqual(4, rows[4].Report.Entries);
    }

    [TestMethod]
    public async Task Tls_WithTestCa_Connects_AndAnotherCaIsRefused()
    {
        using var certificates = TestCertificates.Create();
        using var stranger = TestCertificates.Create("Some Other CA");
        await using var broker = await MosquittoBroker.StartAsync(certificates);
        using var fleet = TestFleet.Create(1);

        var options = TestConsumer.Options(broker.Port);
        options.Host = "localhost";
        options.UseTls = true;
        options.CaCertificatePath = Path.Combine(broker.Directory, "ca.pem");
        await using var consumer = await TestConsumer.StartAsync(options, fleet.Store, fleet.DatabasePath);
        Assert.IsTrue(consumer.Client.IsConnected);

        using var publisher = await TestFleet.ConnectPublisherAsync(broker.Port, b => b.WithTcpServer("localhost", broker.Port).WithTlsOptions(t => t
            .UseTls().WithTargetHost("localhost").WithTrustChain([certificates.Ca])
            .WithCertificateValidationHandler(e => MqttConnectionFactoryProbe.Validate(e, certificates))));
        var device = fleet.Devices[0];
        for (ulong s = 1; s <= 5; s++)
        {
            await TestFleet.PublishAsync(publisher, device, TestFleet.Payload(device, s));
        }

        Assert.IsTrue(await Eventually.TrueAsync(() => consumer.Sink.Count() == 5));

        var wrongCa = TestConsumer.Options(broker.Port);
        wrongCa.Host = "localhost";
        wrongCa.UseTls = true;
        wrongCa.TrustedCaCertificates = [stranger.Ca];
        await using var refused = new EdgeSensorClient(wrongCa, fleet.Store);
        using var shortWait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAsync<OperationCanceledException>(() => refused.StartAsync(shortWait.Token));
        Assert.IsFalse(refused.IsConnected);
    }

    [TestMethod]
    public async Task MutualTls_ClientCertificateFromTheCa_IsTheCredential()
    {
        using var certificates = TestCertificates.Create();
        await using var broker = await MosquittoBroker.StartAsync(certificates, requireClientCertificate: true);
        using var fleet = TestFleet.Create(1);
        using var clientCertificate = certificates.IssueClient("consumer-1");

        var options = TestConsumer.Options(broker.Port);
        options.Host = "localhost";
        options.UseTls = true;
        options.TrustedCaCertificates = [certificates.Ca];
        options.ClientCertificate = clientCertificate;
        await using var client = new EdgeSensorClient(options, fleet.Store);
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            await client.StartAsync(wait.Token);
        }

        Assert.IsTrue(client.IsConnected);

        var anonymous = TestConsumer.Options(broker.Port);
        anonymous.Host = "localhost";
        anonymous.UseTls = true;
        anonymous.TrustedCaCertificates = [certificates.Ca];
        await using var refused = new EdgeSensorClient(anonymous, fleet.Store);
        using var shortWait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAsync<OperationCanceledException>(() => refused.StartAsync(shortWait.Token));
        Assert.IsFalse(refused.IsConnected);
    }

    [TestMethod]
    public async Task SharedSubscription_ThreeConsumers_SplitTheFleet_NoLossNoDuplicates()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var fleet = TestFleet.Create(3);
        var consumers = new List<TestConsumer<SqliteReportSink>>();
        try
        {
            for (int i = 0; i < 3; i++)
            {
                consumers.Add(await TestConsumer.StartAsync(TestConsumer.Options(broker.Port, group: "storers"), fleet.Store, fleet.DatabasePath));
            }

            using var publisher = await TestFleet.ConnectPublisherAsync(broker.Port);
            const int perDevice = 100;
            for (ulong s = 1; s <= perDevice; s++)
            {
                foreach (var device in fleet.Devices)
                {
                    await TestFleet.PublishAsync(publisher, device, TestFleet.Payload(device, s));
                }
            }

            int expected = perDevice * fleet.Devices.Length;
            Assert.IsTrue(await Eventually.TrueAsync(() => consumers[0].Sink.Count() == expected), $"stored {consumers[0].Sink.Count()} of {expected}");
            Assert.IsTrue(await Eventually.TrueAsync(() => consumers.Sum(c => c.Pump.StoredCount + c.Pump.DuplicateCount) == expected));
            long delivered = consumers.Sum(c => c.Client.ReceivedCount);
            Assert.AreEqual(expected, delivered, "each report delivered to exactly one group member");
            Assert.IsTrue(consumers.All(c => c.Client.ReceivedCount > 0), "every member got a share: " + string.Join(",", consumers.Select(c => c.Client.ReceivedCount)));
            Assert.AreEqual(0L, consumers.Sum(c => c.Pump.DuplicateCount));
        }
        finally
        {
            foreach (var consumer in consumers)
            {
                await consumer.DisposeAsync();
            }
        }
    }

    [TestMethod]
    public async Task BrokerRestart_MidStream_ClientReconnects_AndStoreEndsComplete()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var fleet = TestFleet.Create(1);
        var device = fleet.Devices[0];
        await using var consumer = await TestConsumer.StartAsync(TestConsumer.Options(broker.Port), fleet.Store, fleet.DatabasePath);

        const int total = 120;
        var restartAt = new TaskCompletionSource();
        var publishing = Task.Run(async () =>
        {
            IMqttClient? publisher = null;
            try
            {
                for (ulong s = 1; s <= total; s++)
                {
                    if (s == 40)
                    {
                        restartAt.TrySetResult();
                    }

                    // A device's outbox: keep the report and retry until the broker takes it.
                    while (true)
                    {
                        try
                        {
                            publisher ??= await TestFleet.ConnectPublisherAsync(broker.Port);
                            await TestFleet.PublishAsync(publisher, device, TestFleet.Payload(device, s));
                            break;
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            publisher?.Dispose();
                            publisher = null;
                            await Task.Delay(50);
                        }
                    }

                    await Task.Delay(5);
                }
            }
            finally
            {
                publisher?.Dispose();
            }
        });

        await restartAt.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await broker.RestartAsync();
        await publishing.WaitAsync(TimeSpan.FromSeconds(60));

        bool complete = await Eventually.TrueAsync(() => consumer.Sink.Count() == total);
        if (!complete)
        {
            var stored = new HashSet<ulong>();
            await foreach (var r in EdgeSensor.Sdk.Sinks.ReportDatabase.ReadAsync(fleet.DatabasePath))
            {
                stored.Add(r.Report.Sequence);
            }

            string missing = string.Join(",", Enumerable.Range(1, total).Select(i => (ulong)i).Where(i => !stored.Contains(i)));
            Assert.Fail($"stored {stored.Count} of {total}; missing {missing}; rejected {consumer.Client.RejectedCount}; reconnects {consumer.Client.ReconnectCount}; broker: {broker.Output}");
        }

        Assert.IsGreaterThanOrEqualTo(1L, consumer.Client.ReconnectCount);
        Assert.IsTrue(consumer.Client.IsConnected);
    }
}

/// <summary>The test publisher trusts only the test CA (same rule as the SDK).</summary>
internal static class MqttConnectionFactoryProbe
{
    public static bool Validate(MqttClientCertificateValidationEventArgs e, TestCertificates certificates) =>
        EdgeSensor.Sdk.Client.MqttConnectionFactory.ValidateServerCertificate(e.Certificate, e.SslPolicyErrors, [certificates.Ca]);
}
