using System.Diagnostics;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>Samples the managed heap while a run lasts and keeps the highest figure: the heap's size as the last
/// garbage collection left it (what was alive, not garbage waiting for the next one). Until the first collection that
/// figure is 0, so a run too short for one reports what it allocated so far instead (an upper bound of what is alive).
/// The process's peak working set is read once at the end: the kernel keeps that high-water mark itself.</summary>
internal sealed class MemoryWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakManaged;

    public MemoryWatch()
    {
        Sample();
        _sampling = Task.Run(SampleAsync);
    }

    public long PeakManagedBytes => Interlocked.Read(ref _peakManaged);

    /// <summary>The process's peak resident set so far (VmHWM on Linux).</summary>
    public static long PeakWorkingSetBytes()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _sampling.ConfigureAwait(false);
        Sample();
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(100, _stop.Token).ConfigureAwait(false);
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    /// <summary>The heap a garbage collection left, or before the first one (<paramref name="collectionIndex"/> 0, its
    /// heap figure still 0) the bytes allocated so far.</summary>
    internal static long ManagedFigure(long collectionIndex, long heapAfterLastCollection, long allocatedNow) =>
        collectionIndex == 0 ? allocatedNow : heapAfterLastCollection;

    private void Sample()
    {
        GCMemoryInfo info = GC.GetGCMemoryInfo();
        long now = ManagedFigure(info.Index, info.HeapSizeBytes, GC.GetTotalMemory(forceFullCollection: false));
        long seen;
        while (now > (seen = Interlocked.Read(ref _peakManaged)) && Interlocked.CompareExchange(ref _peakManaged, now, seen) != seen)
        {
        }
    }
}
