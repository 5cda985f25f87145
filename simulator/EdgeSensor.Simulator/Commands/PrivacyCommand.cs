using System.Diagnostics;
using EdgeSensor.Simulator.Privacy;

namespace EdgeSensor.Simulator.Commands;

/// <summary><c>privacy [--quick] [--write-doc file.md]</c>: utility and the attack suite against every disclosure mode (docs/privacy.md).</summary>
public static class PrivacyCommand
{
    public const string Usage = "privacy [--quick] [--write-doc <file.md>]";

    /// <summary>Name of the generated block in the doc.</summary>
    public const string BlockName = "privacy-report";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (!CommandLine.TryParse(args, ["write-doc"], ["quick"], out var cl, out string error) || cl.Positional.Count > 0)
        {
            error = error.Length > 0 ? error : $"unexpected argument '{cl.Positional[0]}'";
            stderr.WriteLine($"error: {error}\nusage: {Usage}");
            return ExitCodes.Usage;
        }

        var clock = Stopwatch.StartNew();
        PrivacyEvaluationOptions options = cl.Has("quick") ? PrivacyEvaluationOptions.Quick : PrivacyEvaluationOptions.Full;
        string report = PrivacyReport.ToMarkdown(PrivacyEvaluation.Run(options));
        if (cl.Value("write-doc") is string doc)
        {
            // The block names the exact command, so its figures can be told apart and redone.
            string command = "dotnet run -c Release --project simulator/EdgeSensor.Simulator -- privacy " + string.Join(" ", args);
            if (!DocReportBlock.TryWrite(doc, BlockName, command, report, out error))
            {
                stderr.WriteLine($"error: {error}");
                return ExitCodes.BadInput;
            }

            stdout.WriteLine($"wrote the privacy report into {doc}");
        }
        else
        {
            stdout.Write(report);
        }

        stderr.WriteLine($"privacy evaluation in {clock.Elapsed.TotalSeconds:0.0} s");
        return ExitCodes.Ok;
    }
}
