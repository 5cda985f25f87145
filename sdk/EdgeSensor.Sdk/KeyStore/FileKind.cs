using System.Runtime.InteropServices;

namespace EdgeSensor.Sdk.KeyStore;

/// <summary>What a path names, without following a final symbolic link.</summary>
internal enum FileKindValue
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Other,
}

/// <summary>
/// Tells a regular file from a device node, FIFO or socket. .NET reports all of those as a "Normal" file, and
/// replacing one of them by renaming a file over it (as the tool's atomic writes do) is exactly what must never
/// happen to <c>/dev/null</c>. On Linux this asks lstat(2); elsewhere it falls back to what .NET can tell.
/// </summary>
internal static class FileKind
{
    private const uint TypeMask = 0xF000;   // S_IFMT
    private const uint RegularType = 0x8000; // S_IFREG
    private const uint DirectoryType = 0x4000; // S_IFDIR
    private const uint LinkType = 0xA000;    // S_IFLNK

    public static FileKindValue Of(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            return FileKindValue.SymbolicLink;
        }

        if (Directory.Exists(path))
        {
            return FileKindValue.Directory;
        }

        if (!info.Exists)
        {
            return FileKindValue.Missing;
        }

        return TryLinuxMode(path, out uint mode)
            ? (mode & TypeMask) switch
            {
                RegularType => FileKindValue.Regular,
                DirectoryType => FileKindValue.Directory,
                LinkType => FileKindValue.SymbolicLink,
                _ => FileKindValue.Other,
            }
            : FileKindValue.Regular;
    }

    /// <summary>st_mode from lstat(2) on Linux x64 and arm64 (glibc 2.33+ exports lstat; the mode's offset differs).</summary>
    private static bool TryLinuxMode(string path, out uint mode)
    {
        mode = 0;
        int offset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,   // st_dev, st_ino, st_nlink (8 bytes each), then st_mode
            Architecture.Arm64 => 16, // st_dev, st_ino (8 bytes each), then st_mode
            _ => -1,
        };
        if (!OperatingSystem.IsLinux() || offset < 0)
        {
            return false;
        }

        byte[] buffer = new byte[256]; // struct stat is 144 (x64) or 128 (arm64) bytes
        try
        {
            if (Lstat(path, buffer) != 0)
            {
                return false;
            }
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }

        mode = BitConverter.ToUInt32(buffer, offset);
        return true;
    }

    [DllImport("libc", EntryPoint = "lstat", SetLastError = true)]
    private static extern int Lstat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
}
