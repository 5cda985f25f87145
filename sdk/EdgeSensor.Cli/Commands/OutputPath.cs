using System.CommandLine;
using EdgeSensor.Sdk.KeyStore;

namespace EdgeSensor.Cli.Commands;

/// <summary>
/// The one rule for every file the tool writes on request (--out): never the key store, never something that is
/// not a regular file, and an existing file only with --force. Checked before anything is changed, so a refused
/// path leaves the key store as it was.
/// </summary>
internal static class OutputPath
{
    public static Option<bool> CreateForceOption() =>
        new("--force") { Description = "Overwrite the --out file if it exists (never the key store, never a non-regular file)." };

    /// <summary>Returns the full path to write, or throws a usage error that says why not.</summary>
    /// <param name="path">The requested output.</param>
    /// <param name="keyStorePath">The key store in use, if any: an output may never name it.</param>
    /// <param name="force">Whether an existing regular file may be replaced.</param>
    public static string Check(string path, string? keyStorePath, bool force)
    {
        string full = Path.GetFullPath(path);
        if (keyStorePath is not null && SameFile(full, Path.GetFullPath(keyStorePath)))
        {
            throw new CliException($"--out '{path}' names the key store: refusing to overwrite it.", ExitCodes.Usage);
        }

        try
        {
            SecureFile.CheckReplaceable(full);
        }
        catch (IOException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Usage);
        }

        if (File.Exists(full) && !force)
        {
            throw new CliException($"'{path}' exists; pass --force to overwrite it.", ExitCodes.Usage);
        }

        return full;
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(Resolve(a), Resolve(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>The final target of a path through any symbolic links (a link to the store is the store).</summary>
    private static string Resolve(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.LinkTarget is null ? path : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        }
        catch (IOException)
        {
            return path;
        }
    }
}
