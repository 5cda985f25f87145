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
/// The README's first-day walk-through, step by step as written: three devices provisioned, a real Mosquitto and a real
/// PostgreSQL, the simulator running them with <c>run --keystore --site</c>, <c>edgesensor store</c> into SQLite and
/// PostgreSQL and <c>export</c> of each to CSV. Both tools run in-process (as their own tests run them); only the
/// broker's port, the database's connection string and the files' folder are the test's. Asserts decrypted reports of
/// the provisioned devices with the counts the simulator's consumer opened.
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
        string database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        string folder = Path.Combine(Path.GetTempPath(), "edgesensor-walkthrough-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var environment = new Dictionary<string, string>();
        var stores = new Dictionary<string, (Task<(int Code, string Output)> Run, StringWriter Output)>();
        string runTable = string.Empty;
        try
        {
            foreach (string step in steps)
            {
                if (step.StartsWith("export ", StringComparison.Ordinal))
                {
                    Match set = ExportLine().Match(step);
                    Assert.IsTrue(set.Success, step);
                    // The README's example connection string names a database the reader runs; the fixture's stands in.
                    environment[set.Groups["name"].Value] = set.Groups["name"].Value == "EDGESENSOR_PG" ? database : set.Groups["value"].Value;
                }
                else if (step.StartsWith("printf ", StringComparison.Ordinal) || step.StartsWith("mosquitto ", StringComparison.Ordinal))
                {
                    // The fixture's Mosquitto stands in for these two (same listener on a free port).
                }
                else if (step.StartsWith("edgesensor store ", StringComparison.Ordinal))
                {
                    Match background = BackgroundStore().Match(step);
                    Assert.IsTrue(background.Success, $"store runs in the background while the simulator publishes: {step}");
                    string[] args = Arguments(background.Groups["command"].Value, folder, mosquitto.Port, environment);
                    var output = new StringWriter();
                    var run = RunCliAsync(args, environment, output);
                    stores[background.Groups["pid"].Value] = (run, output);
                    // The simulator publishes only once store has subscribed, as a person waits for its first line.
                    Assert.IsTrue(await Eventually.TrueAsync(() => Read(output).Contains("Storing into", StringComparison.Ordinal) || run.IsCompleted, TimeSpan.FromSeconds(60)), Read(output));
                    Assert.IsFalse(run.IsCompleted, $"store ended early: {Read(output)}");
                }
                else if (step.StartsWith("edgesensor ", StringComparison.Ordinal))
                {
                    var (code, output) = await RunCliAsync(Arguments(step["edgesensor ".Length..], folder, mosquitto.Port, environment), environment, new StringWriter());
                    Assert.AreEqual(0, code, $"{step}\n{output}");
                }
                else if (step.StartsWith(Simulator, StringComparison.Ordinal))
                {
                    var stdout = new StringWriter();
                    var stderr = new StringWriter();
                    string[] args = Arguments(step[Simulator.Length..], folder, mosquitto.Port, environment);
                    int code = await Task.Run(() => EdgeSensor.Simulator.Program.Run(args, stdout, stderr, name => environment.GetValueOrDefault(name)));
                    Assert.AreEqual(0, code, $"{step}\n{stdout}\n{stderr}");
                    StringAssert.Contains(stderr.ToString(), "devices: 3 provisioned devices of site 'lab'");
                    runTable = stdout.ToString();
                }
                else if (step.StartsWith("wait ", StringComparison.Ordinal))
                {
                    foreach (string pid in step["wait ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        Assert.IsTrue(stores.TryGetValue(pid.TrimStart('$'), out var store), $"{pid} was started before");
                        Assert.IsTrue(await Eventually.TrueAsync(() => store.Run.IsCompleted, TimeSpan.FromSeconds(120)), $"store did not end: {Read(store.Output)}");
                        var (code, output) = await store.Run;
                        Assert.AreEqual(0, code, output);
                    }
                }
                else
                {
                    Assert.Fail($"the test does not know the README step '{step}'");
                }
            }

            Assert.HasCount(2, stores, "one store into SQLite, one into PostgreSQL");
            string storeOutput = string.Join("\n", stores.Values.Select(v => Read(v.Output)));
            AssertReportsArrived(folder, runTable, storeOutput);
            await AssertPostgresHoldsTheSameAsync(database, folder, storeOutput);
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

        // The CSVs: one row per report, the same devices and counts, from either database.
        AssertCsv(Path.Combine(folder, "reports.csv"), bundleIds, openedEntries, openedExits);
        AssertCsv(Path.Combine(folder, "reports-pg.csv"), bundleIds, openedEntries, openedExits);
    }

    private static async Task AssertPostgresHoldsTheSameAsync(string database, string folder, string storeOutput)
    {
        var sqlite = ReportDatabase.ReadAsync(Path.Combine(folder, "reports.db")).ToBlockingEnumerable()
            .Select(r => (r.Report.DeviceIdText, r.Report.Sequence, r.Report.Entries, r.Report.Exits)).OrderBy(r => r).ToList();
        var postgres = new List<(string, ulong, int, int)>();
        await foreach (var r in ReportSource.Postgres(database).ReadAsync())
        {
            postgres.Add((r.Report.DeviceIdText, r.Report.Sequence, r.Report.Entries, r.Report.Exits));
        }

        CollectionAssert.AreEqual(sqlite, postgres.OrderBy(r => r).ToList(), "PostgreSQL holds the same 30 decrypted reports as SQLite\n" + storeOutput);
    }

    private static void AssertCsv(string path, string[] bundleIds, long openedEntries, long openedExits)
    {
        string[] lines = File.ReadAllLines(path);
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
    private static string[] Arguments(string line, string folder, int port, Dictionary<string, string> environment) =>
        [.. line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => word switch
        {
            _ when word.StartsWith("\"$", StringComparison.Ordinal) && word.EndsWith('"') => environment[word[2..^1]],
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

    [GeneratedRegex(@"^edgesensor (?<command>store .+) & (?<pid>[A-Z]+)=\$!$")]
    private static partial Regex BackgroundStore();

    [GeneratedRegex(@"^export (?<name>[A-Z_]+)='(?<value>[^']*)'$")]
    private static partial Regex ExportLine();

    [GeneratedRegex(@"^total\s+\d+\s+\d+\s+(?<opened>\d+)\s+\d+\s+\d+\s+(?<entries>\d+)/\d+/\d+\s+(?<exits>\d+)/\d+/\d+", RegexOptions.Multiline)]
    private static partial Regex TotalRow();
}
