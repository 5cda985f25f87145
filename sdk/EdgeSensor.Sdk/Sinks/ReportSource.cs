using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Topics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EdgeSensor.Sdk.Sinks;

/// <summary>
/// A database of stored reports to read back: a SQLite file written by <see cref="SqliteReportSink"/> or a
/// PostgreSQL database written by <see cref="PostgresReportSink"/>. Both hold the same <c>reports</c> table
/// (<see cref="ReportColumns"/>), so one query reads either; only opening a connection and listing the table's
/// columns differ. Reads never change the database (an older table is not upgraded: its missing columns read as 0).
/// </summary>
public abstract class ReportSource
{
    // The one read query: named parameters (@name) are understood by both providers.
    private const string Filter = """
        WHERE (@site IS NULL OR site = @site) AND (@device IS NULL OR device_id = @device)
          AND (@from IS NULL OR window_start >= @from) AND (@to IS NULL OR window_start < @to)
        """;

    private protected ReportSource()
    {
    }

    /// <summary>What is read, safe to print (a PostgreSQL password is masked).</summary>
    public abstract string Description { get; }

    /// <summary>A SQLite report database file.</summary>
    public static ReportSource Sqlite(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new SqliteSource(Path.GetFullPath(path));
    }

    /// <summary>A PostgreSQL report database (Npgsql's connection string keywords, as for <see cref="PostgresReportSink"/>).</summary>
    /// <exception cref="ArgumentException">The connection string cannot be parsed (the message never echoes it).</exception>
    public static ReportSource Postgres(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new PostgresSource(PostgresReportSink.Parse(connectionString));
    }

    /// <summary>Reports in (site, device, window start, epoch, sequence) order, optionally filtered.</summary>
    /// <param name="site">Only this site, when set.</param>
    /// <param name="deviceId">Only this device, when set.</param>
    /// <param name="from">Only windows starting at or after this time, when set.</param>
    /// <param name="to">Only windows starting before this time, when set.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="FileNotFoundException">A SQLite file that does not exist.</exception>
    /// <exception cref="DbException">The database cannot be reached or holds no report table.</exception>
    public async IAsyncEnumerable<ReceivedReport> ReadAsync(
        string? site = null,
        ulong? deviceId = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using DbConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlySet<string> present = await ColumnNamesAsync(connection, cancellationToken).ConfigureAwait(false);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT {ReportColumns.NamesReadableFrom(present)} FROM {ReportColumns.Table}\n{Filter}\nORDER BY site, device_id, window_start, epoch, sequence";
        AddFilter(command, site, deviceId, from, to);
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReportColumns.Read(reader);
        }
    }

    /// <summary>How many reports <see cref="ReadAsync"/> with the same filter returns.</summary>
    public async Task<long> CountAsync(string? site = null, ulong? deviceId = null, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        await using DbConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {ReportColumns.Table}\n{Filter}";
        AddFilter(command, site, deviceId, from, to);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An open connection.</summary>
    private protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The names of the report table's columns (empty when there is no table).</summary>
    private protected abstract Task<IReadOnlySet<string>> ColumnNamesAsync(DbConnection connection, CancellationToken cancellationToken);

    // Typed even when null: PostgreSQL must know each parameter's type to compare it with NULL.
    private static void AddFilter(DbCommand command, string? site, ulong? deviceId, DateTimeOffset? from, DateTimeOffset? to)
    {
        Add(command, "@site", DbType.String, site);
        Add(command, "@device", DbType.String, deviceId is { } id ? ReportTopics.FormatDeviceId(id) : null);
        Add(command, "@from", DbType.Int64, from?.ToUnixTimeSeconds());
        Add(command, "@to", DbType.Int64, to?.ToUnixTimeSeconds());
    }

    private static void Add(DbCommand command, string name, DbType type, object? value)
    {
        DbParameter parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private sealed class SqliteSource(string path) : ReportSource
    {
        public override string Description => path;

        private protected override Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("No report database here.", path);
            }

            return Task.FromResult<DbConnection>(SqliteReportSink.OpenConnection(path, readOnly: true));
        }

        private protected override Task<IReadOnlySet<string>> ColumnNamesAsync(DbConnection connection, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlySet<string>>(SqliteReportSink.ColumnNames((SqliteConnection)connection));
    }

    private sealed class PostgresSource(NpgsqlConnectionStringBuilder builder) : ReportSource
    {
        private readonly string _connectionString = builder.ConnectionString;

        public override string Description { get; } = "PostgreSQL " + PostgresReportSink.Mask(builder);

        private protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
        {
            var connection = new NpgsqlConnection(_connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                return connection;
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        private protected override async Task<IReadOnlySet<string>> ColumnNamesAsync(DbConnection connection, CancellationToken cancellationToken)
        {
            var present = new HashSet<string>(StringComparer.Ordinal);
            await using var command = new NpgsqlCommand("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table", (NpgsqlConnection)connection);
            command.Parameters.AddWithValue("@table", ReportColumns.Table);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                present.Add(reader.GetString(0));
            }

            return present;
        }
    }
}
