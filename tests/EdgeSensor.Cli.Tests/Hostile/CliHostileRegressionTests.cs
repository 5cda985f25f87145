namespace EdgeSensor.Cli.Tests.Hostile;

/// <summary>Arguments the hostile-input campaign found, kept as plain tests.</summary>
[TestClass]
public sealed class CliHostileRegressionTests
{
    /// <summary>"@file" was a response file: "@/dev/zero" was read until the process ran out of memory and aborted.</summary>
    [TestMethod]
    public async Task ResponseFileArgument_IsAnOrdinaryToken()
    {
        using var cli = new CliHarness();

        var (code, output) = await cli.RunAsync("devices", "list", "--keystore", "@/dev/zero");
        var (bare, bareOutput) = await cli.RunAsync("@/dev/zero");

        Assert.AreEqual(ExitCodes.KeyStore, code, output);
        StringAssert.Contains(output, "@/dev/zero");
        Assert.AreEqual(ExitCodes.Usage, bare, bareOutput);
        StringAssert.Contains(bareOutput, "Unrecognized command or argument '@/dev/zero'");
    }

    /// <summary>--ca-file and the password files were read whole: /dev/zero grew the process until it ran out of memory.</summary>
    [TestMethod]
    [DataRow("--ca-file")]
    [DataRow("--wifi-password-file")]
    [DataRow("--mqtt-password-file")]
    public async Task Provision_FromANeverEndingFile_IsRefusedAfterABoundedRead(string option)
    {
        using var cli = new CliHarness();
        string[] wifi = option == "--wifi-password-file" ? [] : ["--wifi-open"];

        var (code, output) = await cli.RunAsync(
            ["provision", "--site", "r", "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "lab", .. wifi, option, "/dev/zero", "--out", Path.Combine(cli.Directory, "b.json")]);

        Assert.AreEqual(ExitCodes.Usage, code, output);
        StringAssert.Contains(output, "is larger than");
        Assert.IsFalse(File.Exists(cli.KeyStorePath), "refused before the key store changed");
    }

    /// <summary>tail and store handed --ca-file, --cert-file and --key-file to .NET's PEM import, which read /dev/zero
    /// until the process ran out of memory; the client now refuses a PEM path that is not a bounded regular file.</summary>
    [TestMethod]
    [DataRow("--ca-file")]
    [DataRow("--cert-file")]
    public async Task Tail_WithANeverEndingPemFile_FailsWithOneLine(string option)
    {
        using var cli = new CliHarness();
        await cli.RunAsync("provision", "--site", "r", "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "lab", "--wifi-open", "--out", Path.Combine(cli.Directory, "b.json"));
        string[] key = option == "--cert-file" ? ["--key-file", "/dev/zero"] : [];

        var (code, output) = await cli.RunAsync(["tail", "--keystore", cli.KeyStorePath, "--port", "1", "--duration", "00:00:01", option, "/dev/zero", .. key]);

        Assert.AreNotEqual(ExitCodes.Success, code, output);
        StringAssert.Contains(output, "not a regular PEM file");
        Assert.DoesNotContain("   at ", output, "no stack trace");
    }

    /// <summary>A value that is not a number for --count, --port or --duration threw out of the option's validator: an
    /// unhandled exception with a stack trace instead of a usage error.</summary>
    [TestMethod]
    [DataRow("--count", "@| (7nw_")]
    [DataRow("-n", "x")]
    [DataRow("--port", "NaN")]
    [DataRow("--duration", "five minutes")]
    public async Task Tail_WithAValueThatIsNotANumber_IsAUsageError(string option, string value)
    {
        using var cli = new CliHarness();

        string[] port = option == "--port" ? [] : ["--port", "1"];
        string[] duration = option == "--duration" ? [] : ["--duration", "00:00:00.02"];

        var (code, output) = await cli.RunAsync(["tail", "--keystore", cli.KeyStorePath, option, value, "--host", "127.0.0.1", .. port, .. duration]);

        Assert.AreEqual(ExitCodes.Usage, code, output);
        StringAssert.Contains(output, $"'{value}' is not a ");
        Assert.DoesNotContain("System.", output, "the error names no .NET type");
        Assert.DoesNotContain("   at ", output);
    }

    /// <summary>A --keystore in a folder that does not exist waited the lock's full 60 s timeout, then blamed
    /// "another writer".</summary>
    [TestMethod]
    public async Task Provision_IntoAMissingFolder_FailsAtOnce()
    {
        using var cli = new CliHarness();
        var started = System.Diagnostics.Stopwatch.StartNew();

        var (code, output) = await cli.RunAsync("provision", "--site", "r", "--broker-host", "h", "--wifi-ssid", "lab", "--wifi-open",
            "--keystore", Path.Combine(cli.Directory, "missing", "x"), "--out", Path.Combine(cli.Directory, "b.json"));

        Assert.AreEqual(ExitCodes.KeyStore, code, output);
        StringAssert.Contains(output, "does not exist");
        Assert.IsLessThan(TimeSpan.FromSeconds(10), started.Elapsed);
    }
}
