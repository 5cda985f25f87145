namespace EdgeSensor.Cli.Commands;

/// <summary>
/// The one bounded read for files the operator names (--file, --ca-file, password files): never more than the
/// limit plus one byte is read, so a file that never ends (/dev/zero) is refused instead of filling memory.
/// </summary>
internal static class BoundedFile
{
    /// <summary>The file's bytes, or null when it holds more than <paramref name="limit"/> bytes.</summary>
    public static byte[]? ReadAtMost(string path, int limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        byte[] buffer = new byte[limit + 1];
        int total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return total > limit ? null : buffer[..total];
    }
}
