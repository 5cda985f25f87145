namespace EdgeSensor.Simulator.Faults;

/// <summary>
/// What the run observed that the faults' effects are measured from: per device, the windows the consumer opened (and
/// the reboot count each carried), the engine's and the true crossings of the windows a fault touched, and each
/// device's <see cref="ReportTimes"/>. Fed from the workers and the consumer's threads, so locked.
/// </summary>
public sealed class FaultLedger
{
    private readonly Lock _gate = new();
    private readonly FaultSchedule _schedule;
    private readonly long _windowMs;
    private readonly long _windows;
    private readonly Dictionary<long, int>[] _opened;
    private readonly int[] _engine;
    private readonly int[] _truth;

    /// <param name="devices">Devices in the run.</param>
    /// <param name="windowMs">The reporting window.</param>
    /// <param name="endMs">The run's simulated end: its windows are the grid a device should report.</param>
    public FaultLedger(FaultSchedule schedule, int devices, long windowMs, long endMs)
    {
        _schedule = schedule;
        _windowMs = windowMs;
        _windows = endMs / windowMs;
        _opened = new Dictionary<long, int>[devices];
        for (int i = 0; i < devices; i++)
        {
            _opened[i] = [];
        }

        _engine = new int[schedule.Faults.Count];
        _truth = new int[schedule.Faults.Count];
    }

    /// <summary>The consumer opened device <paramref name="device"/>'s report for grid window <paramref name="window"/>.</summary>
    public void Opened(int device, long window, int rebootCount)
    {
        lock (_gate)
        {
            _opened[device].TryAdd(window, rebootCount);
        }
    }

    /// <summary>Device <paramref name="device"/> closed simulated window <paramref name="window"/> with these crossings.</summary>
    public void Closed(long window, int engineCrossings, int trueCrossings)
    {
        lock (_gate)
        {
            for (int f = 0; f < _schedule.Faults.Count; f++)
            {
                FaultSpec spec = _schedule.Faults[f];
                if (Touches(spec, window))
                {
                    _engine[f] += engineCrossings;
                    _truth[f] += trueCrossings;
                }
            }
        }
    }

    /// <summary>Each fault's effect, from what was observed (call after the run).</summary>
    public IReadOnlyList<FaultEffect> Effects(IReadOnlyList<ReportTimes> devices)
    {
        lock (_gate)
        {
            var effects = new List<FaultEffect>();
            for (int f = 0; f < _schedule.Faults.Count; f++)
            {
                FaultSpec spec = _schedule.Faults[f];
                var delayed = devices.SelectMany(d => d.Delayed).Where(d => Attributed(spec, d.SealedMs, linkFirst: true)).ToList();
                effects.Add(new FaultEffect
                {
                    Fault = spec.Text,
                    Kind = spec.Kind,
                    ReportsDelayed = delayed.Count,
                    MaxDelayMs = delayed.Count == 0 ? 0 : delayed.Max(d => d.DelayMs),
                    ReportsDropped = devices.Sum(d => d.Dropped.Count(t => Attributed(spec, t, linkFirst: true))),
                    Gaps = _opened.Sum(o => Gaps(spec, o)),
                    EngineCrossings = AffectsCounting(spec.Kind) ? _engine[f] : 0,
                    TrueCrossings = AffectsCounting(spec.Kind) ? _truth[f] : 0,
                    RebootCountRise = FaultKinds.Reboots(spec.Kind) ? _opened.Min(o => RebootRise(spec, o)) : 0,
                });
            }

            return effects;
        }
    }

    private static bool AffectsCounting(FaultKind kind) => FaultKinds.Reboots(kind) || kind == FaultKind.SensorDropout;

    // The windows a fault touched: those overlapping its interval (the one it falls in, for an instant).
    private bool Touches(FaultSpec spec, long window) =>
        window * _windowMs < Math.Max(spec.EndMs, spec.AtMs + 1) && (window + 1) * _windowMs > spec.AtMs;

    // A window start or a seal time belongs to a fault when it falls in its interval, give or take one window; of several
    // such faults, the one that started last (by the window's end), since an earlier one could not have caused it. Delays
    // and drops go to a broker outage or Wi-Fi drop first: only those hold reports back.
    private bool Attributed(FaultSpec spec, long timeMs, bool linkFirst = false)
    {
        var near = _schedule.Faults.Where(f => timeMs >= f.AtMs - _windowMs && timeMs <= f.EndMs + _windowMs).ToList();
        if (linkFirst && near.Any(f => f.Kind is FaultKind.BrokerOutage or FaultKind.WifiDrop))
        {
            near.RemoveAll(f => f.Kind is not (FaultKind.BrokerOutage or FaultKind.WifiDrop));
        }

        FaultSpec? cause = near.Where(f => f.AtMs <= timeMs + _windowMs).OrderBy(f => f.AtMs).LastOrDefault() ?? near.FirstOrDefault();
        return ReferenceEquals(spec, cause);
    }

    private int Gaps(FaultSpec spec, Dictionary<long, int> opened)
    {
        int gaps = 0;
        for (long w = 0; w < _windows; w++)
        {
            gaps += !opened.ContainsKey(w) && Attributed(spec, w * _windowMs) ? 1 : 0;
        }

        return gaps;
    }

    // The reboot count of the windows that closed before the fault against that of the first ones closed after it.
    private int RebootRise(FaultSpec spec, Dictionary<long, int> opened)
    {
        int before = opened.Where(o => (o.Key + 1) * _windowMs <= spec.AtMs).Select(o => o.Value).DefaultIfEmpty(-1).Max();
        int after = opened.Where(o => (o.Key + 1) * _windowMs > spec.EndMs).Select(o => o.Value).DefaultIfEmpty(-1).Min();
        return before < 0 || after < 0 ? 0 : after - before;
    }
}
