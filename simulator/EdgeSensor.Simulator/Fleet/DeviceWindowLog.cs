namespace EdgeSensor.Simulator.Fleet;

/// <summary>
/// The device side of each window of one virtual device, taken at the tick that closes it: what the engine counted,
/// the ground truth up to that tick, and whether a report was sealed. Taken by the device itself, so it is exact to a
/// tick however the run steps its devices. One small record per window.
/// </summary>
internal sealed class DeviceWindowLog
{
    private readonly long _windowMs;
    private readonly List<Closed> _closed = [];
    private long _nextBoundaryMs;
    private long _sealedBefore;
    private int _trueOccupancy;
    private int _truthNet;

    public DeviceWindowLog(int windowSeconds)
    {
        _windowMs = windowSeconds * 1000L;
        _nextBoundaryMs = _windowMs;
    }

    public IReadOnlyList<Closed> Windows => _closed;

    /// <summary>After the device's tick at <paramref name="timeMs"/>: records the window that tick closed, if any.</summary>
    public void AfterTick(long timeMs, VirtualDevice device)
    {
        if (timeMs < _nextBoundaryMs)
        {
            return;
        }

        int entries = device.TruthEntries;
        int exits = device.TruthExits;

        // Never negative, as the engine keeps it: an exit of someone who was inside before the start is not counted down.
        _trueOccupancy = Math.Max(0, _trueOccupancy + (entries - exits - _truthNet));
        _truthNet = entries - exits;
        long sealedNow = device.Node.ReportsSealed;
        _closed.Add(new Closed((_nextBoundaryMs / _windowMs) - 1, device.Node.LastWindowEntries, device.Node.LastWindowExits, entries, exits,
            device.Node.Counter.Occupancy, _trueOccupancy, sealedNow > _sealedBefore ? sealedNow - 1 : -1));
        _sealedBefore = sealedNow;
        _nextBoundaryMs += _windowMs;
    }

    /// <summary>One closed window: counted, cumulative truth at its end, and the index of its sealed report (−1: none).</summary>
    public readonly record struct Closed(long Window, int Entries, int Exits, int TruthEntries, int TruthExits, int Occupancy, int TrueOccupancy, long SealIndex);
}
