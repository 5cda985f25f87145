namespace EdgeSensor.Sdk.KeyStore;

/// <summary>Atomic, owner-only file writes for files that hold secrets (key store, device bundles).</summary>
internal static class SecureFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Writes <paramref name="content"/> to a temporary file in the same folder (mode 0600 from creation),
    /// flushes it to disk, then renames it over <paramref name="path"/>: readers see the old or the new
    /// file, never a torn one (rename is atomic within a file system).
    /// </summary>
    public static void WriteAllBytesAtomic(string path, ReadOnlySpan<byte> content)
    {
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath) ?? ".";
        Directory.CreateDirectory(directory);
        string temp = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>True when group or others may access <paramref name="path"/> (always false on Windows).</summary>
    public static bool IsAccessibleByOthers(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        return (File.GetUnixFileMode(path) & GroupOrOther) != 0;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
