using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Reports;
using Microsoft.Data.Sqlite;

namespace EdgeSensor.Sdk.Sinks;

/// <summary>
/// Stores reports in a SQLite database, one row per (device, epoch, sequence): the primary key and
/// <c>INSERT OR IGNORE</c> make the write idempotent, so a redelivered report, or the same report
/// seen by several consumers sharing the file, lands once. WAL journal and a busy timeout let
/// several processes write the same file. Schema: docs/sdk.md.
/// </summary>
public sealed class SqliteReportSink : IReportSink, IAsyncDisposable, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS reports (
            device_id TEXT NOT NULL,
            epoch INTEGER NOT NULL,
            sequence INTEGER NOT NULL,
            site TEXT NOT NULL,
            window_start INTEGER NOT NULL,
            window_length_s INTEGER NOT NULL,
            entries INTEGER NOT NULL,
            exits INTEGER NOT NULL,
            occupancy_end INTEGER NOT NULL,
            peak_occupancy INTEGER NOT NULL,
            pir_activity_permille INTEGER NOT NULL,
            suppressed INTEGER NOT NULL,
            disclosure_mode INTEGER NOT NULL,
            suppression_threshold INTEGER NOT NULL,
            epsilon REAL NOT NULL,
            privacy_budget_spent REAL NOT NULL,
            invalid_sample_permille INTEGER NOT NULL,
            calibration_state INTEGER NOT NULL,
            reboot_count INTEGER NOT NULL,
            firmware_version TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            contribution_bound INTEGER NOT NULL DEFAULT 0,
            extended_disclosure INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (device_id, epoch, sequence)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS reports_site_window ON reports (site, window_start);
        CREATE INDEX IF NOT EXISTS reports_device_window ON reports (device_id, window_start);
        """;

    private const string Insert = """
        INSERT OR IGNORE INTO reports VALUES (
            $device, $epoch, $sequence, $site, $window_start, $window_length, $entries, $exits, $occupancy, $peak,
            $pir, $suppressed, $mode, $k, $epsilon, $budget, $invalid, $calibration, $reboots, $firmware, $received,
            $contribution_bound, $extended)
        """;

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private SqliteReportSink(SqliteConnection connection, string path)
    {
        _connection = connection;
        DatabasePath = path;
    }

    /// <inheritdoc />
    public string Name => "sqlite";

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/>.</summary>
    public static SqliteReportSink Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var connection = OpenConnection(path, readOnly: false);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;" + Schema;
            command.ExecuteNonQuery();
        }

        AddColumnsOfTheExtendedDisclosureRevision(connection);

        return new SqliteReportSink(connection, path);
    }

    /// <summary>
    /// A database made before the extended-disclosure revision lacks its two columns: they are appended (after
    /// received_at, where a new table has them too), with 0 for the rows already stored, which all came from reports
    /// without the flag.
    /// </summary>
    private static void AddColumnsOfTheExtendedDisclosureRevision(SqliteConnection connection)
    {
        HashSet<string> present = ColumnNames(connection);
        foreach (string column in new[] { "contribution_bound", "extended_disclosure" })
        {
            if (!present.Contains(column))
            {
                using var alter = connection.CreateCommand();
                alter.CommandText = $"ALTER TABLE reports ADD COLUMN {column} INTEGER NOT NULL DEFAULT 0";
                alter.ExecuteNonQuery();
            }
        }
    }

    /// <summary>Whether the reports table has the columns of the extended-disclosure revision.</summary>
    internal static bool HasExtendedDisclosureColumns(SqliteConnection connection)
    {
        HashSet<string> present = ColumnNames(connection);
        return present.Contains("contribution_bound") && present.Contains("extended_disclosure");
    }

    private static HashSet<string> ColumnNames(SqliteConnection connection)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        using var info = connection.CreateCommand();
        info.CommandText = "SELECT name FROM pragma_table_info('reports')";
        using var reader = info.ExecuteReader();
        while (reader.Read())
        {
            present.Add(reader.GetString(0));
        }

        return present;
    }

    /// <summary>Opens a connection to a report database with a 30 s busy timeout.</summary>
    internal static SqliteConnection OpenConnection(string path, bool readOnly)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=30000;";
        command.ExecuteNonQuery();
        return connection;
    }

    /// <inheritdoc />
    public async ValueTask<int> WriteAsync(IReadOnlyList<ReceivedReport> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return 0;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // One transaction per batch: one fsync for many rows. BEGIN IMMEDIATE takes the write lock up front
            // so two processes wait on the busy timeout rather than failing on lock upgrade.
            using var transaction = _connection.BeginTransaction(deferred: false);
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Insert;
            var p = AddParameters(command);
            int inserted = 0;
            foreach (var item in batch)
            {
                Bind(p, item);
                inserted += command.ExecuteNonQuery();
            }

            transaction.Commit();
            return inserted;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Number of stored reports.</summary>
    public long Count()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM reports";
        return (long)command.ExecuteScalar()!;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static SqliteParameter[] AddParameters(SqliteCommand command)
    {
        string[] names = ["$device", "$epoch", "$sequence", "$site", "$window_start", "$window_length", "$entries", "$exits", "$occupancy", "$peak",
            "$pir", "$suppressed", "$mode", "$k", "$epsilon", "$budget", "$invalid", "$calibration", "$reboots", "$firmware", "$received",
            "$contribution_bound", "$extended"];
        var parameters = new SqliteParameter[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            parameters[i] = command.Parameters.Add(new SqliteParameter { ParameterName = names[i] });
        }

        command.Prepare();
        return parameters;
    }

    private static void Bind(SqliteParameter[] p, ReceivedReport item)
    {
        AggregateReport r = item.Report;
        p[0].Value = r.DeviceIdText;
        p[1].Value = (long)r.Epoch;
        p[2].Value = unchecked((long)r.Sequence);
        p[3].Value = item.Site;
        p[4].Value = r.WindowStart.ToUnixTimeSeconds();
        p[5].Value = (long)r.WindowLength.TotalSeconds;
        p[6].Value = r.Entries;
        p[7].Value = r.Exits;
        p[8].Value = r.OccupancyAtEnd;
        p[9].Value = r.PeakOccupancy;
        p[10].Value = r.PirActivityPermille;
        p[11].Value = (int)r.Suppressed;
        p[12].Value = (int)r.DisclosureMode;
        p[13].Value = r.SuppressionThreshold;
        p[14].Value = r.Epsilon;
        p[15].Value = r.PrivacyBudgetSpent;
        p[16].Value = r.InvalidSamplePermille;
        p[17].Value = (int)r.CalibrationState;
        p[18].Value = r.RebootCount;
        p[19].Value = r.FirmwareVersion.ToString(3);
        p[20].Value = item.ReceivedAt.ToUnixTimeMilliseconds();
        p[21].Value = r.ContributionBound;
        p[22].Value = r.ExtendedDisclosure ? 1 : 0;
    }
}
