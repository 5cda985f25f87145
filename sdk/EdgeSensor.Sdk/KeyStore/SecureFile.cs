namespace EdgeSensor.Sdk.KeyStore;

/// <summary>Atomic, owner-only file writes for files that hold secrets (key store, device bundles).</summary>
public static class SecureFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Writes <paramref name="content"/> to a temporary file in the same folder (mode 0600 from creation),
    /// flushes it to disk, then renames it over <paramref name="path"/>: readers see the old or the new
    /// file, never a torn one (rename is atomic within a file system).
    /// </summary>
    /// <param name="path">The file; an existing one must be a regular file (see <see cref="CheckReplaceable"/>).</param>
    /// <param name="content">What to write.</param>
    public static void WriteAllBytesAtomic(string path, ReadOnlySpan<byte> content)
    {
        string fullPath = Path.GetFullPath(path);
        CheckReplaceable(fullPath);
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
            FlushDirectory(directory);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Refuses to replace anything but a regular file: renaming over a device node (/dev/null, as root), a FIFO,
    /// a directory or a symbolic link would destroy it, and a secret would land where nobody expects it.
    /// </summary>
    /// <exception cref="IOException">The path names something that is not a regular file.</exception>
    public static void CheckReplaceable(string path)
    {
        FileKindValue kind = FileKind.Of(path);
        if (kind is not (FileKindValue.Missing or FileKindValue.Regular))
        {
            string what = kind switch
            {
                FileKindValue.Directory => "a directory",
                FileKindValue.SymbolicLink => "a symbolic link",
                _ => "a device, FIFO or socket",
            };
            throw new IOException($"'{path}' is {what}, not a regular file: refusing to replace it.");
        }
    }

    /// <summary>
    /// True when group or others may write into <paramref name="directory"/> without the sticky bit: they could
    /// then replace the file by renaming their own over it (always false on Windows).
    /// </summary>
    public static bool IsDirectoryWritableByOthers(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        UnixFileMode mode = File.GetUnixFileMode(directory);
        bool othersWrite = (mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0;
        return othersWrite && (mode & UnixFileMode.StickyBit) == 0;
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

    /// <summary>
    /// Makes the rename itself durable: POSIX fsync(2) on the file flushes its data, not the directory entry that
    /// now names it, so after a power cut the folder could still show the old file. Best effort where the
    /// platform has no such call (Windows flushes metadata with the file).
    /// </summary>
    private static void FlushDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        int fd = NativeFile.Open(directory, NativeFile.ReadOnlyDirectory);
        if (fd < 0)
        {
            return;
        }

        try
        {
            NativeFile.Fsync(fd);
        }
        finally
        {
            NativeFile.Close(fd);
        }
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

/// <summary>The three libc calls <see cref="SecureFile"/> needs to fsync a directory (.NET cannot open one as a stream).</summary>
internal static class NativeFile
{
    /// <summary>O_RDONLY | O_DIRECTORY on Linux (O_DIRECTORY = 0x10000); macOS ignores the unknown bit for a directory.</summary>
    public const int ReadOnlyDirectory = 0x10000;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "open", SetLastError = true)]
    public static extern int Open([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, int flags);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    public static extern int Fsync(int fd);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "close", SetLastError = true)]
    public static extern int Close(int fd);
}
