using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Opening;
using EdgeSensor.Sdk.Reports;
using EdgeSensor.Simulator.Fleet;

namespace EdgeSensor.Simulator.Tests.Fleet;

/// <summary>
/// The run report's figures computed the way the simulator did before it summed them as the run went: every window of
/// every device kept, every opened report kept, joined after the run, then grouped by window start per site. The
/// reference that <see cref="WindowRecorder"/>'s bounded figures must equal.
/// </summary>
internal sealed class KeepEveryWindow
{
    private readonly Dictionary<ulong, int> _index = [];
    private readonly string[] _ids;
    private readonly List<DeviceWindowLog.Closed>[] _logs;
    private readonly uint _startUnixSeconds;
    private readonly int _windowSeconds;
    private readonly string _site;
    private readonly Dictionary<(int Device, long Window), AggregateReport> _opened = [];
    private readonly List<(int Device, ulong Sequence)> _rejected = [];

    public KeepEveryWindow(IReadOnlyList<ulong> deviceIds, uint startUnixSeconds, int windowSeconds, string site)
    {
        _ids = [.. deviceIds.Select(id => id.ToString("x16", System.Globalization.CultureInfo.InvariantCulture))];
        _logs = [.. deviceIds.Select(_ => new List<DeviceWindowLog.Closed>())];
        for (int i = 0; i < deviceIds.Count; i++)
        {
            _index[deviceIds[i]] = i;
        }

        _startUnixSeconds = startUnixSeconds;
        _windowSeconds = windowSeconds;
        _site = site;
    }

    public void Closed(int device, DeviceWindowLog.Closed w) => _logs[device].Add(w);

    public void Opened(AggregateReport report)
    {
        if (_index.TryGetValue(report.DeviceId, out int device))
        {
            _opened[(device, (report.WindowStart.ToUnixTimeSeconds() - _startUnixSeconds) / _windowSeconds)] = report;
        }
    }

    public void Rejected(ReportRejectedEventArgs rejection)
    {
        if (rejection.DeviceId is ulong id && rejection.Sequence is ulong sequence && _index.TryGetValue(id, out int device)
            && !(rejection.Reason == RejectionReason.Replayed && !rejection.TopicMismatch))
        {
            _rejected.Add((device, sequence));
        }
    }

    /// <summary>Every window of device <paramref name="i"/>, oldest first.</summary>
    public List<WindowOutcome> For(int i)
    {
        long? offset = null;
        foreach (DeviceWindowLog.Closed w in _logs[i])
        {
            if (w.SealIndex >= 0 && _opened.TryGetValue((i, w.Window), out AggregateReport? r))
            {
                offset = (long)r.Sequence - w.SealIndex;
                break;
            }
        }

        var rejectedSeals = new HashSet<long>(_rejected.Where(x => x.Device == i && offset is not null).Select(x => (long)x.Sequence - offset!.Value));
        return [.. _logs[i].Select(w =>
        {
            _opened.TryGetValue((i, w.Window), out AggregateReport? r);
            return new WindowOutcome
            {
                DeviceId = _ids[i],
                Site = _site,
                WindowStart = DateTimeOffset.FromUnixTimeSeconds(_startUnixSeconds + (w.Window * _windowSeconds)),
                CountedEntries = w.Entries,
                CountedExits = w.Exits,
                TrueEntries = w.TrueEntries,
                TrueExits = w.TrueExits,
                PublishedEntries = r is null || r.Suppressed.HasFlag(SuppressedCounters.Entries) ? null : r.Entries,
                PublishedExits = r is null || r.Suppressed.HasFlag(SuppressedCounters.Exits) ? null : r.Exits,
                OccupancyCounted = w.Occupancy,
                OccupancyTrue = w.TrueOccupancy,
                OccupancyPublished = r is null || r.Suppressed.HasFlag(SuppressedCounters.OccupancyAtEnd) ? null : r.OccupancyAtEnd,
                Sealed = w.SealIndex >= 0,
                Opened = r is not null,
                Rejected = w.SealIndex >= 0 && rejectedSeals.Contains(w.SealIndex),
            };
        })];
    }

    /// <summary>The site's windows as the report summed them from every device's windows.</summary>
    public List<SiteWindow> SiteWindows() => SumByWindow(Enumerable.Range(0, _logs.Length).SelectMany(For), _site);

    /// <summary>The report's former grouping: the devices' windows summed by window start.</summary>
    public static List<SiteWindow> SumByWindow(IEnumerable<WindowOutcome> windows, string site) =>
        [.. windows.GroupBy(w => w.WindowStart).OrderBy(g => g.Key).Select(g => new SiteWindow(
            new WindowOutcome
            {
                DeviceId = "all",
                Site = site,
                WindowStart = g.Key,
                CountedEntries = g.Sum(w => w.CountedEntries),
                CountedExits = g.Sum(w => w.CountedExits),
                TrueEntries = g.Sum(w => w.TrueEntries),
                TrueExits = g.Sum(w => w.TrueExits),
                PublishedEntries = g.All(w => w.PublishedEntries is not null) ? g.Sum(w => w.PublishedEntries!.Value) : null,
                PublishedExits = g.All(w => w.PublishedExits is not null) ? g.Sum(w => w.PublishedExits!.Value) : null,
                OccupancyCounted = g.Sum(w => w.OccupancyCounted),
                OccupancyTrue = g.Sum(w => w.OccupancyTrue),
                OccupancyPublished = g.All(w => w.OccupancyPublished is not null) ? g.Sum(w => w.OccupancyPublished!.Value) : null,
                Sealed = g.Any(w => w.Sealed),
                Opened = g.All(w => w.Opened),
                Rejected = g.Any(w => w.Rejected),
            },
            g.Count(w => w.Rejected),
            g.Count(w => w.Lost)))];
}
