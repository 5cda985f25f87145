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

    /// <summary>
    /// The owner of <paramref name="path"/> and whether it is this process's effective user, on Linux x64 and arm64;
    /// false where that cannot be told (other platforms), so callers check only where they can.
    /// </summary>
    public static bool TryGetOwner(string path, out uint owner, out bool ownedByMe)
    {
        ownedByMe = false;
        if (!TryLinuxStat(path, out _, out owner))
        {
            return false;
        }

        ownedByMe = owner == GetEffectiveUserId();
        return true;
    }

    private static bool TryLinuxMode(string path, out uint mode) => TryLinuxStat(path, out mode, out _);

    /// <summary>
    /// st_mode and st_uid from lstat(2) on Linux x64 and arm64 (glibc 2.33+ exports lstat). Offsets, from the
    /// kernel's struct stat: x64 st_dev, st_ino, st_nlink (8 bytes each), st_mode at 24, st_uid at 28; arm64 st_dev,
    /// st_ino (8 each), st_mode at 16, st_nlink (4), st_uid at 24.
    /// </summary>
    private static bool TryLinuxStat(string path, out uint mode, out uint owner)
    {
        mode = 0;
        owner = 0;
        (int modeOffset, int ownerOffset) = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => (24, 28),
            Architecture.Arm64 => (16, 24),
            _ => (-1, -1),
        };
        if (!OperatingSystem.IsLinux() || modeOffset < 0)
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

        mode = BitConverter.ToUInt32(buffer, modeOffset);
        owner = BitConverter.ToUInt32(buffer, ownerOffset);
        return true;
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    [DllImport("libc", EntryPoint = "lstat", SetLastError = true)]
    private static extern int Lstat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
}
