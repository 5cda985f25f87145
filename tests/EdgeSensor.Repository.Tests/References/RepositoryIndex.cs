namespace EdgeSensor.Repository.Tests.References;

/// <summary>What exists in a repository tree, and which of its files carry references to check.</summary>
internal sealed class RepositoryIndex
{
    private static readonly HashSet<string> s_skippedDirectories = new(StringComparer.Ordinal)
    {
        ".git", "bin", "obj", "TestResults", "BenchmarkDotNet.Artifacts", "node_modules",
    };

    private readonly HashSet<string> _directoryNames = new(StringComparer.Ordinal);

    public RepositoryIndex(string root)
    {
        Root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        RootDirectories = [.. Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>().Where(IsWalked).Order(StringComparer.Ordinal)];
        foreach (string directory in WalkDirectories(Root))
        {
            _directoryNames.Add(Path.GetFileName(directory));
        }
    }

    public string Root { get; }

    /// <summary>Top-level folders (docs, firmware, ...): a path starting with one of them is read from the root.</summary>
    public IReadOnlyList<string> RootDirectories { get; }

    /// <summary>True if a folder of that name exists anywhere in the tree.</summary>
    public bool HasDirectoryNamed(string name) => _directoryNames.Contains(name);

    /// <summary>
    /// Resolves <paramref name="path"/> (forward slashes; a trailing slash means a folder) against the
    /// repository-relative folder <paramref name="fromDirectory"/>. Null when it leaves the repository.
    /// </summary>
    public string? Resolve(string fromDirectory, string path)
    {
        string full = Path.GetFullPath(Path.Combine(Root, fromDirectory, path.TrimEnd('/')));
        if (full != Root && !full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        return Path.GetRelativePath(Root, full).Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>True if the repository-relative path names a file, or a folder when <paramref name="folder"/> is set or it has no file.</summary>
    public bool Exists(string relativePath, bool folder = false)
    {
        string full = Path.Combine(Root, relativePath);
        return Directory.Exists(full) || (!folder && File.Exists(full));
    }

    /// <summary>Every file whose prose or comments a reader follows, with how to read it.</summary>
    public IEnumerable<(string RelativePath, SourceKind Kind)> SourceFiles()
    {
        foreach (string directory in WalkDirectories(Root).Prepend(Root))
        {
            foreach (string file in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
            {
                SourceKind? kind = KindOf(Path.GetRelativePath(Root, file).Replace(Path.DirectorySeparatorChar, '/'));
                if (kind is not null)
                {
                    yield return (Path.GetRelativePath(Root, file).Replace(Path.DirectorySeparatorChar, '/'), kind.Value);
                }
            }
        }
    }

    internal static SourceKind? KindOf(string relativePath) => Path.GetExtension(relativePath) switch
    {
        ".md" => SourceKind.Markdown,
        ".cs" => SourceKind.CSharp,
        ".csproj" or ".props" or ".targets" or ".projitems" or ".nfproj" => SourceKind.BuildXml,
        ".sh" or ".py" or ".rsp" => SourceKind.Shell,
        ".editorconfig" or ".gitignore" or ".gitattributes" => SourceKind.Shell, // '#' comments, like a script's
        ".txt" when relativePath == "tests/system-packages.txt" => SourceKind.Shell,
        "" when relativePath.StartsWith(".ci/", StringComparison.Ordinal) => SourceKind.Shell,
        _ => null,
    };

    private static bool IsWalked(string name) =>
        !s_skippedDirectories.Contains(name) && (!name.StartsWith('.') || name == ".ci");

    private static IEnumerable<string> WalkDirectories(string directory)
    {
        foreach (string child in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            if (!IsWalked(Path.GetFileName(child)))
            {
                continue;
            }

            yield return child;
            foreach (string grandchild in WalkDirectories(child))
            {
                yield return grandchild;
            }
        }
    }
}
