using System.Globalization;
using System.Net;
using System.Text;

namespace EdgeSensor.Simulator.Reporting;

/// <summary>Formatting shared by the SVG charts and the HTML pages: invariant numbers and escaped text.</summary>
internal static class Svg
{
    public static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Escapes text for element content and quoted attribute values (HTML and SVG alike).</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A coordinate with at most one decimal: small files, sub-pixel precision is invisible.</summary>
    public static string N(double value) => double.IsFinite(value) ? Math.Round(value, 1).ToString("0.#", Inv) : "0";

    /// <summary>A tick label: integers without decimals, others with up to two.</summary>
    public static string Tick(double value) => Math.Abs(value - Math.Round(value)) < 1e-9
        ? Math.Round(value).ToString("0", Inv)
        : value.ToString("0.##", Inv);

    /// <summary>"Nice" tick steps (1, 2, 5 × 10^n) giving about <paramref name="count"/> ticks over [min, max].</summary>
    public static double[] Ticks(double min, double max, int count)
    {
        if (!(max > min))
        {
            return [min];
        }

        double raw = (max - min) / Math.Max(1, count);
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = (raw / magnitude) switch { <= 1 => magnitude, <= 2 => 2 * magnitude, <= 5 => 5 * magnitude, _ => 10 * magnitude };
        var ticks = new List<double>();
        for (double t = Math.Ceiling(min / step) * step; t <= max + (step * 1e-9); t += step)
        {
            ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        }

        return [.. ticks];
    }

    /// <summary>Opens an &lt;svg&gt; with its accessible title.</summary>
    public static void Open(StringBuilder sb, int width, int height, string title)
    {
        sb.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Escape(title)}\">");
        sb.Append("<title>").Append(Escape(title)).Append("</title>");
        sb.Append(Inv, $"<rect class=\"bg\" x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");
    }

    public static void Text(StringBuilder sb, double x, double y, string text, string anchor = "middle", int size = 12, string? extra = null)
    {
        sb.Append(Inv, $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" font-size=\"{size}\" font-family=\"sans-serif\" fill=\"#222\"{(extra is null ? "" : " " + extra)}>");
        sb.Append(Escape(text)).Append("</text>");
    }
}
