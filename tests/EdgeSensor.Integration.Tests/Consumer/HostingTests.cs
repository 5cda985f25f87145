using EdgeSensor.Simulator.Fleet;
using EdgeSensor.Integration.Tests.Support;
using EdgeSensor.Sdk.Hosting;
using EdgeSensor.Sdk.KeyStore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using EdgeSensor.Sdk.Client;

namespace EdgeSensor.Integration.Tests.Consumer;

[TestClass]
[DoNotParallelize] // sets a process-wide environment variable
public sealed class HostingTests
{
    [TestMethod]
    public async Task AddEdgeSensor_HostedConsumer_StoresReportsInSqlite()
    {
        await using var broker = await EmbeddedBroker.StartAsync(persistentSessions: true);
        using var fleet = TestFleet.Create(2);
        string variable = "EDGESENSOR_TEST_HOST_KEY";
        Environment.SetEnvironmentVariable(variable, Convert.ToBase64String(new byte[32]));
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Services.AddEdgeSensor(o =>
            {
                o.Client = TestConsumer.Options(broker.Port);
                o.KeyStorePath = fleet.Store.FilePath;
                o.KeyStoreKeyVariable = variable;
                o.DatabasePath = fleet.DatabasePath;
            });
            using var host = builder.Build();
            await host.StartAsync();
            using var publisher = await TestFleet.ConnectPublisherAsync(broker.Port);
            await Task.Delay(100);
            foreach (var device in fleet.Devices)
            {
                for (ulong s = 1; s <= 10; s++)
                {
                    await TestFleet.PublishAsync(publisher, device, TestFleet.Payload(device, s));
                }
            }

            var client = host.Services.GetRequiredService<EdgeSensor.Sdk.Client.EdgeSensorClient>();
            Assert.IsTrue(await Eventually.TrueAsync(() => client.ReceivedCount == 20));
            await host.StopAsync(); // drains into the sink
            using var check = EdgeSensor.Sdk.Sinks.SqliteReportSink.Open(fleet.DatabasePath);
            Assert.AreEqual(20L, check.Count());
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [TestMethod]
    public async Task AddSink_IntegratorSink_ReceivesEveryReport()
    {
        await using var broker = await EmbeddedBroker.StartAsync(persistentSessions: true);
        using var fleet = TestFleet.Create(1);
        string variable = "EDGESENSOR_TEST_HOST_KEY";
        Environment.SetEnvironmentVariable(variable, Convert.ToBase64String(new byte[32]));
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Services.AddEdgeSensor(o =>
            {
                o.Client = TestConsumer.Options(broker.Port);
                o.KeyStorePath = fleet.Store.FilePath;
                o.KeyStoreKeyVariable = variable;
            }).AddSink<CollectingSink>();
            using var host = builder.Build();
            await host.StartAsync();
            using var publisher = await TestFleet.ConnectPublisherAsync(broker.Port);
            await Task.Delay(100);
            for (ulong s = 1; s <= 5; s++)
            {
                await TestFleet.PublishAsync(publisher, fleet.Devices[0], TestFleet.Payload(fleet.Devices[0], s));
            }

            var sink = (CollectingSink)host.Services.GetServices<EdgeSensor.Sdk.Sinks.IReportSink>().Single(s => s is CollectingSink);
            Assert.IsTrue(await Eventually.TrueAsync(() => sink.Sequences.Count == 5));
            await host.StopAsync();
            CollectionAssert.AreEquivalent(new ulong[] { 1, 2, 3, 4, 5 }, sink.Sequences.ToArray());
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [TestMethod]
    public async Task AddEdgeSensor_InvalidOptions_FailAtStartUp()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddEdgeSensor(o =>
        {
            o.Client.Host = string.Empty;
            o.KeyStorePath = "/nonexistent/keys.json";
            o.KeyStoreKeyVariable = "EDGESENSOR_TEST_UNSET_" + Guid.NewGuid().ToString("N");
        });
        using var host = builder.Build();
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Host is required", ex.Message);
        Assert.Contains("does not exist", ex.Message);
        Assert.Contains("is not set", ex.Message);
        _ = KeyStoreSecret.EnvironmentVariable;
    }

    private sealed class CollectingSink : EdgeSensor.Sdk.Sinks.IReportSink
    {
        public System.Collections.Concurrent.ConcurrentBag<ulong> Sequences { get; } = [];

        public string Name => "collect";

        public ValueTask<int> WriteAsync(IReadOnlyList<EdgeSensor.Sdk.Client.ReceivedReport> batch, CancellationToken cancellationToken)
        {
            foreach (var item in batch)
            {
                Sequences.Add(item.Report.Sequence);
            }

            return ValueTask.FromResult(batch.Count);
        }
    }
}
