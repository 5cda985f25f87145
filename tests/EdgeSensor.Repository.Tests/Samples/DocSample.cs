namespace EdgeSensor.Repository.Tests.Samples;

/// <summary>
/// A sample output kept in a doc between <c>&lt;!-- sample-output: NAME ... --&gt;</c> and
/// <c>&lt;!-- end sample-output --&gt;</c>, as one fenced code block, so a test can compare it with what the
/// command prints and rewrite it on request.
/// </summary>
internal sealed class DocSample
{
    public const string EndMarker = "<!-- end sample-output -->";

    private readonly string[] _lines;
    private readonly int _firstContentLine;
    private readonly int _closingFenceLine;

    private DocSample(string path, string[] lines, int firstContentLine, int closingFenceLine)
    {
        Path = path;
        _lines = lines;
        _firstContentLine = firstContentLine;
        _closingFenceLine = closingFenceLine;
    }

    public string Path { get; }

    /// <summary>The block's text, lines joined with '\n'.</summary>
    public string Text => string.Join('\n', _lines[_firstContentLine.._closingFenceLine]);

    public static string StartMarker(string name) => $"<!-- sample-output: {name} ";

    /// <summary>Reads the block named <paramref name="name"/>; throws with the reason if the markers or the fence are missing.</summary>
    public static DocSample Read(string path, string name)
    {
        string[] lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int start = Array.FindIndex(lines, l => l.StartsWith(StartMarker(name), StringComparison.Ordinal));
        if (start < 0)
        {
            throw new InvalidDataException($"{path}: no '{StartMarker(name)}...-->' marker");
        }

        int open = start + 1;
        if (open >= lines.Length || !lines[open].StartsWith("```", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}:{open + 1}: the sample must be a fenced block right after its marker");
        }

        int close = Array.FindIndex(lines, open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
        if (close < 0 || close + 1 >= lines.Length || lines[close + 1] != EndMarker)
        {
            throw new InvalidDataException($"{path}:{open + 1}: the fenced block must close and be followed by '{EndMarker}'");
        }

        return new DocSample(path, lines, open + 1, close);
    }

    /// <summary>Replaces the block's content with <paramref name="text"/> and saves the doc.</summary>
    public void Write(string text)
    {
        string[] replacement = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        string[] updated = [.. _lines[.._firstContentLine], .. replacement, .. _lines[_closingFenceLine..]];
        File.WriteAllText(Path, string.Join('\n', updated));
    }
}
