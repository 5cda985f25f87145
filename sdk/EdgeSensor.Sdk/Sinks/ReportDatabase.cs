using EdgeSensor.Sdk.Client;

namespace EdgeSensor.Sdk.Sinks;

/// <summary>Reads reports back from a database written by <see cref="SqliteReportSink"/> (read-only); <see cref="ReportSource"/> reads PostgreSQL too.</summary>
public static class ReportDatabase
{
    /// <summary>Reports in (site, device, window start, epoch, sequence) order, optionally filtered.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="site">Only this site, when set.</param>
    /// <param name="deviceId">Only this device, when set.</param>
    /// <param name="from">Only windows starting at or after this time, when set.</param>
    /// <param name="to">Only windows starting before this time, when set.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static IAsyncEnumerable<ReceivedReport> ReadAsync(
        string path,
        string? site = null,
        ulong? deviceId = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        CancellationToken cancellationToken = default)
    {
        // A missing file throws FileNotFoundException when the enumeration starts.
        return ReportSource.Sqlite(path).ReadAsync(site, deviceId, from, to, cancellationToken);
    }
}
