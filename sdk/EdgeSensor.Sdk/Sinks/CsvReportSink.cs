using System.Globalization;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Reports;

namespace EdgeSensor.Sdk.Sinks;

/// <summary>
/// Writes reports as CSV (RFC 4180; comma, header row, invariant culture, UTC ISO 8601 times).
/// Not idempotent by itself: use it to export from <see cref="SqliteReportSink"/> (see <see cref="ReportDatabase"/>)
/// or behind a deduplicating sink.
/// </summary>
public sealed class CsvReportSink : IReportSink
{
    /// <summary>The header row.</summary>
    public const string Header = "device_id,site,epoch,sequence,window_start,window_length_s,entries,exits,occupancy_end,peak_occupancy,pir_activity_permille,suppressed,disclosure_mode,suppression_threshold,epsilon,privacy_budget_spent,invalid_sample_permille,calibration_state,reboot_count,firmware_version,received_at,contribution_bound,extended_disclosure";

    private readonly TextWriter _writer;
    private bool _headerWritten;

    /// <summary>Writes to <paramref name="writer"/> (not disposed by the sink).</summary>
    public CsvReportSink(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
    }

    /// <inheritdoc />
    public string Name => "csv";

    /// <inheritdoc />
    public async ValueTask<int> WriteAsync(IReadOnlyList<ReceivedReport> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!_headerWritten)
        {
            await _writer.WriteLineAsync(Header.AsMemory(), cancellationToken).ConfigureAwait(false);
            _headerWritten = true;
        }

        foreach (var item in batch)
        {
            await _writer.WriteLineAsync(FormatRow(item).AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return batch.Count;
    }

    /// <summary>One CSV row (no line break).</summary>
    public static string FormatRow(ReceivedReport item)
    {
        ArgumentNullException.ThrowIfNull(item);
        AggregateReport r = item.Report;
        var c = CultureInfo.InvariantCulture;
        return string.Join(
            ',',
            r.DeviceIdText,
            item.Site, // sites are [a-z0-9-_]: never need quoting
            r.Epoch.ToString(c),
            r.Sequence.ToString(c),
            r.WindowStart.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", c),
            ((long)r.WindowLength.TotalSeconds).ToString(c),
            r.Entries.ToString(c),
            r.Exits.ToString(c),
            r.OccupancyAtEnd.ToString(c),
            r.PeakOccupancy.ToString(c),
            r.PirActivityPermille.ToString(c),
            ((int)r.Suppressed).ToString(c),
            r.DisclosureMode.ToString(),
            r.SuppressionThreshold.ToString(c),
            r.Epsilon.ToString("0.###", c),
            r.PrivacyBudgetSpent.ToString("0.###", c),
            r.InvalidSamplePermille.ToString(c),
            r.CalibrationState.ToString(),
            r.RebootCount.ToString(c),
            r.FirmwareVersion.ToString(3),
            item.ReceivedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", c),
            r.ContributionBound.ToString(c),
            r.ExtendedDisclosure ? "1" : "0");
    }
}
