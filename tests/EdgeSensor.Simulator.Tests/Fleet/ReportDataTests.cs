using EdgeSensor.Simulator.Commands;
using EdgeSensor.Simulator.Fleet;
using EdgeSensor.Simulator.Reporting;

namespace EdgeSensor.Simulator.Tests.Fleet;

/// <summary>
/// What a real run keeps for its report: the site's windows summed as they close, equal to summing every device's
/// windows afterwards, and a per-device part that does not grow with the simulated duration.
/// </summary>
[TestClass]
public sealed class ReportDataTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task SiteWindows_AreTheSumsOfEveryDevicesWindows_WithWithheldFields()
    {
        // Twelve devices: every one is charted, so the test sees every device's windows and can sum them the old way.
        FleetResult result = await RunAsync("--devices", "12", "--minutes", "5", "--seed", "3", "--disclosure", "suppress:3");

        Assert.IsTrue(result.Ok);
        SiteSeries site = result.Sites.Single();
        Assert.AreEqual(12, site.Devices);
        Assert.HasCount(12, site.Charted);
        CollectionAssert.AreEqual(result.Devices.Select(d => d.DeviceId).ToList(), site.Charted.Select(d => d.DeviceId).ToList(), "in the fleet's order");
        List<SiteWindow> expected = KeepEveryWindow.SumByWindow(site.Charted.SelectMany(d => d.Windows), site.Site);
        CollectionAssert.AreEqual(expected, site.Windows.ToList());
        Assert.IsTrue(site.Windows.Any(w => w.Sum.PublishedEntries is null || w.Sum.PublishedExits is null), "suppression withheld some window's figures");
        Assert.AreEqual(result.Devices.Sum(d => (long)d.EngineEntries), site.Windows.Sum(w => (long)w.Sum.CountedEntries));
        Assert.AreEqual(result.Devices.Sum(d => (long)d.TruthExits), site.Windows.Sum(w => (long)w.Sum.TrueExits));
        Assert.AreEqual(0, site.Windows.Sum(w => w.RejectedReports + w.LostReports));
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task WhatARunKeeps_PerDevice_DoesNotGrowWithItsDuration()
    {
        const int devices = 50;
        SiteSeries tenMinutes = (await RunAsync("--devices", $"{devices}", "--minutes", "10", "--seed", "2")).Sites.Single();
        SiteSeries hour = (await RunAsync("--devices", $"{devices}", "--minutes", "60", "--seed", "2")).Sites.Single();
        TestContext.WriteLine($"most reports on their way at once: {tenMinutes.MostReportsOnTheirWay} (10 min), {hour.MostReportsOnTheirWay} (60 min)");

        Assert.AreEqual(tenMinutes.DeviceRecords, hour.DeviceRecords, "the per-device part stays the same");
        Assert.AreEqual(devices, hour.DeviceRecords, "one run of sealed windows per device");
        Assert.HasCount(10, tenMinutes.Windows);
        Assert.HasCount(60, hour.Windows, "the site's series grows with the windows only");
        Assert.AreEqual(WindowRecorder.DevicesCharted * 60, hour.Charted.Sum(d => d.Windows.Count), "and so do the charted devices'");
        Assert.IsLessThan(devices * 60 / 4, hour.MostReportsOnTheirWay, "reports on their way are a step's worth, not the run's");
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task TheReport_DrawsTwelveDevices_OfALargerFleet()
    {
        FleetResult result = await RunAsync("--devices", "14", "--minutes", "2", "--seed", "4", "--disclosure", "none");

        string html = RunReport.Build(result).ToString();

        StringAssert.Contains(html, "Devices (12 of 14 drawn; all are in the fleet table)");
        Assert.AreEqual(1 + 5 + (12 * 3), html.Split("<svg").Length - 1, "fleet chart, five site charts, three per drawn device");
        for (int i = 0; i < result.Devices.Count; i++)
        {
            string id = result.Devices[i].DeviceId;
            Assert.AreEqual(i < 12, html.Contains($"id=\"device-{id}\"", StringComparison.Ordinal), $"device {i} ({id}) drawn only among the first 12");
        }
    }

    private async Task<FleetResult> RunAsync(params string[] args)
    {
        Assert.IsTrue(RunCommand.TryParse(args, out FleetOptions? options, out _, out string error), error);
        return await FleetRunner.RunAsync(options, null, TestContext.CancellationToken);
    }
}
