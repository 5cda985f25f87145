using EdgeSensor.Sdk.Client;
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
    // The table (docs/sdk.md) is defined once, in ReportColumns; SQLite's integers are all 64-bit.
    private static readonly string Schema = ReportColumns.CreateStatements(TypeName, tableSuffix: " WITHOUT ROWID");

    private static readonly string Insert =
        $"INSERT OR IGNORE INTO {ReportColumns.Table} ({ReportColumns.Names}) VALUES ({string.Join(", ", ReportColumns.All.Select(c => "$" + c.Name))})";

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

        AddLaterColumns(connection);
        return new SqliteReportSink(connection, path);
    }

    /// <summary>The column names the database's reports table has (to read or upgrade a table made by an older version).</summary>
    internal static HashSet<string> ColumnNames(SqliteConnection connection)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        using var info = connection.CreateCommand();
        info.CommandText = $"SELECT name FROM pragma_table_info('{ReportColumns.Table}')";
        using var reader = info.ExecuteReader();
        while (reader.Read())
        {
            present.Add(reader.GetString(0));
        }

        return present;
    }

    private static string TypeName(ReportColumnKind kind) => kind switch
    {
        ReportColumnKind.Text => "TEXT",
        ReportColumnKind.Real => "REAL",
        _ => "INTEGER",
    };

    /// <summary>A database made by an older version lacks the columns added since: they are appended, 0 for its rows.</summary>
    private static void AddLaterColumns(SqliteConnection connection)
    {
        HashSet<string> present = ColumnNames(connection);
        foreach (ReportColumn column in ReportColumns.AddedLater.Where(c => !present.Contains(c.Name)))
        {
            using var alter = connection.CreateCommand();
            alter.CommandText = ReportColumns.AddColumnStatement(column, TypeName);
            alter.ExecuteNonQuery();
        }
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
        var parameters = new SqliteParameter[ReportColumns.All.Count];
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] = command.Parameters.Add(new SqliteParameter { ParameterName = "$" + ReportColumns.All[i].Name });
        }

        command.Prepare();
        return parameters;
    }

    private static void Bind(SqliteParameter[] p, ReceivedReport item)
    {
        for (int i = 0; i < p.Length; i++)
        {
            p[i].Value = ReportColumns.All[i].Value(item);
        }
    }
}
