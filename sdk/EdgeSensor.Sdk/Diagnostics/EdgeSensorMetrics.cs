using System.Diagnostics.Metrics;

namespace EdgeSensor.Sdk.Diagnostics;

/// <summary>
/// The SDK's instruments on the meter <see cref="MeterName"/> (System.Diagnostics.Metrics), so
/// OpenTelemetry's <c>AddMeter("EdgeSensor.Sdk")</c> exports them. Names and tags: docs/metrics.md.
/// Tags name a site, a sink, a reason or an outcome, never a key or anything from a report's contents.
/// </summary>
public sealed class EdgeSensorMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "EdgeSensor.Sdk";

    // A report normally arrives seconds after its window; minutes mean a slow link, hours an outbox catching up.
    private static readonly double[] LagBuckets = [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 21600, 86400];

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _received;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _stored;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _sinkWrites;
    private readonly Counter<long> _outboxGaps;
    private readonly Counter<long> _reconnects;
    private readonly Histogram<double> _lag;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/> (DI) or on a new meter.</summary>
    public EdgeSensorMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _received = _meter.CreateCounter<long>("edgesensor.reports.received", "{report}", "Reports opened and delivered.");
        _rejected = _meter.CreateCounter<long>("edgesensor.reports.rejected", "{report}", "Payloads rejected, tagged by reason.");
        _dropped = _meter.CreateCounter<long>("edgesensor.reports.dropped", "{report}", "Reports dropped because the buffer was full (DropNewest).");
        _stored = _meter.CreateCounter<long>("edgesensor.reports.stored", "{report}", "Reports newly written by a sink.");
        _duplicates = _meter.CreateCounter<long>("edgesensor.reports.duplicates", "{report}", "Reports a sink already had (redelivery, several consumers).");
        _sinkWrites = _meter.CreateCounter<long>("edgesensor.sink.writes", "{batch}", "Batch writes to a sink, tagged by sink and outcome (ok, failed; a failed batch is retried).");
        _outboxGaps = _meter.CreateCounter<long>("edgesensor.outbox.gaps", "{report}", "Sequence numbers skipped by a device (lost or not yet delivered reports).");
        _reconnects = _meter.CreateCounter<long>("edgesensor.connection.reconnects", "{reconnect}", "Reconnects to the broker after a lost connection.");
        _lag = _meter.CreateHistogram<double>("edgesensor.reports.lag", "s", "Seconds from a window's end to its report's arrival.", tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LagBuckets });
    }

    /// <summary>The meter the instruments live on.</summary>
    public Meter Meter => _meter;

    internal void Received(string site) => _received.Add(1, new KeyValuePair<string, object?>("site", site));

    internal void Rejected(string reasonTag) => _rejected.Add(1, new KeyValuePair<string, object?>("reason", reasonTag));

    internal void Dropped() => _dropped.Add(1);

    internal void Stored(long count, string sink)
    {
        if (count > 0)
        {
            _stored.Add(count, new KeyValuePair<string, object?>("sink", sink));
        }
    }

    internal void Duplicates(long count, string sink)
    {
        if (count > 0)
        {
            _duplicates.Add(count, new KeyValuePair<string, object?>("sink", sink));
        }
    }

    internal void SinkWrite(string sink, bool ok) =>
        _sinkWrites.Add(1, new KeyValuePair<string, object?>("sink", sink), new KeyValuePair<string, object?>("outcome", ok ? "ok" : "failed"));

    internal void OutboxGap(long missing) => _outboxGaps.Add(missing);

    internal void Reconnected() => _reconnects.Add(1);

    internal void Lag(TimeSpan lag) => _lag.Record(Math.Max(0, lag.TotalSeconds));

    /// <summary>Observes the buffer depth of a client as <c>edgesensor.buffer.depth</c>.</summary>
    internal void ObserveBufferDepth(Func<int> depth) =>
        _meter.CreateObservableGauge("edgesensor.buffer.depth", depth, "{report}", "Reports waiting in the client's buffer.");

    /// <summary>Observes whether a client is connected to its broker as <c>edgesensor.connection.up</c> (1 or 0).</summary>
    internal void ObserveConnection(Func<bool> connected) =>
        _meter.CreateObservableGauge("edgesensor.connection.up", () => connected() ? 1 : 0, "{connection}", "1 while connected to the broker, 0 while not.");

    /// <summary>Disposes the meter when this instance created it.</summary>
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
