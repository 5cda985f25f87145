using System.Diagnostics;
using EdgeSensor.Sdk.KeyStore;

namespace EdgeSensor.Cli.Tests;

/// <summary>
/// Several <c>provision</c> runs against one key store at the same time, as a pilot team's script does: every
/// device each run reports must be in the store afterwards (the store's writers take a cross-process lock).
/// </summary>
[TestClass]
public sealed class ConcurrentProvisionTests
{
    [TestMethod]
    public async Task ParallelProvisionProcesses_KeepEveryDevice()
    {
        using var cli = new CliHarness();
        string tool = Path.ChangeExtension(typeof(CliApp).Assembly.Location, ".dll");
        const int Runs = 8;
        var runs = Enumerable.Range(0, Runs).Select(i => RunToolAsync(cli, tool,
            "provision", "--site", "r", "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "lab", "--wifi-open", "--out", Path.Combine(cli.Directory, $"b{i}.json"))).ToArray();
        (int Code, string Output)[] results = await Task.WhenAll(runs);

        foreach (var (code, output) in results)
        {
            Assert.AreEqual(0, code, output);
        }

        using var store = FileDeviceKeyStore.Open(cli.KeyStorePath, cli.Secret);
        Assert.AreEqual(Runs, store.Devices.Count, "every run's device is kept");
        Assert.AreEqual(Runs, Directory.GetFiles(cli.Directory, "b*.json").Length);
    }

    [TestMethod]
    public async Task ParallelProvisionInOneProcess_KeepsEveryDevice()
    {
        using var cli = new CliHarness();
        const int Runs = 12;
        var runs = Enumerable.Range(0, Runs).Select(i => Task.Run(() => cli.RunAsync(
            "provision", "--site", "r", "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "lab", "--wifi-open", "--out", Path.Combine(cli.Directory, $"b{i}.json")))).ToArray();
        (int Code, string Output)[] results = await Task.WhenAll(runs);

        Assert.IsTrue(results.All(r => r.Code == 0), string.Join("\n", results.Select(r => r.Output)));
        using var store = FileDeviceKeyStore.Open(cli.KeyStorePath, cli.Secret);
        Assert.AreEqual(Runs, store.Devices.Count);
    }

    private static async Task<(int Code, string Output)> RunToolAsync(CliHarness cli, string tool, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(tool);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in cli.Environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
