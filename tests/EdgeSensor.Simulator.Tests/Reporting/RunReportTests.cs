using EdgeSensor.Simulator.Commands;
using EdgeSensor.Simulator.Fleet;
using EdgeSensor.Simulator.Reporting;

namespace EdgeSensor.Simulator.Tests.Reporting;

[TestClass]
public sealed class RunReportTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task PerWindowFigures_AddUpToTheRunsTotals_AndEveryWindowIsDrawn()
    {
        Assert.IsTrue(RunCommand.TryParse(["--devices", "2", "--minutes", "3", "--seed", "5", "--disclosure", "none"], out FleetOptions? options, out _, out string error), error);

        FleetResult result = await FleetRunner.RunAsync(options, null, TestContext.CancellationToken);

        Assert.IsTrue(result.Ok);
        SiteSeries site = result.Sites.Single();
        Assert.HasCount(2, site.Charted, "both devices are drawn");
        foreach (FleetDeviceResult d in result.Devices)
        {
            IReadOnlyList<WindowOutcome> windows = site.Charted.Single(c => c.DeviceId == d.DeviceId).Windows;
            Assert.HasCount(3, windows, "three 60-second windows");
            Assert.AreEqual(d.EngineEntries, windows.Sum(w => w.CountedEntries), "counted per window adds up to the engine's total");
            Assert.AreEqual(d.EngineExits, windows.Sum(w => w.CountedExits));
            Assert.AreEqual(d.TruthEntries, windows.Sum(w => w.TrueEntries), "every truth crossing falls in one window");
            Assert.AreEqual(d.TruthExits, windows.Sum(w => w.TrueExits));
            Assert.AreEqual(d.OpenedEntries, windows.Sum(w => w.PublishedEntries ?? 0), "published per window adds up to what the SDK opened");
            Assert.AreEqual(d.OpenedExits, windows.Sum(w => w.PublishedExits ?? 0));
            Assert.IsTrue(windows.All(w => w.Sealed && w.Opened && !w.Rejected && !w.Lost));
            Assert.IsTrue(windows.All(w => w.OccupancyTrue >= 0), "never negative, as the engine keeps it");
            Assert.IsGreaterThanOrEqualTo(d.TruthEntries - d.TruthExits, windows[^1].OccupancyTrue, "at least the net of the truth (more when someone left who was inside before the start)");
            Assert.IsTrue(windows.Zip(windows.Skip(1)).All(p => p.Second.WindowStart - p.First.WindowStart == TimeSpan.FromSeconds(60)), "windows in order, one a minute");
            Assert.IsTrue(windows.All(w => w.PublishedEntries == w.CountedEntries && w.PublishedExits == w.CountedExits), "no disclosure control: published is counted");
        }

        Assert.IsGreaterThan(0, result.Devices.Sum(d => d.EngineEntries + d.EngineExits), "people were counted");
        string html = RunReport.Build(result).ToString();
        int charts = CountOf(html, "<svg");
        Assert.AreEqual(1 + 5 + (2 * 3), charts, "fleet chart, five site charts, three per device");
        StringAssert.Contains(html, "<h2 id=\"site-sim\">Site sim</h2>");
        Assert.DoesNotContain("<script", html, "the report runs no script");
    }

    [TestMethod]
    public void TextFromInput_IsEscaped()
    {
        const string hostileSite = "<img src=x onerror=alert(1)>";
        const string hostileScenario = "</title><script>alert(2)</script>";
        var window = new WindowOutcome
        {
            DeviceId = "<i>dev</i>", Site = hostileSite, WindowStart = DateTimeOffset.UnixEpoch, CountedEntries = 1, CountedExits = 0,
            TrueEntries = 1, TrueExits = 0, PublishedEntries = 1, PublishedExits = 0, OccupancyCounted = 1, OccupancyTrue = 1,
            OccupancyPublished = 1, Sealed = true, Opened = true, Rejected = false,
        };
        var result = new FleetResult
        {
            Scenario = hostileScenario,
            Seed = 1,
            SimulatedMinutes = 1,
            WindowSeconds = 60,
            Disclosure = "none\"><b>",
            Broker = "embedded",
            Speed = "max",
            WallSeconds = 1,
            UnattributedRejections = 0,
            Devices =
            [
                new FleetDeviceResult
                {
                    DeviceId = "<i>dev</i>", Sealed = 1, Published = 1, PublishRetries = 0, OutboxDrops = 0, SealFailures = 0, Opened = 1, Rejected = 0,
                    OpenedEntries = 1, OpenedExits = 0, EngineEntries = 1, EngineExits = 0, TruthEntries = 1, TruthExits = 0, NoisedReports = 0, SuppressedReports = 0,
                },
            ],
            Sites =
            [
                new SiteSeries
                {
                    Site = hostileSite,
                    Devices = 1,
                    Windows = [new SiteWindow(window with { DeviceId = "all" }, 0, 0)],
                    Charted = [new DeviceSeries("<i>dev</i>", [window])],
                },
            ],
        };

        string html = RunReport.Build(result).ToString();

        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<i>", html);
        Assert.DoesNotContain("<b>", html);
        StringAssert.Contains(html, "&lt;img src=x onerror=alert(1)&gt;");
        StringAssert.Contains(html, "&lt;/title&gt;&lt;script&gt;");
    }

    private static int CountOf(string text, string what)
    {
        int n = 0;
        for (int i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
