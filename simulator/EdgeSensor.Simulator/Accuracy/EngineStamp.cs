using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace EdgeSensor.Simulator.Accuracy;

/// <summary>
/// Which engine a report measured: the last commit that touched the counting engine's sources and a short SHA-256 of
/// those sources as they are on disk. The hash is what a drift check compares (it also catches uncommitted edits and is
/// the same on every clone); the commit is for people.
/// </summary>
public sealed record EngineStamp(string Commit, string SourceHash, bool Uncommitted)
{
    /// <summary>The engine's source folder, relative to the repository root.</summary>
    public const string EngineFolder = "firmware/EdgeSensor.Core/Counting";

    /// <summary>Hex digits of the SHA-256 kept in the stamp.</summary>
    public const int HashDigits = 12;

    public static EngineStamp Unknown { get; } = new("unknown", "unknown", false);

    public string Describe() =>
        $"`{EngineFolder}` at commit {Commit}{(Uncommitted ? " with uncommitted changes" : "")} (its last change), source SHA-256 `{SourceHash}`";

    /// <summary>The stamp of the repository that holds <paramref name="startDirectory"/> (or a parent); <see cref="Unknown"/> outside one.</summary>
    public static EngineStamp Of(string startDirectory)
    {
        string? root = FindRoot(startDirectory);
        if (root is null)
        {
            return Unknown;
        }

        string hash = SourceHashOf(root);
        string commit = Git(root, "log", "-1", "--format=%h", "--", EngineFolder) ?? "unknown";
        string? status = Git(root, "status", "--porcelain", "--", EngineFolder);
        return new EngineStamp(commit.Length == 0 ? "unknown" : commit, hash, !string.IsNullOrEmpty(status));
    }

    /// <summary>
    /// SHA-256 over the engine's .cs files in ordinal order of their relative paths ('/' separated): for each, its path,
    /// a newline, its text with line endings made LF, a newline. First <see cref="HashDigits"/> hex digits.
    /// </summary>
    public static string SourceHashOf(string repositoryRoot)
    {
        string folder = Path.Combine(repositoryRoot, EngineFolder);
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(repositoryRoot, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (full, relative) in files)
        {
            string text = File.ReadAllText(full).Replace("\r\n", "\n", StringComparison.Ordinal);
            sha.AppendData(Encoding.UTF8.GetBytes(relative + "\n" + text + "\n"));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..HashDigits];
    }

    /// <summary>The nearest directory at or above <paramref name="start"/> holding the engine folder, or null.</summary>
    public static string? FindRoot(string start)
    {
        for (DirectoryInfo? d = new(start); d is not null; d = d.Parent)
        {
            if (Directory.Exists(Path.Combine(d.FullName, EngineFolder)) && File.Exists(Path.Combine(d.FullName, "EdgeSensor.sln")))
            {
                return d.FullName;
            }
        }

        return null;
    }

    private static string? Git(string root, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add("-C");
            info.ArgumentList.Add(root);
            foreach (string a in args)
            {
                info.ArgumentList.Add(a);
            }

            using Process? p = Process.Start(info);
            if (p is null)
            {
                return null;
            }

            string output = p.StandardOutput.ReadToEnd().Trim();
            p.StandardError.ReadToEnd();
            return p.WaitForExit(10_000) && p.ExitCode == 0 ? output : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null; // No git here: the hash still identifies the engine.
        }
    }
}
