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
}
