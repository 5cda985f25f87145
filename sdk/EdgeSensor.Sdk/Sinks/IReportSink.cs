using EdgeSensor.Sdk.Client;

namespace EdgeSensor.Sdk.Sinks;

/// <summary>
/// Where consumed reports go. Implement it to forward reports to your own system; register it with
/// <c>services.AddEdgeSensor(...).AddSink&lt;T&gt;()</c>. Writes must be idempotent by
/// (device, epoch, sequence): redelivery after a reconnect and several consumers can present a report twice.
/// </summary>
public interface IReportSink
{
    /// <summary>A short name for logs and the <c>sink</c> metric tag.</summary>
    string Name { get; }

    /// <summary>Writes a batch; returns how many reports were new (the rest were duplicates).</summary>
    ValueTask<int> WriteAsync(IReadOnlyList<ReceivedReport> batch, CancellationToken cancellationToken);
}
