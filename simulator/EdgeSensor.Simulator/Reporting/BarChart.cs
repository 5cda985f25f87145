using System.Text;

namespace EdgeSensor.Simulator.Reporting;

/// <summary>A grouped bar chart written as inline SVG: one group per category, one bar per series, labelled axes and a legend.</summary>
internal sealed class BarChart
{
    private const int Left = 64, Right = 16, Top = 52;

    private readonly List<(string Name, string Color, double[] Values)> _series = [];

    public required string Title { get; init; }

    public required string YLabel { get; init; }

    public required IReadOnlyList<string> Categories { get; init; }

    public string XLabel { get; init; } = string.Empty;

    public int Width { get; init; } = 880;

    public int Height { get; init; } = 320;

    public BarChart Add(string name, string color, IEnumerable<double> values)
    {
        double[] v = [.. values];
        if (v.Length != Categories.Count)
        {
            throw new ArgumentException($"series '{name}' has {v.Length} values for {Categories.Count} categories", nameof(values));
        }

        _series.Add((name, color, v));
        return this;
    }

    public string ToSvg()
    {
        // Long category names are written slanted; the bottom margin grows to fit them.
        int longest = Categories.Count == 0 ? 0 : Categories.Max(c => c.Length);
        bool slant = Categories.Count * (longest * 6.5) > Width - Left - Right;
        int bottom = slant ? 30 + (int)(Math.Min(longest, 28) * 4.8) : 44;
        double yMax = Math.Max(1, _series.SelectMany(s => s.Values).Where(double.IsFinite).DefaultIfEmpty(0).Max()) * 1.05;
        double plotW = Width - Left - Right, plotH = Height - Top - bottom;

        var sb = new StringBuilder();
        Svg.Open(sb, Width, Height, Title);
        Svg.Text(sb, Width / 2.0, 18, Title, size: 14, extra: "font-weight=\"bold\"");
        Axes.Draw(sb, Left, Top, plotW, plotH, 0, 1, 0, yMax, XLabel, YLabel, Width, Height);

        // The x ticks of Axes are meaningless for categories: cover them with the category labels' band.
        sb.Append(Svg.Inv, $"<rect x=\"{Left - 20}\" y=\"{Svg.N(Top + plotH + 1)}\" width=\"{Svg.N(plotW + 40)}\" height=\"{Svg.N(bottom - 20)}\" fill=\"#ffffff\"/>");
        double group = plotW / Math.Max(1, Categories.Count);
        double bar = group * 0.8 / Math.Max(1, _series.Count);
        sb.Append("<g class=\"bars\">");
        for (int c = 0; c < Categories.Count; c++)
        {
            double gx = Left + (c * group) + (group * 0.1);
            for (int s = 0; s < _series.Count; s++)
            {
                double v = double.IsFinite(_series[s].Values[c]) ? _series[s].Values[c] : 0;
                double h = Math.Max(v > 0 ? 1 : 0, v / yMax * plotH); // a non-zero value is never invisible
                sb.Append(Svg.Inv, $"<rect class=\"data\" x=\"{Svg.N(gx + (s * bar))}\" y=\"{Svg.N(Top + plotH - h)}\" width=\"{Svg.N(Math.Max(1, bar - 1))}\" height=\"{Svg.N(h)}\" fill=\"{_series[s].Color}\"><title>{Svg.Escape(Categories[c])}, {Svg.Escape(_series[s].Name)}: {Svg.Tick(v)}</title></rect>");
            }

            double lx = Left + (c * group) + (group / 2), ly = Top + plotH + 14;
            string label = Categories[c].Length > 28 ? Categories[c][..27] + "…" : Categories[c];
            Svg.Text(sb, lx, ly, label, slant ? "end" : "middle", 11, slant ? $"transform=\"rotate(-35 {Svg.N(lx)} {Svg.N(ly)})\"" : null);
        }

        sb.Append("</g>");
        Legend.DrawBoxes(sb, Left, 36, _series.Select(s => (s.Name, s.Color)).ToList());
        sb.Append("</svg>");
        return sb.ToString();
    }
}
