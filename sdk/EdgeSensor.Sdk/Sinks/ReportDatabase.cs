using System.Runtime.CompilerServices;
using EdgeSensor.Sdk.Client;
using Microsoft.Data.Sqlite;
using EdgeSensor.Sdk.Topics;

namespace EdgeSensor.Sdk.Sinks;

/// <summary>Reads reports back from a database written by <see cref="SqliteReportSink"/> (read-only).</summary>
public static class ReportDatabase
{
    /// <summary>Reports in (site, device, window start, epoch, sequence) order, optionally filtered.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="site">Only this site, when set.</param>
    /// <param name="deviceId">Only this device, when set.</param>
    /// <param name="from">Only windows starting at or after this time, when set.</param>
    /// <param name="to">Only windows starting before this time, when set.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async IAsyncEnumerable<ReceivedReport> ReadAsync(
        string path,
        string? site = null,
        ulong? deviceId = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("No report database here.", path);
        }

        using var connection = SqliteReportSink.OpenConnection(path, readOnly: true);
        using var command = connection.CreateCommand();
        // Read-only, so a table made by an older version is not upgraded: its missing columns read as 0.
        command.CommandText = $"""
            SELECT {ReportColumns.NamesReadableFrom(SqliteReportSink.ColumnNames(connection))}
            FROM {ReportColumns.Table}
            WHERE ($site IS NULL OR site = $site) AND ($device IS NULL OR device_id = $device)
              AND ($from IS NULL OR window_start >= $from) AND ($to IS NULL OR window_start < $to)
            ORDER BY site, device_id, window_start, epoch, sequence
            """;
        command.Parameters.AddWithValue("$site", (object?)site ?? DBNull.Value);
        command.Parameters.AddWithValue("$device", deviceId is { } id ? ReportTopics.FormatDeviceId(id) : DBNull.Value);
        command.Parameters.AddWithValue("$from", from is { } f ? f.ToUnixTimeSeconds() : DBNull.Value);
        command.Parameters.AddWithValue("$to", to is { } t ? t.ToUnixTimeSeconds() : DBNull.Value);
        using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReportColumns.Read(reader);
        }
    }
}
