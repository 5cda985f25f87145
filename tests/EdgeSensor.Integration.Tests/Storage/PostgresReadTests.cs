using EdgeSensor.Integration.Tests.Support;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Occupancy;
using EdgeSensor.Sdk.Sinks;
using Npgsql;

namespace EdgeSensor.Integration.Tests.Storage;

/// <summary>
/// Reading reports and occupancy back from PostgreSQL (<see cref="ReportSource.Postgres"/>) gives what SQLite gives
/// for the same reports: one query serves both databases.
/// </summary>
[TestClass]
public sealed class PostgresReadTests
{
    private static readonly List<string> s_files = [];

    [ClassCleanup]
    public static void DeleteFiles()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // pooled connections keep the -wal and -shm files
        lock (s_files)
        {
            foreach (string file in s_files.SelectMany(f => new[] { f, f + "-wal", f + "-shm" }))
            {
                File.Delete(file);
            }
        }
    }

    [TestMethod]
    public async Task Read_SameReportsFromBothDatabases_WithEveryFilter()
    {
        var (sqlite, postgres, reports) = await FillBothAsync();

        CollectionAssert.AreEqual(Ordered(reports), await ToListAsync(postgres.ReadAsync()));
        CollectionAssert.AreEqual(await ToListAsync(sqlite.ReadAsync()), await ToListAsync(postgres.ReadAsync()));

        var from = ReportMix.Start.AddSeconds(3 * ReportMix.WindowSeconds);
        var to = ReportMix.Start.AddSeconds(7 * ReportMix.WindowSeconds);
        var filtered = await ToListAsync(postgres.ReadAsync(ReportMix.NorthGate, ReportMix.DeviceA, from, to));
        Assert.HasCount(4, filtered);
        Assert.IsTrue(filtered.All(r => r.Report.DeviceId == ReportMix.DeviceA && r.Report.WindowStart >= from && r.Report.WindowStart < to));
        CollectionAssert.AreEqual(await ToListAsync(sqlite.ReadAsync(ReportMix.NorthGate, ReportMix.DeviceA, from, to)), filtered);
        Assert.AreEqual(4L, await postgres.CountAsync(ReportMix.NorthGate, ReportMix.DeviceA, from, to));
        Assert.AreEqual((long)reports.Count, await postgres.CountAsync());
        Assert.AreEqual(0L, await postgres.CountAsync(site: "nowhere"));
    }

    [TestMethod]
    public async Task OccupancyQueries_OverPostgres_AnswerAsOverSqlite()
    {
        var (sqlite, postgres, _) = await FillBothAsync();
        var fromSqlite = new OccupancyQueries(sqlite);
        var fromPostgres = new OccupancyQueries(postgres);

        var devices = await fromPostgres.CurrentByDeviceAsync();
        CollectionAssert.AreEqual((await fromSqlite.CurrentByDeviceAsync()).ToArray(), devices.ToArray());
        Assert.HasCount(3, devices);

        // Device B withholds occupancy (mode 3): the running sum of its entries − exits, 12 windows of 5 − 2.
        var b = devices.Single(d => d.DeviceId == ReportMix.DeviceB);
        Assert.AreEqual(36.0, b.Occupancy.Value);
        Assert.AreEqual(ReportMix.Windows, b.DerivedWindows);
        var a = devices.Single(d => d.DeviceId == ReportMix.DeviceA);
        Assert.AreEqual((double)Enumerable.Range(0, ReportMix.Windows).Sum(w => ReportMix.EntriesOfA(w) - 1), a.Occupancy.Value);

        CollectionAssert.AreEqual((await fromSqlite.CurrentBySiteAsync()).ToArray(), (await fromPostgres.CurrentBySiteAsync()).ToArray());
        var end = ReportMix.Start.AddSeconds(ReportMix.Windows * ReportMix.WindowSeconds);
        var flowPostgres = await fromPostgres.FlowAsync(TimeSpan.FromHours(1), ReportMix.Start, end, ReportMix.SouthDoor);
        CollectionAssert.AreEqual((await fromSqlite.FlowAsync(TimeSpan.FromHours(1), ReportMix.Start, end, ReportMix.SouthDoor)).ToArray(), flowPostgres.ToArray());
        Assert.AreEqual(7.0 * (ReportMix.Windows - 1), flowPostgres.Single().Entries.Value);
        Assert.AreEqual(ReportMix.Windows - 1, flowPostgres.Single().Exits.SuppressedWindows, "every stored window of C withholds its exits");
    }

    [TestMethod]
    public async Task Read_TableFromBeforeTheLaterColumns_ReadsThemAsZero_WithoutChangingIt()
    {
        var server = await PostgresServer.SharedAsync();
        string connectionString = await server.CreateDatabaseAsync();
        await using (var sink = new PostgresReportSink(connectionString))
        {
            await sink.WriteAsync(ReportMix.Build(), CancellationToken.None);
        }

        await ExecuteAsync(connectionString, "ALTER TABLE reports DROP COLUMN contribution_bound; ALTER TABLE reports DROP COLUMN extended_disclosure");
        var read = await ToListAsync(ReportSource.Postgres(connectionString).ReadAsync(deviceId: ReportMix.DeviceB));

        Assert.HasCount(ReportMix.Windows, read);
        Assert.IsTrue(read.All(r => r.Report.ContributionBound == 0 && !r.Report.ExtendedDisclosure));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM information_schema.columns WHERE table_name = 'reports'", connection);
        Assert.AreEqual(21L, (long)(await count.ExecuteScalarAsync())!, "reading added no column");
    }

    [TestMethod]
    public async Task Read_NoTable_Unreachable_Malformed_FailInWords()
    {
        var server = await PostgresServer.SharedAsync();
        var empty = ReportSource.Postgres(await server.CreateDatabaseAsync());
        var noTable = await Assert.ThrowsAsync<PostgresException>(() => empty.CountAsync());
        Assert.Contains("reports", noTable.Message);

        var unreachable = ReportSource.Postgres($"Host=127.0.0.1;Port={FreePort.Next()};Database=x;Username=u;Password=secret-4711;Timeout=3");
        Assert.DoesNotContain("4711", unreachable.Description);
        Assert.Contains("Password=********", unreachable.Description);
        await Assert.ThrowsAsync<NpgsqlException>(() => unreachable.CountAsync());

        var malformed = Assert.Throws<ArgumentException>(() => ReportSource.Postgres("Host=db;Password=secret-4711;Port=notaport"));
        Assert.DoesNotContain("4711", malformed.Message);
    }

    private static async Task<(ReportSource Sqlite, ReportSource Postgres, List<ReceivedReport> Reports)> FillBothAsync()
    {
        var server = await PostgresServer.SharedAsync();
        var reports = ReportMix.Build();
        string connectionString = await server.CreateDatabaseAsync();
        await using (var sink = new PostgresReportSink(connectionString))
        {
            Assert.AreEqual(reports.Count, await sink.WriteAsync(reports, CancellationToken.None));
        }

        string path = Path.Combine(Path.GetTempPath(), "edgesensor-read-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        lock (s_files)
        {
            s_files.Add(path);
        }

        using (var sink = SqliteReportSink.Open(path))
        {
            Assert.AreEqual(reports.Count, await sink.WriteAsync(reports, CancellationToken.None));
        }

        return (ReportSource.Sqlite(path), ReportSource.Postgres(connectionString), reports);
    }

    private static List<ReceivedReport> Ordered(List<ReceivedReport> reports) =>
        reports.OrderBy(r => r.Site, StringComparer.Ordinal).ThenBy(r => r.Report.DeviceIdText, StringComparer.Ordinal).ThenBy(r => r.Report.WindowStart).ToList();

    private static async Task<List<ReceivedReport>> ToListAsync(IAsyncEnumerable<ReceivedReport> reports)
    {
        var list = new List<ReceivedReport>();
        await foreach (var item in reports)
        {
            list.Add(item);
        }

        return list;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
