using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Opening;
using EdgeSensor.Sdk.Reports;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>
/// Puts together the <see cref="WindowOutcome"/>s of a fleet run: the device side each virtual device logged as it
/// closed its windows (<see cref="DeviceWindowLog"/>), the consumer side as reports are opened or rejected (any
/// thread). One small record per device per window.
/// </summary>
internal sealed class WindowRecorder
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, int> _index = [];
    private readonly uint _startUnixSeconds;
    private readonly int _windowSeconds;
    private readonly string _site;
    private readonly Dictionary<(int Device, long Window), AggregateReport> _opened = [];
    private readonly List<(int Device, ulong Sequence)> _rejected = [];

    public WindowRecorder(VirtualDevice[] devices, uint startUnixSeconds, int windowSeconds, string site)
    {
        _startUnixSeconds = startUnixSeconds;
        _windowSeconds = windowSeconds;
        _site = site;
        for (int i = 0; i < devices.Length; i++)
        {
            _index[devices[i].Record.DeviceId] = i;
        }
    }

    public void Opened(AggregateReport report)
    {
        if (!_index.TryGetValue(report.DeviceId, out int device))
        {
            return;
        }

        long window = (report.WindowStart.ToUnixTimeSeconds() - _startUnixSeconds) / _windowSeconds;
        lock (_gate)
        {
            _opened[(device, window)] = report;
        }
    }

    public void Rejected(ReportRejectedEventArgs rejection)
    {
        if (rejection.DeviceId is ulong id && rejection.Sequence is ulong sequence && _index.TryGetValue(id, out int device)
            && !(rejection.Reason == RejectionReason.Replayed && !rejection.TopicMismatch))
        {
            lock (_gate)
            {
                _rejected.Add((device, sequence));
            }
        }
    }

    /// <summary>The windows of <paramref name="device"/>, oldest first (call after the run).</summary>
    public IReadOnlyList<WindowOutcome> For(VirtualDevice device)
    {
        int i = _index[device.Record.DeviceId];
        lock (_gate)
        {
            // Sequence numbers run with the seal order: an opened report ties the two, so a rejected one finds its window.
            long? offset = null;
            foreach (DeviceWindowLog.Closed w in device.WindowLog.Windows)
            {
                if (w.SealIndex >= 0 && _opened.TryGetValue((i, w.Window), out AggregateReport? r))
                {
                    offset = (long)r.Sequence - w.SealIndex;
                    break;
                }
            }

            var rejectedSeals = new HashSet<long>(_rejected.Where(x => x.Device == i && offset is not null).Select(x => (long)x.Sequence - offset!.Value));
            string id = device.Record.DeviceIdText;
            int trueEntries = 0, trueExits = 0;
            var list = new List<WindowOutcome>(device.WindowLog.Windows.Count);
            foreach (DeviceWindowLog.Closed w in device.WindowLog.Windows)
            {
                _opened.TryGetValue((i, w.Window), out AggregateReport? r);
                list.Add(new WindowOutcome
                {
                    DeviceId = id,
                    Site = _site,
                    WindowStart = DateTimeOffset.FromUnixTimeSeconds(_startUnixSeconds + (w.Window * _windowSeconds)),
                    CountedEntries = w.Entries,
                    CountedExits = w.Exits,
                    TrueEntries = w.TruthEntries - trueEntries,
                    TrueExits = w.TruthExits - trueExits,
                    PublishedEntries = r is null || r.Suppressed.HasFlag(SuppressedCounters.Entries) ? null : r.Entries,
                    PublishedExits = r is null || r.Suppressed.HasFlag(SuppressedCounters.Exits) ? null : r.Exits,
                    OccupancyCounted = w.Occupancy,
                    OccupancyTrue = w.TrueOccupancy,
                    OccupancyPublished = r is null || r.Suppressed.HasFlag(SuppressedCounters.OccupancyAtEnd) ? null : r.OccupancyAtEnd,
                    Sealed = w.SealIndex >= 0,
                    Opened = r is not null,
                    Rejected = w.SealIndex >= 0 && rejectedSeals.Contains(w.SealIndex),
                });
                trueEntries = w.TruthEntries;
                trueExits = w.TruthExits;
            }

            return list;
        }
    }
}
