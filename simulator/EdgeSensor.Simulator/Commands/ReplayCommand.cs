using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EdgeSensor.Simulator.Replay;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Commands;

/// <summary><c>replay &lt;trace.csv&gt; [--json] [--events] [--mount-height mm] [--inside-zone 0|1] [--timing-budget ms] [--ignore-tof]</c></summary>
public static class ReplayCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    internal static Command Create()
    {
        var trace = new Argument<string>("trace.csv") { Description = "The trace to replay; - reads it from stdin." };
        var json = OptionValues.Flag("--json", "Print the result as one JSON object.");
        var events = OptionValues.Flag("--events", "List every counted crossing with its time.");
        var mountHeight = OptionValues.Integer("--mount-height", 300, 10_000, "Override the trace's mount height, mm (300..10000).");
        var insideZone = OptionValues.Integer("--inside-zone", 0, 1, "Override which zone is inside (0 or 1).");
        var timingBudget = OptionValues.Integer("--timing-budget", 15, 1000, "Override the ToF timing budget, ms (15..1000).");
        var ignoreTof = OptionValues.Flag("--ignore-tof", "Count from the PIR alone (what the device does when its ToF sensor fails).");

        var command = new Command("replay", "Replay a recorded or simulated trace through the firmware's counting engine.")
        {
            trace, json, events, mountHeight, insideZone, timingBudget, ignoreTof,
        };
        command.SetAction(parse => Run(
            parse.GetValue(trace)!,
            new ReplayOptions
            {
                MountHeightMillimeters = (int?)parse.GetValue(mountHeight),
                InsideZone = (int?)parse.GetValue(insideZone),
                TimingBudgetMs = (int?)parse.GetValue(timingBudget),
                IgnoreTof = parse.GetValue(ignoreTof),
            },
            parse.GetValue(json),
            parse.GetValue(events),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string path, ReplayOptions options, bool json, bool events, TextWriter stdout, TextWriter stderr)
    {
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

        if (!TraceReplayer.TryCreateSettings(trace.Metadata, options, out _, out string error))
        {
            stderr.WriteLine($"error: {path}: the engine rejects the settings: {error}");
            return ExitCodes.BadInput;
        }

        ReplayResult result = TraceReplayer.Run(trace, options);
        if (events)
        {
            result.CrossingsForJson = [.. result.Crossings.Select(c => new ReplayResult.CrossingJson(c.TimeMs, c.Direction > 0 ? "entry" : "exit"))];
        }

        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(result, JsonOptions));
            return ExitCodes.Ok;
        }

        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(inv, $"trace       {path} ({result.TofRows} tof rows, {result.InvalidTofRows} invalid; {result.PirRows} pir rows; {result.DurationMs / 1000.0:0.0} s)"));
        stdout.WriteLine(string.Create(inv, $"entries     {result.Entries} counted, {result.TruthEntries} true"));
        stdout.WriteLine(string.Create(inv, $"exits       {result.Exits} counted, {result.TruthExits} true"));
        stdout.WriteLine(string.Create(inv, $"occupancy   {result.Occupancy}; calibration {result.Calibration}"));
        if (events)
        {
            foreach (CountedCrossing c in result.Crossings)
            {
                stdout.WriteLine(string.Create(inv, $"  {c.TimeMs,9} ms  {(c.Direction > 0 ? "entry" : "exit")}"));
            }
        }

        return ExitCodes.Ok;
    }
}
