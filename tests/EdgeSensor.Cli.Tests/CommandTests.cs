using EdgeSensor.Simulator.Fleet;
using System.Text.Json;
using EdgeSensor.Cli.Commands;
using EdgeSensor.Integration.Tests.Support;
using EdgeSensor.Sdk.KeyStore;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Opening;
using EdgeSensor.Sdk.Sinks;
using MQTTnet;
using MQTTnet.Protocol;
using EdgeSensor.Sdk.Provisioning;
using EdgeSensor.Sdk.Topics;

namespace EdgeSensor.Cli.Tests;

[TestClass]
public sealed class CommandTests
{
    [TestMethod]
    [DataRow("provision")]
    [DataRow("devices")]
    [DataRow("devices", "list")]
    [DataRow("devices", "revoke")]
    [DataRow("devices", "rotate")]
    [DataRow("tail")]
    [DataRow("store")]
    [DataRow("export")]
    [DataRow("open")]
    public async Task Help_OnEveryCommand_PrintsUsageAndExitsZero(params string[] path)
    {
        using var cli = new CliHarness();
        var (code, output) = await cli.RunAsync([.. path, "--help"]);
        Assert.AreEqual(ExitCodes.Success, code, output);
        Assert.Contains("Usage:", output);
        Assert.Contains(path[^1], output);
    }

    [TestMethod]
    public async Task UnknownOption_IsAUsageError()
    {
        using var cli = new CliHarness();
        var (code, output) = await cli.RunAsync("devices", "list", "--bogus");
        Assert.AreEqual(ExitCodes.Usage, code);
        Assert.Contains("--bogus", output);
    }

    [TestMethod]
    public async Task Devices_ListRevokeRotate()
    {
        using var cli = new CliHarness();
        DeviceRecord a;
        DeviceRecord b;
        using (var store = FileDeviceKeyStore.Create(cli.KeyStorePath, cli.Secret))
        {
            a = store.Provision("east");
            b = store.Provision("west");
        }

        var (code, output) = await cli.RunAsync("devices", "list", "--keystore", cli.KeyStorePath);
        Assert.AreEqual(ExitCodes.Success, code, output);
        Assert.Contains(a.DeviceIdText, output);
        Assert.Contains(b.DeviceIdText, output);
        Assert.DoesNotContain(Convert.ToBase64String(a.RootKey.Span), output);

        (code, output) = await cli.RunAsync("devices", "revoke", a.DeviceIdText, "--keystore", cli.KeyStorePath);
        Assert.AreEqual(ExitCodes.Success, code, output);
        string bundle = Path.Combine(cli.Directory, "b.json");
        (code, output) = await cli.RunAsync("devices", "rotate", b.DeviceIdText, "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "lab", "--wifi-open", "--disclosure", "suppression", "--out", bundle);
        Assert.AreEqual(ExitCodes.Success, code, output);
        (code, _) = await cli.RunAsync("devices", "revoke", "00000000000000ff", "--keystore", cli.KeyStorePath);
        Assert.AreEqual(ExitCodes.Failure, code);

        using var reopened = FileDeviceKeyStore.Open(cli.KeyStorePath, cli.Secret);
        Assert.IsTrue(reopened.TryGetDevice(a.DeviceId, out var ra) && ra.Status == DeviceStatus.Revoked);
        Assert.IsTrue(reopened.TryGetDevice(b.DeviceId, out var rb));
        CollectionAssert.AreNotEqual(b.RootKey.ToArray(), rb.RootKey.ToArray());
        CollectionAssert.AreEqual(Convert.FromBase64String(DeviceConfigurationBundle.Read(bundle).RootKey), rb.RootKey.ToArray());
    }

    [TestMethod]
    public async Task Open_ExplainsAcceptanceAndEachRejection()
    {
        using var cli = new CliHarness();
        DeviceRecord device;
        using (var store = FileDeviceKeyStore.Create(cli.KeyStorePath, cli.Secret))
        {
            device = store.Provision("north-gate");
        }

        byte[] payload = TestSealer.Seal(device.RootKey.Span, device.DeviceId, 0, 7, DateTimeOffset.FromUnixTimeSeconds(1_700_000_040));
        var (code, output) = await cli.RunAsync("open", "--hex", Convert.ToHexString(payload), "--keystore", cli.KeyStorePath);
        Assert.AreEqual(ExitCodes.Success, code, output);
        Assert.Contains("Accepted", output);
        Assert.Contains("3 / 1", output);

        payload[30] ^= 0x40;
        string file = Path.Combine(cli.Directory, "payload.bin");
        await File.WriteAllBytesAsync(file, payload);
        (code, output) = await cli.RunAsync("open", "--file", file, "--keystore", cli.KeyStorePath);
        Assert.AreEqual(ExitCodes.Rejected, code);
        Assert.Contains("AuthenticationFailed", output);
        Assert.Contains(OpenCommand.Explain(RejectionReason.AuthenticationFailed)[..40], output);
        Assert.Contains(device.DeviceIdText, output);

        (code, output) = await cli.RunAsync("open", "--hex", "zz", "--keystore", cli.KeyStorePath);
        Assert.AreEqual(ExitCodes.Usage, code, output);
    }

    [TestMethod]
    public async Task Tail_ShowsReportsAsTableRowsAndRejections()
    {
        using var cli = new CliHarness();
        DeviceRecord device;
        using (var store = FileDeviceKeyStore.Create(cli.KeyStorePath, cli.Secret))
        {
            device = store.Provision("north-gate");
        }

        await using var broker = await EmbeddedBroker.StartAsync(persistentSessions: true);
        // The consumer's subscription, not just its connection, must exist before anything is published.
        Task subscribed = BrokerSubscriptions.FirstAsync(broker);
        var tailing = cli.RunAsync("tail", "--keystore", cli.KeyStorePath, "--host", "127.0.0.1", "--port", broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--site", "north-gate", "--count", "2", "--duration", "00:00:30");
        using var publisher = new MqttClientFactory().CreateMqttClient();
        await publisher.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).Build());
        await subscribed.WaitAsync(TimeSpan.FromSeconds(20));
        string topic = ReportTopics.ForDevice("north-gate", device.DeviceId);
        await publisher.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(new byte[] { 1, 2, 3 }).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        for (ulong s = 1; s <= 2; s++)
        {
            byte[] payload = TestSealer.Seal(device.RootKey.Span, device.DeviceId, 0, s, DateTimeOffset.FromUnixTimeSeconds(1_700_000_040 + ((long)s * 60)));
            await publisher.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }

        var (code, output) = await tailing;
        Assert.AreEqual(ExitCodes.Success, code, output);
        Assert.Contains("rejected malformed", output);
        Assert.Contains(device.DeviceIdText, output);
        Assert.Contains("2 report(s), 1 rejected", output);
    }

    [TestMethod]
    public async Task StoreThenExport_ThroughABroker_WritesEveryReportOnceToCsv()
    {
        using var cli = new CliHarness();
        DeviceRecord device;
        using (var store = FileDeviceKeyStore.Create(cli.KeyStorePath, cli.Secret))
        {
            device = store.Provision("north-gate");
        }

        await using var broker = await EmbeddedBroker.StartAsync(persistentSessions: true);
        string db = Path.Combine(cli.Directory, "reports.db");
        // The consumer's subscription, not just its connection, must exist before anything is published.
        Task subscribed = BrokerSubscriptions.FirstAsync(broker);
        var storing = cli.RunAsync("store", "--keystore", cli.KeyStorePath, "--db", db, "--host", "127.0.0.1", "--port", broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--count", "6", "--duration", "00:00:30");

        using var publisher = new MqttClientFactory().CreateMqttClient();
        await publisher.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).Build());
        await subscribed.WaitAsync(TimeSpan.FromSeconds(20));
        for (ulong s = 1; s <= 6; s++)
        {
            byte[] payload = TestSealer.Seal(device.RootKey.Span, device.DeviceId, 0, s, DateTimeOffset.FromUnixTimeSeconds(1_700_000_040 + ((long)s * 60)));
            await publisher.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(ReportTopics.ForDevice("north-gate", device.DeviceId)).WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }

        var (code, output) = await storing;
        Assert.AreEqual(ExitCodes.Success, code, output);
        using (var sink = SqliteReportSink.Open(db))
        {
            Assert.AreEqual(6L, sink.Count());
        }

        string csv = Path.Combine(cli.Directory, "out.csv");
        (code, output) = await cli.RunAsync("export", "--db", db, "--out", csv);
        Assert.AreEqual(ExitCodes.Success, code, output);
        string[] lines = await File.ReadAllLinesAsync(csv);
        Assert.HasCount(7, lines);
        Assert.AreEqual(CsvReportSink.Header, lines[0]);
        Assert.Contains("Wrote 6 report(s)", output);
    }
}
