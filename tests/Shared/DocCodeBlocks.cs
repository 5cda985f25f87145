using System.Text.RegularExpressions;

namespace EdgeSensor.Tests.Shared;

/// <summary>
/// The C# blocks of the repository's Markdown (README.md, docs/, hardware/): every fenced block whose info string is
/// <c>csharp</c>, <c>cs</c> or <c>c#</c>. A block meant for the device is marked by the HTML comment
/// <c>&lt;!-- compiles against: firmware --&gt;</c> on the line before its fence; every other block compiles against
/// .NET with the SDK and the core. The one parser of doc code blocks, linked into the test projects that compile them.
/// </summary>
internal static partial class DocCodeBlocks
{
    public const string FirmwareMarker = "<!-- compiles against: firmware -->";

    public static IReadOnlyList<DocCodeBlock> All(string repositoryRoot)
    {
        var files = new List<string> { Path.Combine(repositoryRoot, "README.md") };
        foreach (string folder in new[] { "docs", "hardware" })
        {
            string path = Path.Combine(repositoryRoot, folder);
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.md", SearchOption.AllDirectories));
            }
        }

        var blocks = new List<DocCodeBlock>();
        foreach (string file in files.Order(StringComparer.Ordinal))
        {
            blocks.AddRange(Parse(Path.GetRelativePath(repositoryRoot, file), File.ReadAllLines(file)));
        }

        return blocks;
    }

    public static IEnumerable<DocCodeBlock> Parse(string name, string[] lines)
    {
        for (int i = 0; i < lines.Length; i++)
        {
            Match open = Fence().Match(lines[i]);
            if (!open.Success || !IsCSharp(open.Groups["info"].Value))
            {
                continue;
            }

            bool firmware = i > 0 && lines[i - 1].Trim() == FirmwareMarker;
            int start = i + 1;
            int end = start;
            while (end < lines.Length && lines[end].Trim() != open.Groups["fence"].Value)
            {
                end++;
            }

            yield return new DocCodeBlock(name, start + 1, string.Join('\n', lines[start..end]), firmware);
            i = end;
        }
    }

    private static bool IsCSharp(string info)
    {
        string language = info.Trim().Split(' ', 2)[0].ToLowerInvariant();
        return language is "csharp" or "cs" or "c#";
    }

    [GeneratedRegex(@"^\s*(?<fence>```+)(?<info>.*)$")]
    private static partial Regex Fence();
}

/// <summary>One fenced C# block: the file, the line of its first code line, its text, and what it compiles against.</summary>
internal sealed record DocCodeBlock(string File, int Line, string Code, bool Firmware)
{
    public override string ToString() => $"{File}:{Line}";
}
