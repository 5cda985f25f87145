using System.CommandLine;
using System.Diagnostics;
using EdgeSensor.Simulator.Privacy;

namespace EdgeSensor.Simulator.Commands;

/// <summary><c>privacy [--quick] [--write-doc file.md]</c>: utility and the attack suite against every disclosure mode (docs/privacy.md).</summary>
public static class PrivacyCommand
{
    /// <summary>Name of the generated block in the doc.</summary>
    public const string BlockName = "privacy-report";

    internal static Command Create()
    {
        var quick = OptionValues.Flag("--quick", "Fewer days and trials (seconds instead of minutes).");
        var writeDoc = OptionValues.Text("--write-doc", "file.md", "Write the report into this doc's privacy-report block instead of stdout.");

        var command = new Command("privacy", "Utility and the attack suite against every disclosure mode (docs/privacy.md).") { quick, writeDoc };
        command.SetAction(parse => Run(parse, parse.GetValue(quick), parse.GetValue(writeDoc)));
        return command;
    }

    private static int Run(ParseResult parse, bool quick, string? doc)
    {
        TextWriter stdout = parse.InvocationConfiguration.Output;
        TextWriter stderr = parse.InvocationConfiguration.Error;
        var clock = Stopwatch.StartNew();
        PrivacyEvaluationOptions options = quick ? PrivacyEvaluationOptions.Quick : PrivacyEvaluationOptions.Full;
        string report = PrivacyReport.ToMarkdown(PrivacyEvaluation.Run(options));
        if (doc is not null)
        {
            // The block names the exact command, so its figures can be told apart and redone.
            string command = "dotnet run -c Release --project simulator/EdgeSensor.Simulator -- " + CommandText.Of(parse);
            if (!DocReportBlock.TryWrite(doc, BlockName, command, report, out string error))
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
