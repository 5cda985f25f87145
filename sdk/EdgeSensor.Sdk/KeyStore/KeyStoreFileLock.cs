
namespace EdgeSensor.Sdk.KeyStore;

/// <summary>
/// An exclusive lock on a key store across processes and across instances in one process: a lock file beside
/// the store (<c>keys.json.lock</c>) held open without sharing. .NET takes an advisory <c>flock</c> for
/// <see cref="FileShare.None"/> on Linux and macOS and a share-mode lock on Windows, so every EdgeSensor
/// process and every <see cref="FileDeviceKeyStore"/> instance waits for the holder. Every read-modify-write of
/// the store runs under it; without it, concurrent <c>provision</c> runs each wrote the device list they had
/// read and all but the last lost their devices.
/// </summary>
internal sealed class KeyStoreFileLock : IDisposable
{
    /// <summary>How long a writer waits for another before giving up with a clear error.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly FileStream _stream;

    private KeyStoreFileLock(FileStream stream) => _stream = stream;

    /// <summary>Waits for and takes the lock of the store at <paramref name="storePath"/>.</summary>
    /// <exception cref="KeyStoreException">Another holder kept it for longer than <paramref name="timeout"/>.</exception>
    public static KeyStoreFileLock Acquire(string storePath, TimeSpan timeout)
    {
        string path = storePath + ".lock";
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        int pause = 5;
        while (true)
        {
            try
            {
                return new KeyStoreFileLock(new FileStream(path, options));
            }
            catch (DirectoryNotFoundException ex)
            {
                // Nobody holds it: the folder is missing, and waiting will not create it.
                throw new KeyStoreException($"The key store's folder '{Path.GetDirectoryName(Path.GetFullPath(storePath))}' does not exist.", ex);
            }
            catch (IOException) when (Environment.TickCount64 < deadline)
            {
                // Held by another writer (a sharing violation): wait a little, with growing pauses and jitter.
                Thread.Sleep(pause + Random.Shared.Next(pause));
                pause = Math.Min(pause * 2, 100);
            }
            catch (IOException ex)
            {
                throw new KeyStoreException($"The key store '{storePath}' is locked by another writer (lock file '{path}'); try again.", ex);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
