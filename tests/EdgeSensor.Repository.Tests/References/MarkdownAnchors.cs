using System.Text;
using System.Text.RegularExpressions;

namespace EdgeSensor.Repository.Tests.References;

/// <summary>The anchors GitHub gives a Markdown file's headings (<c>## Mount height</c> → <c>mount-height</c>).</summary>
internal static partial class MarkdownAnchors
{
    public static HashSet<string> Of(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        bool fenced = false;
        foreach (string raw in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            string line = raw.TrimStart();
            if (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            Match heading = Heading().Match(line);
            if (fenced || !heading.Success)
            {
                continue;
            }

            string slug = Slug(heading.Groups[1].Value);
            int seen = counts.GetValueOrDefault(slug);
            counts[slug] = seen + 1;
            anchors.Add(seen == 0 ? slug : $"{slug}-{seen}");
        }

        return anchors;
    }

    /// <summary>Lower case; letters, digits, '-' and '_' kept; spaces become '-'; everything else dropped.</summary>
    public static string Slug(string heading)
    {
        var sb = new StringBuilder();
        foreach (char c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                sb.Append(c);
            }
            else if (c == ' ')
            {
                sb.Append('-');
            }
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^#{1,6}\s+(.*?)\s*#*\s*$")]
    private static partial Regex Heading();
}
