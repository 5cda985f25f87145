using System.CommandLine;
using System.Globalization;
using System.Text;
using EdgeSensor.Simulator.Replay;
using EdgeSensor.Simulator.Reporting;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Commands;

/// <summary>
/// <c>plot &lt;trace.csv&gt; [--out &lt;file.svg|file.png&gt;]</c>: draws a trace (both zones' distances over time) with its truth
/// crossings and the engine's, replayed as <c>replay</c> does (docs/report.md).
/// </summary>
public static class PlotCommand
{
    internal static Command Create()
    {
        var trace = new Argument<string>("trace.csv") { Description = "The trace to draw." };
        var output = OptionValues.Text("--out", "file.svg|file.png", "Where to write the plot (default: the trace's name with .svg, never over an existing file); .png needs the system's Chromium.");
        var command = new Command("plot", "Draw a trace: both zones' distances over time, with the truth crossings and the engine's (docs/report.md).")
        {
            trace, output,
        };
        command.SetAction(parse => Run(parse.GetValue(trace)!, parse.GetValue(output), parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string path, string? output, TextWriter stderr)
    {
        bool png = output?.EndsWith(".png", StringComparison.OrdinalIgnoreCase) == true;
        if (output is not null && !png && !output.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--out must name an .svg or .png file, got '{output}'");
        }

        if (png && SvgToPng.FindBrowser() is null)
        {
            stderr.WriteLine("error: a PNG is drawn by the system's Chromium, which is not installed (apt-get install chromium); --out <file.svg> needs nothing");
            return ExitCodes.Usage;
        }

        if (!ReportFile.TryCheck(output, "--out", out string error))
        {
            throw new UsageException(error);
        }

        Trace trace;
        try
        {
            trace = TraceReader.ReadFile(path);
        }
        catch (TraceFormatException e)
        {
            stderr.WriteLine($"error: {path}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"error: cannot read {path}: {e.Message}");
            return ExitCodes.BadInput;
        }

        var options = new ReplayOptions();
        if (!TraceReplayer.TryCreateSettings(trace.Metadata, options, out _, out error))
        {
            stderr.WriteLine($"error: {path}: the engine rejects the trace's settings: {error}");
            return ExitCodes.BadInput;
        }

        ReplayResult replay = TraceReplayer.Run(trace, options);
        string title = string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(path)}: engine {replay.Entries} in / {replay.Exits} out, truth {replay.TruthEntries} in / {replay.TruthExits} out");
        string svg = TracePlot.ToSvg(trace, replay, title);

        // Next to the trace by default (never over an existing file); where --out says otherwise.
        string defaultPath = Path.ChangeExtension(Path.GetFullPath(path), ".svg");
        Action<string> write = png
            ? p => SvgToPng.Write(svg, TracePlot.Width, TracePlot.Height, p)
            : p => File.WriteAllText(p, svg, new UTF8Encoding(false));
        return ReportFile.Emit(output, defaultPath, write, stderr, "plot")
            ? ExitCodes.Ok
            : ExitCodes.BadInput;
    }
}
