using EdgeSensor.Simulator.Replay;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Reporting;

/// <summary>
/// A picture of one trace (docs/report.md): both zones' measured distances over time, the truth crossings the trace
/// records, and the crossings the engine counted when the trace was replayed through it, so a miss or a false count
/// can be seen where it happened.
/// </summary>
public static class TracePlot
{
    /// <summary>The picture's size in pixels.</summary>
    public const int Width = 1200, Height = 440;

    public static string ToSvg(Trace trace, ReplayResult replay, string title)
    {
        var zones = new List<(double X, double Y)>[] { [], [] };
        int invalid = 0;
        foreach (TraceRecord r in trace.Records)
        {
            if (r.Kind != TraceKind.Tof || r.Channel is < 0 or > 1)
            {
                continue;
            }

            if (r.Status != 0)
            {
                invalid++;
                continue;
            }

            zones[r.Channel].Add((r.TimeMs / 1000.0, r.Value));
        }

        // Crossings sit in two bands above the distances: truth on top, the engine's just below it.
        double top = Math.Max(1, zones.SelectMany(z => z).Select(p => p.Y).DefaultIfEmpty(0).Max());
        double truthBand = top * 1.12, engineBand = top * 1.05;
        var truth = trace.Records.Where(r => r.Kind == TraceKind.Truth).ToList();
        var chart = new LineChart
        {
            Title = title,
            XLabel = "time (s)",
            YLabel = "distance (mm)",
            Width = Width,
            Height = Height,
        };
        chart.Add("zone 0", Palette.Counted, SeriesStyle.Line, zones[0])
            .Add("zone 1", Palette.Published, SeriesStyle.Line, zones[1])
            .Add("true entry", Palette.Truth, SeriesStyle.MarkersUp, [.. truth.Where(r => r.Value > 0).Select(r => (r.TimeMs / 1000.0, truthBand))])
            .Add("true exit", Palette.Truth, SeriesStyle.MarkersDown, [.. truth.Where(r => r.Value < 0).Select(r => (r.TimeMs / 1000.0, truthBand))])
            .Add("engine entry", Palette.Good, SeriesStyle.MarkersUp, [.. replay.Crossings.Where(c => c.Direction > 0).Select(c => (c.TimeMs / 1000.0, engineBand))])
            .Add("engine exit", Palette.Bad, SeriesStyle.MarkersDown, [.. replay.Crossings.Where(c => c.Direction < 0).Select(c => (c.TimeMs / 1000.0, engineBand))]);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + chart.ToSvg() + "\n"
            + (invalid > 0 ? $"<!-- {invalid} ToF readings with a non-zero range status are not drawn -->\n" : "");
    }
}
