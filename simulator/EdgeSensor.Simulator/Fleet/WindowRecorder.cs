using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Opening;
using EdgeSensor.Sdk.Reports;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>
/// Collects <see cref="WindowOutcome"/>s during a fleet run: the device side at each window boundary of simulated time
/// (<see cref="AfterStep"/>, called from the run's loop), the consumer side as reports are opened or rejected (any
/// thread). One small record per device per window.
/// </summary>
internal sealed class WindowRecorder
{
    private readonly Lock _gate = new();
    private readonly VirtualDevice[] _devices;
    private readonly Dictionary<ulong, int> _index = [];
    private readonly uint _startUnixSeconds;
    private readonly int _windowSeconds;
    private readonly string _site;
    private readonly List<DeviceSide>[] _closed;
    private readonly Dictionary<(int Device, long Window), AggregateReport> _opened = [];
    private readonly List<(int Device, ulong Sequence)> _rejected = [];
    private readonly (int Entries, int Exits)[] _truthBeforeBoundary;
    private readonly long[] _sealedBefore;
    private readonly int[] _trueOccupancy;
    private readonly int[] _truthNet;
    private long _nextBoundaryMs;

    public WindowRecorder(VirtualDevice[] devices, uint startUnixSeconds, int windowSeconds, string site)
    {
        _devices = devices;
        _startUnixSeconds = startUnixSeconds;
        _windowSeconds = windowSeconds;
        _site = site;
        _closed = new List<DeviceSide>[devices.Length];
        _truthBeforeBoundary = new (int, int)[devices.Length];
        _sealedBefore = new long[devices.Length];
        _trueOccupancy = new int[devices.Length];
        _truthNet = new int[devices.Length];
        for (int i = 0; i < devices.Length; i++)
        {
            _index[devices[i].Record.DeviceId] = i;
            _closed[i] = [];
        }

        _nextBoundaryMs = windowSeconds * 1000L;
    }

    /// <summary>After the devices ran up to <paramref name="simulatedMs"/>: closes the windows whose end tick has run.</summary>
    public void AfterStep(long simulatedMs)
    {
        if (simulatedMs < _nextBoundaryMs)
        {
            // Truth so far, before the boundary: the crossings of the window that is about to close.
            for (int i = 0; i < _devices.Length; i++)
            {
                (int entries, int exits) = (_devices[i].TruthEntries, _devices[i].TruthExits);
                _truthBeforeBoundary[i] = (entries, exits);

                // Never negative, as the engine keeps it: an exit of someone who was inside before the start is not counted down.
                _trueOccupancy[i] = Math.Max(0, _trueOccupancy[i] + (entries - exits - _truthNet[i]));
                _truthNet[i] = entries - exits;
            }

            return;
        }

        long window = (_nextBoundaryMs / 1000 / _windowSeconds) - 1;
        for (int i = 0; i < _devices.Length; i++)
        {
            VirtualDevice d = _devices[i];
            long sealedNow = d.Node.ReportsSealed;
            _closed[i].Add(new DeviceSide(window, d.Node.LastWindowEntries, d.Node.LastWindowExits, _truthBeforeBoundary[i].Entries,
                _truthBeforeBoundary[i].Exits, d.Node.Counter.Occupancy, _trueOccupancy[i], sealedNow > _sealedBefore[i] ? sealedNow - 1 : -1));
            _sealedBefore[i] = sealedNow;
        }

        _nextBoundaryMs += _windowSeconds * 1000L;
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
            foreach (DeviceSide w in _closed[i])
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
            var list = new List<WindowOutcome>(_closed[i].Count);
            foreach (DeviceSide w in _closed[i])
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

    private readonly record struct DeviceSide(long Window, int Entries, int Exits, int TruthEntries, int TruthExits, int Occupancy, int TrueOccupancy, long SealIndex);
}
