namespace EdgeSensor.Simulator.Fleet;

/// <summary>
/// The device side of each window of one virtual device, taken at the tick that closes it: what the engine counted,
/// the ground truth of that window, and whether a report was sealed. Taken by the device itself, so it is exact to a
/// tick however the run steps its devices. Nothing is kept here: each closed window goes to the run's
/// <see cref="WindowRecorder"/>, which sums it into its site's series.
/// </summary>
internal sealed class DeviceWindowLog
{
    private readonly long _windowMs;
    private Action<Closed>? _sink;
    private long _nextBoundaryMs;
    private long _sealedBefore;
    private int _trueOccupancy;
    private int _truthEntries;
    private int _truthExits;

    public DeviceWindowLog(int windowSeconds)
    {
        _windowMs = windowSeconds * 1000L;
        _nextBoundaryMs = _windowMs;
    }

    /// <summary>Where each closed window goes from now on (the run's recorder).</summary>
    public void SendTo(Action<Closed> sink) => _sink = sink;

    /// <summary>After the device's tick at <paramref name="timeMs"/>: hands on the window that tick closed, if any.</summary>
    public void AfterTick(long timeMs, VirtualDevice device)
    {
        if (timeMs < _nextBoundaryMs)
        {
            return;
        }

        int entries = device.TruthEntries;
        int exits = device.TruthExits;

        // Never negative, as the engine keeps it: an exit of someone who was inside before the start is not counted down.
        _trueOccupancy = Math.Max(0, _trueOccupancy + (entries - exits - (_truthEntries - _truthExits)));
        long sealedNow = device.ReportsSealed;
        // A device that is off (a fault) closed nothing: its last window's counts belong to an earlier window.
        bool off = device.IsOff;
        var closed = new Closed((_nextBoundaryMs / _windowMs) - 1, off ? 0 : device.Node.LastWindowEntries, off ? 0 : device.Node.LastWindowExits, entries - _truthEntries,
            exits - _truthExits, device.Node.Counter.Occupancy, _trueOccupancy, sealedNow > _sealedBefore ? sealedNow - 1 : -1);
        _truthEntries = entries;
        _truthExits = exits;
        _sealedBefore = sealedNow;
        _nextBoundaryMs += _windowMs;
        _sink?.Invoke(closed);
    }

    /// <summary>One closed window: counted, the truth whose time fell in it, occupancy at its end, and the index of its
    /// sealed report (−1: none).</summary>
    public readonly record struct Closed(long Window, int Entries, int Exits, int TrueEntries, int TrueExits, int Occupancy, int TrueOccupancy, long SealIndex);
}
