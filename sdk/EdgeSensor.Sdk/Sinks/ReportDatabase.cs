using System.Runtime.CompilerServices;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Reports;
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
        // A database written before the extended-disclosure revision (and opened read-only, so not migrated) has
        // neither column; its reports all came without the flag, so 0 is their true value.
        string extended = SqliteReportSink.HasExtendedDisclosureColumns(connection)
            ? "contribution_bound, extended_disclosure"
            : "0 AS contribution_bound, 0 AS extended_disclosure";
        command.CommandText = $"""
            SELECT device_id, epoch, sequence, site, window_start, window_length_s, entries, exits, occupancy_end, peak_occupancy,
                   pir_activity_permille, suppressed, disclosure_mode, suppression_threshold, epsilon, privacy_budget_spent,
                   invalid_sample_permille, calibration_state, reboot_count, firmware_version, received_at,
                   {extended}
            FROM reports
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
            yield return ReadRow(reader);
        }
    }

    internal const string Columns = "device_id, epoch, sequence, site, window_start, window_length_s, entries, exits, occupancy_end, peak_occupancy, pir_activity_permille, suppressed, disclosure_mode, suppression_threshold, epsilon, privacy_budget_spent, invalid_sample_permille, calibration_state, reboot_count, firmware_version, received_at, contribution_bound, extended_disclosure";

    internal static ReceivedReport ReadRow(SqliteDataReader r)
    {
        ReportTopics.TryParseDeviceId(r.GetString(0), out ulong id);
        var report = new AggregateReport
        {
            DeviceId = id,
            Epoch = (uint)r.GetInt64(1),
            Sequence = unchecked((ulong)r.GetInt64(2)),
            WindowStart = DateTimeOffset.FromUnixTimeSeconds(r.GetInt64(4)),
            WindowLength = TimeSpan.FromSeconds(r.GetInt64(5)),
            Entries = r.GetInt32(6),
            Exits = r.GetInt32(7),
            OccupancyAtEnd = r.GetInt32(8),
            PeakOccupancy = r.GetInt32(9),
            PirActivityPermille = r.GetInt32(10),
            Suppressed = (SuppressedCounters)r.GetInt32(11),
            DisclosureMode = (DisclosureMode)r.GetInt32(12),
            SuppressionThreshold = r.GetInt32(13),
            Epsilon = r.GetDouble(14),
            PrivacyBudgetSpent = r.GetDouble(15),
            InvalidSamplePermille = r.GetInt32(16),
            CalibrationState = (CalibrationState)r.GetInt32(17),
            RebootCount = r.GetInt32(18),
            FirmwareVersion = Version.Parse(r.GetString(19)),
            ContributionBound = r.GetInt32(21),
            ExtendedDisclosure = r.GetInt64(22) != 0,
        };
        return new ReceivedReport(report, r.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(20)));
    }
}
