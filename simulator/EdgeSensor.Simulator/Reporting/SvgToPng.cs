using System.Diagnostics;
using System.Globalization;

namespace EdgeSensor.Simulator.Reporting;

/// <summary>
/// Turns one of our SVG charts into a PNG with the system's headless Chromium (Debian's <c>chromium</c> package, the
/// browser the report test uses): a raster library would bring native parts into the simulator for this one use.
/// </summary>
public static class SvgToPng
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The browser's path, or null when none is installed.</summary>
    public static string? FindBrowser() => Candidates.FirstOrDefault(File.Exists);

    /// <summary>Renders <paramref name="svg"/> (<paramref name="width"/> × <paramref name="height"/> px) to <paramref name="pngPath"/>.</summary>
    /// <exception cref="IOException">No browser, or it did not write the image (the message says which).</exception>
    public static void Write(string svg, int width, int height, string pngPath)
    {
        string browser = FindBrowser()
            ?? throw new IOException("PNG needs Chromium (apt-get install chromium); write .svg instead, which needs nothing");
        string folder = Directory.CreateTempSubdirectory("edgesensor-plot-").FullName;
        try
        {
            string svgPath = Path.Combine(folder, "plot.svg");
            File.WriteAllText(svgPath, svg);
            string target = Path.GetFullPath(pngPath);
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (string arg in new[]
            {
                "--headless", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=" + Path.Combine(folder, "profile"),
                string.Create(CultureInfo.InvariantCulture, $"--window-size={width},{height}"), "--screenshot=" + target, new Uri(svgPath).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(arg);
            }

            // Chromium's sandbox refuses to start as root (containers, CI); the page is our own SVG, without script.
            if (Environment.UserName == "root")
            {
                start.ArgumentList.Insert(0, "--no-sandbox");
            }

            File.Delete(target);
            using Process process = Process.Start(start) ?? throw new IOException($"{browser} did not start");
            Task<string> errors = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new IOException($"{browser} did not finish the PNG within {Timeout.TotalSeconds:0} s");
            }

            if (!File.Exists(target) || new FileInfo(target).Length == 0)
            {
                string last = errors.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "no message";
                throw new IOException($"{browser} wrote no PNG (exit {process.ExitCode}: {last.Trim()})");
            }
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A browser helper may still hold its profile a moment; the temp folder is the system's to clean.
            }
        }
    }
}
