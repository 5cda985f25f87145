using System.Text;

namespace EdgeSensor.Simulator.Reporting;

/// <summary>How a <see cref="LineChart"/> series is drawn.</summary>
internal enum SeriesStyle
{
    Line,
    DashedLine,
    /// <summary>Markers only, no line (events such as crossings).</summary>
    MarkersUp,
    MarkersDown,
    MarkersCircle,
}

/// <summary>
/// An x/y chart written as inline SVG: lines and event markers over labelled, ticked axes with a legend. Long series
/// are thinned to the minimum and maximum of each pixel column, so spikes stay visible and the file stays small.
/// </summary>
internal sealed class LineChart
{
    private const int Left = 64, Right = 16, Top = 52, Bottom = 44;

    private readonly List<(string Name, string Color, SeriesStyle Style, IReadOnlyList<(double X, double Y)> Points)> _series = [];

    public required string Title { get; init; }

    public required string XLabel { get; init; }

    public required string YLabel { get; init; }

    public int Width { get; init; } = 880;

    public int Height { get; init; } = 300;

    /// <summary>Keep 0 on the y axis (counts, occupancy).</summary>
    public bool IncludeZero { get; init; } = true;

    public LineChart Add(string name, string color, SeriesStyle style, IReadOnlyList<(double X, double Y)> points)
    {
        _series.Add((name, color, style, points));
        return this;
    }

    public string ToSvg()
    {
        var all = _series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        double xMin = all.Count > 0 ? all.Min(p => p.X) : 0, xMax = all.Count > 0 ? all.Max(p => p.X) : 1;
        double yMin = all.Count > 0 ? all.Min(p => p.Y) : 0, yMax = all.Count > 0 ? all.Max(p => p.Y) : 1;
        if (IncludeZero)
        {
            yMin = Math.Min(0, yMin);
            yMax = Math.Max(0, yMax);
        }

        if (xMax <= xMin)
        {
            xMax = xMin + 1;
        }

        if (yMax <= yMin)
        {
            yMax = yMin + 1;
        }

        yMax += (yMax - yMin) * 0.05; // headroom for markers on the top value
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double X(double x) => Left + ((x - xMin) / (xMax - xMin) * plotW);
        double Y(double y) => Top + plotH - ((y - yMin) / (yMax - yMin) * plotH);

        var sb = new StringBuilder();
        Svg.Open(sb, Width, Height, Title);
        Svg.Text(sb, Width / 2.0, 18, Title, size: 14, extra: "font-weight=\"bold\"");
        Axes.Draw(sb, Left, Top, plotW, plotH, xMin, xMax, yMin, yMax, XLabel, YLabel, Width, Height);
        sb.Append("<g class=\"series\">");
        foreach (var s in _series)
        {
            DrawSeries(sb, s.Color, s.Style, s.Points, X, Y, plotW);
        }

        sb.Append("</g>");
        Legend.Draw(sb, Left, 36, _series.Select(s => (s.Name, s.Color, s.Style)).ToList());
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static void DrawSeries(StringBuilder sb, string color, SeriesStyle style, IReadOnlyList<(double X, double Y)> points,
        Func<double, double> x, Func<double, double> y, double plotW)
    {
        if (points.Count == 0)
        {
            return;
        }

        if (style is SeriesStyle.Line or SeriesStyle.DashedLine)
        {
            var d = new StringBuilder();
            foreach ((double px, double py) in Thin(points, x, plotW))
            {
                d.Append(d.Length == 0 ? 'M' : 'L').Append(Svg.N(x(px))).Append(',').Append(Svg.N(y(py)));
            }

            if (points.Count == 1)
            {
                d.Append('h').Append('1'); // a single point still draws
            }

            string dash = style == SeriesStyle.DashedLine ? " stroke-dasharray=\"6 4\"" : "";
            sb.Append(Svg.Inv, $"<path class=\"data\" d=\"{d}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"1.6\"{dash}/>");
            return;
        }

        var m = new StringBuilder();
        foreach ((double px, double py) in points)
        {
            m.Append(Marker.Path(style, x(px), y(py)));
        }

        sb.Append(Svg.Inv, $"<path class=\"data\" d=\"{m}\" fill=\"{color}\" stroke=\"{color}\" stroke-width=\"1\"/>");
    }

    /// <summary>At most two points (min and max, in time order) per pixel column.</summary>
    private static IEnumerable<(double X, double Y)> Thin(IReadOnlyList<(double X, double Y)> points, Func<double, double> x, double plotW)
    {
        if (points.Count <= plotW * 4)
        {
            foreach (var p in points)
            {
                yield return p;
            }

            yield break;
        }

        int column = int.MinValue;
        (double X, double Y) lo = default, hi = default;
        foreach (var p in points)
        {
            int c = (int)x(p.X);
            if (c != column)
            {
                if (column != int.MinValue)
                {
                    foreach (var q in lo.X <= hi.X ? new[] { lo, hi } : [hi, lo])
                    {
                        yield return q;
                    }
                }

                column = c;
                lo = hi = p;
            }
            else if (p.Y < lo.Y)
            {
                lo = p;
            }
            else if (p.Y > hi.Y)
            {
                hi = p;
            }
        }

        foreach (var q in lo.X <= hi.X ? new[] { lo, hi } : [hi, lo])
        {
            yield return q;
        }
    }
}

/// <summary>Axis lines, ticks, grid and labels of a chart's plot area.</summary>
internal static class Axes
{
    public static void Draw(StringBuilder sb, double left, double top, double plotW, double plotH,
        double xMin, double xMax, double yMin, double yMax, string xLabel, string yLabel, int width, int height)
    {
        sb.Append("<g class=\"axes\" font-family=\"sans-serif\" font-size=\"11\">");
        foreach (double t in Svg.Ticks(yMin, yMax, 5))
        {
            double py = top + plotH - ((t - yMin) / (yMax - yMin) * plotH);
            sb.Append(Svg.Inv, $"<line x1=\"{Svg.N(left)}\" y1=\"{Svg.N(py)}\" x2=\"{Svg.N(left + plotW)}\" y2=\"{Svg.N(py)}\" stroke=\"#e3e3e3\"/>");
            Svg.Text(sb, left - 6, py + 4, Svg.Tick(t), "end", 11);
        }

        foreach (double t in Svg.Ticks(xMin, xMax, 8))
        {
            double px = left + ((t - xMin) / (xMax - xMin) * plotW);
            sb.Append(Svg.Inv, $"<line x1=\"{Svg.N(px)}\" y1=\"{Svg.N(top + plotH)}\" x2=\"{Svg.N(px)}\" y2=\"{Svg.N(top + plotH + 4)}\" stroke=\"#555\"/>");
            Svg.Text(sb, px, top + plotH + 16, Svg.Tick(t), "middle", 11);
        }

        sb.Append(Svg.Inv, $"<path d=\"M{Svg.N(left)},{Svg.N(top)}V{Svg.N(top + plotH)}H{Svg.N(left + plotW)}\" fill=\"none\" stroke=\"#555\"/>");
        Svg.Text(sb, left + (plotW / 2), height - 6, xLabel, "middle", 12);
        double cy = top + (plotH / 2);
        Svg.Text(sb, 14, cy, yLabel, "middle", 12, $"transform=\"rotate(-90 14 {Svg.N(cy)})\"");
        sb.Append("</g>");
    }
}

/// <summary>A one-row legend: a swatch per series and its name.</summary>
internal static class Legend
{
    public static void Draw(StringBuilder sb, double x, double y, IReadOnlyList<(string Name, string Color, SeriesStyle Style)> entries)
    {
        sb.Append("<g class=\"legend\">");
        foreach (var (name, color, style) in entries)
        {
            if (style is SeriesStyle.Line or SeriesStyle.DashedLine)
            {
                string dash = style == SeriesStyle.DashedLine ? " stroke-dasharray=\"6 4\"" : "";
                sb.Append(Svg.Inv, $"<path d=\"M{Svg.N(x)},{Svg.N(y - 4)}h18\" stroke=\"{color}\" stroke-width=\"2.5\"{dash}/>");
            }
            else
            {
                sb.Append(Svg.Inv, $"<path d=\"{Marker.Path(style, x + 9, y - 4)}\" fill=\"{color}\" stroke=\"{color}\"/>");
            }

            Svg.Text(sb, x + 24, y, name, "start", 12);
            x += 34 + (name.Length * 6.6);
        }

        sb.Append("</g>");
    }

    /// <summary>A legend swatch for a bar series.</summary>
    public static void DrawBoxes(StringBuilder sb, double x, double y, IReadOnlyList<(string Name, string Color)> entries)
    {
        sb.Append("<g class=\"legend\">");
        foreach (var (name, color) in entries)
        {
            sb.Append(Svg.Inv, $"<rect x=\"{Svg.N(x)}\" y=\"{Svg.N(y - 10)}\" width=\"14\" height=\"10\" fill=\"{color}\"/>");
            Svg.Text(sb, x + 20, y, name, "start", 12);
            x += 30 + (name.Length * 6.6);
        }

        sb.Append("</g>");
    }
}

/// <summary>Event marker shapes as path data centred on a point.</summary>
internal static class Marker
{
    public static string Path(SeriesStyle style, double x, double y) => style switch
    {
        SeriesStyle.MarkersUp => $"M{Svg.N(x)},{Svg.N(y - 6)}l5,9h-10z",
        SeriesStyle.MarkersDown => $"M{Svg.N(x)},{Svg.N(y + 6)}l5,-9h-10z",
        _ => $"M{Svg.N(x - 4)},{Svg.N(y)}a4,4 0 1,0 8,0a4,4 0 1,0 -8,0z",
    };
}
