using EdgeSensor.Sdk.KeyStore;
using Spectre.Console;

namespace EdgeSensor.Cli.Tests;

/// <summary>Runs the tool in-process with a captured console and a private environment and folder.</summary>
internal sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        Directory = Path.Combine(Path.GetTempPath(), "edgesensor-cli-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(Directory);
        Environment[KeyStoreSecret.EnvironmentVariable] = KeyStoreSecret.GenerateKeyText();
    }

    public string Directory { get; }

    public Dictionary<string, string> Environment { get; } = new();

    public string KeyStorePath => Path.Combine(Directory, "keys.json");

    public KeyStoreSecret Secret => KeyStoreSecret.FromKey(Convert.FromBase64String(Environment[KeyStoreSecret.EnvironmentVariable]));

    public async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var writer = new StringWriter();
        int code = await RunAsync(args, writer, writer);
        return (code, writer.ToString());
    }

    /// <summary>Runs with standard error apart from the console and standard output.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunWithErrorAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Runs until the command ends or <paramref name="stop"/> fires (as Ctrl+C would); output and errors as one text.</summary>
    public async Task<(int ExitCode, string Output)> RunUntilAsync(CancellationToken stop, params string[] args)
    {
        var writer = new StringWriter();
        int code = await RunAsync(args, writer, writer, stop);
        return (code, writer.ToString());
    }

    private async Task<int> RunAsync(string[] args, StringWriter writer, StringWriter error, CancellationToken stop = default)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 250;
        return await CliApp.RunAsync(args, console, name => Environment.TryGetValue(name, out string? value) ? value : null, writer, error, stop);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
