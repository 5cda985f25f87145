using System.Text.Json;
using EdgeSensor.Simulator.Commands;
using EdgeSensor.Tests.Shared;
using PuppeteerSharp;

namespace EdgeSensor.Simulator.Tests.Reporting;

/// <summary>
/// Opens the HTML reports in the system's headless Chromium (Debian's <c>chromium</c>, tests/system-packages.txt; never a
/// downloaded browser) and checks what a reader sees: no console errors, every chart drawn with a size and marks, the
/// expected headings. A full-page screenshot of each goes to artifacts/report-screenshots/ under the repository root.
/// </summary>
[TestClass]
public sealed class ReportInBrowserTests
{
    private static readonly string[] ChromiumPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    // Per chart: its title, its drawn size, and how many data marks (lines, markers, bars) have a non-empty box.
    private const string ChartsScript = """
        JSON.stringify([...document.querySelectorAll('svg')].map(s => {
            const box = s.getBoundingClientRect();
            const marks = [...s.querySelectorAll('.data')].filter(e => { const b = e.getBBox(); return b.width > 0 || b.height > 0; }).length;
            return { title: s.querySelector('title')?.textContent ?? '', width: box.width, height: box.height, marks };
        }))
        """;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(240_000, CooperativeCancellation = true)]
    public async Task TheRunReport_RendersEveryChart()
    {
        string chromium = ChromiumOrSkip();
        string report = Path.Combine(TempFolder(), "run-report.html");
        var stderr = new StringWriter();
        int exit = Program.Run(["run", "--devices", "2", "--minutes", "2", "--seed", "7", "--report", report], new StringWriter(), stderr);
        Assert.AreEqual(ExitCodes.Ok, exit, stderr.ToString());
        StringAssert.EndsWith(stderr.ToString().TrimEnd(), $"report: {report}", "the last line names the report");

        await CheckInBrowserAsync(chromium, report, "run-report.png",
            ["EdgeSensor simulator run report", "Fleet", "Site sim", "Privacy mode: suppress:5"], minimumCharts: 12);
    }

    [TestMethod]
    [Timeout(240_000, CooperativeCancellation = true)]
    public async Task TheAccuracyReport_RendersEveryChart()
    {
        string chromium = ChromiumOrSkip();
        string report = Path.Combine(TempFolder(), "accuracy-report.html");
        var stderr = new StringWriter();
        int exit = Program.Run(
            ["accuracy", "--seeds", "1", "--scenario", "single-file", "--scenario", "inclusive-child", "--scenario", "mixed", "--mount", "2500", "--report", report],
            new StringWriter(), stderr);
        Assert.AreEqual(ExitCodes.Ok, exit, stderr.ToString());

        // Both coverage models at one mount: a scenario chart, misses per variant (2), groups, mixed-traffic per variant (2).
        await CheckInBrowserAsync(chromium, report, "accuracy-report.png",
            ["EdgeSensor accuracy report", "Scenarios", "Misses and false counts", "Population groups", "Goals"], minimumCharts: 6);
    }

    private async Task CheckInBrowserAsync(string chromium, string report, string screenshotName, string[] headings, int minimumCharts)
    {
        var options = new LaunchOptions
        {
            Headless = true,
            ExecutablePath = chromium,
            // Root in containers and CI needs --no-sandbox; small /dev/shm in containers needs the other.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            Timeout = 60_000,
        };
        await using IBrowser browser = await Puppeteer.LaunchAsync(options);
        await using IPage page = await browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1000, Height = 900 });
        var errors = new List<string>();
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
            {
                lock (errors)
                {
                    errors.Add(e.Message.Text);
                }
            }
        };
        page.PageError += (_, e) =>
        {
            lock (errors)
            {
                errors.Add(e.Message);
            }
        };
        page.RequestFailed += (_, e) =>
        {
            lock (errors)
            {
                errors.Add("request failed: " + e.Request.Url);
            }
        };

        await page.GoToAsync(new Uri(report).AbsoluteUri, WaitUntilNavigation.Load);

        string[] shown = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('h1,h2,h3')].map(h => h.textContent)");
        foreach (string heading in headings)
        {
            CollectionAssert.Contains(shown, heading, $"heading '{heading}' (shown: {string.Join(" | ", shown)})");
        }

        var charts = JsonSerializer.Deserialize<List<ChartBox>>(await page.EvaluateExpressionAsync<string>(ChartsScript), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.IsGreaterThanOrEqualTo(minimumCharts, charts.Count, "charts in the report");
        foreach (ChartBox chart in charts)
        {
            Assert.IsGreaterThan(100, chart.Width, $"chart '{chart.Title}' is drawn wide");
            Assert.IsGreaterThan(100, chart.Height, $"chart '{chart.Title}' is drawn high");
            Assert.IsGreaterThan(0, chart.Marks, $"chart '{chart.Title}' has drawn lines, markers or bars");
            Assert.IsFalse(string.IsNullOrWhiteSpace(chart.Title), "every chart has a title");
        }

        string folder = Path.Combine(RepositoryRoot.Path, "artifacts", "report-screenshots");
        Directory.CreateDirectory(folder);
        string screenshot = Path.Combine(folder, screenshotName);
        await page.ScreenshotAsync(screenshot, new ScreenshotOptions { FullPage = true });
        Assert.IsGreaterThan(10_000, new FileInfo(screenshot).Length, "a screenshot with content");
        TestContext.WriteLine($"screenshot: {screenshot}");
        Console.WriteLine($"screenshot: {screenshot}");

        lock (errors)
        {
            Assert.IsEmpty(errors, "console errors: " + string.Join("; ", errors));
        }
    }

    private string TempFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "edgesensor-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The system's Chromium; without it the test cannot run: inconclusive on a developer's machine, a failure in CI.</summary>
    private static string ChromiumOrSkip()
    {
        string? found = ChromiumPaths.FirstOrDefault(File.Exists);
        if (found is not null)
        {
            return found;
        }

        const string why = "Chromium is not installed (/usr/bin/chromium); ./test.sh installs it (tests/system-packages.txt), or: apt-get install chromium";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(why);
        }

        Assert.Inconclusive(why);
        return string.Empty;
    }

    private sealed record ChartBox(string Title, double Width, double Height, int Marks);
}
