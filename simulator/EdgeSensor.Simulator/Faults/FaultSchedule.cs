namespace EdgeSensor.Simulator.Faults;

/// <summary>
/// The run's <c>--fault</c>s, each applied to every device: when each starts and ends, and what a device or the
/// fleet sees at a given simulated time. Immutable, so every worker reads it without locks.
/// </summary>
public sealed class FaultSchedule
{
    // An array, so that the per-tick questions below loop without allocating an enumerator.
    private readonly FaultSpec[] _faults;

    private FaultSchedule(FaultSpec[] faults) => _faults = faults;

    /// <summary>No faults: the run as without <c>--fault</c>.</summary>
    public static FaultSchedule None { get; } = new([]);

    public IReadOnlyList<FaultSpec> Faults => _faults;

    public bool IsEmpty => _faults.Length == 0;

    /// <summary>A device reboots or loses power: it must keep its outbox in flash, as the firmware does.</summary>
    public bool RebootsDevices => Faults.Any(f => FaultKinds.Reboots(f.Kind));

    public bool HasBrokerOutage => Faults.Any(f => f.Kind == FaultKind.BrokerOutage);

    /// <summary>Parses the specs in order; false with the first one's problem in one line.</summary>
    public static bool TryParse(IReadOnlyList<string> specs, out FaultSchedule schedule, out string error)
    {
        var faults = new List<FaultSpec>();
        foreach (string text in specs)
        {
            if (!FaultSpec.TryParse(text, out FaultSpec spec, out error))
            {
                schedule = None;
                return false;
            }

            faults.Add(spec);
        }

        schedule = faults.Count == 0 ? None : new FaultSchedule([.. faults]);
        error = "";
        return true;
    }

    /// <summary>Checks the faults against the run: each starts before <paramref name="runMs"/>, and a broker outage needs
    /// the embedded broker (the run cannot stop a broker it did not start).</summary>
    public bool TryCheck(long runMs, bool embeddedBroker, out string error)
    {
        foreach (FaultSpec f in Faults)
        {
            if (f.AtMs >= runMs)
            {
                error = $"--fault '{f.Text}': starts at or after the run's end ({FaultSpec.FormatDuration(runMs)})";
                return false;
            }

            if (f.Kind == FaultKind.BrokerOutage && !embeddedBroker)
            {
                error = $"--fault '{f.Text}': a broker outage needs the embedded broker (the run cannot stop a broker it did not start)";
                return false;
            }
        }

        error = "";
        return true;
    }

    /// <summary>The fault that keeps a device off at <paramref name="timeMs"/> (rebooting or without power), or null.</summary>
    public FaultSpec? OffAt(long timeMs)
    {
        foreach (FaultSpec f in _faults)
        {
            if (FaultKinds.Reboots(f.Kind) && f.AtMs <= timeMs && timeMs < f.EndMs)
            {
                return f;
            }
        }

        return null;
    }

    /// <summary>True when no sensor reading reaches a device at <paramref name="timeMs"/>.</summary>
    public bool SensorsOut(long timeMs)
    {
        foreach (FaultSpec f in _faults)
        {
            if (f.Kind == FaultKind.SensorDropout && f.AtMs <= timeMs && timeMs < f.EndMs)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How far the devices' wall clock is off at <paramref name="timeMs"/>: the clock steps so far.</summary>
    public long ClockOffsetMs(long timeMs)
    {
        long offset = 0;
        foreach (FaultSpec f in _faults)
        {
            if (f.Kind == FaultKind.ClockStep && f.AtMs <= timeMs)
            {
                offset += f.ValueMs;
            }
        }

        return offset;
    }

    /// <summary>
    /// The ends (inclusive) of the simulation's steps: every <paramref name="stepMs"/>, and just before each fault's start
    /// and end, so that a fault meets the devices at a step boundary. The last step ends at <paramref name="endMs"/>.
    /// </summary>
    public long[] StepEnds(long stepMs, long endMs, long tickMs)
    {
        var boundaries = new SortedSet<long>();
        for (long b = stepMs; b < endMs + tickMs; b += stepMs)
        {
            boundaries.Add(b);
        }

        foreach (FaultSpec f in Faults)
        {
            boundaries.Add(f.AtMs);
            boundaries.Add(f.EndMs);
        }

        var ends = new SortedSet<long>(boundaries.Where(b => b > tickMs && b <= endMs).Select(b => b - tickMs)) { endMs };
        return [.. ends];
    }

    /// <summary>True when the fleet (broker, connections) changes at <paramref name="boundaryMs"/>.</summary>
    public bool ActsOnFleetAt(long boundaryMs) =>
        Faults.Any(f => f.Kind is FaultKind.BrokerOutage or FaultKind.WifiDrop && (f.AtMs == boundaryMs || f.EndMs == boundaryMs));

    /// <summary>Applies what starts or ends at <paramref name="boundaryMs"/> to the fleet: ends before starts.</summary>
    public async Task ApplyToFleetAsync(long boundaryMs, IFleetFaultTarget fleet, CancellationToken cancellationToken)
    {
        foreach (FaultSpec f in Faults.Where(f => f.EndMs == boundaryMs))
        {
            if (f.Kind == FaultKind.BrokerOutage)
            {
                await fleet.RestartBrokerAsync(cancellationToken).ConfigureAwait(false);
            }
            else if (f.Kind == FaultKind.WifiDrop)
            {
                fleet.RestoreDeviceLinks();
            }
        }

        foreach (FaultSpec f in Faults.Where(f => f.AtMs == boundaryMs))
        {
            if (f.Kind == FaultKind.BrokerOutage)
            {
                await fleet.StopBrokerAsync(cancellationToken).ConfigureAwait(false);
            }
            else if (f.Kind == FaultKind.WifiDrop)
            {
                await fleet.DropDeviceLinksAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
