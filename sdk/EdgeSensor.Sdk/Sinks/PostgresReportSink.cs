using EdgeSensor.Sdk.Client;
using Npgsql;
using NpgsqlTypes;

namespace EdgeSensor.Sdk.Sinks;

/// <summary>
/// Stores reports in a PostgreSQL table <c>reports</c> (the same columns and values as
/// <see cref="SqliteReportSink"/>; docs/sdk.md), one row per (device, epoch, sequence): the primary key and
/// <c>ON CONFLICT DO NOTHING</c> make the write idempotent, so a redelivered report, or the same report seen
/// by several consumers writing to one database, lands once. The table is created on first use; several
/// consumers starting at once take turns on an advisory lock. Connections come from a pool per sink, so a
/// dropped connection or a restarted server only fails the batch in flight (<see cref="ReportPump"/> retries it).
/// </summary>
public sealed class PostgresReportSink : IReportSink, IAsyncDisposable, IDisposable
{
    // Any fixed 64-bit number: consumers of one database serialise their CREATE ... IF NOT EXISTS on it, which
    // otherwise can fail with a unique violation in the system catalogue when two run at the same moment.
    private const long SchemaLockKey = 0x4564_6765_5365_6E73; // "EdgeSens"

    private static readonly string Schema = ReportColumns.CreateStatements(kind => kind switch
    {
        ReportColumnKind.Text => "text",
        ReportColumnKind.Int32 => "integer",
        ReportColumnKind.Int64 => "bigint",
        _ => "double precision",
    });

    // A whole batch in one statement: one array parameter per column, unnest turns them back into rows.
    private static readonly string Insert =
        $"INSERT INTO {ReportColumns.Table} ({ReportColumns.Names}) SELECT * FROM unnest({string.Join(", ", ReportColumns.All.Select((_, i) => "$" + (i + 1)))}) ON CONFLICT ({ReportColumns.Key}) DO NOTHING";

    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    /// <summary>
    /// A sink for the database named by <paramref name="connectionString"/> (Npgsql's keywords, e.g.
    /// <c>Host=db;Database=edgesensor;Username=consumer</c>; the password may also come from <c>PGPASSWORD</c>
    /// or a pgpass file). Nothing connects until <see cref="EnsureSchemaAsync"/> or the first write.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string cannot be parsed.</exception>
    public PostgresReportSink(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = Parse(connectionString);
        Description = Mask(builder);
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "edgesensor"; // names our sessions in pg_stat_activity
        }

        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <inheritdoc />
    public string Name => "postgres";

    /// <summary>The connection string with any password replaced by asterisks: safe to print or log.</summary>
    public string Description { get; }

    /// <summary><paramref name="connectionString"/> with any password replaced by asterisks.</summary>
    /// <exception cref="ArgumentException">The connection string cannot be parsed.</exception>
    public static string MaskPassword(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        return Mask(Parse(connectionString));
    }

    /// <summary>
    /// Connects and creates the table and its indexes if they are missing (also done by the first write).
    /// Call it at start-up to fail fast on a wrong host, database or password.
    /// </summary>
    /// <exception cref="NpgsqlException">The server cannot be reached or refuses the login or the statement.</exception>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

            // An existing table needs nothing (it was created with its indexes in one transaction). Asking first
            // lets a role with only INSERT and SELECT run against it: CREATE ... IF NOT EXISTS checks the CREATE
            // privilege before it finds the table.
            await using (var exists = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection))
            {
                exists.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = ReportColumns.Table });
                if ((bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
                {
                    _schemaReady = true;
                    return;
                }
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
            {
                lockCommand.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = SchemaLockKey });
                await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var create = new NpgsqlCommand(Schema, connection, transaction))
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false); // releases the lock
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<int> WriteAsync(IReadOnlyList<ReceivedReport> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return 0;
        }

        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);

        // Rows go in key order: two consumers inserting overlapping keys (a redelivered report) then wait on each
        // other in the same order and cannot deadlock. One statement is one round trip and one transaction.
        var rows = batch.OrderBy(i => i.Report.DeviceIdText, StringComparer.Ordinal).ThenBy(i => i.Report.Epoch).ThenBy(i => i.Report.Sequence).ToArray();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = new NpgsqlCommand(Insert, connection);
        foreach (var column in ReportColumns.All)
        {
            insert.Parameters.Add(column.Kind switch
            {
                ReportColumnKind.Text => ColumnArray<string>(column, rows, NpgsqlDbType.Text),
                ReportColumnKind.Int32 => ColumnArray<int>(column, rows, NpgsqlDbType.Integer),
                ReportColumnKind.Int64 => ColumnArray<long>(column, rows, NpgsqlDbType.Bigint),
                _ => ColumnArray<double>(column, rows, NpgsqlDbType.Double),
            });
        }

        return await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Number of stored reports.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand($"SELECT count(*) FROM {ReportColumns.Table}");
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _dataSource.Dispose();
        _schemaGate.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _schemaGate.Dispose();
    }

    internal static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // The parser's own message names the keyword; a value is never echoed (it could be the password).
            throw new ArgumentException($"Not a valid PostgreSQL connection string: {KeywordOf(ex)}.", nameof(connectionString));
        }
    }

    private static string KeywordOf(Exception ex) =>
        ex is ArgumentException { ParamName: { Length: > 0 } name } ? $"check '{name}'" : "expected keyword=value pairs separated by ';'";

    internal static string Mask(NpgsqlConnectionStringBuilder builder)
    {
        var copy = new NpgsqlConnectionStringBuilder(builder.ConnectionString);
        if (!string.IsNullOrEmpty(copy.Password))
        {
            copy.Password = "********";
        }

        return copy.ConnectionString;
    }

    private static NpgsqlParameter ColumnArray<T>(ReportColumn column, ReceivedReport[] rows, NpgsqlDbType elementType)
    {
        var values = new T[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            values[i] = (T)column.Value(rows[i]);
        }

        return new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | elementType, Value = values };
    }
}
