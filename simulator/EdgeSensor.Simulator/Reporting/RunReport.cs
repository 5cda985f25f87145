using EdgeSensor.Simulator.Fleet;

namespace EdgeSensor.Simulator.Reporting;

/// <summary>
/// The HTML report of a <c>run</c> (docs/report.md): the fleet's table, then per site and per device the entries and
/// exits of every window counted by the engine against the truth, occupancy over time, what disclosure control changed
/// (published against counted), and the windows whose reports were rejected or lost.
/// </summary>
public static class RunReport
{
    /// <summary>Devices drawn one by one; the rest are in the tables and the site's totals.</summary>
    public const int DevicesCharted = WindowRecorder.DevicesCharted;

    /// <summary>The report's name in the current directory when <c>--report</c> is not given.</summary>
    public const string DefaultFileName = "edgesensor-run-report.html";

    public static void Write(FleetResult result, string path) => Build(result).Save(path);

    internal static HtmlPage Build(FleetResult r)
    {
        var page = new HtmlPage($"EdgeSensor run report: {r.Scenario}, {r.Devices.Count} devices");
        page.Heading(1, "EdgeSensor simulator run report");
        page.Paragraph(string.Create(Svg.Inv,
            $"Scenario {r.Scenario}, seed {r.Seed}, {r.Devices.Count} devices, {r.SimulatedMinutes:0.##} simulated minutes in {r.WindowSeconds} s windows; disclosure {r.Disclosure}; broker {r.Broker}; speed {r.Speed}; sensors {r.Sensors}."));
        page.Paragraph(r.Ok
            ? "Result: OK, every sealed report was published and opened."
            : string.Create(Svg.Inv, $"Result: FAILED, {r.Lost} report(s) lost, {r.Rejected} rejected."), r.Ok ? "ok" : "bad");
        page.Paragraph("Counted: what the firmware's engine counted into each window, before disclosure control. True: the simulated ground truth. Published: what the SDK opened from the sealed report, after disclosure control (absent when withheld or not received).", "note");

        if (r.Faults.Count > 0)
        {
            // What each injected fault did to the data, as the summary prints it (docs/simulator-run.md, faults on demand).
            page.Heading(2, "Faults", "faults");
            foreach (var fault in r.Faults)
            {
                page.Paragraph(fault.Line());
            }
        }

        FleetSection(page, r);
        foreach (SiteSeries site in r.Sites.OrderBy(s => s.Site, StringComparer.Ordinal))
        {
            SiteSection(page, r, site);
        }

        return page;
    }

    private static void FleetSection(HtmlPage page, FleetResult r)
    {
        page.Heading(2, "Fleet", "fleet");
        page.Table(
            ["device", "sealed", "published", "opened", "rejected", "lost", "entries opened / counted / true", "exits opened / counted / true", "noised", "suppressed"],
            r.Devices.Select(d => (IReadOnlyList<string>)
            [
                d.DeviceId, I(d.Sealed), I(d.Published), I(d.Opened), I(d.Rejected), I(d.Lost),
                $"{I(d.OpenedEntries)} / {I(d.EngineEntries)} / {I(d.TruthEntries)}",
                $"{I(d.OpenedExits)} / {I(d.EngineExits)} / {I(d.TruthExits)}",
                I(d.NoisedReports), I(d.SuppressedReports),
            ]));
        if (r.UnattributedRejections > 0)
        {
            page.Paragraph(string.Create(Svg.Inv, $"{r.UnattributedRejections} rejected payload(s) named no device."), "bad");
        }

        var shown = r.Devices.OrderByDescending(d => d.Lost + d.Rejected).Take(60).OrderBy(d => d.DeviceId, StringComparer.Ordinal).ToList();
        page.Chart(new BarChart
        {
            Title = shown.Count < r.Devices.Count ? $"Reports per device ({shown.Count} of {r.Devices.Count}, most lost or rejected first)" : "Reports per device",
            YLabel = "reports",
            XLabel = "device",
            Categories = [.. shown.Select(d => d.DeviceId)],
        }
        .Add("opened", Palette.Good, shown.Select(d => (double)d.Opened))
        .Add("rejected", Palette.Bad, shown.Select(d => (double)d.Rejected))
        .Add("lost", Palette.Lost, shown.Select(d => (double)d.Lost))
        .ToSvg());
    }

    private static void SiteSection(HtmlPage page, FleetResult r, SiteSeries series)
    {
        string site = series.Site;
        page.Heading(2, $"Site {site}", "site-" + site);
        page.Paragraph(string.Create(Svg.Inv, $"{series.Devices} device(s); the site's figures are the sums over its devices."));

        // The site's windows were summed over its devices as the run went (WindowRecorder).
        var siteWindows = series.Windows.Select(w => w.Sum).ToList();
        DateTimeOffset origin = siteWindows.Count > 0 ? siteWindows[0].WindowStart : default;
        double End(DateTimeOffset start) => ((start - origin).TotalSeconds + r.WindowSeconds) / 60.0;
        WindowCharts(page, $"site {site}", siteWindows, End);
        PrivacyChart(page, r, site, siteWindows, End);

        var failures = series.Windows.Select(w => (End: End(w.Sum.WindowStart), Rejected: w.RejectedReports, Lost: w.LostReports)).ToList();
        page.Chart(new LineChart
        {
            Title = $"Rejected and lost reports per window, site {site}",
            XLabel = "simulated minutes (window end)",
            YLabel = "reports",
        }
        .Add("rejected", Palette.Bad, SeriesStyle.Line, [.. failures.Select(f => (f.End, (double)f.Rejected))])
        .Add("lost", Palette.Lost, SeriesStyle.DashedLine, [.. failures.Select(f => (f.End, (double)f.Lost))])
        .ToSvg());
        int rejected = failures.Sum(f => f.Rejected), lost = failures.Sum(f => f.Lost);
        page.Paragraph(rejected + lost == 0
            ? "No report of this site was rejected or lost."
            : string.Create(Svg.Inv, $"{rejected} window report(s) rejected and {lost} lost at this site."), rejected + lost == 0 ? "ok" : "bad");

        page.Heading(3, series.Charted.Count < series.Devices
            ? string.Create(Svg.Inv, $"Devices ({series.Charted.Count} of {series.Devices} drawn; all are in the fleet table)")
            : "Devices");
        foreach (DeviceSeries d in series.Charted)
        {
            page.Heading(4, $"Device {d.DeviceId}", "device-" + d.DeviceId);
            WindowCharts(page, $"device {d.DeviceId}", d.Windows, End);
        }
    }

    /// <summary>Entries, exits and occupancy per window: counted, true and published.</summary>
    private static void WindowCharts(HtmlPage page, string what, IReadOnlyList<WindowOutcome> windows, Func<DateTimeOffset, double> end)
    {
        foreach (var (name, counted, truth, published) in new (string, Func<WindowOutcome, int>, Func<WindowOutcome, int>, Func<WindowOutcome, int?>)[]
        {
            ("Entries", w => w.CountedEntries, w => w.TrueEntries, w => w.PublishedEntries),
            ("Exits", w => w.CountedExits, w => w.TrueExits, w => w.PublishedExits),
            ("Occupancy at window end", w => w.OccupancyCounted, w => w.OccupancyTrue, w => w.OccupancyPublished),
        })
        {
            page.Chart(new LineChart
            {
                Title = $"{name} per window, {what}",
                XLabel = "simulated minutes (window end)",
                YLabel = name.StartsWith("Occupancy", StringComparison.Ordinal) ? "people inside" : name.ToLowerInvariant(),
            }
            .Add("true", Palette.Truth, SeriesStyle.DashedLine, [.. windows.Select(w => (end(w.WindowStart), (double)truth(w)))])
            .Add("counted", Palette.Counted, SeriesStyle.Line, [.. windows.Select(w => (end(w.WindowStart), (double)counted(w)))])
            .Add("published", Palette.Published, SeriesStyle.MarkersCircle,
                [.. windows.Where(w => published(w) is not null).Select(w => (end(w.WindowStart), (double)published(w)!.Value))])
            .ToSvg());
        }
    }

    /// <summary>Disclosure control's effect: entries plus exits published against counted, and the windows withheld.</summary>
    private static void PrivacyChart(HtmlPage page, FleetResult r, string site, IReadOnlyList<WindowOutcome> windows, Func<DateTimeOffset, double> end)
    {
        page.Heading(3, $"Privacy mode: {r.Disclosure}");
        var published = windows.Where(w => w.PublishedEntries is not null && w.PublishedExits is not null).ToList();
        var withheld = windows.Where(w => w.Opened && (w.PublishedEntries is null || w.PublishedExits is null)).ToList();
        page.Chart(new LineChart
        {
            Title = $"Published against counted (entries + exits) per window, site {site}",
            XLabel = "simulated minutes (window end)",
            YLabel = "entries + exits",
        }
        .Add("counted", Palette.Counted, SeriesStyle.Line, [.. windows.Select(w => (end(w.WindowStart), (double)(w.CountedEntries + w.CountedExits)))])
        .Add("published", Palette.Published, SeriesStyle.MarkersCircle, [.. published.Select(w => (end(w.WindowStart), (double)(w.PublishedEntries!.Value + w.PublishedExits!.Value)))])
        .Add("withheld (suppressed)", Palette.Bad, SeriesStyle.MarkersDown, [.. withheld.Select(w => (end(w.WindowStart), 0.0))])
        .ToSvg());
        double meanAbs = published.Select(w => (double)Math.Abs(w.PublishedEntries!.Value - w.CountedEntries) + Math.Abs(w.PublishedExits!.Value - w.CountedExits))
            .DefaultIfEmpty(0).Average();
        page.Paragraph(string.Create(Svg.Inv,
            $"{published.Count} window(s) published both counts, differing from the counted ones by {meanAbs:0.##} on average (entries and exits together); {withheld.Count} opened window(s) had entries or exits withheld on at least one device."));
    }

    private static string I(long value) => value.ToString(Svg.Inv);
}
