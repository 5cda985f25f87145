using System.Text.Json;
using EdgeSensor.Integration.Tests.Support;
using EdgeSensor.Sdk.Sinks;
using EdgeSensor.Tests.Shared;
using Npgsql;

namespace EdgeSensor.Integration.Tests.Docs;

/// <summary>
/// docs/dashboards/edgesensor.json: a Grafana dashboard whose every query, with Grafana's macros and the site
/// variable expanded, runs against the real schema <see cref="PostgresReportSink"/> creates and returns what its
/// panel needs, over a database the sink filled with <see cref="ReportMix"/>.
/// </summary>
[TestClass]
public sealed class DashboardTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    private static readonly DateTimeOffset From = ReportMix.Start;
    private static readonly DateTimeOffset To = ReportMix.Start.AddSeconds(ReportMix.Windows * ReportMix.WindowSeconds);

    private static JsonElement Dashboard() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "dashboards", "edgesensor.json"))).RootElement;

    private static IEnumerable<JsonElement> Panels() => Dashboard().GetProperty("panels").EnumerateArray();

    [TestMethod]
    public void Dashboard_HasTheModelsKeys_AndEveryPanelATypeDatasourceQueryAndPlace()
    {
        var dashboard = Dashboard();
        foreach (string key in new[] { "title", "uid", "schemaVersion", "panels", "templating", "time", "__inputs", "editable" })
        {
            Assert.IsTrue(dashboard.TryGetProperty(key, out _), $"dashboard lacks '{key}'");
        }

        Assert.IsGreaterThanOrEqualTo(39, dashboard.GetProperty("schemaVersion").GetInt32());
        var input = dashboard.GetProperty("__inputs").EnumerateArray().Single();
        Assert.AreEqual("DS_POSTGRES", input.GetProperty("name").GetString());
        Assert.AreEqual("grafana-postgresql-datasource", input.GetProperty("pluginId").GetString());

        var placed = new List<(int X, int Y, int W, int H, string Title)>();
        var ids = new HashSet<int>();
        foreach (var panel in Panels())
        {
            string title = panel.GetProperty("title").GetString()!;
            Assert.IsTrue(ids.Add(panel.GetProperty("id").GetInt32()), $"{title}: duplicate id");
            Assert.Contains(panel.GetProperty("type").GetString()!, new[] { "timeseries", "table", "stat" }, title);
            Assert.IsFalse(string.IsNullOrWhiteSpace(panel.GetProperty("description").GetString()), $"{title}: no description");
            AssertPostgres(panel.GetProperty("datasource"), title);
            var grid = panel.GetProperty("gridPos");
            var rect = (X: grid.GetProperty("x").GetInt32(), Y: grid.GetProperty("y").GetInt32(), W: grid.GetProperty("w").GetInt32(), H: grid.GetProperty("h").GetInt32(), Title: title);
            Assert.IsTrue(rect.X >= 0 && rect.W > 0 && rect.X + rect.W <= 24 && rect.Y >= 0 && rect.H > 0, $"{title}: gridPos outside the 24-column grid");
            var overlap = placed.FirstOrDefault(p => rect.X < p.X + p.W && p.X < rect.X + rect.W && rect.Y < p.Y + p.H && p.Y < rect.Y + rect.H);
            Assert.IsNull(overlap.Title, $"{title} overlaps {overlap.Title}");
            placed.Add(rect);

            var targets = panel.GetProperty("targets").EnumerateArray().ToArray();
            Assert.IsNotEmpty(targets, title);
            foreach (var target in targets)
            {
                AssertPostgres(target.GetProperty("datasource"), title);
                Assert.IsTrue(target.GetProperty("rawQuery").GetBoolean(), title);
                Assert.IsFalse(string.IsNullOrWhiteSpace(target.GetProperty("rawSql").GetString()), title);
                Assert.Contains(target.GetProperty("format").GetString()!, new[] { "time_series", "table" }, title);
                Assert.IsFalse(string.IsNullOrEmpty(target.GetProperty("refId").GetString()), title);
            }
        }

        Assert.IsGreaterThanOrEqualTo(5, ids.Count);
        var site = dashboard.GetProperty("templating").GetProperty("list").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "site");
        AssertPostgres(site.GetProperty("datasource"), "variable site");
        StringAssert.Contains(Panel("Occupancy by site").GetProperty("description").GetString(), "mode 3", "the occupancy panel says how mode 3 is handled");
    }

    [TestMethod]
    public async Task EveryQuery_RunsAgainstTheRealSchema_AndReturnsItsPanelsShape()
    {
        string connectionString = await FilledDatabaseAsync();
        string siteQuery = Dashboard().GetProperty("templating").GetProperty("list")[0].GetProperty("query").GetString()!;
        var sites = (await QueryAsync(connectionString, siteQuery)).Rows.Select(r => (string)r[0]).ToArray();
        CollectionAssert.AreEqual(new[] { ReportMix.NorthGate, ReportMix.SouthDoor }, sites);

        foreach (string[] chosen in new[] { sites, [ReportMix.SouthDoor] })
        {
            foreach (var panel in Panels())
            {
                string title = panel.GetProperty("title").GetString()!;
                foreach (var target in panel.GetProperty("targets").EnumerateArray())
                {
                    (List<string> Columns, List<object[]> Rows) result = default;
                    try
                    {
                        result = await RunAsync(connectionString, target, chosen);
                    }
                    catch (PostgresException ex)
                    {
                        Assert.Fail($"{title}: {ex.MessageText} in{Environment.NewLine}{GrafanaSql.Expand(target.GetProperty("rawSql").GetString()!, From, To, Interval, new Dictionary<string, IReadOnlyList<string>> { ["site"] = chosen })}");
                    }

                    Assert.IsNotEmpty(result.Rows, $"{title} ({string.Join(",", chosen)}): no rows");
                    if (target.GetProperty("format").GetString() == "time_series")
                    {
                        Assert.AreEqual("time", result.Columns[0], $"{title}: a time series starts with its time column");
                        Assert.IsNotEmpty(result.Columns.Skip(1).Where(c => c != "metric"), $"{title}: a value column besides time and metric");
                        Assert.IsTrue(result.Rows.All(r => r[0] is double or decimal or long or DateTime), $"{title}: time is a number or a timestamp");
                        var times = result.Rows.Select(r => Convert.ToDouble(r[0] is DateTime d ? new DateTimeOffset(d, TimeSpan.Zero).ToUnixTimeSeconds() : r[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                        CollectionAssert.AreEqual(times.Order().ToArray(), times, $"{title}: Grafana needs rows in time order");
                    }
                    else
                    {
                        Assert.IsGreaterThanOrEqualTo(3, result.Columns.Count, title);
                    }

                    if (result.Columns.Contains("site"))
                    {
                        int column = result.Columns.IndexOf("site");
                        Assert.IsTrue(result.Rows.All(r => chosen.Contains((string)r[column])), $"{title}: only the chosen sites");
                    }
                }
            }
        }
    }

    [TestMethod]
    public async Task OccupancyPanel_ShowsReleasedAndDerivedOccupancy_PerSite()
    {
        string connectionString = await FilledDatabaseAsync();

        var result = await RunAsync(connectionString, Panel("Occupancy by site").GetProperty("targets")[0], [ReportMix.NorthGate, ReportMix.SouthDoor]);

        int occupancyA = 0;
        for (int w = 0; w < ReportMix.Windows; w++)
        {
            occupancyA += ReportMix.EntriesOfA(w) - 1;
            long end = ReportMix.Start.AddSeconds((w + 1L) * ReportMix.WindowSeconds).ToUnixTimeSeconds();
            var north = result.Rows.Single(r => Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture) == end && (string)r[1] == ReportMix.NorthGate);

            // A releases its occupancy; B (mode 3) withholds it and is derived as the running sum of 5 − 2 per window.
            Assert.AreEqual(occupancyA + (3 * (w + 1)), Convert.ToInt64(north[2], System.Globalization.CultureInfo.InvariantCulture), $"north-gate at the end of window {w}");
            var south = result.Rows.SingleOrDefault(r => Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture) == end && (string)r[1] == ReportMix.SouthDoor);
            if (w == ReportMix.MissingWindowOfC)
            {
                Assert.IsNull(south, "no report, no point");
            }
            else
            {
                Assert.AreEqual(6L, Convert.ToInt64(south![2], System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    [TestMethod]
    public async Task HealthPanel_ShowsCalibrationRebootsInvalidSamplesAndMissingReports_AndWithholdsMode3Health()
    {
        string connectionString = await FilledDatabaseAsync();

        var result = await RunAsync(connectionString, Panel("Device health").GetProperty("targets")[0], [ReportMix.NorthGate, ReportMix.SouthDoor]);

        Assert.HasCount(3, result.Rows);
        object Cell(ulong device, string column) => result.Rows.Single(r => (string)r[1] == device.ToString("x16", System.Globalization.CultureInfo.InvariantCulture))[result.Columns.IndexOf(column)];
        Assert.AreEqual("calibrated", Cell(ReportMix.DeviceA, "calibration"));
        Assert.AreEqual("withheld", Cell(ReportMix.DeviceB, "calibration"));
        Assert.AreEqual("degraded", Cell(ReportMix.DeviceC, "calibration"));
        Assert.AreEqual(DBNull.Value, Cell(ReportMix.DeviceB, "reboot counter"));
        Assert.AreEqual(3, Cell(ReportMix.DeviceC, "reboot counter"));
        Assert.AreEqual(1, Cell(ReportMix.DeviceC, "reboots in range"));
        Assert.AreEqual(0, Cell(ReportMix.DeviceA, "reboots in range"));
        Assert.AreEqual(1m, Convert.ToDecimal(Cell(ReportMix.DeviceC, "missing reports (outbox drops)"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.AreEqual(0m, Convert.ToDecimal(Cell(ReportMix.DeviceA, "missing reports (outbox drops)"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.AreEqual(10.0m, Cell(ReportMix.DeviceA, "invalid samples (permille)"));
        Assert.AreEqual("1.4.2", Cell(ReportMix.DeviceA, "firmware"));
        var lastSeen = (DateTime)Cell(ReportMix.DeviceA, "last seen");
        Assert.AreEqual(To.AddSeconds(2).UtcDateTime, lastSeen.ToUniversalTime());
    }

    private static JsonElement Panel(string title) => Panels().Single(p => p.GetProperty("title").GetString() == title);

    private static void AssertPostgres(JsonElement datasource, string where)
    {
        Assert.AreEqual("grafana-postgresql-datasource", datasource.GetProperty("type").GetString(), where);
        Assert.AreEqual("${DS_POSTGRES}", datasource.GetProperty("uid").GetString(), where);
    }

    private static async Task<string> FilledDatabaseAsync()
    {
        var server = await PostgresServer.SharedAsync();
        string connectionString = await server.CreateDatabaseAsync();
        await using var sink = new PostgresReportSink(connectionString);
        await sink.WriteAsync(ReportMix.Build(), CancellationToken.None);
        return connectionString;
    }

    private static Task<(List<string> Columns, List<object[]> Rows)> RunAsync(string connectionString, JsonElement target, IReadOnlyList<string> sites)
    {
        string sql = GrafanaSql.Expand(target.GetProperty("rawSql").GetString()!, From, To, Interval, new Dictionary<string, IReadOnlyList<string>> { ["site"] = sites });
        return QueryAsync(connectionString, sql);
    }

    private static async Task<(List<string> Columns, List<object[]> Rows)> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return (columns, rows);
    }
}
