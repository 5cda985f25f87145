using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using EdgeSensor.Cli.Commands;
using EdgeSensor.Integration.Tests.Support;
using EdgeSensor.Sdk.KeyStore;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Topics;
using EdgeSensor.Simulator.Fleet;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeSensor.Cli.Tests;

/// <summary>
/// <c>store --metrics</c>: the consumer's counters scraped over HTTP in Prometheus text format while it runs.
/// Not run in parallel with other classes: the exporter listens to every meter named "EdgeSensor.Sdk" in the
/// process, so another test's client would add to the counters asserted here.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed partial class StoreMetricsTests
{
    private const string Site = "north-gate";

    [TestMethod]
    public async Task Store_WithMetrics_ServesOpenedRejectedByReasonAndStoreWrites_OverHttp()
    {
        using var cli = new CliHarness();
        DeviceRecord device;
        using (var store = FileDeviceKeyStore.Create(cli.KeyStorePath, cli.Secret))
        {
            device = store.Provision(Site);
        }

        await using var broker = await EmbeddedBroker.StartAsync(persistentSessions: true);
        Task subscribed = BrokerSubscriptions.FirstAsync(broker);
        int metricsPort = FreePort.Next();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        string db = Path.Combine(cli.Directory, "reports.db");
        var storing = cli.RunUntilAsync(stop.Token, "store", "--keystore", cli.KeyStorePath, "--db", db, "--host", "127.0.0.1", "--port", broker.Port.ToString(CultureInfo.InvariantCulture), "--metrics", $"127.0.0.1:{metricsPort}");

        using var publisher = new MqttClientFactory().CreateMqttClient();
        await publisher.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).Build());
        await subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        const int Good = 5;
        for (ulong sequence = 1; sequence <= Good + 1; sequence++)
        {
            byte[] payload = TestSealer.Seal(device.RootKey.Span, device.DeviceId, 0, sequence, DateTimeOffset.FromUnixTimeSeconds(1_700_000_040 + ((long)sequence * 60)));
            if (sequence == Good + 1)
            {
                payload[^1] ^= 0x01; // a tampered tag: rejected as authentication_failed
            }

            await publisher.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(ReportTopics.ForDevice(Site, device.DeviceId)).WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        string body = string.Empty;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            body = await http.GetStringAsync(new Uri($"http://127.0.0.1:{metricsPort}/metrics"));
            if (Value(body, "edgesensor_reports_stored_total", "sink", "sqlite") == Good && Value(body, "edgesensor_reports_rejected_total", "reason", "authentication_failed") == 1)
            {
                break;
            }

            await Task.Delay(100);
        }

        await stop.CancelAsync();
        var (code, output) = await storing.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.AreEqual(ExitCodes.Success, code, output);
        Assert.Contains($"Metrics at http://127.0.0.1:{metricsPort}/metrics", output);
        Assert.AreEqual(Good, Value(body, "edgesensor_reports_received_total", "site", Site), body);
        Assert.AreEqual(1, Value(body, "edgesensor_reports_rejected_total", "reason", "authentication_failed"), body);
        Assert.AreEqual(Good, Value(body, "edgesensor_reports_stored_total", "sink", "sqlite"), body);
        Assert.IsGreaterThanOrEqualTo(1, Value(body, "edgesensor_sink_writes_total", "outcome", "ok"), body);
        Assert.IsLessThanOrEqualTo(0, Value(body, "edgesensor_sink_writes_total", "outcome", "failed"), "no failed write (no sample or 0)");
        Assert.AreEqual(1, Value(body, "edgesensor_connection_up", null, null), body);
        Assert.AreEqual(Good, Value(body, "edgesensor_reports_lag_seconds_count", null, null), body);
        Assert.AreEqual(0, Value(body, "edgesensor_reports_lag_seconds_bucket", "le", "86400"), "these windows ended in 2023: every lag is over a day");
        Assert.IsLessThanOrEqualTo(0, Value(body, "edgesensor_connection_reconnects_total", null, null), "no reconnect (no sample or 0)");

        // Labels name sites, sinks, reasons and outcomes: never a key, a device id or a payload.
        Assert.DoesNotContain(Convert.ToHexString(device.RootKey.Span), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(device.RootKey.Span), body);
        Assert.Contains("service_name=\"edgesensor\"", body, "the resource names the tool");
        foreach (Match label in body.Split('\n').Where(l => l.StartsWith("edgesensor_", StringComparison.Ordinal)).SelectMany(l => LabelName().Matches(l)))
        {
            CollectionAssert.Contains(new[] { "site", "reason", "sink", "outcome", "le", "otel_scope_name", "otel_scope_version", "otel_scope_schema_url" }, label.Groups[1].Value, body);
        }
    }

    [TestMethod]
    public async Task Tail_WithMetrics_CountsOpenedAndRejectedByReason_AndIsConnected()
    {
        using var cli = new CliHarness();
        DeviceRecord device;
        using (var store = FileDeviceKeyStore.Create(cli.KeyStorePath, cli.Secret))
        {
            device = store.Provision(Site);
        }

        await using var broker = await EmbeddedBroker.StartAsync(persistentSessions: true);
        Task subscribed = BrokerSubscriptions.FirstAsync(broker);
        int metricsPort = FreePort.Next();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var tailing = cli.RunUntilAsync(stop.Token, "tail", "--keystore", cli.KeyStorePath, "--host", "127.0.0.1", "--port", broker.Port.ToString(CultureInfo.InvariantCulture), "--metrics", metricsPort.ToString(CultureInfo.InvariantCulture));

        using var publisher = new MqttClientFactory().CreateMqttClient();
        await publisher.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).Build());
        await subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        const ulong Stranger = 0x0123456789abcdef; // not in the key store
        foreach (var (id, sequence) in new[] { (device.DeviceId, 1UL), (device.DeviceId, 2UL), (Stranger, 1UL) })
        {
            byte[] payload = TestSealer.Seal(device.RootKey.Span, id, 0, sequence, DateTimeOffset.UtcNow.AddMinutes(-2));
            await publisher.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(ReportTopics.ForDevice(Site, id)).WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        string body = string.Empty;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline && !(Value(body, "edgesensor_reports_received_total", "site", Site) == 2 && Value(body, "edgesensor_reports_rejected_total", "reason", "unknown_device") == 1))
        {
            await Task.Delay(100);
            body = await http.GetStringAsync(new Uri($"http://127.0.0.1:{metricsPort}/metrics"));
        }

        await stop.CancelAsync();
        var (code, output) = await tailing.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.AreEqual(ExitCodes.Success, code, output);
        Assert.AreEqual(2, Value(body, "edgesensor_reports_received_total", "site", Site), body);
        Assert.AreEqual(1, Value(body, "edgesensor_reports_rejected_total", "reason", "unknown_device"), body);
        Assert.AreEqual(1, Value(body, "edgesensor_connection_up", null, null), body);
        Assert.AreEqual(-1, Value(body, "edgesensor_reports_stored_total", null, null), "tail stores nothing");
        Assert.AreEqual(2, Value(body, "edgesensor_reports_lag_seconds_bucket", "le", "300"), "windows that ended a minute ago arrive within 300 s");
        Assert.DoesNotContain(Stranger.ToString("x16", CultureInfo.InvariantCulture), body, "no device id in the labels");
    }

    [TestMethod]
    public async Task Store_MetricsPortInUse_OneLineInWords_ExitFailure()
    {
        using var cli = new CliHarness();
        Provision(cli);
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (code, output) = await cli.RunAsync("store", "--keystore", cli.KeyStorePath, "--db", Path.Combine(cli.Directory, "r.db"), "--port", "1", "--duration", "5s", "--metrics", $"127.0.0.1:{port}");

        Assert.AreEqual(ExitCodes.Failure, code, output);
        Assert.AreEqual(1, output.Trim().Split('\n').Length, output);
        StringAssert.StartsWith(output.Trim(), $"--metrics 127.0.0.1:{port}: cannot listen there");
        Assert.DoesNotContain("   at ", output, "no stack trace");
    }

    [TestMethod]
    [DataRow("store", "9464x")]
    [DataRow("store", "0")]
    [DataRow("store", "example.org:9464")]
    [DataRow("tail", "127.0.0.1:70000")]
    [DataRow("tail", "::1:9464")]
    [DataRow("tail", "[::1]:9464")]
    public async Task Metrics_BadAddress_IsAUsageErrorInWords(string command, string value)
    {
        using var cli = new CliHarness();
        Provision(cli);
        string[] database = command == "store" ? ["--db", Path.Combine(cli.Directory, "r.db")] : [];

        var (code, output) = await cli.RunAsync([command, "--keystore", cli.KeyStorePath, .. database, "--port", "1", "--duration", "5s", "--metrics", value]);

        Assert.AreEqual(ExitCodes.Usage, code, output);
        Assert.Contains($"--metrics: '{value}'", output);
        Assert.DoesNotContain("   at ", output, "no stack trace");
    }

    [TestMethod]
    [DataRow("9464", "127.0.0.1", 9464, true)]
    [DataRow("localhost:80", "localhost", 80, true)]
    [DataRow("0.0.0.0:9464", "0.0.0.0", 9464, false)]
    public void MetricsAddress_Parses_ABarePortBindsLoopback(string text, string host, int port, bool loopback)
    {
        Assert.IsTrue(MetricsOption.TryParse(text, out var address, out string problem), problem);
        Assert.AreEqual(new MetricsAddress(host, port), address);
        Assert.AreEqual(loopback, address!.IsLoopback);
    }

    [TestMethod]
    public async Task Store_MetricsOnEveryInterface_AnswersOnLoopback_AndWarns()
    {
        using var cli = new CliHarness();
        Provision(cli);
        int port = FreePort.Next();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var storing = cli.RunUntilAsync(stop.Token, "store", "--keystore", cli.KeyStorePath, "--db", Path.Combine(cli.Directory, "r.db"), "--port", "1", "--duration", "30s", "--metrics", $"0.0.0.0:{port}");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        string body = string.Empty;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline && body.Length == 0)
        {
            try
            {
                body = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        await stop.CancelAsync();
        var (_, output) = await storing.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("edgesensor_connection_up", body, output);
        Assert.Contains("reachable from other machines", output);
    }

    /// <summary>The value of the one sample of <paramref name="metric"/> whose label <paramref name="label"/> is <paramref name="value"/> (-1 if none).</summary>
    private static double Value(string body, string metric, string? label, string? value)
    {
        foreach (string line in body.Split('\n'))
        {
            if (!line.StartsWith(metric, StringComparison.Ordinal) || line.Length == metric.Length || line[metric.Length] is not ('{' or ' '))
            {
                continue;
            }

            if (label is null || line.Contains($"{label}=\"{value}\"", StringComparison.Ordinal))
            {
                // name{labels} value [timestamp]: the value is the first field after the labels.
                string rest = line[(line.LastIndexOf('}') is int close and >= 0 ? close + 1 : metric.Length)..].Trim();
                return double.Parse(rest.Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }

    private static void Provision(CliHarness cli)
    {
        using var store = FileDeviceKeyStore.Create(cli.KeyStorePath, cli.Secret);
        store.Provision(Site);
    }

    [GeneratedRegex(@"[{,]([a-zA-Z_][a-zA-Z0-9_]*)=""")]
    private static partial Regex LabelName();
}
