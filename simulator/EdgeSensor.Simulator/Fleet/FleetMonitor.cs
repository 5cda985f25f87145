using System.Diagnostics;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>
/// A run's figures while it runs, for the live view and progress lines: the runner and the consumer write, a viewer
/// reads <see cref="Snapshot"/> from another thread at any time. Per site: what the SDK opened (entries, exits, the
/// devices' latest occupancy) and rejected; in total: sealed, published, opened, rejected and lost reports.
/// </summary>
public sealed class FleetMonitor
{
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly SortedDictionary<string, SiteCounts> _sites = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, string> _siteOf = [];
    private readonly Dictionary<ulong, int> _occupancyOf = [];
    private long _simulatedMs;
    private long _endMs;
    private long _sealed;
    private long _published;
    private long _lost;
    private long _rejected;
    private long _opened;
    private bool _running;

    /// <summary>Called by the runner once the devices exist: their sites, and the run's simulated span.</summary>
    internal void Start(IEnumerable<(ulong DeviceId, string Site)> devices, long endMs)
    {
        lock (_gate)
        {
            foreach ((ulong id, string site) in devices)
            {
                _siteOf[id] = site;
                if (!_sites.ContainsKey(site))
                {
                    _sites[site] = new SiteCounts();
                }
            }

            _endMs = endMs;
            _running = true;
        }
    }

    internal void Stop()
    {
        lock (_gate)
        {
            _running = false;
        }
    }

    /// <summary>Simulated time every device has reached.</summary>
    internal void Simulated(long timeMs) => Interlocked.Exchange(ref _simulatedMs, timeMs);

    internal void DeviceSide(long sealedReports, long published, long lost)
    {
        Interlocked.Add(ref _sealed, sealedReports);
        Interlocked.Add(ref _published, published);
        Interlocked.Add(ref _lost, lost);
    }

    internal void Opened(string site, ulong deviceId, int entries, int exits, int occupancy)
    {
        lock (_gate)
        {
            SiteCounts s = For(site);
            s.Entries += entries;
            s.Exits += exits;
            s.Opened++;
            _occupancyOf.TryGetValue(deviceId, out int before);
            _occupancyOf[deviceId] = occupancy;
            s.Occupancy += occupancy - before;
            _opened++;
        }
    }

    internal void Rejected(ulong? deviceId)
    {
        lock (_gate)
        {
            string site = deviceId is ulong id && _siteOf.TryGetValue(id, out string? known) ? known : "(unknown)";
            For(site).Rejected++;
            _rejected++;
        }
    }

    public FleetSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new FleetSnapshot
            {
                Elapsed = _clock.Elapsed,
                Running = _running,
                SimulatedMs = Interlocked.Read(ref _simulatedMs),
                EndMs = _endMs,
                Sealed = Interlocked.Read(ref _sealed),
                Published = Interlocked.Read(ref _published),
                Opened = _opened,
                Rejected = _rejected,
                Lost = Interlocked.Read(ref _lost),
                Sites = [.. _sites.Select(p => new SiteSnapshot(p.Key, p.Value.Entries, p.Value.Exits, p.Value.Occupancy, p.Value.Opened, p.Value.Rejected))],
            };
        }
    }

    private SiteCounts For(string site)
    {
        if (!_sites.TryGetValue(site, out SiteCounts? s))
        {
            _sites[site] = s = new SiteCounts();
        }

        return s;
    }

    private sealed class SiteCounts
    {
        public long Entries { get; set; }

        public long Exits { get; set; }

        public long Occupancy { get; set; }

        public long Opened { get; set; }

        public long Rejected { get; set; }
    }
}

/// <summary>A run's figures at one moment (<see cref="FleetMonitor.Snapshot"/>).</summary>
public sealed record FleetSnapshot
{
    public TimeSpan Elapsed { get; init; }

    /// <summary>False before the devices exist and after the run has drained.</summary>
    public bool Running { get; init; }

    public long SimulatedMs { get; init; }

    public long EndMs { get; init; }

    public long Sealed { get; init; }

    public long Published { get; init; }

    public long Opened { get; init; }

    public long Rejected { get; init; }

    /// <summary>Reports that can no longer arrive: dropped from a full outbox, or never sealed (storage failures).</summary>
    public long Lost { get; init; }

    public IReadOnlyList<SiteSnapshot> Sites { get; init; } = [];
}

/// <summary>One site's figures: what the SDK opened (entries, exits, the sum of its devices' latest occupancy) and rejected.</summary>
public sealed record SiteSnapshot(string Site, long Entries, long Exits, long Occupancy, long Opened, long Rejected);
