using EdgeSensor.Integration.Tests.Support;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Occupancy;
using EdgeSensor.Sdk.Opening;
using EdgeSensor.Sdk.Sinks;

namespace EdgeSensor.Integration.Tests.Storage;

[TestClass]
public sealed class OccupancyQueriesTests
{
    [TestMethod]
    public async Task CurrentAndFlow_SumTheRightWindows_WithNoiseErrorBars()
    {
        using var fleet = TestFleet.Create(2);
        using var opener = new ReportOpener(fleet.Store);
        var reports = new List<ReceivedReport>();
        var a = fleet.Devices[0];
        var b = fleet.Devices[1];
        for (ulong s = 1; s <= 4; s++)
        {
            // Device a: exact counts, occupancy = sequence. Device b: differential privacy with ε = 1.
            var ra = opener.Open(TestSealer.Seal(a.RootKey.Span, a.DeviceId, 0, s, TestFleet.Window(s), entries: 2, exits: 1, occupancy: (int)s));
            var rb = opener.Open(TestSealer.Seal(b.RootKey.Span, b.DeviceId, 0, s, TestFleet.Window(s), entries: 5, exits: 0, occupancy: 10, disclosure: 2, epsilonMilli: 1000));
            Assert.IsTrue(ra.Success && rb.Success);
            reports.Add(new ReceivedReport(ra.Report, a.Site, DateTimeOffset.UtcNow));
            reports.Add(new ReceivedReport(rb.Report, b.Site, DateTimeOffset.UtcNow));
        }

        using (var sink = SqliteReportSink.Open(fleet.DatabasePath))
        {
            await sink.WriteAsync(reports, CancellationToken.None);
        }

        var queries = new OccupancyQueries(fleet.DatabasePath);
        var devices = await queries.CurrentByDeviceAsync();
        Assert.HasCount(2, devices);
        var da = devices.Single(d => d.DeviceId == a.DeviceId);
        Assert.AreEqual(4.0, da.Occupancy.Value);
        Assert.AreEqual(0.0, da.Occupancy.NoiseStandardDeviation);
        Assert.AreEqual(TestFleet.Window(4).AddSeconds(60), da.AsOf);

        // docs/privacy.md §4: ε 1 per window is split over four counters, α = e^(−EpsilonMilli/4000), σ = √(2α)/(1 − α) ≈ 5.6.
        double alpha = Math.Exp(-1000 / 4000.0);
        double sigma = Math.Sqrt(2 * alpha) / (1 - alpha);
        Assert.AreEqual(5.64, sigma, 0.01);

        var site = (await queries.CurrentBySiteAsync()).Single();
        Assert.AreEqual(14.0, site.Occupancy.Value);
        Assert.AreEqual(sigma, site.Occupancy.NoiseStandardDeviation, 1e-12);
        Assert.AreEqual(2, site.Devices);

        // Two-minute buckets: windows 1..4 (minutes) fall in buckets of two windows each.
        var flow = await queries.FlowAsync(TimeSpan.FromMinutes(2), TestFleet.Window(1), TestFleet.Window(5));
        Assert.AreEqual(2 * 4 + 5 * 4, (int)flow.Sum(f => f.Entries.Value));
        Assert.AreEqual(4, (int)flow.Sum(f => f.Exits.Value));
        Assert.AreEqual(8, flow.Sum(f => f.Windows));
        var full = flow.First(f => f.Windows == 4);
        Assert.AreEqual(Math.Sqrt(2) * sigma, full.Entries.NoiseStandardDeviation, 1e-9, "two noisy windows: variances add");
        Assert.Contains("±", full.Entries.ToString());
    }
}
