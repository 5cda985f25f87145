using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Reports;
using EdgeSensor.Sdk.Sinks;

namespace EdgeSensor.Sdk.Occupancy;

/// <summary>
/// The questions people ask of stored reports: how many are inside now (per device, per site) and how
/// many came and went per interval, each with its privacy error bars. Reads a database written by
/// <see cref="SqliteReportSink"/>.
/// </summary>
/// <remarks>
/// Noise model: with differential privacy each counter carries two-sided geometric noise with
/// α = e^−ε (sensitivity 1), whose variance is 2α / (1 − α)²; sums of windows and devices add
/// variances. With small-count suppression a withheld counter is released as 0 but may be up to k − 1.
/// </remarks>
public sealed class OccupancyQueries
{
    private readonly string _databasePath;

    /// <summary>Queries the database at <paramref name="databasePath"/>.</summary>
    public OccupancyQueries(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _databasePath = databasePath;
    }

    /// <summary>Each device's latest window: occupancy at its end.</summary>
    public async Task<IReadOnlyList<DeviceOccupancy>> CurrentByDeviceAsync(string? site = null, CancellationToken cancellationToken = default)
    {
        var latest = new Dictionary<ulong, ReceivedReport>();
        await foreach (var item in ReportDatabase.ReadAsync(_databasePath, site, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!latest.TryGetValue(item.Report.DeviceId, out var seen) || IsLater(item.Report, seen.Report))
            {
                latest[item.Report.DeviceId] = item;
            }
        }

        return latest.Values
            .OrderBy(i => i.Site, StringComparer.Ordinal).ThenBy(i => i.Report.DeviceId)
            .Select(i => new DeviceOccupancy(i.Report.DeviceId, i.Site, i.Report.WindowEnd, Of(i.Report, i.Report.OccupancyAtEnd, SuppressedCounters.OccupancyAtEnd)))
            .ToArray();
    }

    /// <summary>Per site, the sum of its devices' latest occupancy (for sites where every entrance has a device).</summary>
    public async Task<IReadOnlyList<SiteOccupancy>> CurrentBySiteAsync(CancellationToken cancellationToken = default)
    {
        var devices = await CurrentByDeviceAsync(null, cancellationToken).ConfigureAwait(false);
        return devices
            .GroupBy(d => d.Site, StringComparer.Ordinal)
            .Select(g => new SiteOccupancy(g.Key, g.Count(), g.Max(d => d.AsOf), g.Select(d => d.Occupancy).Aggregate((a, b) => a + b)))
            .ToArray();
    }

    /// <summary>Entries and exits per <paramref name="interval"/> (aligned to the Unix epoch), by window start.</summary>
    /// <param name="interval">Bucket length, at least one second.</param>
    /// <param name="from">First instant included.</param>
    /// <param name="to">First instant excluded.</param>
    /// <param name="site">Only this site, when set.</param>
    /// <param name="deviceId">Only this device, when set.</param>
    /// <param name="cancellationToken">Stops the query.</param>
    public async Task<IReadOnlyList<FlowInterval>> FlowAsync(TimeSpan interval, DateTimeOffset from, DateTimeOffset to, string? site = null, ulong? deviceId = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.FromSeconds(1));
        long bucketSeconds = (long)interval.TotalSeconds;
        var buckets = new SortedDictionary<long, (Estimate Entries, Estimate Exits, int Windows)>();
        await foreach (var item in ReportDatabase.ReadAsync(_databasePath, site, deviceId, from, to, cancellationToken).ConfigureAwait(false))
        {
            long start = item.Report.WindowStart.ToUnixTimeSeconds();
            long bucket = start - (((start % bucketSeconds) + bucketSeconds) % bucketSeconds);
            buckets.TryGetValue(bucket, out var sum);
            buckets[bucket] = (
                sum.Entries + Of(item.Report, item.Report.Entries, SuppressedCounters.Entries),
                sum.Exits + Of(item.Report, item.Report.Exits, SuppressedCounters.Exits),
                sum.Windows + 1);
        }

        return buckets.Select(b => new FlowInterval(DateTimeOffset.FromUnixTimeSeconds(b.Key), interval, b.Value.Entries, b.Value.Exits, b.Value.Windows)).ToArray();
    }

    /// <summary>One released counter of one report as an <see cref="Estimate"/>.</summary>
    public static Estimate Of(AggregateReport report, int value, SuppressedCounters counter)
    {
        ArgumentNullException.ThrowIfNull(report);
        double sigma = report.DisclosureMode == DisclosureMode.DifferentialPrivacy && report.Epsilon > 0 ? NoiseStandardDeviation(report.Epsilon) : 0;
        bool suppressed = (report.Suppressed & counter) != 0;
        return new Estimate(value, sigma, suppressed ? 1 : 0, suppressed ? Math.Max(0, report.SuppressionThreshold - 1) : 0);
    }

    /// <summary>σ of two-sided geometric noise with α = e^−ε: √(2α) / (1 − α).</summary>
    public static double NoiseStandardDeviation(double epsilon)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsilon);
        double alpha = Math.Exp(-epsilon);
        return Math.Sqrt(2 * alpha) / (1 - alpha);
    }

    private static bool IsLater(AggregateReport a, AggregateReport b) =>
        a.WindowStart != b.WindowStart ? a.WindowStart > b.WindowStart : (a.Epoch, a.Sequence).CompareTo((b.Epoch, b.Sequence)) > 0;
}
