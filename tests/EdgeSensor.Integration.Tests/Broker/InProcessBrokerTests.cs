using EdgeSensor.Simulator.Fleet;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using EdgeSensor.Integration.Tests.Support;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Diagnostics;
using EdgeSensor.Sdk.KeyStore;
using EdgeSensor.Sdk.Opening;

namespace EdgeSensor.Integration.Tests.Broker;

/// <summary>The client against MQTTnet's in-process broker.</summary>
[TestClass]
public sealed class InProcessBrokerTests
{
    [TestMethod]
    public async Task Client_DeliversReports_AndBadPayloadsNeverStopTheStream()
    {
        await using var broker = await EmbeddedBroker.StartAsync(persistentSessions: true);
        using var fleet = TestFleet.Create(2);
        var device = fleet.Devices[0];
        var other = fleet.Devices[1];
        await using var client = new EdgeSensorClient(TestConsumer.Options(broker.Port), fleet.Store);
        var rejections = new ConcurrentQueue<ReportRejectedEventArgs>();
        client.ReportRejected += (_, e) => rejections.Enqueue(e);
        await client.StartAsync();

        using var publisher = await TestFleet.ConnectPublisherAsync(broker.Port);
        byte[] first = TestFleet.Payload(device, 1);
        byte[] forged = TestFleet.Payload(device, 2);
        forged[^1] ^= 0x01;
        await TestFleet.PublishAsync(publisher, device, first);
        await TestFleet.PublishAsync(publisher, device, [0x01, 0x02, 0x03]);                 // malformed
        await TestFleet.PublishAsync(publisher, device, forged);                             // tag fails
        await TestFleet.PublishAsync(publisher, device, first);                              // replay
        await TestFleet.PublishAsync(publisher, device, TestFleet.Payload(other, 1));        // other device on this topic
        await TestFleet.PublishAsync(publisher, device, [0x09, .. new byte[80]]);            // unknown version
        for (ulong s = 2; s <= 5; s++)
        {
            await TestFleet.PublishAsync(publisher, device, TestFleet.Payload(device, s));
        }

        var received = new List<ReceivedReport>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await foreach (var report in client.ReadAllAsync(timeout.Token))
        {
            received.Add(report);
            if (received.Count == 5)
            {
                break;
            }
        }

        CollectionAssert.AreEqual(new ulong[] { 1, 2, 3, 4, 5 }, received.Select(r => r.Report.Sequence).ToArray());
        Assert.IsTrue(received.All(r => r.Site == "north-gate" && r.Report.DeviceId == device.DeviceId));
        Assert.IsTrue(await Eventually.TrueAsync(() => rejections.Count == 5));
        var reasons = rejections.Select(r => r.ReasonTag).Order().ToArray();
        CollectionAssert.AreEqual(new[] { "authentication_failed", "malformed", "replayed", "topic_mismatch", "unsupported_version" }, reasons);
        Assert.AreEqual(5L, client.RejectedCount);
        Assert.AreEqual(5L, client.ReceivedCount);
    }

    [TestMethod]
    public async Task ReportCopiedToAnotherDevicesTopic_IsRejectedUnopened_AndTheGenuineReportStillArrives()
    {
        await using var broker = await EmbeddedBroker.StartAsync(persistentSessions: true);
        using var fleet = TestFleet.Create(2);
        var victim = fleet.Devices[0];
        var attacker = fleet.Devices[1];
        await using var client = new EdgeSensorClient(TestConsumer.Options(broker.Port), fleet.Store);
        var rejections = new ConcurrentQueue<ReportRejectedEventArgs>();
        client.ReportRejected += (_, e) => rejections.Enqueue(e);
        await client.StartAsync();

        using var publisher = await TestFleet.ConnectPublisherAsync(broker.Port);
        byte[] genuine = TestFleet.Payload(victim, 1);
        await TestFleet.PublishAsync(publisher, attacker, genuine);   // the attacker's own topic, the victim's report
        Assert.IsTrue(await Eventually.TrueAsync(() => rejections.Count == 1));
        await TestFleet.PublishAsync(publisher, victim, genuine);     // the victim's real delivery, later

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await foreach (var report in client.ReadAllAsync(timeout.Token))
        {
            Assert.AreEqual(victim.DeviceId, report.Report.DeviceId);
            Assert.AreEqual(1UL, report.Report.Sequence);
            break;
        }

        Assert.AreEqual(1, rejections.Count, string.Join(", ", rejections.Select(r => r.ReasonTag)));
        Assert.AreEqual("topic_mismatch", rejections.Single().ReasonTag);
        Assert.AreEqual(1L, client.ReceivedCount);
    }

    [TestMethod]
    public async Task Credentials_AreSent_AndABadPasswordFailsAtOnceWithoutRetrying()
    {
        await using var broker = await EmbeddedBroker.StartAsync(persistentSessions: true);
        broker.Server.ValidatingConnectionAsync += e =>
        {
            if (e.ClientId.StartsWith("edgesensor-", StringComparison.Ordinal) && (e.UserName != "consumer" || e.Password != "s3cret"))
            {
                e.ReasonCode = MQTTnet.Protocol.MqttConnectReasonCode.BadUserNameOrPassword;
            }

            return Task.CompletedTask;
        };
        using var fleet = TestFleet.Create(1);
        var good = TestConsumer.Options(broker.Port);
        good.Username = "consumer";
        good.Password = "s3cret";
        await using (var client = new EdgeSensorClient(good, fleet.Store))
        {
            await client.StartAsync();
            Assert.IsTrue(client.IsConnected);
        }

        var bad = TestConsumer.Options(broker.Port);
        bad.Username = "consumer";
        bad.Password = "wrong";
        await using var refused = new EdgeSensorClient(bad, fleet.Store);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var ex = await Assert.ThrowsAsync<MqttRefusedException>(() => refused.StartAsync(timeout.Token));
        Assert.AreEqual(MQTTnet.MqttClientConnectResultCode.BadUserNameOrPassword, ex.ResultCode);
    }

    [TestMethod]
    public async Task DropNewest_WithNoReader_KeepsBufferAndCountsDrops()
    {
        await using var broker = await EmbeddedBroker.StartAsync(persistentSessions: true);
        using var fleet = TestFleet.Create(1);
        var options = TestConsumer.Options(broker.Port);
        options.BufferCapacity = 4;
        options.BackPressure = BackPressureMode.DropNewest;
        await using var client = new EdgeSensorClient(options, fleet.Store);
        await client.StartAsync();
        using var publisher = await TestFleet.ConnectPublisherAsync(broker.Port);
        for (ulong s = 1; s <= 20; s++)
        {
            await TestFleet.PublishAsync(publisher, fleet.Devices[0], TestFleet.Payload(fleet.Devices[0], s));
        }

        Assert.IsTrue(await Eventually.TrueAsync(() => client.ReceivedCount == 20));
        Assert.AreEqual(16L, client.DroppedCount);
        Assert.AreEqual(4, client.Reports.Count);
    }

    [TestMethod]
    public async Task Wait_WithTinyBufferAndSlowReader_LosesNothing()
    {
        await using var broker = await EmbeddedBroker.StartAsync(persistentSessions: true);
        using var fleet = TestFleet.Create(1);
        var options = TestConsumer.Options(broker.Port);
        options.BufferCapacity = 1;
        await using var client = new EdgeSensorClient(options, fleet.Store);
        await client.StartAsync();
        using var publisher = await TestFleet.ConnectPublisherAsync(broker.Port);
        var publishing = Task.Run(async () =>
        {
            for (ulong s = 1; s <= 50; s++)
            {
                await TestFleet.PublishAsync(publisher, fleet.Devices[0], TestFleet.Payload(fleet.Devices[0], s));
            }
        });

        var sequences = new List<ulong>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var report in client.ReadAllAsync(timeout.Token))
        {
            sequences.Add(report.Report.Sequence);
            if (sequences.Count % 10 == 0)
            {
                await Task.Delay(20);
            }

            if (sequences.Count == 50)
            {
                break;
            }
        }

        await publishing;
        CollectionAssert.AreEqual(Enumerable.Range(1, 50).Select(i => (ulong)i).ToArray(), sequences.ToArray());
        Assert.AreEqual(0L, client.DroppedCount);
    }

    [TestMethod]
    public async Task Metrics_CountReceivedAndRejectedByReason()
    {
        var measurements = new ConcurrentQueue<(string Name, long Value, string? Reason)>();
        using var listener = new MeterListener();
        var metrics = new EdgeSensorMetrics();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? reason = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "reason")
                {
                    reason = tag.Value as string;
                }
            }

            measurements.Enqueue((instrument.Name, value, reason));
        });
        listener.Start();

        await using var broker = await EmbeddedBroker.StartAsync(persistentSessions: true);
        using var fleet = TestFleet.Create(1);
        await using var client = new EdgeSensorClient(TestConsumer.Options(broker.Port), fleet.Store, metrics: metrics);
        await client.StartAsync();
        using var publisher = await TestFleet.ConnectPublisherAsync(broker.Port);
        await TestFleet.PublishAsync(publisher, fleet.Devices[0], TestFleet.Payload(fleet.Devices[0], 1));
        await TestFleet.PublishAsync(publisher, fleet.Devices[0], TestFleet.Payload(fleet.Devices[0], 1));
        await TestFleet.PublishAsync(publisher, fleet.Devices[0], TestFleet.Payload(fleet.Devices[0], 4)); // 2 and 3 never came
        Assert.IsTrue(await Eventually.TrueAsync(() => client.ReceivedCount + client.RejectedCount == 3));
        listener.Dispose();

        Assert.AreEqual(2, measurements.Count(m => m.Name == "edgesensor.reports.received"));
        Assert.AreEqual(1, measurements.Count(m => m.Name == "edgesensor.reports.rejected" && m.Reason == "replayed"));
        Assert.AreEqual(2L, measurements.Where(m => m.Name == "edgesensor.outbox.gaps").Sum(m => m.Value));
        metrics.Dispose();
    }

    [TestMethod]
    public async Task RevokedDevice_IsRejectedOnceTheStoreReloads()
    {
        await using var broker = await EmbeddedBroker.StartAsync(persistentSessions: true);
        using var fleet = TestFleet.Create(1);
        fleet.Store.AutoReloadInterval = TimeSpan.FromMilliseconds(1);
        await using var client = new EdgeSensorClient(TestConsumer.Options(broker.Port), fleet.Store);
        var reasons = new ConcurrentQueue<RejectionReason>();
        client.ReportRejected += (_, e) => reasons.Enqueue(e.Reason);
        await client.StartAsync();
        using var publisher = await TestFleet.ConnectPublisherAsync(broker.Port);
        var device = fleet.Devices[0];
        await TestFleet.PublishAsync(publisher, device, TestFleet.Payload(device, 1));
        Assert.IsTrue(await Eventually.TrueAsync(() => client.ReceivedCount == 1));

        using (var tool = Sdk.KeyStore.FileDeviceKeyStore.Open(fleet.Store.FilePath, Sdk.KeyStore.KeyStoreSecret.FromKey(new byte[32])))
        {
            tool.Revoke(device.DeviceId);
        }

        await Task.Delay(20);
        await TestFleet.PublishAsync(publisher, device, TestFleet.Payload(device, 2));
        Assert.IsTrue(await Eventually.TrueAsync(() => reasons.Contains(RejectionReason.DeviceRevoked)));
        Assert.AreEqual(1L, client.ReceivedCount);
    }
}
