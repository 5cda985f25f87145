using System.Diagnostics.Metrics;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Diagnostics;
using EdgeSensor.Sdk.Sinks;
using static EdgeSensor.Sdk.Tests.Occupancy.ReportSamples;

namespace EdgeSensor.Sdk.Tests.Diagnostics;

/// <summary>What <see cref="ReportPump"/> records on <see cref="EdgeSensorMetrics"/>: writes by sink and outcome, stored and duplicate reports.</summary>
[TestClass]
public sealed class SinkWriteMetricsTests
{
    [TestMethod]
    public async Task Pump_FailingThenRecoveringSink_CountsOneFailedAndOneOkWrite_AndTheStoredReports()
    {
        using var metrics = new EdgeSensorMetrics();
        var recorded = new List<(string Instrument, long Value, Dictionary<string, string?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == metrics.Meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var copy = new Dictionary<string, string?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value?.ToString();
            }

            lock (recorded)
            {
                recorded.Add((instrument.Name, value, copy));
            }
        });
        listener.Start();

        var sink = new FlakySink(failures: 1);
        var pump = new ReportPump([sink], metrics);
        var batch = new[] { Received(Report(0)), Received(Report(1)), Received(Report(2)) };
        await pump.WriteBatchAsync(batch, CancellationToken.None);
        await pump.WriteBatchAsync(batch[..1], CancellationToken.None); // already stored: a duplicate

        long Sum(string name, string tag, string value) => recorded.Where(r => r.Instrument == name && r.Tags.GetValueOrDefault(tag) == value).Sum(r => r.Value);
        Assert.AreEqual(1, Sum("edgesensor.sink.writes", "outcome", "failed"));
        Assert.AreEqual(2, Sum("edgesensor.sink.writes", "outcome", "ok"));
        Assert.IsTrue(recorded.Where(r => r.Instrument == "edgesensor.sink.writes").All(r => r.Tags["sink"] == "flaky"));
        Assert.AreEqual(3, Sum("edgesensor.reports.stored", "sink", "flaky"));
        Assert.AreEqual(1, Sum("edgesensor.reports.duplicates", "sink", "flaky"));
    }

    [TestMethod]
    public void ConnectionGauge_ReadsTheClientsState()
    {
        using var metrics = new EdgeSensorMetrics();
        bool connected = false;
        metrics.ObserveConnection(() => connected);
        var seen = new List<int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == metrics.Meter && instrument.Name == "edgesensor.connection.up")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => seen.Add(value));
        listener.Start();

        listener.RecordObservableInstruments();
        connected = true;
        listener.RecordObservableInstruments();

        CollectionAssert.AreEqual(new[] { 0, 1 }, seen);
    }

    /// <summary>Fails its first writes, then stores each (device, sequence) once.</summary>
    private sealed class FlakySink(int failures) : IReportSink
    {
        private readonly HashSet<ulong> _stored = [];
        private int _failuresLeft = failures;

        public string Name => "flaky";

        public ValueTask<int> WriteAsync(IReadOnlyList<ReceivedReport> batch, CancellationToken cancellationToken)
        {
            if (_failuresLeft-- > 0)
            {
                throw new IOException("database away");
            }

            return ValueTask.FromResult(batch.Count(r => _stored.Add(r.Report.Sequence)));
        }
    }
}
