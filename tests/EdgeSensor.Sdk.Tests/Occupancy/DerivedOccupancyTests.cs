using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Occupancy;
using EdgeSensor.Sdk.Reports;
using EdgeSensor.Sdk.Sinks;
using static EdgeSensor.Sdk.Tests.Occupancy.ReportSamples;

namespace EdgeSensor.Sdk.Tests.Occupancy;

/// <summary>Occupancy of devices that withhold it (person-level DP), derived from entries − exits after an empty time.</summary>
[TestClass]
public sealed class DerivedOccupancyTests
{
    private string _path = string.Empty;

    [TestInitialize]
    public void CreateDatabasePath() => _path = Path.Combine(Path.GetTempPath(), $"edgesensor-occupancy-{Guid.NewGuid():N}.db");

    [TestCleanup]
    public void DeleteDatabase()
    {
        foreach (string file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    [TestMethod]
    public async Task RunningSumSinceTheFirstReport_WithSigmaGrowingAsRootTwoN()
    {
        int[] entries = [5, 9, 3, 0, 7, 2];
        int[] exits = [0, 4, 6, 1, 2, 9];
        await Store(Enumerable.Range(0, entries.Length).Select(w => PersonDp(w, entries[w], exits[w], epsilon: 1, bound: 4)));

        DeviceOccupancy d = (await new OccupancyQueries(_path).CurrentByDeviceAsync()).Single();
        double alpha = Math.Exp(-1.0 / 4);
        double cell = Math.Sqrt(2 * alpha) / (1 - alpha);
        Assert.AreEqual(entries.Sum() - exits.Sum(), d.Occupancy.Value);
        Assert.AreEqual(cell * Math.Sqrt(2 * entries.Length), d.Occupancy.NoiseStandardDeviation, 1e-9, "2n noised cells");
        Assert.AreEqual(Start, d.DerivedSince);
        Assert.AreEqual(6, d.DerivedWindows);
        Assert.AreEqual(Start.AddSeconds(6 * 900), d.AsOf);
        Assert.IsTrue(d.Occupancy.IsUpperBounded);
    }

    [TestMethod]
    public async Task ADeclaredEmptyTimeStartsTheSumThere()
    {
        await Store(Enumerable.Range(0, 8).Select(w => PersonDp(w, 10, 1)));
        var queries = new OccupancyQueries(_path);

        DeviceOccupancy fixedStart = (await queries.CurrentByDeviceAsync(baseline: OccupancyBaseline.At(Start.AddSeconds(5 * 900)))).Single();
        Assert.AreEqual(3 * 9.0, fixedStart.Occupancy.Value, "windows 5, 6 and 7");
        Assert.AreEqual(3, fixedStart.DerivedWindows);

        // Daily closing at 01:00 UTC: the 8 windows of 15 min end at 02:00, so windows 4..7 count.
        DeviceOccupancy daily = (await queries.CurrentByDeviceAsync(baseline: OccupancyBaseline.Daily(new TimeOnly(1, 0)))).Single();
        Assert.AreEqual(Start.AddHours(1), daily.DerivedSince);
        Assert.AreEqual(4 * 9.0, daily.Occupancy.Value);

        // Closing exactly at the latest window end: declared empty now.
        DeviceOccupancy closedNow = (await queries.CurrentByDeviceAsync(baseline: OccupancyBaseline.Daily(new TimeOnly(2, 0)))).Single();
        Assert.AreEqual(0.0, closedNow.Occupancy.Value);
        Assert.AreEqual(0, closedNow.DerivedWindows);
    }

    [TestMethod]
    public async Task NegativeSumsStayUnclamped_ClampingIsForDisplay()
    {
        await Store([PersonDp(0, 0, 6), PersonDp(1, 2, 0)]);
        DeviceOccupancy d = (await new OccupancyQueries(_path).CurrentByDeviceAsync()).Single();
        Assert.AreEqual(-4.0, d.Occupancy.Value);
        Assert.AreEqual(0.0, d.Occupancy.NonNegativeValue);
    }

    [TestMethod]
    public async Task AMissingWindowOrAnExhaustedBudgetMakesTheSumUnbounded()
    {
        var exhausted = PersonDp(2, 0, 0) with
        {
            Suppressed = PersonDp(2, 0, 0).Suppressed | SuppressedCounters.Entries | SuppressedCounters.Exits,
            Epsilon = 0,
        };
        await Store([PersonDp(0, 4, 1), exhausted, PersonDp(3, 2, 2), PersonDp(5, 1, 0)]);
        DeviceOccupancy d = (await new OccupancyQueries(_path).CurrentByDeviceAsync()).Single();
        Assert.AreEqual(4.0, d.Occupancy.Value);
        Assert.AreEqual(4, d.Occupancy.UnboundedCells, "window 1 and 4 missing, entries and exits of window 2 withheld");
        Assert.IsFalse(d.Occupancy.IsUpperBounded);
    }

    [TestMethod]
    public async Task ReleasedOccupancyIsUsedAsIs_AndSitesSumUnclamped()
    {
        await Store([
            Report(0, 3, 1, occupancy: 7, deviceId: 1),
            PersonDp(0, 0, 3, deviceId: 2),
        ]);
        var queries = new OccupancyQueries(_path);
        var devices = await queries.CurrentByDeviceAsync();
        Assert.IsNull(devices.Single(d => d.DeviceId == 1).DerivedSince);
        Assert.AreEqual(7.0, devices.Single(d => d.DeviceId == 1).Occupancy.Value);
        SiteOccupancy site = (await queries.CurrentBySiteAsync()).Single();
        Assert.AreEqual(4.0, site.Occupancy.Value, "7 + (−3): the derived −3 is not clamped before the sum");
    }

    [TestMethod]
    public async Task ContributionBoundAndFlagSurviveTheDatabase_AndOldDatabasesAreMigrated()
    {
        // A database from before the extended-disclosure revision: the old schema, one row.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE reports (device_id TEXT NOT NULL, epoch INTEGER NOT NULL, sequence INTEGER NOT NULL, site TEXT NOT NULL,
                  window_start INTEGER NOT NULL, window_length_s INTEGER NOT NULL, entries INTEGER NOT NULL, exits INTEGER NOT NULL,
                  occupancy_end INTEGER NOT NULL, peak_occupancy INTEGER NOT NULL, pir_activity_permille INTEGER NOT NULL,
                  suppressed INTEGER NOT NULL, disclosure_mode INTEGER NOT NULL, suppression_threshold INTEGER NOT NULL,
                  epsilon REAL NOT NULL, privacy_budget_spent REAL NOT NULL, invalid_sample_permille INTEGER NOT NULL,
                  calibration_state INTEGER NOT NULL, reboot_count INTEGER NOT NULL, firmware_version TEXT NOT NULL,
                  received_at INTEGER NOT NULL, PRIMARY KEY (device_id, epoch, sequence)) WITHOUT ROWID;
                INSERT INTO reports VALUES ('000000000000beef', 0, 1, 'north-gate', 1795564800, 60, 3, 1, 2, 2, 0, 3, 1, 5, 0, 0, 0, 1, 0, '0.1.0', 0);
                """;
            command.ExecuteNonQuery();
        }

        var before = await ReportDatabase.ReadAsync(_path).ToListAsync();
        Assert.AreEqual(0, before.Single().Report.ContributionBound, "read-only on the old schema");
        Assert.IsFalse(before.Single().Report.ExtendedDisclosure);

        await Store([PersonDp(0, 5, 2, epsilon: 2, bound: 7)]);
        var after = await ReportDatabase.ReadAsync(_path).ToListAsync();
        AggregateReport stored = after.Single(r => r.Report.DeviceId == 0xfeed).Report;
        Assert.AreEqual(7, stored.ContributionBound);
        Assert.IsTrue(stored.ExtendedDisclosure);
        Assert.AreEqual(DisclosureMode.PersonDifferentialPrivacy, stored.DisclosureMode);
        Assert.AreEqual(0, after.Single(r => r.Report.DeviceId == 0xbeef).Report.ContributionBound);
    }

    private async Task Store(IEnumerable<AggregateReport> reports)
    {
        await using var sink = SqliteReportSink.Open(_path);
        await sink.WriteAsync(reports.Select(r => Received(r)).ToList(), CancellationToken.None);
    }
}
