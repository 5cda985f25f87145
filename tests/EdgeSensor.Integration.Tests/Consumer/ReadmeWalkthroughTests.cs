using System.Text.RegularExpressions;
using EdgeSensor.Cli;
using EdgeSensor.Integration.Tests.Support;
using EdgeSensor.Sdk.KeyStore;
using EdgeSensor.Sdk.Provisioning;
using EdgeSensor.Sdk.Sinks;
using EdgeSensor.Tests.Shared;
using Spectre.Console;

namespace EdgeSensor.Integration.Tests.Consumer;

/// <summary>
/// The README's first-day walk-through, step by step as written: three devices provisioned, a real Mosquitto, the
/// simulator running them with <c>run --keystore --site</c>, <c>edgesensor store</c> into SQLite and <c>export</c> to CSV.
/// Both tools run in-process (as their own tests run them); only the broker's port and the files' folder are the
/// test's. Asserts decrypted reports of the provisioned devices with the counts the simulator's consumer opened.
/// </summary>
[TestClass]
public sealed partial class ReadmeWalkthroughTests
{
    private const string Marker = "<!-- walkthrough (run step by step by tests/EdgeSensor.Integration.Tests/Consumer/ReadmeWalkthroughTests.cs) -->";
    private const string Simulator = "dotnet run --project simulator/EdgeSensor.Simulator -- ";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task ReadmeWalkthrough_StoresAndExportsTheProvisionedDevicesDecryptedReports()
    {
        string[] steps = ReadSteps();
        await using var mosquitto = await MosquittoBroker.StartAsync();
        string folder = Path.Combine(Path.GetTempPath(), "edgesensor-walkthrough-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var environment = new Dictionary<string, string>();
        Task<(int Code, string Output)>? store = null;
        StringWriter? storeOutput = null;
        string runTable = string.Empty;
        try
        {
            foreach (string step in steps)
            {
                if (step.StartsWith("export ", StringComparison.Ordinal))
                {
                    Match set = ExportLine().Match(step);
                    Assert.IsTrue(set.Success, step);
                    environment[set.Groups["name"].Value] = set.Groups["value"].Value;
                }
                else if (step.StartsWith("printf ", StringComparison.Ordinal) || step.StartsWith("mosquitto ", StringComparison.Ordinal))
                {
                    // The fixture's Mosquitto stands in for these two (same listener on a free port).
                }
                else if (step.StartsWith("edgesensor store ", StringComparison.Ordinal))
                {
                    StringAssert.EndsWith(step, " & STORE=$!", "store runs in the background while the simulator publishes");
                    string[] args = Arguments(step["edgesensor ".Length..^" & STORE=$!".Length], folder, mosquitto.Port);
                    storeOutput = new StringWriter();
                    store = RunCliAsync(args, environment, storeOutput);
                    // The simulator publishes only once store has subscribed, as a person waits for its first line.
                    StringWriter output = storeOutput;
                    Assert.IsTrue(await Eventually.TrueAsync(() => Read(output).Contains("Storing into", StringComparison.Ordinal) || store.IsCompleted, TimeSpan.FromSeconds(60)), Read(output));
                    Assert.IsFalse(store.IsCompleted, $"store ended early: {Read(output)}");
                }
                else if (step.StartsWith("edgesensor ", StringComparison.Ordinal))
                {
                    var (code, output) = await RunCliAsync(Arguments(step["edgesensor ".Length..], folder, mosquitto.Port), environment, new StringWriter());
                    Assert.AreEqual(0, code, $"{step}\n{output}");
                }
                else if (step.StartsWith(Simulator, StringComparison.Ordinal))
                {
                    var stdout = new StringWriter();
                    var stderr = new StringWriter();
                    string[] args = Arguments(step[Simulator.Length..], folder, mosquitto.Port);
                    int code = await Task.Run(() => EdgeSensor.Simulator.Program.Run(args, stdout, stderr, name => environment.GetValueOrDefault(name)));
                    Assert.AreEqual(0, code, $"{step}\n{stdout}\n{stderr}");
                    StringAssert.Contains(stderr.ToString(), "devices: 3 provisioned devices of site 'lab'");
                    runTable = stdout.ToString();
                }
                else if (step == "wait $STORE")
                {
                    Assert.IsNotNull(store, "store was started before");
                    Assert.IsTrue(await Eventually.TrueAsync(() => store.IsCompleted, TimeSpan.FromSeconds(120)), $"store did not end: {Read(storeOutput!)}");
                    var (code, output) = await store;
                    Assert.AreEqual(0, code, output);
                }
                else
                {
                    Assert.Fail($"the test does not know the README step '{step}'");
                }
            }

            AssertReportsArrived(folder, runTable, Read(storeOutput!));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertReportsArrived(string folder, string runTable, string storeOutput)
    {
        // The provisioned devices, as the bundles name them.
        string[] bundleIds = [.. Enumerable.Range(1, 3).Select(i => DeviceConfigurationBundle.Read(Path.Combine(folder, $"lab-{i}.json")).DeviceId)];
        Assert.AreEqual(3, bundleIds.Distinct().Count());

        // What the simulator's own consumer opened: the table's total row (opened/engine/truth).
        Match total = TotalRow().Match(runTable);
        Assert.IsTrue(total.Success, runTable);
        Assert.AreEqual("30", total.Groups["opened"].Value, runTable);
        long openedEntries = long.Parse(total.Groups["entries"].Value, System.Globalization.CultureInfo.InvariantCulture);
        long openedExits = long.Parse(total.Groups["exits"].Value, System.Globalization.CultureInfo.InvariantCulture);
        foreach (string id in bundleIds)
        {
            StringAssert.Contains(runTable, id, "run played the provisioned devices");
        }

        // SQLite: 30 decrypted reports of the three devices, with the counts the simulator's consumer opened.
        var stored = ReportDatabase.ReadAsync(Path.Combine(folder, "reports.db")).ToBlockingEnumerable().ToList();
        Assert.HasCount(30, stored, storeOutput);
        CollectionAssert.AreEquivalent(bundleIds, stored.Select(r => r.Report.DeviceIdText).Distinct().ToArray());
        Assert.IsTrue(stored.All(r => r.Site == "lab"));
        Assert.AreEqual(openedEntries, stored.Sum(r => (long)r.Report.Entries), "entries in SQLite");
        Assert.AreEqual(openedExits, stored.Sum(r => (long)r.Report.Exits), "exits in SQLite");
        Assert.IsGreaterThan(0, openedEntries + openedExits, "people were counted and released");

        // The CSV: one row per report, the same devices and counts.
        string[] lines = File.ReadAllLines(Path.Combine(folder, "reports.csv"));
        Assert.AreEqual(CsvReportSink.Header, lines[0]);
        string[] header = lines[0].Split(',');
        int device = Array.IndexOf(header, "device_id");
        int entries = Array.IndexOf(header, "entries");
        int exits = Array.IndexOf(header, "exits");
        string[][] rows = [.. lines.Skip(1).Select(l => l.Split(','))];
        Assert.HasCount(30, rows);
        CollectionAssert.AreEquivalent(bundleIds, rows.Select(r => r[device]).Distinct().ToArray());
        Assert.AreEqual(openedEntries, rows.Sum(r => long.Parse(r[entries], System.Globalization.CultureInfo.InvariantCulture)), "entries in the CSV");
        Assert.AreEqual(openedExits, rows.Sum(r => long.Parse(r[exits], System.Globalization.CultureInfo.InvariantCulture)), "exits in the CSV");
    }

    /// <summary>The README block's lines, as written.</summary>
    private static string[] ReadSteps()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")).ReplaceLineEndings("\n");
        int start = readme.IndexOf(Marker, StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, start, "README.md has the walk-through block");
        int open = readme.IndexOf("```sh\n", start, StringComparison.Ordinal) + "```sh\n".Length;
        int close = readme.IndexOf("```", open, StringComparison.Ordinal);
        string[] steps = readme[open..close].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.AreEqual(3, steps.Count(s => s.StartsWith("edgesensor provision ", StringComparison.Ordinal)), "three devices are provisioned");
        return steps;
    }

    /// <summary>A step's words; files land in the test's folder and the README's port 1883 is the fixture's.</summary>
    private static string[] Arguments(string line, string folder, int port) =>
        [.. line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => word switch
        {
            "1883" => port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "127.0.0.1:1883" => $"127.0.0.1:{port}",
            _ when word.EndsWith(".json", StringComparison.Ordinal) || word.EndsWith(".db", StringComparison.Ordinal) || word.EndsWith(".csv", StringComparison.Ordinal) => Path.Combine(folder, word),
            _ => word,
        })];

    private static async Task<(int Code, string Output)> RunCliAsync(string[] args, Dictionary<string, string> environment, StringWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(TextWriter.Synchronized(output)),
        });
        console.Profile.Width = 200;
        int code = await Task.Run(() => CliApp.RunAsync(args, console, name => environment.GetValueOrDefault(name), output, output));
        return (code, Read(output));
    }

    private static string Read(StringWriter writer)
    {
        lock (writer)
        {
            return writer.ToString();
        }
    }

    [GeneratedRegex(@"^export (?<name>[A-Z_]+)='(?<value>[^']*)'$")]
    private static partial Regex ExportLine();

    [GeneratedRegex(@"^total\s+\d+\s+\d+\s+(?<opened>\d+)\s+\d+\s+\d+\s+(?<entries>\d+)/\d+/\d+\s+(?<exits>\d+)/\d+/\d+", RegexOptions.Multiline)]
    private static partial Regex TotalRow();
}
