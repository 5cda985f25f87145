using System.Text.RegularExpressions;
using EdgeSensor.Simulator.Commands;

namespace EdgeSensor.Repository.Tests.Samples;

/// <summary>
/// docs/simulator-run.md shows what <c>run</c> prints with its defaults (seed 1). The counts are deterministic
/// per seed; device ids, keys, the broker's port and timings are not, so those are masked on both sides.
/// </summary>
[TestClass]
public sealed partial class SimulatorRunSampleTests
{
    private const string Doc = "docs/simulator-run.md";
    private const string Command = "dotnet run --project simulator/EdgeSensor.Simulator -- run";
    private const string UpdateVariable = "EDGESENSOR_UPDATE_SAMPLES";

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void TheDocsRunOutput_IsWhatRunPrintsForItsSeed()
    {
        var sample = DocSample.Read(Path.Combine(RepositoryRoot.Path, Doc), "run");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        // The report goes to stderr's last line, not stdout: written to a temporary file so no test run leaves one behind.
        string report = Path.Combine(Path.GetTempPath(), $"edgesensor-run-sample-{Guid.NewGuid():N}.html");
        int exit;
        try
        {
            exit = EdgeSensor.Simulator.Program.Run(["run", "--report", report], stdout, stderr);
        }
        finally
        {
            File.Delete(report);
        }

        Assert.AreEqual(ExitCodes.Ok, exit, stderr.ToString());
        string printed = TrimLineEnds(stdout.ToString());
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            sample.Write(printed);
            return;
        }

        Assert.AreEqual(
            Mask(sample.Text),
            Mask(printed),
            $"{Doc}: the sample output of `{Command}` is not what the command prints now. Regenerate it with "
            + $"`{UpdateVariable}=1 dotnet test tests/EdgeSensor.Repository.Tests --filter {nameof(TheDocsRunOutput_IsWhatRunPrintsForItsSeed)}`, "
            + $"or run `{Command}` and paste its output between the markers. It printed:{Environment.NewLine}{printed}");
    }

    [TestMethod]
    public void Masking_KeepsTheCounts_AndHidesWhatChangesBetweenRuns()
    {
        string a = "broker embedded (127.0.0.1:44513), speed max\n0ea9b4406032cf8b      10  26/26/28\nwall 2.06 s (setup 0.61 s), 14.6 reports/s opened\n30 simulated device-minutes (876x real time)";
        string b = "broker embedded (127.0.0.1:40001), speed max\nc1ab17ee66abfaae      10  26/26/28\nwall 0.95 s (setup 0.79 s), 31.5 reports/s opened\n30 simulated device-minutes (1892x real time)";
        string otherCounts = b.Replace("26/26/28", "26/26/29", StringComparison.Ordinal);

        Assert.AreEqual(Mask(a), Mask(b));
        Assert.AreNotEqual(Mask(a), Mask(otherCounts));
    }

    private static string TrimLineEnds(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n').Select(l => l.TrimEnd()));

    private static string Mask(string text)
    {
        string masked = DeviceId().Replace(TrimLineEnds(text), "<device id>");
        masked = Port().Replace(masked, "127.0.0.1:<port>");
        masked = PeakMemory().Replace(masked, "peak memory <n> MB working set, <n> MB managed heap");
        return Timing().Replace(masked, "wall <s> s (setup <s> s), <n> reports/s opened\n${minutes} simulated device-minutes (<n>x real time)");
    }

    [GeneratedRegex(@"\b[0-9a-f]{16}\b")]
    private static partial Regex DeviceId();

    [GeneratedRegex(@"127\.0\.0\.1:\d+")]
    private static partial Regex Port();

    [GeneratedRegex(@"peak memory \d+ MB working set, \d+ MB managed heap")]
    private static partial Regex PeakMemory();

    [GeneratedRegex(@"wall [\d.]+ s \(setup [\d.]+ s\), [\d.]+ reports/s opened\n(?<minutes>\d+) simulated device-minutes \(\d+x real time\)")]
    private static partial Regex Timing();
}
