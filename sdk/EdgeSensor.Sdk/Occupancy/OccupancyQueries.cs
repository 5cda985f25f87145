using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Reports;
using EdgeSensor.Sdk.Sinks;

namespace EdgeSensor.Sdk.Occupancy;

/// <summary>
/// The questions people ask of stored reports: how many are inside now (per device, per site) and how
/// many came and went per interval, each with its privacy error bars. Reads a database written by
/// <see cref="SqliteReportSink"/> or <see cref="PostgresReportSink"/> (<see cref="ReportSource"/>: one query for both).
/// </summary>
/// <remarks>
/// Noise model (docs/privacy.md): each noised counter carries two-sided geometric noise with variance
/// 2α / (1 − α)², where α = e^−ε/4 in per-window differential privacy (mode 2: the window's ε is split over four
/// counters) and α = e^−ε/C in person-level differential privacy (mode 3: entries and exits only, C the contribution
/// bound); sums of windows and devices add variances. Withheld cells count as 0; <see cref="Estimate"/> says how many
/// there were and whether they are bounded (docs/sdk.md "Occupancy queries").
/// </remarks>
public sealed class OccupancyQueries
{
    private readonly ReportSource _source;

    /// <summary>Queries the SQLite database at <paramref name="databasePath"/>.</summary>
    public OccupancyQueries(string databasePath)
        : this(ReportSource.Sqlite(databasePath))
    {
    }

    /// <summary>Queries <paramref name="source"/>, e.g. <c>ReportSource.Postgres(connectionString)</c>.</summary>
    public OccupancyQueries(ReportSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
    }

    /// <summary>
    /// Each device's occupancy at the end of its latest window: the released figure, or, when the latest report
    /// withholds occupancy by design (person-level differential privacy), the running sum of the released entries −
    /// exits of the windows since the area was declared empty (<paramref name="baseline"/>, default
    /// <see cref="OccupancyBaseline.FirstReport"/>), with σ = √(Σ 2σ²_window): it grows as √(2n) for n windows.
    /// The sum is never clamped; clamp for display with <see cref="Estimate.NonNegativeValue"/>.
    /// </summary>
    public async Task<IReadOnlyList<DeviceOccupancy>> CurrentByDeviceAsync(string? site = null, CancellationToken cancellationToken = default, OccupancyBaseline? baseline = null)
    {
        baseline ??= OccupancyBaseline.FirstReport;
        var byDevice = new Dictionary<ulong, List<ReceivedReport>>();
        await foreach (var item in _source.ReadAsync(site, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!byDevice.TryGetValue(item.Report.DeviceId, out var list))
            {
                byDevice[item.Report.DeviceId] = list = [];
            }

            list.Add(item);
        }

        var result = new List<DeviceOccupancy>(byDevice.Count);
        foreach (var reports in byDevice.Values)
        {
            reports.Sort((a, b) => IsLater(a.Report, b.Report) ? 1 : IsLater(b.Report, a.Report) ? -1 : 0);
            result.Add(OccupancyOf(reports, baseline));
        }

        return result.OrderBy(d => d.Site, StringComparer.Ordinal).ThenBy(d => d.DeviceId).ToArray();
    }

    /// <summary>
    /// Per site, the sum of its devices' current occupancy (for sites where every entrance has a device); derived
    /// figures are summed unclamped, so clamp only the site total.
    /// </summary>
    public async Task<IReadOnlyList<SiteOccupancy>> CurrentBySiteAsync(CancellationToken cancellationToken = default, OccupancyBaseline? baseline = null)
    {
        var devices = await CurrentByDeviceAsync(null, cancellationToken, baseline).ConfigureAwait(false);
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
        await foreach (var item in _source.ReadAsync(site, deviceId, from, to, cancellationToken).ConfigureAwait(false))
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

    /// <summary>
    /// One released counter of one report as an <see cref="Estimate"/>: its noise σ when the mode noised it, and, when
    /// withheld, whether the value is bounded (<see cref="AggregateReport.MeaningOf"/>): 1..k−1 (suppression without the
    /// extended-disclosure flag) is bounded; 0..k−1-or-complementary, an exhausted budget or a field the mode never
    /// releases is not.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="counter"/> is not one of the four people counters.</exception>
    public static Estimate Of(AggregateReport report, int value, SuppressedCounters counter)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (counter is not (SuppressedCounters.Entries or SuppressedCounters.Exits or SuppressedCounters.OccupancyAtEnd or SuppressedCounters.PeakOccupancy))
        {
            throw new ArgumentException("Give one of the four people counters.", nameof(counter));
        }

        WithheldMeaning meaning = report.MeaningOf(counter);
        if (meaning == WithheldMeaning.Released)
        {
            bool noised = report.DisclosureMode == DisclosureMode.DifferentialPrivacy
                || (report.DisclosureMode == DisclosureMode.PersonDifferentialPrivacy && counter is SuppressedCounters.Entries or SuppressedCounters.Exits);
            return new Estimate(value, noised ? NoiseStandardDeviation(report) : 0, 0, 0);
        }

        double smallBound = meaning is WithheldMeaning.SmallCount or WithheldMeaning.SmallCountOrComplementary ? Math.Max(0, report.SuppressionThreshold - 1) : 0;
        return new Estimate(value, 0, 1, smallBound) { UnboundedCells = meaning == WithheldMeaning.SmallCount ? 0 : 1 };
    }

    /// <summary>
    /// α of the two-sided geometric noise on one noised counter of <paramref name="report"/>: e^−ε/4 in mode 2,
    /// e^−ε/C in mode 3; 0 when the report carries no noise (other modes, or ε withheld).
    /// </summary>
    public static double NoiseAlpha(AggregateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Epsilon <= 0)
        {
            return 0;
        }

        return report.DisclosureMode switch
        {
            DisclosureMode.DifferentialPrivacy => Math.Exp(-report.Epsilon / 4),
            DisclosureMode.PersonDifferentialPrivacy when report.ContributionBound > 0 => Math.Exp(-report.Epsilon / report.ContributionBound),
            _ => 0,
        };
    }

    /// <summary>σ of the noise on one noised counter of <paramref name="report"/> (√(2α) / (1 − α), α from <see cref="NoiseAlpha"/>); 0 without noise.</summary>
    public static double NoiseStandardDeviation(AggregateReport report)
    {
        double alpha = NoiseAlpha(report);
        return alpha > 0 ? Math.Sqrt(2 * alpha) / (1 - alpha) : 0;
    }

    private static DeviceOccupancy OccupancyOf(List<ReceivedReport> reports, OccupancyBaseline baseline)
    {
        ReceivedReport latest = reports[^1];
        AggregateReport last = latest.Report;
        if (last.MeaningOf(SuppressedCounters.OccupancyAtEnd) != WithheldMeaning.NotReleasedInThisMode)
        {
            return new DeviceOccupancy(last.DeviceId, latest.Site, last.WindowEnd, Of(last, last.OccupancyAtEnd, SuppressedCounters.OccupancyAtEnd));
        }

        // Occupancy withheld by design: derive it as post-processing of the released entries and exits.
        DateTimeOffset emptyAt = baseline.EmptyAt(reports[0].Report.WindowStart, last.WindowEnd);
        var sum = new Estimate(0, 0, 0, 0);
        int windows = 0;
        DateTimeOffset? expectedStart = null;
        foreach (ReceivedReport item in reports)
        {
            AggregateReport r = item.Report;
            if (r.WindowStart < emptyAt)
            {
                continue;
            }

            if (expectedStart is { } expected && r.WindowStart != expected)
            {
                // A window that never arrived (or overlapping windows): its crossings are unknown.
                sum += new Estimate(0, 0, 0, 0) { UnboundedCells = 1 };
            }

            sum += Of(r, r.Entries, SuppressedCounters.Entries) - Of(r, r.Exits, SuppressedCounters.Exits);
            expectedStart = r.WindowEnd;
            windows++;
        }

        return new DeviceOccupancy(last.DeviceId, latest.Site, last.WindowEnd, sum) { DerivedSince = emptyAt, DerivedWindows = windows };
    }

    private static bool IsLater(AggregateReport a, AggregateReport b) =>
        a.WindowStart != b.WindowStart ? a.WindowStart > b.WindowStart : (a.Epoch, a.Sequence).CompareTo((b.Epoch, b.Sequence)) > 0;
}
