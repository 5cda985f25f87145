using EdgeSensor.Cli.Commands;
using EdgeSensor.Integration.Tests.Support;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Reports;
using EdgeSensor.Sdk.Sinks;
using Npgsql;

namespace EdgeSensor.Cli.Tests;

/// <summary><c>export --postgres</c> against the real PostgreSQL the fixture runs once for the test run.</summary>
[TestClass]
public sealed class ExportPostgresTests
{
    private static PostgresServer Server => PostgresServer.SharedAsync().GetAwaiter().GetResult();

    [TestMethod]
    public async Task Export_FromPostgres_WritesTheSameCsvAsFromSqlite_AndFilters()
    {
        using var cli = new CliHarness();
        var reports = Reports();
        string connectionString = await Server.CreateDatabaseAsync();
        await using (var sink = new PostgresReportSink(connectionString))
        {
            await sink.WriteAsync(reports, CancellationToken.None);
        }

        string db = Path.Combine(cli.Directory, "reports.db");
        using (var sink = SqliteReportSink.Open(db))
        {
            await sink.WriteAsync(reports, CancellationToken.None);
        }

        string fromPostgres = Path.Combine(cli.Directory, "pg.csv");
        string fromSqlite = Path.Combine(cli.Directory, "sqlite.csv");
        var (code, output) = await cli.RunAsync("export", "--postgres", connectionString, "--out", fromPostgres);
        Assert.AreEqual(ExitCodes.Success, code, output);
        Assert.Contains("Wrote 9 report(s)", output);
        Assert.DoesNotContain(Server.Password, output);
        (code, output) = await cli.RunAsync("export", "--db", db, "--out", fromSqlite);
        Assert.AreEqual(ExitCodes.Success, code, output);
        CollectionAssert.AreEqual(await File.ReadAllLinesAsync(fromSqlite), await File.ReadAllLinesAsync(fromPostgres));

        string east = Path.Combine(cli.Directory, "east.csv");
        (code, output) = await cli.RunAsync("export", "--postgres", connectionString, "--site", "east", "--from", "2026-11-27T08:05:00Z", "--out", east);
        Assert.AreEqual(ExitCodes.Success, code, output);
        string[] lines = await File.ReadAllLinesAsync(east);
        Assert.HasCount(3, lines, "header and east's windows 2 and 3");
        Assert.AreEqual(CsvReportSink.Header, lines[0]);
    }

    [TestMethod]
    public async Task Export_WrongPassword_NoTable_Unreachable_OneLineInWords_ExitFailure()
    {
        using var cli = new CliHarness();
        string wrong = new NpgsqlConnectionStringBuilder(Server.ConnectionString("postgres")) { Password = "wrong-4711" }.ConnectionString;
        string empty = await Server.CreateDatabaseAsync();
        string unreachable = $"Host=127.0.0.1;Port={FreePort.Next()};Database=x;Username=u;Password=secret-4711;Timeout=3";
        foreach (var (connectionString, reason) in new[] { (wrong, "password authentication failed"), (empty, "relation \"reports\" does not exist"), (unreachable, "Failed to connect") })
        {
            var (code, output) = await cli.RunAsync("export", "--postgres", connectionString, "--out", Path.Combine(cli.Directory, "x.csv"));

            Assert.AreEqual(ExitCodes.Failure, code, output);
            Assert.AreEqual(1, output.Trim().Split('\n').Length, output);
            StringAssert.StartsWith(output.Trim(), "PostgreSQL Host=127.0.0.1");
            Assert.Contains(reason, output);
            Assert.DoesNotContain("4711", output);
            Assert.DoesNotContain(Server.Password, output);
            Assert.DoesNotContain("   at ", output, "no stack trace");
            Assert.IsFalse(File.Exists(Path.Combine(cli.Directory, "x.csv")), "nothing written");
        }
    }

    [TestMethod]
    [DataRow("--postgres", "Host=db;Password=secret-4711;Port=notaport", "--postgres: Not a valid PostgreSQL connection string")]
    [DataRow("--db", "x.db", "export needs one database")]
    [DataRow("--db", "x.db", "export needs one database", "--postgres", "Host=db")]
    [DataRow("--site", "east", "export needs one database")]
    [DataRow("--from", "yesterday", "--from: 'yesterday' is not a valid value")] // not hidden behind the missing database
    public async Task Export_BadDatabaseOptions_AreUsageErrors(string option, string value, string expected, params string[] more)
    {
        using var cli = new CliHarness();
        string[] args = option == "--db" && more.Length == 0 ? ["export", "--db", value, "--postgres", "Host=db", "--out", "x.csv"] : ["export", option, value, .. more, "--out", "x.csv"];

        var (code, output) = await cli.RunAsync(args);

        Assert.AreEqual(ExitCodes.Usage, code, output);
        StringAssert.Contains(output, expected);
        Assert.DoesNotContain("4711", output);
        Assert.DoesNotContain("   at ", output, "no stack trace");
    }

    private static List<ReceivedReport> Reports()
    {
        var list = new List<ReceivedReport>();
        var start = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
        foreach (var (site, device) in new[] { ("east", 0xe1UL), ("west", 0xa1UL), ("west", 0xa2UL) })
        {
            for (int w = 0; w < 3; w++)
            {
                var report = new AggregateReport
                {
                    DeviceId = device,
                    Epoch = 0,
                    Sequence = (ulong)w + 1,
                    WindowStart = start.AddMinutes(5 * w),
                    WindowLength = TimeSpan.FromMinutes(5),
                    Entries = 3 + w,
                    Exits = 1,
                    OccupancyAtEnd = 2 * (w + 1),
                    PeakOccupancy = 2 * (w + 1),
                    PirActivityPermille = 250,
                    Suppressed = SuppressedCounters.None,
                    DisclosureMode = DisclosureMode.SmallCountSuppression,
                    SuppressionThreshold = 5,
                    Epsilon = 0,
                    PrivacyBudgetSpent = 0,
                    InvalidSamplePermille = 12,
                    CalibrationState = CalibrationState.Calibrated,
                    RebootCount = 1,
                    FirmwareVersion = new Version(1, 4, 2),
                };
                list.Add(new ReceivedReport(report, site, start.AddMinutes((5 * w) + 5).AddSeconds(2)));
            }
        }

        return list;
    }
}
