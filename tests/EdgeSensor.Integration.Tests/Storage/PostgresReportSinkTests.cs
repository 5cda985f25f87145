using EdgeSensor.Integration.Tests.Support;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Sinks;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EdgeSensor.Integration.Tests.Storage;

/// <summary>The PostgreSQL sink against a real server the fixture runs (one per test run, a database per test).</summary>
[TestClass]
public sealed class PostgresReportSinkTests
{
    /// <summary>Stops the run's shared PostgreSQL (every class's tests have finished by now).</summary>
    [AssemblyCleanup]
    public static Task StopSharedPostgresAsync() => PostgresServer.StopSharedAsync();

    [TestMethod]
    public async Task Write_SameReportsTwice_StoresOnce()
    {
        var server = await PostgresServer.SharedAsync();
        using var fleet = TestFleet.Create(2);
        var reports = SqliteReportSinkTests.OpenAll(fleet, 5);
        await using var sink = new PostgresReportSink(await server.CreateDatabaseAsync());

        Assert.AreEqual(10, await sink.WriteAsync(reports, CancellationToken.None));
        Assert.AreEqual(0, await sink.WriteAsync(reports, CancellationToken.None));
        Assert.AreEqual(0, await sink.WriteAsync([reports[0], reports[0], reports[1] with { }], CancellationToken.None));
        Assert.AreEqual(10L, await sink.CountAsync());
    }

    [TestMethod]
    public async Task FirstWrite_CreatesTheSchema_WithTheSqliteTablesColumnsAndKey()
    {
        var server = await PostgresServer.SharedAsync();
        using var fleet = TestFleet.Create(1);
        string connectionString = await server.CreateDatabaseAsync();
        await using var sink = new PostgresReportSink(connectionString);
        Assert.AreEqual(1, await sink.WriteAsync(SqliteReportSinkTests.OpenAll(fleet, 1), CancellationToken.None));

        var postgresColumns = await QueryAsync(connectionString, "SELECT column_name FROM information_schema.columns WHERE table_name = 'reports' ORDER BY ordinal_position", r => r.GetString(0));
        var key = await QueryAsync(connectionString, """
            SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
            WHERE i.indrelid = 'reports'::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)
            """, r => r.GetString(0));
        var indexes = await QueryAsync(connectionString, "SELECT indexname FROM pg_indexes WHERE tablename = 'reports' ORDER BY indexname", r => r.GetString(0));

        var sqliteColumns = new List<string>();
        using (var sqlite = SqliteReportSink.Open(fleet.DatabasePath))
        using (var connection = new SqliteConnection($"Data Source={fleet.DatabasePath}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM pragma_table_info('reports') ORDER BY cid";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                sqliteColumns.Add(reader.GetString(0));
            }
        }

        CollectionAssert.AreEqual(sqliteColumns, postgresColumns);
        Assert.HasCount(23, postgresColumns);
        CollectionAssert.AreEqual(new[] { "device_id", "epoch", "sequence" }, key);
        CollectionAssert.AreEqual(new[] { "reports_device_window", "reports_pkey", "reports_site_window" }, indexes);
    }

    [TestMethod]
    public async Task ARoleWithOnlyInsertAndSelect_WritesIntoATableCreatedBefore()
    {
        var server = await PostgresServer.SharedAsync();
        using var fleet = TestFleet.Create(1);
        var reports = SqliteReportSinkTests.OpenAll(fleet, 4);
        string owner = await server.CreateDatabaseAsync();
        await using (var first = new PostgresReportSink(owner))
        {
            await first.EnsureSchemaAsync();
        }

        // PostgreSQL 15 gives PUBLIC no CREATE on the public schema: this role could not create the table.
        string role = "consumer_" + Guid.NewGuid().ToString("N")[..8];
        string password = Guid.NewGuid().ToString("N");
        await ExecuteAsync(owner, $"CREATE ROLE {role} LOGIN PASSWORD '{password}'; GRANT SELECT, INSERT ON reports TO {role}");
        var limited = new NpgsqlConnectionStringBuilder(owner) { Username = role, Password = password }.ConnectionString;
        await using var sink = new PostgresReportSink(limited);

        Assert.AreEqual(4, await sink.WriteAsync(reports, CancellationToken.None));
        Assert.AreEqual(0, await sink.WriteAsync(reports, CancellationToken.None));
        await using var unprivileged = new NpgsqlConnection(limited);
        await unprivileged.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE TABLE probe (x int)", unprivileged);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => create.ExecuteNonQueryAsync());
        Assert.AreEqual("42501", refused.SqlState, "the role really lacks CREATE");
    }

    [TestMethod]
    public async Task EightSinks_CreatingTheSchemaAtOnce_AllSucceed_AndOverlappingWritesLandOnce()
    {
        var server = await PostgresServer.SharedAsync();
        using var fleet = TestFleet.Create(3);
        var reports = SqliteReportSinkTests.OpenAll(fleet, 60);
        string connectionString = await server.CreateDatabaseAsync();
        var sinks = Enumerable.Range(0, 8).Select(_ => new PostgresReportSink(connectionString)).ToArray();
        try
        {
            // All start on an empty database at the same moment, as consumers started together would.
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var creating = sinks.Select(async s =>
            {
                await start.Task;
                await s.EnsureSchemaAsync();
            }).ToArray();
            start.SetResult();
            await Task.WhenAll(creating);

            // Every sink writes every report, each in its own order and chunking: each report is new exactly once.
            var writes = sinks.Select((s, i) => Task.Run(async () =>
            {
                int inserted = 0;
                var order = i % 2 == 0 ? reports : reports.AsEnumerable().Reverse().ToList();
                foreach (var chunk in order.Chunk(5 + i))
                {
                    inserted += await s.WriteAsync(chunk, CancellationToken.None);
                }

                return inserted;
            })).ToArray();
            int total = (await Task.WhenAll(writes)).Sum();

            Assert.AreEqual(reports.Count, total, "each report counted as new by exactly one sink");
            Assert.AreEqual((long)reports.Count, await sinks[0].CountAsync());
        }
        finally
        {
            foreach (var sink in sinks)
            {
                await sink.DisposeAsync();
            }
        }
    }

    [TestMethod]
    public async Task ReadBack_RoundTripsEveryField()
    {
        var server = await PostgresServer.SharedAsync();
        using var fleet = TestFleet.Create(1);
        var reports = SqliteReportSinkTests.OpenAll(fleet, 3);
        string connectionString = await server.CreateDatabaseAsync();
        await using (var sink = new PostgresReportSink(connectionString))
        {
            await sink.WriteAsync(reports, CancellationToken.None);
        }

        var back = await QueryAsync(connectionString, $"SELECT {ReportColumns.Names} FROM reports ORDER BY sequence", ReportColumns.Read);

        Assert.HasCount(3, back);
        for (int i = 0; i < 3; i++)
        {
            Assert.AreEqual(reports[i].Report, back[i].Report);
            Assert.AreEqual(reports[i].Site, back[i].Site);
            Assert.AreEqual(reports[i].ReceivedAt.ToUnixTimeMilliseconds(), back[i].ReceivedAt.ToUnixTimeMilliseconds());
        }
    }

    [TestMethod]
    public async Task ServerDownMidStream_ThePumpKeepsTheBatch_AndStoresItOnceTheServerIsBack()
    {
        // Its own server: stopping the shared one would fail the other classes' tests running meanwhile.
        await using var server = await PostgresServer.StartAsync();
        using var fleet = TestFleet.Create(2);
        var reports = SqliteReportSinkTests.OpenAll(fleet, 20);
        await using var sink = new PostgresReportSink(await server.CreateDatabaseAsync());
        var pump = new ReportPump([sink]);
        Assert.AreEqual(20, await pump.WriteBatchAsync(reports[..20], CancellationToken.None));

        await server.StopServerAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var writing = pump.WriteBatchAsync(reports, timeout.Token); // the first 20 again, and 20 new
        await Task.Delay(1000);
        Assert.IsFalse(writing.IsCompleted, "the write waits for the server instead of giving up");
        await server.StartServerAsync();

        Assert.AreEqual(20, await writing);
        Assert.AreEqual(40L, await sink.CountAsync());
        Assert.AreEqual(20L, pump.DuplicateCount);
    }

    [TestMethod]
    public async Task WrongPassword_FailsWithTheServersReason_AndTheDescriptionHidesThePassword()
    {
        var server = await PostgresServer.SharedAsync();
        var wrong = new NpgsqlConnectionStringBuilder(server.ConnectionString("postgres")) { Password = "not-the-password-4711" };
        await using var sink = new PostgresReportSink(wrong.ConnectionString);

        var error = await Assert.ThrowsAsync<PostgresException>(() => sink.EnsureSchemaAsync());

        Assert.AreEqual("28P01", error.SqlState, error.Message);
        Assert.DoesNotContain("4711", error.Message);
        Assert.Contains("Password=********", sink.Description);
        Assert.DoesNotContain("4711", sink.Description);
        Assert.Contains("Host=127.0.0.1", sink.Description);
    }

    [TestMethod]
    public async Task NothingListening_FailsFast_WithANpgsqlException()
    {
        int port = FreePort.Next();
        await using var sink = new PostgresReportSink($"Host=127.0.0.1;Port={port};Username=u;Password=secret-4711;Timeout=5");

        var error = await Assert.ThrowsAsync<NpgsqlException>(() => sink.EnsureSchemaAsync());

        Assert.DoesNotContain("4711", error.ToString());
    }

    [TestMethod]
    [DataRow("Host=db;Password=secret-4711;Port=notaport")]
    [DataRow("Host=db;Password=secret-4711;NoSuchKeyword=1")]
    [DataRow("this is no connection string secret-4711")]
    public void MalformedConnectionString_IsAnArgumentException_ThatNeverEchoesAValue(string connectionString)
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new PostgresReportSink(connectionString));

        Assert.StartsWith("Not a valid PostgreSQL connection string", error.Message);
        Assert.DoesNotContain("4711", error.Message);
    }

    [TestMethod]
    public void MaskPassword_ReplacesOnlyThePassword()
    {
        string masked = PostgresReportSink.MaskPassword("Host=db.example;Database=fleet;Username=consumer;Password=s3cret;SSL Mode=Require");

        Assert.DoesNotContain("s3cret", masked);
        Assert.Contains("Password=********", masked);
        Assert.Contains("Host=db.example", masked);
        Assert.Contains("Username=consumer", masked);
        Assert.AreEqual("Host=db", PostgresReportSink.MaskPassword("Host=db"));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<T>> QueryAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
