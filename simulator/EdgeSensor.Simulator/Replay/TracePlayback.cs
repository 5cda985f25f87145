using EdgeSensor.Core.Counting;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Replay;

/// <summary>
/// The one way a trace reaches the firmware's engine, used by <c>replay</c>, <c>accuracy</c> and every virtual
/// device of <c>run</c>: rows in time order, and a tick every <see cref="TickMs"/> after the rows due by then,
/// as the ESP32 main loop reads the sensors and then ticks. Truth rows are tallied here and never delivered.
/// </summary>
public sealed class TracePlayback
{
    private readonly IReadOnlyList<TraceRecord> _rows;
    private int _next;

    public TracePlayback(IReadOnlyList<TraceRecord> rows, int tickMs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tickMs, 1);
        _rows = rows;
        TickMs = tickMs;
    }

    /// <summary>The loop's period.</summary>
    public int TickMs { get; }

    /// <summary>Time of the next tick.</summary>
    public long NextTickMs { get; private set; }

    /// <summary>Time of the last row delivered (or tallied).</summary>
    public long LastRowMs { get; private set; }

    public int TofRows { get; private set; }

    /// <summary>ToF rows the engine counts as invalid (its own rule, <see cref="ZoneChannel.IsValidSample"/>).</summary>
    public int InvalidTofRows { get; private set; }

    public int PirRows { get; private set; }

    public int TruthRows { get; private set; }

    public int TruthEntries { get; private set; }

    public int TruthExits { get; private set; }

    /// <summary>Runs ticks up to and including <paramref name="untilMs"/>, each after the rows due by its time.</summary>
    public void AdvanceTo(long untilMs, ITraceSink sink)
    {
        while (NextTickMs <= untilMs)
        {
            while (_next < _rows.Count && _rows[_next].TimeMs <= NextTickMs)
            {
                Deliver(_rows[_next++], sink);
            }

            sink.OnTick(NextTickMs);
            NextTickMs += TickMs;
        }
    }

    private void Deliver(in TraceRecord row, ITraceSink sink)
    {
        LastRowMs = row.TimeMs;
        switch (row.Kind)
        {
            case TraceKind.Tof:
                TofRows++;
                InvalidTofRows += ZoneChannel.IsValidSample(row.Value, row.Status) ? 0 : 1;
                sink.OnTof(row);
                break;
            case TraceKind.Pir:
                PirRows++;
                sink.OnPir(row);
                break;
            case TraceKind.Truth:
                TruthRows++;
                TruthEntries += row.Value > 0 ? 1 : 0;
                TruthExits += row.Value < 0 ? 1 : 0;
                break;
        }
    }
}
