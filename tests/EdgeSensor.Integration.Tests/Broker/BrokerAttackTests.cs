using System.Buffers;
using System.Collections.Concurrent;
using EdgeSensor.Integration.Tests.Support;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using static EdgeSensor.Integration.Tests.Broker.DocumentedBrokerConfigTests;

namespace EdgeSensor.Integration.Tests.Broker;

/// <summary>
/// Attacks on a real Mosquitto running the configuration and ACL of hardware/broker.md (taken from the markdown),
/// each refused, each with a positive control (the legitimate action works on the same broker) so no test passes
/// because nothing was delivered at all. "Not delivered" is decided without sleeping: after the refused message the
/// legitimate device publishes a marker, and the consumer must see the marker but not the refused message
/// (the broker would have queued the refused one first). Only a spying subscriber, which has no marker of its own
/// to wait for, gets a short grace period. Where a hardening line is what refuses the attack, a control
/// run of the same file without that line shows the attack succeeding.
/// </summary>
[TestClass]
public sealed class BrokerAttackTests
{
    private const string Gate7 = "gate-7";
    private const string Gate8 = "gate-8";
    private const string Gate7Password = "gate-7-password-for-the-test";
    private const string Gate8Password = "gate-8-password-for-the-test";
    private const string ConsumerTail = "consumer-tail";
    private const string ConsumerTailPassword = "consumer-tail-password-for-the-test";
    private const string Gate7Topic = "edgesensor/north-gate/9b7f9adc16efab6a/report";
    private const string Gate8Topic = "edgesensor/north-gate/0123456789abcdef/report";

    // The firmware's client id: "edgesensor-" + the device id (FirmwareBootSteps), public because the id is in the topic.
    private const string Gate7ClientId = "edgesensor-9b7f9adc16efab6a";
    private const int ReportBytes = 73;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [TestMethod]
    public async Task ClientIdTakeover_AnotherDeviceWithTheDevicesClientId_LeavesTheDeviceConnected()
    {
        await using var run = await StartAsync(HardenedConfig());
        await using var consumer = await Consumer.StartAsync(run, ConsumerUser, ConsumerPassword);
        var gate7 = await ConnectAsync(run, Gate7, Gate7Password, Gate7ClientId, MqttProtocolVersion.V311);
        using var gate7Lease = DisposeQuietly(gate7);

        var attacker = await ConnectAsync(run, Gate8, Gate8Password, Gate7ClientId, MqttProtocolVersion.V311);

        using var attackerLease = DisposeQuietly(attacker);

        // Positive control: the device still publishes, over the connection it had.
        await gate7.PublishAsync(Report(Gate7Topic, "after-takeover"));
        Assert.IsTrue(await consumer.ReceivesAsync("after-takeover"), "gate-7 still delivers after the attempt:\n" + run.Broker.Output);
        Assert.IsTrue(gate7.IsConnected, "gate-7 was not disconnected");
        Assert.IsTrue(attacker.IsConnected, "the attacker got a session, but its own (named gate-8)");
    }

    [TestMethod]
    public async Task ClientIdTakeover_Control_WithoutUseUsernameAsClientid_TheDeviceIsDisconnected()
    {
        string unhardened = Without(HardenedConfig(), "use_username_as_clientid true");
        await using var run = await StartAsync(unhardened);
        var gate7 = await ConnectAsync(run, Gate7, Gate7Password, Gate7ClientId, MqttProtocolVersion.V311);
        using var gate7Lease = DisposeQuietly(gate7);
        Assert.IsTrue(gate7.IsConnected);

        var attacker = await ConnectAsync(run, Gate8, Gate8Password, Gate7ClientId, MqttProtocolVersion.V311);

        using var attackerLease = DisposeQuietly(attacker);

        Assert.IsTrue(await Eventually.TrueAsync(() => !gate7.IsConnected, Wait), "without the line, gate-8 disconnects gate-7:\n" + run.Broker.Output);
    }

    /// <summary>The price of the line, as hardware/broker.md states it: two processes on one account displace each other.</summary>
    [TestMethod]
    public async Task OneAccountTwice_WithDifferentClientIds_TheSecondConnectionDisplacesTheFirst()
    {
        await using var run = await StartAsync(HardenedConfig());
        var store = await ConnectAsync(run, ConsumerUser, ConsumerPassword, "edgesensor-store", MqttProtocolVersion.V500);
        using var storeLease = DisposeQuietly(store);

        var tail = await ConnectAsync(run, ConsumerUser, ConsumerPassword, "edgesensor-tail", MqttProtocolVersion.V500);

        using var tailLease = DisposeQuietly(tail);

        Assert.IsTrue(await Eventually.TrueAsync(() => !store.IsConnected, Wait), "the first connection of the account is closed");
        Assert.IsTrue(tail.IsConnected);
    }

    [TestMethod]
    public async Task RetainedMessage_FromADevice_IsNotStoredAndTheSenderIsDisconnected()
    {
        await using var run = await StartAsync(HardenedConfig());
        var gate7 = await ConnectAsync(run, Gate7, Gate7Password, Gate7ClientId, MqttProtocolVersion.V311);
        using var gate7Lease = DisposeQuietly(gate7);

        await TryPublishAsync(gate7, Report(Gate7Topic, "retained", retain: true));

        Assert.IsTrue(await Eventually.TrueAsync(() => !gate7.IsConnected, Wait), "the broker disconnects a client that sets the retain flag");
        await using var later = await Consumer.StartAsync(run, ConsumerUser, ConsumerPassword);
        var again = await ConnectAsync(run, Gate7, Gate7Password, Gate7ClientId, MqttProtocolVersion.V311);
        using var againLease = DisposeQuietly(again);
        await again.PublishAsync(Report(Gate7Topic, "marker"));
        Assert.IsTrue(await later.ReceivesAsync("marker"), "positive control: the same device's ordinary report is delivered");
        Assert.IsFalse(later.Saw("retained"), "no retained message reaches a later subscriber");
    }

    [TestMethod]
    public async Task RetainedMessage_Control_WithRetainAvailable_ReachesALaterSubscriber()
    {
        string unhardened = Without(HardenedConfig(), "retain_available false");
        await using var run = await StartAsync(unhardened);
        var gate7 = await ConnectAsync(run, Gate7, Gate7Password, Gate7ClientId, MqttProtocolVersion.V311);
        using var gate7Lease = DisposeQuietly(gate7);

        await gate7.PublishAsync(Report(Gate7Topic, "retained", retain: true));
        await using var later = await Consumer.StartAsync(run, ConsumerUser, ConsumerPassword);

        Assert.IsTrue(await later.ReceivesAsync("retained"), "without the line, the broker keeps the device's message for later subscribers");
    }

    [TestMethod]
    public async Task OversizedPayload_IsNotDelivered_AndAReportSizedOneIs()
    {
        await using var run = await StartAsync(HardenedConfig());
        await using var consumer = await Consumer.StartAsync(run, ConsumerUser, ConsumerPassword);
        var gate7 = await ConnectAsync(run, Gate7, Gate7Password, Gate7ClientId, MqttProtocolVersion.V500);
        using var gate7Lease = DisposeQuietly(gate7);

        var report = await gate7.PublishAsync(Report(Gate7Topic, "report", ReportBytes));
        var atLimit = await gate7.PublishAsync(Report(Gate7Topic, "at-limit", 256));
        var over = await gate7.PublishAsync(Report(Gate7Topic, "over-limit", 257));
        await gate7.PublishAsync(Report(Gate7Topic, "marker"));

        Assert.AreEqual(MqttClientPublishReasonCode.Success, report.ReasonCode);
        Assert.AreEqual(MqttClientPublishReasonCode.Success, atLimit.ReasonCode);
        // Mosquitto 2.0.11 answers 0x95 "Packet too large" (a CONNACK/DISCONNECT code in MQTT 5, not a PUBACK one).
        Assert.AreEqual(0x95, (int)over.ReasonCode, "MQTT 5 PUBACK refuses the payload over message_size_limit");
        Assert.IsTrue(await consumer.ReceivesAsync("marker"));
        Assert.IsTrue(consumer.Saw("report") && consumer.Saw("at-limit"), "a 73-byte report and a 256-byte payload are delivered");
        Assert.IsFalse(consumer.Saw("over-limit"), "a 257-byte payload is not delivered");
        Assert.IsTrue(gate7.IsConnected, "message_size_limit drops the message, not the connection");

        // MQTT 3.1.1 (the firmware's protocol) has no reason code: an ordinary PUBACK, and still nothing delivered.
        var gate8 = await ConnectAsync(run, Gate8, Gate8Password, "edgesensor-0123456789abcdef", MqttProtocolVersion.V311);
        using var gate8Lease = DisposeQuietly(gate8);
        var over311 = await gate8.PublishAsync(Report(Gate8Topic, "over-limit-3.1.1", 257));
        await gate8.PublishAsync(Report(Gate8Topic, "marker-3.1.1"));
        Assert.AreEqual(MqttClientPublishReasonCode.Success, over311.ReasonCode);
        Assert.IsTrue(await consumer.ReceivesAsync("marker-3.1.1"));
        Assert.IsFalse(consumer.Saw("over-limit-3.1.1"));
        Assert.IsTrue(gate8.IsConnected);
    }

    [TestMethod]
    public async Task OversizedPacket_DisconnectsTheSender()
    {
        await using var run = await StartAsync(HardenedConfig());
        await using var consumer = await Consumer.StartAsync(run, ConsumerUser, ConsumerPassword);
        var gate7 = await ConnectAsync(run, Gate7, Gate7Password, Gate7ClientId, MqttProtocolVersion.V311);
        using var gate7Lease = DisposeQuietly(gate7);

        await TryPublishAsync(gate7, Report(Gate7Topic, "huge", 20_000));

        Assert.IsTrue(await Eventually.TrueAsync(() => !gate7.IsConnected, Wait), "a packet over max_packet_size disconnects its sender");
        var again = await ConnectAsync(run, Gate7, Gate7Password, Gate7ClientId, MqttProtocolVersion.V311);
        using var againLease = DisposeQuietly(again);
        await again.PublishAsync(Report(Gate7Topic, "marker"));
        Assert.IsTrue(await consumer.ReceivesAsync("marker"), "positive control: the device reconnects and delivers a report");
        Assert.IsFalse(consumer.Saw("huge"));
    }

    [TestMethod]
    public async Task CrossDevicePublish_ToAnotherDevicesOrSitesTopic_IsRefused_AndTheConsumerCannotPublish()
    {
        await using var run = await StartAsync(HardenedConfig());
        await using var consumer = await Consumer.StartAsync(run, ConsumerUser, ConsumerPassword);
        var gate7 = await ConnectAsync(run, Gate7, Gate7Password, Gate7ClientId, MqttProtocolVersion.V500);
        using var gate7Lease = DisposeQuietly(gate7);
        var gate8 = await ConnectAsync(run, Gate8, Gate8Password, "edgesensor-0123456789abcdef", MqttProtocolVersion.V500);
        using var gate8Lease = DisposeQuietly(gate8);

        var forged = await gate8.PublishAsync(Report(Gate7Topic, "forged"));
        var otherSite = await gate8.PublishAsync(Report("edgesensor/south-gate/0123456789abcdef/report", "other-site"));
        var fromConsumer = await consumer.Client.PublishAsync(Report(Gate7Topic, "from-consumer"));
        var own = await gate8.PublishAsync(Report(Gate8Topic, "gate-8-own"));
        await gate7.PublishAsync(Report(Gate7Topic, "marker"));

        Assert.AreEqual(MqttClientPublishReasonCode.NotAuthorized, forged.ReasonCode);
        Assert.AreEqual(MqttClientPublishReasonCode.NotAuthorized, otherSite.ReasonCode);
        Assert.AreEqual(MqttClientPublishReasonCode.NotAuthorized, fromConsumer.ReasonCode, "the consumer account is read-only");
        Assert.AreEqual(MqttClientPublishReasonCode.Success, own.ReasonCode);
        Assert.IsTrue(await consumer.ReceivesAsync("marker"));
        Assert.IsTrue(consumer.Saw("gate-8-own"), "positive control: gate-8's own topic is delivered");
        Assert.IsFalse(consumer.Saw("forged") || consumer.Saw("other-site") || consumer.Saw("from-consumer"));
    }

    [TestMethod]
    public async Task CrossDeviceSubscribe_ADeviceReceivesNothing_TheConsumerReceivesIt()
    {
        await using var run = await StartAsync(HardenedConfig());
        await using var consumer = await Consumer.StartAsync(run, ConsumerUser, ConsumerPassword);
        await using var spy = await Consumer.StartAsync(run, Gate8, Gate8Password, "edgesensor/#", Gate7Topic, "#", "$share/spies/edgesensor/#");
        var gate7 = await ConnectAsync(run, Gate7, Gate7Password, Gate7ClientId, MqttProtocolVersion.V500);
        using var gate7Lease = DisposeQuietly(gate7);

        await gate7.PublishAsync(Report(Gate7Topic, "secret-schedule"));
        await gate7.PublishAsync(Report(Gate7Topic, "marker"));

        Assert.IsTrue(await consumer.ReceivesAsync("marker"), "positive control: the consumer receives gate-7's reports");
        // Mosquitto 2.0.11 grants the subscriptions (SUBACK QoS 1) and checks the read right per message instead.
        Console.WriteLine("SUBACK codes for gate-8: " + string.Join(", ", spy.Granted));
        Assert.HasCount(4, spy.Granted);
        await Task.Delay(300); // the spy's copies, if any, left the broker with the consumer's: give them time to arrive
        Assert.IsFalse(spy.Saw("secret-schedule") || spy.Saw("marker"), "gate-8 receives nothing of gate-7's on any of its subscriptions");
    }

    [TestMethod]
    public async Task Login_AnonymousOrWrongPassword_IsRefused_AndTheDocumentedAccountsLogIn()
    {
        await using var run = await StartAsync(HardenedConfig());

        var anonymous = await TryConnectAsync(run, null, null);
        var wrongPassword = await TryConnectAsync(run, Gate7, Gate8Password);
        var otherAccountsName = await TryConnectAsync(run, "gate-9", Gate7Password);
        var device = await TryConnectAsync(run, Gate7, Gate7Password);
        var consumer = await TryConnectAsync(run, ConsumerUser, ConsumerPassword);

        Console.WriteLine($"CONNACK: anonymous {anonymous}, wrong password {wrongPassword}, unknown account {otherAccountsName}");
        Assert.AreEqual(MqttClientConnectResultCode.NotAuthorized, anonymous, "anonymous access is off (CONNACK 0x87)");
        Assert.AreEqual(MqttClientConnectResultCode.NotAuthorized, wrongPassword);
        Assert.AreEqual(MqttClientConnectResultCode.NotAuthorized, otherAccountsName, "an account that is not in the password file");
        Assert.AreEqual(MqttClientConnectResultCode.Success, device, "positive control: a device logs in");
        Assert.AreEqual(MqttClientConnectResultCode.Success, consumer, "positive control: the consumer logs in");
    }

    /// <summary>
    /// The positive control for the whole file: the SDK's own consumer, in a shared group of two processes on their own
    /// accounts (as the guide asks, since the client id is the account), opens every sealed report of gate-7.
    /// </summary>
    [TestMethod]
    public async Task SdkConsumers_OnTheHardenedConfig_InASharedGroupOfTwoAccounts_OpenEveryReport()
    {
        await using var run = await StartAsync(HardenedConfig());
        using var fleet = TestFleet.Create(0);
        var device = new EdgeSensor.Sdk.Keys.DeviceRecord(0x9b7f9adc16efab6a, "north-gate", System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), EdgeSensor.Sdk.Keys.DeviceStatus.Active);
        fleet.Store.Add(device);
        await using var first = await TestConsumer.StartAsync(SdkOptions(run, ConsumerUser, ConsumerPassword), fleet.Store, fleet.DatabasePath);
        await using var second = await TestConsumer.StartAsync(SdkOptions(run, ConsumerTail, ConsumerTailPassword), fleet.Store, fleet.DatabasePath);
        var gate7 = await ConnectAsync(run, Gate7, Gate7Password, Gate7ClientId, MqttProtocolVersion.V311);
        using var gate7Lease = DisposeQuietly(gate7);

        const int Reports = 6;
        for (ulong sequence = 1; sequence <= Reports; sequence++)
        {
            await gate7.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(Gate7Topic).WithPayload(TestFleet.Payload(device, sequence))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }

        Assert.IsTrue(await Eventually.TrueAsync(() => first.Sink.Count() == Reports, Wait), $"stored {first.Sink.Count()} of {Reports}:\n{run.Broker.Output}");
        Assert.IsTrue(first.Client.IsConnected && second.Client.IsConnected, "two accounts do not displace each other");
    }

    private static EdgeSensor.Sdk.Client.EdgeSensorClientOptions SdkOptions(DocumentedRun run, string user, string password)
    {
        var options = TestConsumer.Options(run.PortFor(8883), group: "storers");
        options.Host = "localhost";
        options.UseTls = true;
        options.TrustedCaCertificates = [run.Certificates.Ca];
        options.Username = user;
        options.Password = password;
        return options;
    }

    private static string HardenedConfig() => DocumentedBlock("`/etc/mosquitto/conf.d/edgesensor.conf`:");

    private static Task<DocumentedRun> StartAsync(string config) =>
        DocumentedRun.StartAsync(config, (Gate7, Gate7Password), (Gate8, Gate8Password), (ConsumerTail, ConsumerTailPassword));

    /// <summary>The configuration with every line <paramref name="line"/> removed (for a control run).</summary>
    private static string Without(string config, string line)
    {
        string without = string.Join('\n', config.Split('\n').Where(l => l.Trim() != line));
        Assert.AreNotEqual(config, without, $"the documented configuration has the line {line}");
        return without;
    }

    /// <summary>A report-like QoS 1 message; its payload starts with <paramref name="label"/> so the consumer can name it.</summary>
    private static MqttApplicationMessage Report(string topic, string label, int size = ReportBytes, bool retain = false)
    {
        byte[] payload = new byte[Math.Max(size, label.Length)];
        System.Text.Encoding.ASCII.GetBytes(label).CopyTo(payload, 0);
        return new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build();
    }

    /// <summary>Publishes when the broker may close the connection instead of acknowledging.</summary>
    private static async Task TryPublishAsync(IMqttClient client, MqttApplicationMessage message)
    {
        using var timeout = new CancellationTokenSource(Wait);
        try
        {
            await client.PublishAsync(message, timeout.Token);
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
        {
            // The broker closed the connection: what the caller asserts next.
        }
    }

    private static MqttClientOptionsBuilder Options(DocumentedRun run, string? user, string? password, string clientId, MqttProtocolVersion version)
    {
        var builder = new MqttClientOptionsBuilder().WithTcpServer("localhost", run.PortFor(8883))
            .WithProtocolVersion(version).WithTimeout(Wait).WithClientId(clientId).WithCleanSession(true)
            .WithTlsOptions(t => t.UseTls().WithTargetHost("localhost").WithTrustChain([run.Certificates.Ca])
                .WithCertificateValidationHandler(e => MqttConnectionFactoryProbe.Validate(e, run.Certificates)));
        if (user is not null)
        {
            builder.WithCredentials(user, password);
        }

        return builder;
    }

    /// <summary>A connected client over TLS to the documented listener; fails the test when the broker refuses.</summary>
    /// <summary>
    /// Disposes a client at the end of a test even when the broker closed its connection: MQTTnet 5.2 can then race
    /// its own cleanup and throw ObjectDisposedException from Dispose, which says nothing about the broker.
    /// </summary>
    private static IDisposable DisposeQuietly(IMqttClient client) => new QuietDisposal(client);

    private sealed class QuietDisposal(IMqttClient client) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                client.Dispose();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private static async Task<IMqttClient> ConnectAsync(DocumentedRun run, string user, string password, string clientId, MqttProtocolVersion version)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(Options(run, user, password, clientId, version).Build());
        Assert.AreEqual(MqttClientConnectResultCode.Success, result.ResultCode, $"{user} logs in:\n{run.Broker.Output}");
        return client;
    }

    /// <summary>The broker's CONNACK reason code (MQTT 5); UnspecifiedError when the connection closed without one.</summary>
    private static async Task<MqttClientConnectResultCode> TryConnectAsync(DocumentedRun run, string? user, string? password)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        try
        {
            var result = await client.ConnectAsync(Options(run, user, password, "login-" + Guid.NewGuid().ToString("N")[..8], MqttProtocolVersion.V500).Build());
            return result.ResultCode;
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException e)
        {
            // The connection closed without a CONNACK: a refusal too, but not the broker's stated reason.
            Console.WriteLine($"{user ?? "(anonymous)"}: {e.Message}");
            return MqttClientConnectResultCode.UnspecifiedError;
        }
    }

    /// <summary>A subscribed client that records the label of every message it receives.</summary>
    private sealed class Consumer : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<string, bool> _labels = new(StringComparer.Ordinal);

        private Consumer(IMqttClient client)
        {
            Client = client;
            client.ApplicationMessageReceivedAsync += e =>
            {
                var payload = e.ApplicationMessage.Payload.ToArray();
                int end = Array.IndexOf(payload, (byte)0);
                _labels[System.Text.Encoding.ASCII.GetString(payload, 0, end < 0 ? payload.Length : end)] = true;
                return Task.CompletedTask;
            };
        }

        public IMqttClient Client { get; }

        public IReadOnlyList<MqttClientSubscribeResultCode> Granted { get; private set; } = [];

        public static async Task<Consumer> StartAsync(DocumentedRun run, string user, string password, params string[] filters)
        {
            var consumer = new Consumer(await ConnectAsync(run, user, password, "consumer-" + Guid.NewGuid().ToString("N")[..8], MqttProtocolVersion.V500));
            var subscribe = new MqttClientSubscribeOptionsBuilder();
            foreach (string filter in filters.Length == 0 ? ["edgesensor/+/+/report"] : filters)
            {
                subscribe.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
            }

            var result = await consumer.Client.SubscribeAsync(subscribe.Build());
            consumer.Granted = result.Items.Select(i => i.ResultCode).ToArray();
            return consumer;
        }

        public bool Saw(string label) => _labels.ContainsKey(label);

        public Task<bool> ReceivesAsync(string label) => Eventually.TrueAsync(() => Saw(label), Wait);

        public async ValueTask DisposeAsync()
        {
            if (Client.IsConnected)
            {
                await Client.DisconnectAsync();
            }

            DisposeQuietly(Client).Dispose();
        }
    }
}
