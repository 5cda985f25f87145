using System.Globalization;
using System.Text;
using EdgeSensor.Simulator.Replay;
using EdgeSensor.Simulator.Reporting;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Commands;

/// <summary>
/// <c>plot &lt;trace.csv&gt; [--out &lt;file.svg&gt;]</c>: draws a trace (both zones' distances over time) with its truth
/// crossings and the engine's, replayed as <c>replay</c> does (docs/report.md).
/// </summary>
public static class PlotCommand
{
    public const string Usage = "plot <trace.csv> [--out <file.svg>]";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (!CommandLine.TryParse(args, ["out"], [], out var cl, out string error))
        {
            stderr.WriteLine($"error: {error}\nusage: {Usage}");
            return ExitCodes.Usage;
        }

        if (cl.Positional.Count != 1)
        {
            stderr.WriteLine($"error: plot takes exactly one trace file\nusage: {Usage}");
            return ExitCodes.Usage;
        }

        string path = cl.Positional[0];
        string? output = cl.Value("out");
        if (output is not null && !output.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            stderr.WriteLine($"error: --out must name an .svg file, got '{output}' (PNG is not drawn: any browser opens the SVG and can save it as an image)\nusage: {Usage}");
            return ExitCodes.Usage;
        }

        if (!ReportFile.TryCheck(output, out error))
        {
            stderr.WriteLine($"error: {error.Replace("--report", "--out", StringComparison.Ordinal)}");
            return ExitCodes.Usage;
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
        return ReportFile.Emit(output, defaultPath, p => File.WriteAllText(p, svg, new UTF8Encoding(false)), stderr, "plot")
            ? ExitCodes.Ok
            : ExitCodes.BadInput;
    }
}
