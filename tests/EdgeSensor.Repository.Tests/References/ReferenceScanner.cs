using System.Text.RegularExpressions;

namespace EdgeSensor.Repository.Tests.References;

/// <summary>
/// Finds every reference in docs, READMEs and code comments that a reader cannot follow inside the repository:
/// markdown links, code spans and prose naming repository paths, bare <c>*.md</c> names, and mentions of files
/// known to live outside it (<see cref="OutsideMentions"/>).
/// </summary>
internal sealed partial class ReferenceScanner
{
    private readonly RepositoryIndex _index;
    private readonly Regex _rootPath;
    private readonly Dictionary<string, HashSet<string>> _anchors = new(StringComparer.Ordinal);

    public ReferenceScanner(RepositoryIndex index)
    {
        _index = index;
        string roots = string.Join("|", index.RootDirectories.Select(Regex.Escape));
        _rootPath = new Regex($@"(?<![\w./-])(?:{roots})/[\w./-]*", RegexOptions.CultureInvariant);
    }

    /// <summary>Every broken reference in the tree, in file order.</summary>
    public static IReadOnlyList<BrokenReference> ScanRepository(string root)
    {
        var index = new RepositoryIndex(root);
        var scanner = new ReferenceScanner(index);
        var broken = new List<BrokenReference>();
        foreach ((string path, SourceKind kind) in index.SourceFiles())
        {
            broken.AddRange(scanner.ScanFile(path, kind, File.ReadAllText(Path.Combine(index.Root, path))));
        }

        return broken;
    }

    public IReadOnlyList<BrokenReference> ScanFile(string relativePath, SourceKind kind, string text)
    {
        var found = new List<BrokenReference>();
        var seen = new HashSet<(int, string)>();
        string directory = Path.GetDirectoryName(relativePath)?.Replace('\\', '/') ?? string.Empty;

        void Report(int line, string reference, string reason)
        {
            if (seen.Add((line, reference)))
            {
                found.Add(new BrokenReference(relativePath, line, reference, reason));
            }
        }

        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (kind != SourceKind.CSharp)
        {
            // Markdown, build files and scripts: a mention of an outside file anywhere, code blocks included.
            for (int n = 0; n < lines.Length; n++)
            {
                foreach ((int at, string mention, string reason) in OutsideMentions.Find(lines[n]))
                {
                    if (!BuildInputAllowance.Allows(relativePath, lines[n], at, mention.Length))
                    {
                        Report(n + 1, mention, reason);
                    }
                }
            }
        }

        IEnumerable<TextLine> prose = kind switch
        {
            SourceKind.Markdown => MarkdownProse(lines),
            SourceKind.CSharp => CommentReader.CSharp(text),
            SourceKind.BuildXml => CommentReader.Xml(text),
            _ => CommentReader.Shell(text),
        };
        foreach (TextLine piece in prose)
        {
            if (kind == SourceKind.CSharp)
            {
                foreach ((_, string mention, string reason) in OutsideMentions.Find(piece.Text))
                {
                    Report(piece.Line, mention, reason);
                }
            }

            CheckProse(directory, relativePath, piece, kind == SourceKind.Markdown, Report);
        }

        return found;
    }

    /// <summary>Lines outside fenced code blocks: their links, code spans and prose are references.</summary>
    private static IEnumerable<TextLine> MarkdownProse(string[] lines)
    {
        string? fence = null;
        for (int n = 0; n < lines.Length; n++)
        {
            string trimmed = lines[n].TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed[..3];
                continue;
            }

            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal))
                {
                    fence = null;
                }

                continue;
            }

            yield return new TextLine(n + 1, lines[n]);
        }
    }

    private void CheckProse(string directory, string currentFile, TextLine piece, bool markdown, Action<int, string, string> report)
    {
        string rest = piece.Text;
        if (markdown)
        {
            foreach (Match link in MarkdownLink().Matches(rest))
            {
                string? reason = CheckLink(directory, link.Groups[1].Value, currentFile);
                if (reason is not null)
                {
                    report(piece.Line, link.Groups[1].Value, reason);
                }
            }

            // The target is the reference; the link text is only what the reader sees (often a file name elsewhere).
            rest = MarkdownLink().Replace(rest, " ");
        }

        foreach (Match span in CodeSpan().Matches(rest))
        {
            string token = span.Groups["code"].Value;
            string? reason = CheckPath(directory, token.Trim());
            if (reason is not null)
            {
                report(piece.Line, token, reason);
            }
        }

        rest = CodeSpan().Replace(rest, " ");
        foreach (Match path in _rootPath.Matches(rest))
        {
            string? reason = CheckPath(directory, path.Value);
            if (reason is not null)
            {
                report(piece.Line, path.Value.TrimEnd('.', ',', ':', ';'), reason);
            }
        }

        foreach (Match name in BareMarkdownName().Matches(rest))
        {
            string? reason = CheckPath(directory, name.Value);
            if (reason is not null)
            {
                report(piece.Line, name.Value, reason);
            }
        }
    }

    /// <summary>A markdown link target: fine if it is a URL, an anchor, or resolves to a file or folder in the repository.</summary>
    internal string? CheckLink(string directory, string target, string? currentFile = null)
    {
        if (target.Length == 0 || UriScheme().IsMatch(target))
        {
            return null;
        }

        string path = StripFragment(target);
        if (path.Length == 0)
        {
            return currentFile is null ? null : CheckAnchor(currentFile, target[1..]);
        }

        string? resolved = path.StartsWith('/') ? _index.Resolve(string.Empty, path.TrimStart('/')) : _index.Resolve(directory, path);
        if (resolved is null)
        {
            return "the link leaves the repository";
        }

        if (!_index.Exists(resolved, path.EndsWith('/')))
        {
            return $"the link points to {resolved}, which does not exist";
        }

        int hash = target.IndexOf('#', StringComparison.Ordinal);
        return hash >= 0 && resolved.EndsWith(".md", StringComparison.Ordinal) ? CheckAnchor(resolved, target[(hash + 1)..]) : null;
    }

    private string? CheckAnchor(string markdownFile, string anchor)
    {
        if (!_anchors.TryGetValue(markdownFile, out HashSet<string>? anchors))
        {
            anchors = MarkdownAnchors.Of(File.ReadAllText(Path.Combine(_index.Root, markdownFile)));
            _anchors[markdownFile] = anchors;
        }

        return anchors.Contains(anchor) ? null : $"{markdownFile} has no heading with the anchor #{anchor}";
    }

    /// <summary>
    /// A code span or prose word that looks like a repository path: null when it resolves or is not a path at all
    /// (commands, topics, placeholders, system paths), otherwise why it does not resolve.
    /// </summary>
    internal string? CheckPath(string directory, string token)
    {
        int hash = token.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0 && !token[..hash].EndsWith(".md", StringComparison.Ordinal))
        {
            return null; // an MQTT wildcard, a shell comment, a C# directive: not a page anchor
        }

        string path = StripFragment(token).TrimEnd('.', ',', ':', ';', ')');
        if (path.Length == 0 || NotAPath().IsMatch(path) || path.StartsWith('/') || path.StartsWith('-') || path.StartsWith("./", StringComparison.Ordinal))
        {
            return null; // system paths, options, and ./x (relative to a shell's working directory)
        }

        if (path.StartsWith("../", StringComparison.Ordinal))
        {
            string? resolved = _index.Resolve(directory, path);
            return resolved is null ? "the path leaves the repository"
                : ExistsAsWritten(resolved, path) ? null : $"{resolved} does not exist";
        }

        string[] segments = path.TrimEnd('/').Split('/');
        if (segments.Contains("bin") || segments.Contains("obj"))
        {
            return null; // build output: exists only after a build
        }

        if (segments.Length == 1)
        {
            if (path.EndsWith('/'))
            {
                // A folder named alone (a README's folder table): here, or anywhere in the tree.
                return _index.Exists(_index.Resolve(directory, path) ?? string.Empty, folder: true) || _index.HasDirectoryNamed(segments[0])
                    ? null : $"no folder {path} in the repository";
            }

            if (path.EndsWith(".md", StringComparison.Ordinal))
            {
                return _index.Exists(_index.Resolve(directory, path) ?? string.Empty) || _index.Exists(path)
                    ? null : $"no {path} beside {(directory.Length == 0 ? "the root" : directory)} or at the repository root";
            }

            return null;
        }

        if (_index.RootDirectories.Contains(segments[0]))
        {
            return ExistsAsWritten(path.TrimEnd('/'), path) ? null : $"{path.TrimEnd('/')} does not exist";
        }

        string? local = _index.Resolve(directory, segments[0]);
        if (local is not null && directory.Length > 0 && _index.Exists(local, folder: true))
        {
            string? resolved = _index.Resolve(directory, path);
            return resolved is not null && ExistsAsWritten(resolved, path) ? null : $"{resolved} does not exist";
        }

        return null;
    }

    /// <summary>A folder when written with a trailing slash; a type named without its <c>.cs</c> (<c>Filtering/MedianFilter</c>) counts as its file.</summary>
    private bool ExistsAsWritten(string resolved, string written) =>
        _index.Exists(resolved, written.EndsWith('/'))
        || (Path.GetExtension(resolved).Length == 0 && !written.EndsWith('/') && _index.Exists(resolved + ".cs"));

    private static string StripFragment(string path)
    {
        int hash = path.IndexOf('#', StringComparison.Ordinal);
        return hash >= 0 ? path[..hash] : path;
    }

    [GeneratedRegex(@"\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+""[^""]*"")?\s*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?<ticks>`+)(?<code>.+?)\k<ticks>|<c>(?<code>.+?)</c>")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"(?<![\w./-])[\w-]+\.md\b")]
    private static partial Regex BareMarkdownName();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex UriScheme();

    // Placeholders, globs, commands, options, topics with wildcards, Windows paths, URLs: not repository paths.
    [GeneratedRegex(@"[\s*<>{}$|?=…\\:+'""]|\.\.\.")]
    private static partial Regex NotAPath();
}
