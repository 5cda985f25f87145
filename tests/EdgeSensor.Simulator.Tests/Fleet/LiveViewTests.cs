using EdgeSensor.Simulator.Fleet;
using EdgeSensor.Simulator.Live;
using Spectre.Console;

namespace EdgeSensor.Simulator.Tests.Fleet;

/// <summary>The run's progress: plain lines when not on a terminal, the live view's content otherwise.</summary>
[TestClass]
public sealed class LiveViewTests
{
    private static readonly FleetSnapshot TwoSites = new()
    {
        Elapsed = TimeSpan.FromSeconds(12),
        Running = true,
        SimulatedMs = 30 * 60_000,
        EndMs = 60 * 60_000,
        Sealed = 1234,
        Published = 1230,
        Opened = 1229,
        Rejected = 2,
        Lost = 1,
        Sites = [new SiteSnapshot("lobby", 411, 398, 13, 1000, 0), new SiteSnapshot("garage", 57, 50, 7, 229, 2)],
    };

    [TestMethod]
    public void PlainLine_SaysProgressRateRejectedAndLost()
    {
        FleetSnapshot before = TwoSites with { Elapsed = TimeSpan.FromSeconds(2), Opened = 229 };

        string line = PlainProgress.Format(TwoSites, before);

        Assert.AreEqual("simulated 30 of 60 min, 1234 sealed, 1229 opened (100 reports/s), 2 rejected, 1 lost", line);
    }

    [TestMethod]
    public void LiveView_ShowsEverySitesCounts_AndTheRunsTotals()
    {
        var output = new StringWriter();
        IAnsiConsole console = PlainConsole(output);

        console.Write(LiveTable.Render(TwoSites, 456.4));

        string text = output.ToString();
        foreach (string expected in new[] { "lobby", "411", "398", "garage", "57", "occupancy", "456 reports/s", "sealed 1234", "opened 1229", "rejected 2", "lost 1", "30 of 60 min" })
        {
            StringAssert.Contains(text, expected);
        }

        string lobbyRow = text.Split('\n').Single(l => l.Contains("lobby", StringComparison.Ordinal));
        CollectionAssert.AreEqual(new[] { "lobby", "411", "398", "13", "1000", "0" }, Cells(lobbyRow));
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task ARun_RedrawsTheLiveView_AndEndsWithItsOpenedTotals()
    {
        var output = new StringWriter();
        var monitor = new FleetMonitor();
        var options = new FleetOptions { Devices = 20, Minutes = 30, Site = "hall" };

        FleetResult result = await LiveRun.ShowAsync(PlainConsole(output), monitor,
            FleetRunner.RunMonitoredAsync(options, monitor, TestContext.CancellationToken));

        Assert.IsTrue(result.Ok);
        FleetSnapshot last = monitor.Snapshot();
        Assert.AreEqual(result.Opened, last.Opened);
        Assert.AreEqual(result.OpenedEntries, last.Sites.Single().Entries);
        StringAssert.Contains(output.ToString(), "hall");
        StringAssert.Contains(output.ToString(), $"opened {result.Opened}");
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task NotOnATerminal_ProgressIsPlainLines_OnePerPeriod()
    {
        var lines = new StringWriter();
        var monitor = new FleetMonitor();
        var options = new FleetOptions { Devices = 20, Minutes = 60 };
        FleetResult result;
        using (new PlainProgress(monitor, lines, TimeSpan.FromMilliseconds(200)))
        {
            result = await FleetRunner.RunMonitoredAsync(options, monitor, TestContext.CancellationToken);
        }

        string[] written = lines.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.IsTrue(result.WallSeconds < 0.4 || written.Length >= 1, $"a {result.WallSeconds:0.0} s run wrote no line");
        Assert.IsTrue(written.Length <= (result.WallSeconds / 0.2) + 1, $"{written.Length} lines in {result.WallSeconds:0.0} s");
        foreach (string line in written)
        {
            StringAssert.Matches(line, new System.Text.RegularExpressions.Regex(@"^simulated [\d.]+ of 60 min, \d+ sealed, \d+ opened \(\d+ reports/s\), 0 rejected, 0 lost\r?$"));
        }

        Assert.IsFalse(LiveRun.IsLive(LiveView.Auto, new StringWriter()), "auto is plain when the output is not the terminal");
        Assert.IsTrue(LiveRun.IsLive(LiveView.On, new StringWriter()));
        Assert.IsFalse(LiveRun.IsLive(LiveView.Off, Console.Out));
    }

    private static IAnsiConsole PlainConsole(StringWriter output) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(output),
    });

    private static string[] Cells(string row) =>
        [.. row.Split('│', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()).Where(c => c.Length > 0)];

    public TestContext TestContext { get; set; } = null!;
}
