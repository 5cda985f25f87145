using System.CommandLine;
using EdgeSensor.Sdk.KeyStore;
using Spectre.Console;

namespace EdgeSensor.Cli.Tests;

/// <summary>
/// Issue 10: <c>edgesensor</c> explains itself. --help on every command and subcommand prints usage and exits 0; each
/// kind of bad input (a value of the wrong type, an unknown option, a missing value, a number out of range, an option
/// where a value belongs) is a line in words with a non-zero exit, no stack trace and no .NET type name.
/// </summary>
[TestClass]
public sealed class HelpAndBadInputTests
{
    /// <summary>Every command path, read from the declarations, so a command added later is covered too.</summary>
    private static IEnumerable<object[]> CommandPaths()
    {
        var context = new CliContext(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }), _ => null);
        yield return [string.Empty];
        foreach (string path in Paths(CliApp.Build(context), string.Empty))
        {
            yield return [path];
        }
    }

    private static IEnumerable<string> Paths(Command command, string prefix)
    {
        foreach (Command sub in command.Subcommands)
        {
            string path = (prefix + " " + sub.Name).Trim();
            yield return path;
            foreach (string deeper in Paths(sub, path))
            {
                yield return deeper;
            }
        }
    }

    [TestMethod]
    public void EveryCommand_IsCovered_IncludingSubcommands()
    {
        string[] paths = [.. CommandPaths().Select(p => (string)p[0])];
        foreach (string expected in new[] { "provision", "devices", "devices list", "devices revoke", "devices rotate", "tail", "store", "export", "open" })
        {
            CollectionAssert.Contains(paths, expected);
        }
    }

    [TestMethod]
    [DynamicData(nameof(CommandPaths))]
    public async Task Help_OnEveryCommand_PrintsUsage_AndExitsZero(string path)
    {
        using var cli = new CliHarness();
        string[] words = path.Length == 0 ? [] : path.Split(' ');

        foreach (string help in new[] { "--help", "-h" })
        {
            var (code, output) = await cli.RunAsync([.. words, help]);

            Assert.AreEqual(ExitCodes.Success, code, $"{path} {help}: {output}");
            StringAssert.Contains(output, "Usage:", $"{path} {help}");
            StringAssert.Contains(output, path.Length == 0 ? "Commands:" : $" {path}", $"{path} {help}: the usage line names the command");
            Assert.DoesNotContain("   at ", output);
        }
    }

    [TestMethod]
    [DataRow("tail --count x", "--count: 'x' is not a whole number")]
    [DataRow("tail --duration 5x", "--duration: '5x' is not a duration")]
    [DataRow("tail --port 99999", "--port")]
    [DataRow("tail --count -1", "--count")]
    [DataRow("tail --bogus", "Unrecognized command or argument '--bogus'")]
    [DataRow("tail --host", "--host needs a value, got the option '--keystore'")]
    [DataRow("tail --keystore --help", "--keystore needs a value, got the option '--help'")]
    [DataRow("tail --keystore", "Required argument missing for option: '--keystore'")]
    [DataRow("store --db", "--db needs a value, got the option '--keystore'")]
    [DataRow("export --db reports.db --out reports.csv --from yesterday", "--from")]
    [DataRow("provision --site lab --broker-host h --wifi-ssid w --wifi-open --mount-height tall", "--mount-height: 'tall' is not a whole number")]
    [DataRow("provision --site lab --broker-host h --wifi-ssid w --wifi-open --window 7", "window")]
    [DataRow("provision --site lab --broker-host h --wifi-ssid w --wifi-open --disclosure loose", "loose")]
    [DataRow("devices rotate --device nothex", "nothex")]
    [DataRow("devices frobnicate", "Unrecognized command or argument 'frobnicate'")]
    [DataRow("frobnicate", "Unrecognized command or argument 'frobnicate'")]
    public async Task BadInput_IsInWords_WithNonZeroExit_AndNoStackTrace(string commandLine, string expected)
    {
        using var cli = new CliHarness();
        string[] args = commandLine.Split(' ');

        var (code, output) = await cli.RunAsync([.. args, .. KeyStoreFor(args, cli)]);

        Assert.AreNotEqual(ExitCodes.Success, code, output);
        StringAssert.Contains(output, expected);
        Assert.DoesNotContain("   at ", output, "no stack trace");
        Assert.DoesNotContain("Exception", output, "no .NET type name");
        Assert.DoesNotContain("System.", output, "no .NET type name");
        Assert.IsFalse(File.Exists(Path.Combine(cli.Directory, "--help")) || Directory.Exists("--help"), "an option is never taken as a file name");
    }

    // Commands that open the key store get the harness's own, so a bad option is what fails and not a missing store
    // (export reads a database, never keys).
    private static string[] KeyStoreFor(string[] args, CliHarness cli) =>
        args.Contains("--keystore") || args[0] is "frobnicate" or "export" ? [] : ["--keystore", cli.KeyStorePath];
}
