using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Opening;
using EdgeSensor.Sdk.Reports;
using EdgeSensor.Simulator.Faults;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>
/// Puts together what the run report draws (<see cref="SiteSeries"/>) while the run goes: the device side as each
/// virtual device closes a window (<see cref="DeviceWindowLog"/>, on the workers), the consumer side as reports are
/// opened or rejected (on the consumer's threads). Each window is summed into its site's series at once, so the series
/// grow with the windows, not with devices × windows; only the first <see cref="DevicesCharted"/> devices keep their
/// own windows. What any other device keeps here does not grow with the run's duration (<see cref="DeviceWindowTrack"/>).
/// </summary>
internal sealed class WindowRecorder
{
    /// <summary>Devices the report draws one by one (the first ones of the fleet); the rest are in its tables and sums.</summary>
    public const int DevicesCharted = 12;

    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, int> _index = [];
    private readonly uint _startUnixSeconds;
    private readonly int _windowSeconds;
    private readonly string _site;
    private readonly DeviceWindowTrack[] _devices;
    private readonly List<SiteWindowSums> _windows = [];
    private long _onTheirWay;
    private long _mostOnTheirWay;
    private IReadOnlyList<SiteSeries>? _finished;

    /// <summary>Records the windows <paramref name="devices"/> close from now on.</summary>
    public WindowRecorder(VirtualDevice[] devices, uint startUnixSeconds, int windowSeconds, string site)
        : this([.. devices.Select(d => d.Record)], startUnixSeconds, windowSeconds, site)
    {
        for (int i = 0; i < devices.Length; i++)
        {
            int device = i;
            devices[i].WindowLog.SendTo(w => Closed(device, w));
        }
    }

    /// <summary>A recorder fed through <see cref="Closed"/> (tests).</summary>
    public WindowRecorder(IReadOnlyList<DeviceRecord> devices, uint startUnixSeconds, int windowSeconds, string site)
    {
        _startUnixSeconds = startUnixSeconds;
        _windowSeconds = windowSeconds;
        _site = site;
        _devices = new DeviceWindowTrack[devices.Count];
        for (int i = 0; i < devices.Count; i++)
        {
            _index[devices[i].DeviceId] = i;
            _devices[i] = new DeviceWindowTrack(devices[i].DeviceIdText, charted: i < DevicesCharted);
        }
    }

    /// <summary>What the run's faults are measured from (runs with <c>--fault</c>), or null.</summary>
    public FaultLedger? Ledger { get; set; }

    /// <summary>Device <paramref name="device"/> (its index) closed window <paramref name="w"/>.</summary>
    public void Closed(int device, DeviceWindowLog.Closed w)
    {
        Ledger?.Closed(w.Window, w.Entries + w.Exits, w.TrueEntries + w.TrueExits);
        lock (_gate)
        {
            DeviceWindowTrack d = _devices[device];
            while (_windows.Count <= w.Window)
            {
                _windows.Add(new SiteWindowSums());
            }

            _windows[(int)w.Window].AddDeviceSide(w);
            d.ClosedThrough = w.Window;
            d.Charted?.Add(new WindowOutcome
            {
                DeviceId = d.DeviceId,
                Site = _site,
                WindowStart = StartOf(w.Window),
                CountedEntries = w.Entries,
                CountedExits = w.Exits,
                TrueEntries = w.TrueEntries,
                TrueExits = w.TrueExits,
                OccupancyCounted = w.Occupancy,
                OccupancyTrue = w.TrueOccupancy,
                Sealed = w.SealIndex >= 0,
                Opened = false,
                Rejected = false,
            });

            AggregateReport? early = null;
            d.Early?.Remove(w.Window, out early);
            if (w.SealIndex >= 0)
            {
                d.Sealed(w.Window, w.SealIndex);
                if (early is null)
                {
                    d.Unopened.Enqueue(new UnopenedWindow(w.Window, w.SealIndex));
                    _mostOnTheirWay = Math.Max(_mostOnTheirWay, ++_onTheirWay);
                }
                else
                {
                    Open(d, w.Window, w.SealIndex, early);
                }
            }
            else if (early is not null)
            {
                (d.OpenedUnsealed ??= []).Add(w.Window);
                Open(d, w.Window, -1, early);
            }
        }
    }

    public void Opened(AggregateReport report)
    {
        if (!_index.TryGetValue(report.DeviceId, out int device))
        {
            return;
        }

        long window = (report.WindowStart.ToUnixTimeSeconds() - _startUnixSeconds) / _windowSeconds;
        Ledger?.Opened(device, window, report.RebootCount);
        lock (_gate)
        {
            DeviceWindowTrack d = _devices[device];
            if (window > d.ClosedThrough)
            {
                // Its window is not closed on the device's side yet (a clock ahead of the simulated one): wait for it.
                (d.Early ??= [])[window] = report;
            }
            else if (d.TakeUnopened(window, out long sealIndex))
            {
                _onTheirWay--;
                Open(d, window, sealIndex, report);
            }
            else if (window >= 0 && !d.IsSealed(window) && (d.OpenedUnsealed ??= []).Add(window))
            {
                Open(d, window, -1, report);
            }

            // Otherwise a second report for a window already opened: the firmware never releases a window start twice
            // (docs/privacy.md, section 3) and the SDK drops replays, so the first one stands.
        }
    }

    public void Rejected(ReportRejectedEventArgs rejection)
    {
        if (rejection.DeviceId is ulong id && rejection.Sequence is ulong sequence && _index.TryGetValue(id, out int device)
            && !(rejection.Reason == RejectionReason.Replayed && !rejection.TopicMismatch))
        {
            lock (_gate)
            {
                (_devices[device].RejectedSequences ??= []).Add(sequence);
            }
        }
    }

    /// <summary>
    /// The series of every site (after the run): ties each rejection to its window through its sequence number, and
    /// counts the sealed windows neither opened nor rejected as lost. Later calls return the same series.
    /// </summary>
    public IReadOnlyList<SiteSeries> Finish()
    {
        lock (_gate)
        {
            return _finished ??= Series();
        }
    }

    private IReadOnlyList<SiteSeries> Series()
    {
        foreach (DeviceWindowTrack d in _devices)
        {
            // Sequence numbers run with the seal order: an opened report ties the two, so a rejected one finds its window.
            var rejectedSeals = d.SequenceOffset is long offset && d.RejectedSequences is not null
                ? new HashSet<long>(d.RejectedSequences.Select(s => (long)s - offset))
                : [];
            foreach (long window in rejectedSeals.SelectMany(d.WindowsSealedAs).Distinct())
            {
                _windows[(int)window].Rejected++;
                if (d.Charted is not null)
                {
                    d.Charted[(int)window] = d.Charted[(int)window] with { Rejected = true };
                }
            }

            foreach (UnopenedWindow p in d.Unopened)
            {
                _windows[(int)p.Window].Lost += rejectedSeals.Contains(p.SealIndex) ? 0 : 1;
            }
        }

        int devices = _devices.Count(d => d.ClosedThrough >= 0);
        if (devices == 0)
        {
            return [];
        }

        return
        [
            new SiteSeries
            {
                Site = _site,
                Devices = devices,
                Windows = [.. _windows.Select((s, w) => (Sums: s, Window: w)).Where(x => x.Sums.Devices > 0).Select(x => SiteWindow(x.Sums, x.Window))],
                Charted = [.. _devices.Where(d => d.Charted is not null && d.ClosedThrough >= 0).Select(d => new DeviceSeries(d.DeviceId, [.. d.Charted!]))],
                DeviceRecords = _devices.Sum(d => (long)d.Records),
                MostReportsOnTheirWay = _mostOnTheirWay,
            },
        ];
    }

    private void Open(DeviceWindowTrack d, long window, long sealIndex, AggregateReport r)
    {
        int? entries = r.Suppressed.HasFlag(SuppressedCounters.Entries) ? null : r.Entries;
        int? exits = r.Suppressed.HasFlag(SuppressedCounters.Exits) ? null : r.Exits;
        int? occupancy = r.Suppressed.HasFlag(SuppressedCounters.OccupancyAtEnd) ? null : r.OccupancyAtEnd;
        _windows[(int)window].AddOpened(entries, exits, occupancy);
        if (sealIndex >= 0 && (d.OffsetWindow is null || window < d.OffsetWindow))
        {
            // The earliest window both sealed and opened sets the device's sequence offset.
            d.SequenceOffset = (long)r.Sequence - sealIndex;
            d.OffsetWindow = window;
        }

        if (d.Charted is not null)
        {
            d.Charted[(int)window] = d.Charted[(int)window] with
            {
                PublishedEntries = entries,
                PublishedExits = exits,
                OccupancyPublished = occupancy,
                Opened = true,
            };
        }
    }

    private SiteWindow SiteWindow(SiteWindowSums s, int window) => new(
        new WindowOutcome
        {
            DeviceId = "all",
            Site = _site,
            WindowStart = StartOf(window),
            CountedEntries = s.CountedEntries,
            CountedExits = s.CountedExits,
            TrueEntries = s.TrueEntries,
            TrueExits = s.TrueExits,
            PublishedEntries = s.PublishedEntriesCount == s.Devices ? s.PublishedEntries : null,
            PublishedExits = s.PublishedExitsCount == s.Devices ? s.PublishedExits : null,
            OccupancyCounted = s.OccupancyCounted,
            OccupancyTrue = s.OccupancyTrue,
            OccupancyPublished = s.OccupancyPublishedCount == s.Devices ? s.OccupancyPublished : null,
            Sealed = s.Sealed > 0,
            Opened = s.Opened == s.Devices,
            Rejected = s.Rejected > 0,
        },
        s.Rejected,
        s.Lost);

    private DateTimeOffset StartOf(long window) => DateTimeOffset.FromUnixTimeSeconds(_startUnixSeconds + (window * _windowSeconds));
}
