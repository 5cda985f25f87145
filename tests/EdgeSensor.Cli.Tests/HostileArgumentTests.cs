namespace EdgeSensor.Cli.Tests;

/// <summary>Bad arguments and unusual files get one clear line and an exit code: no stack trace, no hang.</summary>
[TestClass]
public sealed class HostileArgumentTests
{
    [TestMethod]
    [DataRow("tail", "--duration", "-00:00:05")]
    [DataRow("tail", "--duration", "00:00:00")]
    [DataRow("tail", "--count", "-5")]
    [DataRow("tail", "--port", "70000")]
    [DataRow("store", "--db", "x.db", "--count", "-1")]
    public async Task BadNumbers_AreUsageErrors(params string[] args)
    {
        using var cli = new CliHarness();
        await cli.RunAsync("provision", "--site", "r", "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "lab", "--wifi-open", "--out", Path.Combine(cli.Directory, "b.json"));

        var (code, output) = await cli.RunAsync([.. args, "--keystore", cli.KeyStorePath]);

        Assert.AreEqual(ExitCodes.Usage, code, output);
        Assert.DoesNotContain("   at ", output, "no stack trace");
    }

    [TestMethod]
    public async Task Store_IntoAFolderThatDoesNotExist_FailsWithOneLine()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("provision", "--site", "r", "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "lab", "--wifi-open", "--out", Path.Combine(cli.Directory, "b.json"));

        var (code, output) = await cli.RunAsync("store", "--keystore", cli.KeyStorePath, "--db", "/nonexistent/x.db", "--port", "1", "--duration", "00:00:01");

        Assert.AreEqual(ExitCodes.Failure, code, output);
        Assert.DoesNotContain("   at ", output, "no stack trace");
        Assert.AreEqual(1, output.Trim().Split('\n').Length, output);
    }

    [TestMethod]
    public async Task Open_ANeverEndingFile_IsRefusedAfterABoundedRead()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("provision", "--site", "r", "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "lab", "--wifi-open", "--out", Path.Combine(cli.Directory, "b.json"));

        var (code, output) = await cli.RunAsync("open", "--keystore", cli.KeyStorePath, "--file", "/dev/zero");

        Assert.AreEqual(ExitCodes.Usage, code, output);
        StringAssert.Contains(output, "too large");
    }
}
