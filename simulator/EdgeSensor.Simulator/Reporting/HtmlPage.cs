using System.Text;

namespace EdgeSensor.Simulator.Reporting;

/// <summary>
/// A self-contained HTML page: inline CSS, charts as inline SVG, no script and nothing fetched, so it opens offline
/// and from an attachment. Every text from input goes through <see cref="Svg.Escape"/>.
/// </summary>
internal sealed class HtmlPage
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:940px;color:#1d1d1d;line-height:1.4}
        h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ccc;padding-bottom:.2em}h3{margin-top:1.2em}
        table{border-collapse:collapse;margin:.6em 0;font-size:.9em}th,td{border:1px solid #d4d4d4;padding:3px 7px;text-align:right}
        th:first-child,td:first-child{text-align:left}th{background:#f3f3f3}
        .ok{color:#1a7f37;font-weight:bold}.bad{color:#b42318;font-weight:bold}.note{color:#555;font-size:.9em}
        figure{margin:.8em 0}svg.chart{max-width:100%;height:auto;border:1px solid #e6e6e6}
        td.good{background:#e6f4ea}td.fair{background:#fff4d6}td.poor{background:#fde7e7}
        """;

    private readonly StringBuilder _body = new();
    private readonly string _title;

    public HtmlPage(string title) => _title = title;

    public HtmlPage Heading(int level, string text, string? id = null)
    {
        string idAttribute = id is null ? "" : $" id=\"{Svg.Escape(id)}\"";
        _body.Append(Svg.Inv, $"<h{level}{idAttribute}>{Svg.Escape(text)}</h{level}>\n");
        return this;
    }

    public HtmlPage Paragraph(string text, string? cssClass = null)
    {
        _body.Append(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Append(Svg.Escape(text)).Append("</p>\n");
        return this;
    }

    /// <summary>A chart already rendered to SVG by our chart writers (its text escaped there).</summary>
    public HtmlPage Chart(string svg)
    {
        _body.Append("<figure>").Append(svg).Append("</figure>\n");
        return this;
    }

    /// <summary>A table; cells are escaped; a cell's class (good/fair/poor) may colour it.</summary>
    public HtmlPage Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<(string Text, string? Class)>> rows)
    {
        _body.Append("<table><thead><tr>");
        foreach (string h in header)
        {
            _body.Append("<th>").Append(Svg.Escape(h)).Append("</th>");
        }

        _body.Append("</tr></thead><tbody>\n");
        foreach (var row in rows)
        {
            _body.Append("<tr>");
            foreach ((string text, string? cssClass) in row)
            {
                _body.Append(cssClass is null ? "<td>" : $"<td class=\"{cssClass}\">").Append(Svg.Escape(text)).Append("</td>");
            }

            _body.Append("</tr>\n");
        }

        _body.Append("</tbody></table>\n");
        return this;
    }

    public HtmlPage Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) =>
        Table(header, rows.Select(r => (IReadOnlyList<(string, string?)>)[.. r.Select(c => (c, (string?)null))]));

    public override string ToString() =>
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
        + $"<title>{Svg.Escape(_title)}</title><style>{Style}</style></head>\n<body>\n{_body}</body></html>\n";

    /// <summary>Writes the page as UTF-8 to <paramref name="path"/>, replacing it.</summary>
    public void Save(string path) => File.WriteAllText(path, ToString(), new UTF8Encoding(false));
}

/// <summary>The series colours (a colour-blind-safe palette: Okabe and Ito).</summary>
internal static class Palette
{
    public const string Counted = "#0072B2";
    public const string Truth = "#222222";
    public const string Published = "#E69F00";
    public const string Bad = "#D55E00";
    public const string Lost = "#CC79A7";
    public const string Good = "#009E73";

    private static readonly string[] Cycle = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000", "#999999", "#8C564B"];

    public static string Nth(int i) => Cycle[i % Cycle.Length];
}
