using System.Globalization;
using System.Text.Json;
using EdgeSensor.Simulator.Replay;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Commands;

/// <summary><c>replay &lt;trace.csv&gt; [--json] [--events] [--mount-height mm] [--inside-zone 0|1] [--timing-budget ms] [--ignore-tof]</c></summary>
public static class ReplayCommand
{
    public const string Usage =
        "replay <trace.csv | -> [--json] [--events] [--mount-height <mm>] [--inside-zone <0|1>] [--timing-budget <ms>] [--ignore-tof]";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (!CommandLine.TryParse(args, ["mount-height", "inside-zone", "timing-budget"], ["json", "events", "ignore-tof"], out var cl, out string error)
            || !cl.TryGetInt("mount-height", 300, 10_000, out long? height, out error)
            || !cl.TryGetInt("inside-zone", 0, 1, out long? inside, out error)
            || !cl.TryGetInt("timing-budget", 15, 1000, out long? budget, out error))
        {
            stderr.WriteLine($"error: {error}\nusage: {Usage}");
            return ExitCodes.Usage;
        }

        if (cl.Positional.Count != 1)
        {
            stderr.WriteLine($"error: replay takes exactly one trace file\nusage: {Usage}");
            return ExitCodes.Usage;
        }

        string path = cl.Positional[0];
        Trace trace;
        try
        {
            // "-" reads the trace from stdin, so a converter can pipe straight into the replay.
            trace = path == "-" ? TraceReader.Read(Console.In) : TraceReader.ReadFile(path);
        }
        catch (TraceFormatException e)
        {
            stderr.WriteLine($"error: {path}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot read {path}: {e.Message}");
            return ExitCodes.BadInput;
        }

        var options = new ReplayOptions
        {
            MountHeightMillimeters = (int?)height,
            InsideZone = (int?)inside,
            TimingBudgetMs = (int?)budget,
            IgnoreTof = cl.Has("ignore-tof"),
        };
        if (!TraceReplayer.TryCreateSettings(trace.Metadata, options, out _, out error))
        {
            stderr.WriteLine($"error: {path}: the engine rejects the settings: {error}");
            return ExitCodes.BadInput;
        }

        ReplayResult result = TraceReplayer.Run(trace, options);
        if (cl.Has("events"))
        {
            result.CrossingsForJson = [.. result.Crossings.Select(c => new ReplayResult.CrossingJson(c.TimeMs, c.Direction > 0 ? "entry" : "exit"))];
        }

        if (cl.Has("json"))
        {
            stdout.WriteLine(JsonSerializer.Serialize(result, JsonOptions));
            return ExitCodes.Ok;
        }

        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(inv, $"trace       {path} ({result.TofRows} tof rows, {result.InvalidTofRows} invalid; {result.PirRows} pir rows; {result.DurationMs / 1000.0:0.0} s)"));
        stdout.WriteLine(string.Create(inv, $"entries     {result.Entries} counted, {result.TruthEntries} true"));
        stdout.WriteLine(string.Create(inv, $"exits       {result.Exits} counted, {result.TruthExits} true"));
        stdout.WriteLine(string.Create(inv, $"occupancy   {result.Occupancy}; calibration {result.Calibration}"));
        if (cl.Has("events"))
        {
            foreach (CountedCrossing c in result.Crossings)
            {
                stdout.WriteLine(string.Create(inv, $"  {c.TimeMs,9} ms  {(c.Direction > 0 ? "entry" : "exit")}"));
            }
        }

        return ExitCodes.Ok;
    }
}
