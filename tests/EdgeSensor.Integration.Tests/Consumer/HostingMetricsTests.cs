using System.Globalization;
using EdgeSensor.Integration.Tests.Support;
using EdgeSensor.Sdk.Diagnostics;
using EdgeSensor.Sdk.Hosting;
using EdgeSensor.Simulator.Fleet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;

namespace EdgeSensor.Integration.Tests.Consumer;

/// <summary>
/// The hosting wiring docs/metrics.md shows: AddEdgeSensor plus OpenTelemetry's AddMeter and Prometheus HttpListener
/// serve the consumer's counters. Not in parallel: it sets a process-wide environment variable, and the exporter
/// listens to every meter named "EdgeSensor.Sdk" in the process.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class HostingMetricsTests
{
    [TestMethod]
    public async Task HostedConsumer_WithOpenTelemetryPrometheus_ServesReceivedStoredAndRejected()
    {
        await using var broker = await EmbeddedBroker.StartAsync(persistentSessions: true);
        using var fleet = TestFleet.Create(1);
        const string Variable = "EDGESENSOR_TEST_METRICS_KEY";
        Environment.SetEnvironmentVariable(Variable, Convert.ToBase64String(new byte[32]));
        int port = FreePort.Next();
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Services.AddEdgeSensor(o =>
            {
                o.Client = TestConsumer.Options(broker.Port);
                o.KeyStorePath = fleet.Store.FilePath;
                o.KeyStoreKeyVariable = Variable;
                o.DatabasePath = fleet.DatabasePath;
            });
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(EdgeSensorMetrics.MeterName)
                .AddPrometheusHttpListener(o => { o.Host = "127.0.0.1"; o.Port = port; o.ScrapeResponseCacheDurationMilliseconds = 0; }));
            using var host = builder.Build();
            await host.StartAsync();
            using var publisher = await TestFleet.ConnectPublisherAsync(broker.Port);
            await Task.Delay(100);
            var device = fleet.Devices[0];
            for (ulong s = 1; s <= 4; s++)
            {
                await TestFleet.PublishAsync(publisher, device, TestFleet.Payload(device, s));
            }

            await TestFleet.PublishAsync(publisher, device, TestFleet.Payload(device, 2)); // a replay

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            string body = string.Empty;
            bool complete = false;
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (!complete && DateTime.UtcNow < deadline)
            {
                body = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/metrics"));
                complete = body.Contains("edgesensor_reports_stored_total{otel_scope_name=\"EdgeSensor.Sdk\",sink=\"sqlite\"} 4", StringComparison.Ordinal)
                    && body.Contains("reason=\"replayed\"} 1", StringComparison.Ordinal);
                await Task.Delay(complete ? 0 : 100);
            }

            await host.StopAsync();

            Assert.IsTrue(complete, body);
            StringAssert.Contains(body, $"edgesensor_reports_received_total{{otel_scope_name=\"EdgeSensor.Sdk\",site=\"{device.Site}\"}} 4");
            StringAssert.Contains(body, "edgesensor_connection_up{otel_scope_name=\"EdgeSensor.Sdk\"} 1");
            Assert.DoesNotContain(Convert.ToHexString(device.RootKey.Span), body, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, null);
        }
    }
}
