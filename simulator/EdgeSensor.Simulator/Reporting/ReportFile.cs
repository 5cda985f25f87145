namespace EdgeSensor.Simulator.Reporting;

/// <summary>
/// Where a report goes and the one line that says so. A path the user named is written (replaced if it exists: they
/// asked for it). The default name is never written over: when it exists the next free name is taken
/// (<c>edgesensor-run-report-2.html</c>, <c>-3</c>, ...), so a long run's report is not lost to an old file.
/// </summary>
public static class ReportFile
{
    private const int MaxNumbered = 999;

    /// <summary>Checks a user-named path before a long run: its folder must exist and it must not be a folder.</summary>
    public static bool TryCheck(string? path, out string error) => TryCheck(path, "--report", out error);

    /// <summary>As above, naming <paramref name="option"/> (the option that gave the path) in the error.</summary>
    public static bool TryCheck(string? path, string option, out string error)
    {
        error = string.Empty;
        if (path is null)
        {
            return true;
        }

        try
        {
            string full = Path.GetFullPath(path);
            string? folder = Path.GetDirectoryName(full);
            if (Directory.Exists(full))
            {
                error = $"{option} {path}: is a folder; name the file to write";
            }
            else if (folder is not null && !Directory.Exists(folder))
            {
                error = $"{option} {path}: the folder {folder} does not exist";
            }
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            error = $"{option} {path}: not a usable path ({e.Message})";
        }

        return error.Length == 0;
    }

    /// <summary>
    /// Writes the report with <paramref name="write"/> to <paramref name="requested"/>, or to a free default name in the
    /// current folder, and prints <c>report: &lt;full path&gt;</c> on <paramref name="stderr"/>. False (with the reason
    /// printed) when it could not be written.
    /// </summary>
    public static bool Emit(string? requested, string defaultName, Action<string> write, TextWriter stderr) =>
        Emit(requested, defaultName, write, stderr, "report");

    /// <summary>As above, with the word that starts the printed line (<c>report</c>, <c>plot</c>). A default-named file that
    /// could not be written is a warning, not a failure: the user asked for the run, not for the file.</summary>
    public static bool Emit(string? requested, string defaultName, Action<string> write, TextWriter stderr, string label)
    {
        string path;
        try
        {
            path = requested is not null ? Path.GetFullPath(requested) : FreeDefault(Path.GetFullPath(defaultName));
            write(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            if (requested is null)
            {
                stderr.WriteLine($"warning: the {label} was not written: {e.Message}");
                return true;
            }

            stderr.WriteLine($"error: the {label} could not be written: {e.Message}");
            return false;
        }

        stderr.WriteLine($"{label}: {path}");
        return true;
    }

    private static string FreeDefault(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return path;
        }

        string folder = Path.GetDirectoryName(path) ?? ".";
        string stem = Path.GetFileNameWithoutExtension(path), extension = Path.GetExtension(path);
        for (int n = 2; n <= MaxNumbered; n++)
        {
            string candidate = Path.Combine(folder, $"{stem}-{n}{extension}");
            if (!File.Exists(candidate) && !Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new IOException($"{path} and its numbered variants up to -{MaxNumbered} all exist; name one with --report");
    }
}
