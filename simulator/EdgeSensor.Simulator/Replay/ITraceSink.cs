using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Replay;

/// <summary>Where <see cref="TracePlayback"/> delivers a trace's sensor rows and the firmware loop's ticks.</summary>
public interface ITraceSink
{
    /// <summary>One ToF ranging row, in time order.</summary>
    void OnTof(in TraceRecord row);

    /// <summary>One PIR level row, in time order.</summary>
    void OnPir(in TraceRecord row);

    /// <summary>The loop's tick at <paramref name="timeMs"/>, after every row due by then.</summary>
    void OnTick(long timeMs);
}
