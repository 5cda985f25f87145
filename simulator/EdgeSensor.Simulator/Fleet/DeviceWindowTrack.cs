using EdgeSensor.Sdk.Reports;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>
/// What one device keeps: a few figures, its sealed windows as runs, the sealed windows whose report is on its way
/// (opened a step or two later), and the rare anomalies: a report for a window not closed yet, an opened window
/// that had no seal, a rejected report. Only a charted device keeps its windows.
/// </summary>
internal sealed class DeviceWindowTrack(string deviceId, bool charted)
{
    private readonly List<SealRun> _sealRuns = [];

    public string DeviceId { get; } = deviceId;

    public List<WindowOutcome>? Charted { get; } = charted ? [] : null;

    public long ClosedThrough { get; set; } = -1;

    public Queue<UnopenedWindow> Unopened { get; } = new();

    public Dictionary<long, AggregateReport>? Early { get; set; }

    public HashSet<long>? OpenedUnsealed { get; set; }

    public List<ulong>? RejectedSequences { get; set; }

    public long? SequenceOffset { get; set; }

    public long? OffsetWindow { get; set; }

    public int Records => _sealRuns.Count + Unopened.Count + (Early?.Count ?? 0) + (OpenedUnsealed?.Count ?? 0) + (RejectedSequences?.Count ?? 0);

    public void Sealed(long window, long sealIndex)
    {
        if (_sealRuns.Count > 0 && _sealRuns[^1] is var last && last.Window + last.Length == window && last.SealIndex + last.Length == sealIndex)
        {
            _sealRuns[^1] = last with { Length = last.Length + 1 };
        }
        else
        {
            _sealRuns.Add(new SealRun(window, sealIndex, 1));
        }
    }

    public bool IsSealed(long window) => _sealRuns.Any(r => window >= r.Window && window < r.Window + r.Length);

    /// <summary>The windows sealed with index <paramref name="sealIndex"/> (more than one only if the count restarted).</summary>
    public IEnumerable<long> WindowsSealedAs(long sealIndex) =>
        _sealRuns.Where(r => sealIndex >= r.SealIndex && sealIndex < r.SealIndex + r.Length).Select(r => r.Window + (sealIndex - r.SealIndex));

    /// <summary>Takes <paramref name="window"/> off the reports on their way (normally the oldest one).</summary>
    public bool TakeUnopened(long window, out long sealIndex)
    {
        sealIndex = -1;
        if (Unopened.Count == 0)
        {
            return false;
        }

        if (Unopened.Peek().Window == window)
        {
            sealIndex = Unopened.Dequeue().SealIndex;
            return true;
        }

        // Out of order: rare, so rebuilding the small queue is fine.
        UnopenedWindow[] waiting = [.. Unopened];
        int at = Array.FindIndex(waiting, p => p.Window == window);
        if (at < 0)
        {
            return false;
        }

        sealIndex = waiting[at].SealIndex;
        Unopened.Clear();
        foreach (UnopenedWindow p in waiting.Where((_, i) => i != at))
        {
            Unopened.Enqueue(p);
        }

        return true;
    }
}

/// <summary>A sealed window whose report has not been opened (yet).</summary>
internal readonly record struct UnopenedWindow(long Window, long SealIndex);

/// <summary>Consecutive windows sealed with consecutive seal indices (a clean run is one run per device).</summary>
internal readonly record struct SealRun(long Window, long SealIndex, long Length);
