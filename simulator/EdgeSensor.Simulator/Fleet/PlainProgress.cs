using System.Globalization;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>
/// Progress for runs not on a terminal (logs, CI): one plain line every <see cref="Period"/> while the run lasts, so a
/// long run shows it is alive without flooding a log. Runs shorter than a period print nothing.
/// </summary>
public sealed class PlainProgress : IDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    private readonly FleetMonitor _monitor;
    private readonly TextWriter _output;
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private FleetSnapshot? _last;
    private bool _disposed;

    public PlainProgress(FleetMonitor monitor, TextWriter output, TimeSpan? period = null)
    {
        _monitor = monitor;
        _output = output;
        TimeSpan every = period ?? Period;
        _timer = new Timer(_ => WriteLine(), null, every, every);
    }

    /// <summary>One progress line: simulated time, reports opened and their rate since the last line, rejected, lost.</summary>
    public static string Format(FleetSnapshot now, FleetSnapshot? before)
    {
        double seconds = (now.Elapsed - (before?.Elapsed ?? TimeSpan.Zero)).TotalSeconds;
        double rate = seconds > 0 ? (now.Opened - (before?.Opened ?? 0)) / seconds : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"simulated {now.SimulatedMs / 60_000.0:0.#} of {now.EndMs / 60_000.0:0.#} min, {now.Sealed} sealed, {now.Opened} opened ({rate:0} reports/s), {now.Rejected} rejected, {now.Lost} lost");
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _timer.Dispose();
    }

    private void WriteLine()
    {
        lock (_gate)
        {
            FleetSnapshot now = _monitor.Snapshot();
            if (_disposed || !now.Running)
            {
                return;
            }

            _output.WriteLine(Format(now, _last));
            _last = now;
        }
    }
}
