using System.Globalization;
using EdgeSensor.Simulator.Fleet;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EdgeSensor.Simulator.Live;

/// <summary>
/// The live view of a run (Spectre.Console): per site what the SDK has opened (entries, exits, occupancy) and rejected,
/// and for the run its simulated progress, reports per second, sealed, published, opened, rejected and lost reports.
/// </summary>
public static class LiveTable
{
    /// <summary>How often the view is redrawn.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(500);

    /// <summary>The view of one moment; <paramref name="reportsPerSecond"/> is the opening rate since the last redraw.</summary>
    public static IRenderable Render(FleetSnapshot now, double reportsPerSecond)
    {
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn("site");
        table.AddColumn(new TableColumn("entries").RightAligned());
        table.AddColumn(new TableColumn("exits").RightAligned());
        table.AddColumn(new TableColumn("occupancy").RightAligned());
        table.AddColumn(new TableColumn("opened").RightAligned());
        table.AddColumn(new TableColumn("rejected").RightAligned());
        foreach (SiteSnapshot site in now.Sites)
        {
            table.AddRow(
                Markup.Escape(site.Site),
                site.Entries.ToString(inv),
                site.Exits.ToString(inv),
                site.Occupancy.ToString(inv),
                site.Opened.ToString(inv),
                site.Rejected == 0 ? "0" : $"[red]{site.Rejected.ToString(inv)}[/]");
        }

        double fraction = now.EndMs > 0 ? Math.Clamp((double)now.SimulatedMs / now.EndMs, 0, 1) : 0;
        string lost = now.Lost == 0 ? "0" : $"[red]{now.Lost.ToString(inv)}[/]";
        string rejected = now.Rejected == 0 ? "0" : $"[red]{now.Rejected.ToString(inv)}[/]";
        table.Caption(string.Create(inv,
            $"simulated {now.SimulatedMs / 60_000.0:0.#} of {now.EndMs / 60_000.0:0.#} min ({fraction:P0}), wall {now.Elapsed.TotalSeconds:0} s · {reportsPerSecond:0} reports/s · sealed {now.Sealed} · published {now.Published} · opened {now.Opened} · rejected {rejected} · lost {lost}"));
        return table;
    }
}
