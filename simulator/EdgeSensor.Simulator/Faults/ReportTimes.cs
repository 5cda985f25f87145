namespace EdgeSensor.Simulator.Faults;

/// <summary>
/// One device's reports on their way, in outbox order: the simulated time each was sealed, so that confirming one
/// gives its delay. The outbox is first in, first out and drops its oldest when full, so the oldest time goes first
/// either way. Kept only in runs with faults.
/// </summary>
public sealed class ReportTimes
{
    private readonly Queue<long> _sealedAt = new();
    private readonly List<long> _dropped = [];
    private readonly List<(long SealedMs, long DelayMs)> _delayed = [];
    private readonly long _delayedAboveMs;

    /// <param name="delayedAboveMs">A report confirmed later than this after its seal counts as delayed (one step).</param>
    public ReportTimes(long delayedAboveMs) => _delayedAboveMs = delayedAboveMs;

    /// <summary>Seal times of the reports dropped before they were published (outbox full, or lost at a boot).</summary>
    public IReadOnlyList<long> Dropped => _dropped;

    /// <summary>Seal time and delay of each report confirmed later than one step after its seal.</summary>
    public IReadOnlyList<(long SealedMs, long DelayMs)> Delayed => _delayed;

    public void Sealed(long timeMs) => _sealedAt.Enqueue(timeMs);

    /// <summary>The device's outbox holds <paramref name="pending"/> reports: the older ones were dropped.</summary>
    public void Holding(int pending)
    {
        while (_sealedAt.Count > pending)
        {
            _dropped.Add(_sealedAt.Dequeue());
        }
    }

    /// <summary>The oldest report was acknowledged at simulated time <paramref name="timeMs"/>.</summary>
    public void Confirmed(long timeMs)
    {
        if (_sealedAt.TryDequeue(out long sealedMs) && timeMs - sealedMs > _delayedAboveMs)
        {
            _delayed.Add((sealedMs, timeMs - sealedMs));
        }
    }
}
