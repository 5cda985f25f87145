using EdgeSensor.Core.Reports;
using EdgeSensor.Simulator.Faults;
using EdgeSensor.Simulator.Fleet;

namespace EdgeSensor.Simulator.Tests.Faults;

/// <summary>
/// One run per fault kind (2 devices, 10–15 simulated minutes, exact counts: no disclosure control), each asserting what
/// the fault did to the data as the run measured it, next to the run's own device and consumer figures.
/// </summary>
[TestClass]
public sealed class FaultEffectTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task BrokerOutage_DelaysReports_AndLosesNone()
    {
        FleetResult r = await RunAsync(10, 60, "broker-outage@3m+3m");

        FaultEffect outage = r.Faults.Single();
        Assert.AreEqual(6, outage.ReportsDelayed, "windows 2, 3 and 4 of each device were sealed while the broker was down");
        Assert.IsTrue(outage.MaxDelayMs >= 180_000, $"max delay {outage.MaxDelayMs} ms");
        Assert.AreEqual(0, outage.Gaps);
        Assert.AreEqual(0, r.Lost);
        foreach (FleetDeviceResult d in r.Devices)
        {
            Assert.AreEqual(10, d.Sealed);
            Assert.AreEqual(d.Sealed, d.Opened, "every sealed report opened once");
            Assert.AreEqual(0, d.Duplicates);
            Assert.IsTrue(d.PublishRetries > 0, "publishing failed while the broker was down");
        }

        StringAssert.StartsWith(outage.Line(), "fault broker-outage@3m+3m: 6 reports delayed (max ");
        StringAssert.EndsWith(outage.Line(), "), 0 lost");
        string html = EdgeSensor.Simulator.Reporting.RunReport.Build(r).ToString();
        StringAssert.Contains(html, "id=\"faults\"", "the HTML report has a faults section");
        StringAssert.Contains(html, outage.Line(), "with the summary's line (it holds nothing to escape)");
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task WifiDrop_LongerThanTheOutbox_DropsTheOldest_AndEachDropIsAGap()
    {
        // 10-second windows: the 64-report outbox holds 640 s, the drop lasts 720 s.
        FleetResult r = await RunAsync(15, 10, "wifi-drop@2m+12m");

        FaultEffect drop = r.Faults.Single();
        long outboxDrops = r.Devices.Sum(d => d.OutboxDrops);
        Assert.IsTrue(drop.ReportsDropped > 0);
        Assert.AreEqual(outboxDrops, drop.ReportsDropped);
        Assert.AreEqual(drop.ReportsDropped, drop.Gaps, "each dropped report is a window the consumer never saw");
        Assert.AreEqual(outboxDrops, r.Lost);
        Assert.IsTrue(drop.ReportsDelayed > 0, "what the outbox held went out late");
        StringAssert.Contains(drop.Line(), $"{drop.ReportsDropped} reports dropped by full outboxes ({drop.Gaps} gaps)");
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task Reboot_RaisesTheRebootCount_LosesNoReport_AndMissesCrossingsInTheWindowItHit()
    {
        FleetResult r = await RunAsync(10, 60, "reboot@5.5m");

        FaultEffect reboot = r.Faults.Single();
        Assert.AreEqual(1, reboot.RebootCountRise);
        Assert.AreEqual(0, reboot.Gaps, "the window it hit is reported, with what was counted after the boot");
        Assert.AreEqual(0, r.Lost);
        Assert.IsTrue(reboot.EngineCrossings < reboot.TrueCrossings, $"engine {reboot.EngineCrossings} vs truth {reboot.TrueCrossings}");
        Assert.IsTrue(r.Devices.All(d => d.Opened == 10));
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task PowerCut_WithReportsWaiting_RestoresThemFromTheJournal()
    {
        // The link is down from 2 to 6 minutes, so reports wait in the outbox when the power goes at 4.5 minutes.
        FleetResult r = await RunAsync(10, 60, "wifi-drop@2m+4m", "power-cut@4.5m");

        FaultEffect cut = r.Faults[1];
        Assert.AreEqual(1, cut.RebootCountRise);
        Assert.AreEqual(0, r.Lost, "the outbox journal brought the waiting reports back");
        Assert.AreEqual(0, r.Faults.Sum(f => f.Gaps));
        Assert.IsTrue(r.Devices.All(d => d.Opened == d.Sealed && d.Sealed == 10));
        Assert.IsTrue(cut.EngineCrossings < cut.TrueCrossings, $"engine {cut.EngineCrossings} vs truth {cut.TrueCrossings}");
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task ClockStepForward_SkipsAWindow()
    {
        FleetResult r = await RunAsync(10, 60, "clock-step@5m:+90s");

        FaultEffect step = r.Faults.Single();
        Assert.AreEqual(2, step.Gaps, "one skipped window per device");
        Assert.AreEqual(0, r.Lost, "nothing sealed was lost: the window was never reported");
        Assert.AreEqual("fault clock-step@5m:+90s: 2 windows skipped (2 gaps)", step.Line());
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task ClockStepBackward_WithinTheHold_LosesNothing()
    {
        FleetResult r = await RunAsync(10, 60, "clock-step@5m:-90s");

        FaultEffect step = r.Faults.Single();
        Assert.AreEqual(0, step.Gaps);
        Assert.AreEqual(0, step.ReportsDelayed);
        Assert.AreEqual(0, r.Lost);
        Assert.AreEqual("fault clock-step@5m:-90s: nothing lost or delayed", step.Line());
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task SensorDropout_MissesTheCrossingsInIt_AndCountingResumes()
    {
        FleetResult r = await RunAsync(10, 60, "sensor-dropout@4m+2m");

        FaultEffect dropout = r.Faults.Single();
        Assert.AreEqual(0, dropout.EngineCrossings, "no readings, no crossings");
        Assert.IsTrue(dropout.CrossingsNotCounted > 0);
        Assert.AreEqual(0, r.Lost);
        IReadOnlyList<SiteWindow> windows = r.Sites.Single().Windows;
        int countedAfter = windows.Skip(7).Sum(w => w.Sum.CountedEntries + w.Sum.CountedExits);
        int trueAfter = windows.Skip(7).Sum(w => w.Sum.TrueEntries + w.Sum.TrueExits);
        Assert.IsTrue(trueAfter > 0 && countedAfter >= trueAfter * 8 / 10, $"after the dropout the engine counts again: {countedAfter} of {trueAfter}");
    }

    private async Task<FleetResult> RunAsync(double minutes, int windowSeconds, params string[] faults)
    {
        Assert.IsTrue(FaultSchedule.TryParse(faults, out FaultSchedule schedule, out string error), error);
        var options = new FleetOptions
        {
            Devices = 2,
            Minutes = minutes,
            WindowSeconds = windowSeconds,
            Disclosure = DisclosureMode.None,
            Faults = schedule,
        };
        return await FleetRunner.RunAsync(options, null, TestContext.CancellationToken);
    }
}
