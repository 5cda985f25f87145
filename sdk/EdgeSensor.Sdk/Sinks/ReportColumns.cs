using System.Data.Common;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Reports;
using EdgeSensor.Sdk.Topics;

namespace EdgeSensor.Sdk.Sinks;

/// <summary>
/// The one definition of the <c>reports</c> table that <see cref="SqliteReportSink"/> and
/// <see cref="PostgresReportSink"/> both write and <see cref="ReportDatabase"/> reads: column names, order,
/// kinds and values. Both databases hold the same values (times as Unix seconds / milliseconds), so a query
/// written for one runs on the other. Primary key: the first three columns.
/// </summary>
internal static class ReportColumns
{
    /// <summary>The table's name.</summary>
    public const string Table = "reports";

    /// <summary>The key that makes writes idempotent.</summary>
    public const string Key = "device_id, epoch, sequence";

    /// <summary>Every column in table order.</summary>
    public static readonly IReadOnlyList<ReportColumn> All =
    [
        new("device_id", ReportColumnKind.Text, i => i.Report.DeviceIdText),
        new("epoch", ReportColumnKind.Int64, i => (long)i.Report.Epoch),
        new("sequence", ReportColumnKind.Int64, i => unchecked((long)i.Report.Sequence)),
        new("site", ReportColumnKind.Text, i => i.Site),
        new("window_start", ReportColumnKind.Int64, i => i.Report.WindowStart.ToUnixTimeSeconds()),
        new("window_length_s", ReportColumnKind.Int64, i => (long)i.Report.WindowLength.TotalSeconds),
        new("entries", ReportColumnKind.Int32, i => i.Report.Entries),
        new("exits", ReportColumnKind.Int32, i => i.Report.Exits),
        new("occupancy_end", ReportColumnKind.Int32, i => i.Report.OccupancyAtEnd),
        new("peak_occupancy", ReportColumnKind.Int32, i => i.Report.PeakOccupancy),
        new("pir_activity_permille", ReportColumnKind.Int32, i => i.Report.PirActivityPermille),
        new("suppressed", ReportColumnKind.Int32, i => (int)i.Report.Suppressed),
        new("disclosure_mode", ReportColumnKind.Int32, i => (int)i.Report.DisclosureMode),
        new("suppression_threshold", ReportColumnKind.Int32, i => i.Report.SuppressionThreshold),
        new("epsilon", ReportColumnKind.Real, i => i.Report.Epsilon),
        new("privacy_budget_spent", ReportColumnKind.Real, i => i.Report.PrivacyBudgetSpent),
        new("invalid_sample_permille", ReportColumnKind.Int32, i => i.Report.InvalidSamplePermille),
        new("calibration_state", ReportColumnKind.Int32, i => (int)i.Report.CalibrationState),
        new("reboot_count", ReportColumnKind.Int32, i => i.Report.RebootCount),
        new("firmware_version", ReportColumnKind.Text, i => i.Report.FirmwareVersion.ToString(3)),
        new("received_at", ReportColumnKind.Int64, i => i.ReceivedAt.ToUnixTimeMilliseconds()),

        // The extended-disclosure revision of the wire format (docs/wire-format.md).
        new("contribution_bound", ReportColumnKind.Int32, i => i.Report.ContributionBound, AddedLater: true),
        new("extended_disclosure", ReportColumnKind.Int32, i => i.Report.ExtendedDisclosure ? 1 : 0, AddedLater: true),
    ];

    /// <summary>The columns a table made before a later revision may lack (<see cref="ReportColumn.AddedLater"/>).</summary>
    public static readonly IReadOnlyList<ReportColumn> AddedLater = All.Where(c => c.AddedLater).ToList();

    /// <summary>
    /// <see cref="Names"/> for reading a table that may lack the later columns: each missing one reads as 0.
    /// </summary>
    public static string NamesReadableFrom(IReadOnlySet<string> present) =>
        string.Join(", ", All.Select(c => c.AddedLater && !present.Contains(c.Name) ? $"0 AS {c.Name}" : c.Name));

    /// <summary>The statement that appends a later column to an older table.</summary>
    public static string AddColumnStatement(ReportColumn column, Func<ReportColumnKind, string> typeName) =>
        $"ALTER TABLE {Table} ADD COLUMN {column.Name} {typeName(column.Kind)} NOT NULL DEFAULT 0";

    /// <summary>"device_id, epoch, ..." in table order, for SELECT and INSERT lists.</summary>
    public static readonly string Names = string.Join(", ", All.Select(c => c.Name));

    /// <summary>
    /// <c>CREATE TABLE IF NOT EXISTS reports (...)</c> and its two query indexes, with each column's type
    /// named by <paramref name="typeName"/>; <paramref name="tableSuffix"/> follows the closing parenthesis.
    /// </summary>
    public static string CreateStatements(Func<ReportColumnKind, string> typeName, string tableSuffix = "")
    {
        string columns = string.Join(",\n    ", All.Select(c => $"{c.Name} {typeName(c.Kind)} NOT NULL{(c.AddedLater ? " DEFAULT 0" : "")}"));
        return $"""
            CREATE TABLE IF NOT EXISTS {Table} (
                {columns},
                PRIMARY KEY ({Key})
            ){tableSuffix};
            CREATE INDEX IF NOT EXISTS reports_site_window ON {Table} (site, window_start);
            CREATE INDEX IF NOT EXISTS reports_device_window ON {Table} (device_id, window_start);
            """;
    }

    /// <summary>A report from a row whose columns are <see cref="Names"/> in order.</summary>
    public static ReceivedReport Read(DbDataReader r)
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
            ExtendedDisclosure = r.GetInt32(22) != 0,
        };
        return new ReceivedReport(report, r.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(20)));
    }
}
