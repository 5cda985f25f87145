using System.Diagnostics;
using EdgeSensor.Integration.Tests.Support;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Sinks;
using Npgsql;

namespace EdgeSensor.Integration.Tests.Storage;

/// <summary>
/// Several consumers in one MQTT shared-subscription group on a real Mosquitto, all writing to one real
/// PostgreSQL database: the "0 lost, 0 duplicated" over the whole path.
/// </summary>
[TestClass]
public sealed class PostgresSharedSubscriptionTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task ThreeConsumersInOneGroup_OneDatabase_EveryPublishedReportStoredExactlyOnce()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var server = await PostgresServer.SharedAsync();
        string database = await server.CreateDatabaseAsync();
        using var fleet = TestFleet.Create(4);
        var consumers = new List<TestConsumer<PostgresReportSink>>();
        try
        {
            for (int i = 0; i < 3; i++)
            {
                consumers.Add(await TestConsumer.StartPostgresAsync(TestConsumer.Options(broker.Port, group: "pg-storers"), fleet.Store, database));
            }

            // Four devices, two key epochs each (a reboot mid-stream), interleaved as a fleet would publish.
            const int perEpoch = 150;
            var published = new HashSet<(string Device, long Epoch, long Sequence)>();
            int messages = 0;
            using var publisher = await TestFleet.ConnectPublisherAsync(broker.Port);
            var clock = Stopwatch.StartNew();
            var pending = new List<Task>();
            for (uint epoch = 0; epoch <= 1; epoch++)
            {
                for (ulong s = 1; s <= perEpoch; s++)
                {
                    foreach (var device in fleet.Devices)
                    {
                        // Up to 100 publishes in flight: the consumers, not the publisher's round trips, set the pace.
                        pending.Add(TestFleet.PublishAsync(publisher, device, TestFleet.Payload(device, s, epoch)));
                        published.Add((device.DeviceIdText, epoch, (long)s));
                        messages++;
                        await DrainIfFullAsync(pending, 100);
                    }
                }
            }

            // Devices whose acknowledgement got lost publish again: a copy reaching another member is the
            // sink's duplicate, one reaching the same member is that member's replay rejection. Device by
            // device, so the broker's round robin gives copies to other members than the originals.
            int copies = 0;
            foreach (var device in fleet.Devices)
            {
                for (ulong s = 10; s <= perEpoch; s += 10)
                {
                    pending.Add(TestFleet.PublishAsync(publisher, device, TestFleet.Payload(device, s, epoch: 1)));
                    copies++;
                    await DrainIfFullAsync(pending, 100);
                }
            }

            await Task.WhenAll(pending);
            messages += copies;
            Assert.IsTrue(
                await Eventually.TrueAsync(
                    () => consumers.Sum(c => c.Client.ReceivedCount + c.Client.RejectedCount) == messages
                        && consumers.Sum(c => c.Pump.StoredCount + c.Pump.DuplicateCount) == consumers.Sum(c => c.Client.ReceivedCount),
                    TimeSpan.FromSeconds(90)),
                $"handled {consumers.Sum(c => c.Client.ReceivedCount + c.Client.RejectedCount)} of {messages} messages");
            clock.Stop();

            var rows = new List<(string Device, long Epoch, long Sequence)>();
            await using (var connection = new NpgsqlConnection(database))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT device_id, epoch, sequence FROM reports", connection);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
                }
            }

            Assert.HasCount(published.Count, rows, "0 lost, 0 duplicated rows");
            Assert.IsTrue(published.SetEquals(rows), "the table holds exactly the published (device, epoch, sequence)");
            Assert.AreEqual((long)published.Count, consumers.Sum(c => c.Pump.StoredCount), "each report counted as new by exactly one consumer");
            Assert.AreEqual(consumers.Sum(c => c.Client.ReceivedCount) - published.Count, consumers.Sum(c => c.Pump.DuplicateCount));
            Assert.AreEqual((long)copies, consumers.Sum(c => c.Pump.DuplicateCount + c.Client.RejectedCount), "every copy was a sink duplicate or a replay rejection");
            Assert.IsTrue(consumers.All(c => c.Client.ReceivedCount > 0), "every member got a share: " + string.Join(",", consumers.Select(c => c.Client.ReceivedCount)));

            TestContext.WriteLine($"{published.Count} reports (+{copies} republished) through Mosquitto into PostgreSQL with {consumers.Count} consumers in {clock.Elapsed.TotalSeconds:0.00} s: {published.Count / clock.Elapsed.TotalSeconds:0} reports/s end to end (one publisher, 100 QoS 1 publishes in flight); shares {string.Join("/", consumers.Select(c => c.Client.ReceivedCount))}, sink duplicates {consumers.Sum(c => c.Pump.DuplicateCount)}, replay rejections {consumers.Sum(c => c.Client.RejectedCount)}");
        }
        finally
        {
            foreach (var consumer in consumers)
            {
                await consumer.DisposeAsync();
            }
        }
    }

    private static async Task DrainIfFullAsync(List<Task> pending, int limit)
    {
        if (pending.Count >= limit)
        {
            await Task.WhenAll(pending);
            pending.Clear();
        }
    }

    [TestMethod]
    public async Task ThreeSinksWritingFullBatchesAtOnce_StoreEveryRow_AtAGenerousFloorRate()
    {
        var server = await PostgresServer.SharedAsync();
        string database = await server.CreateDatabaseAsync();
        using var fleet = TestFleet.Create(1);
        ReceivedReport template = SqliteReportSinkTests.OpenAll(fleet, 1)[0];
        const int perSink = 6_000;
        const int sinkCount = 3;
        var sinks = Enumerable.Range(0, sinkCount).Select(_ => new PostgresReportSink(database)).ToArray();
        try
        {
            foreach (var sink in sinks)
            {
                await sink.EnsureSchemaAsync();
            }

            // Disjoint sequences per sink, in the pump's full batches: what a shared group's members write.
            var clock = Stopwatch.StartNew();
            var writes = sinks.Select((sink, n) => Task.Run(async () =>
            {
                var reports = Enumerable.Range(0, perSink)
                    .Select(i => template with { Report = template.Report with { Sequence = (ulong)((n * perSink) + i + 1) } })
                    .ToArray();
                int inserted = 0;
                foreach (var batch in reports.Chunk(512))
                {
                    inserted += await sink.WriteAsync(batch, CancellationToken.None);
                }

                return inserted;
            })).ToArray();
            int total = (await Task.WhenAll(writes)).Sum();
            clock.Stop();

            Assert.AreEqual(perSink * sinkCount, total);
            Assert.AreEqual((long)(perSink * sinkCount), await sinks[0].CountAsync());
            double perSecond = total / clock.Elapsed.TotalSeconds;
            TestContext.WriteLine($"{total} reports into PostgreSQL by {sinkCount} sinks in batches of 512: {clock.Elapsed.TotalSeconds:0.00} s, {perSecond:0} reports/s");
            Assert.IsGreaterThan(300.0, perSecond, "regression guard only; the measured figure is in docs/sdk.md");
        }
        finally
        {
            foreach (var sink in sinks)
            {
                await sink.DisposeAsync();
            }
        }
    }
}
