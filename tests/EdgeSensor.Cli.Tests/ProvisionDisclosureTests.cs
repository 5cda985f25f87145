using EdgeSensor.Core.Configuration;
using EdgeSensor.Core.Reports;

namespace EdgeSensor.Cli.Tests;

/// <summary><c>edgesensor provision</c>'s disclosure options (issue 14): private defaults, removed options, weaker settings confirmed.</summary>
[TestClass]
public sealed class ProvisionDisclosureTests
{
    private static string[] Provision(CliHarness cli, string path, params string[] extra) =>
        ["provision", "--site", "r", "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "lab", "--wifi-open", "--out", path, .. extra];

    private static DeviceConfiguration ReadDevice(string path)
    {
        byte[] json = File.ReadAllBytes(path);
        Assert.IsTrue(DeviceConfigurationReader.TryRead(json, json.Length, out var device, out string error), error);
        return device;
    }

    [TestMethod]
    public async Task NoDisclosureOptions_SuppressionWithThresholdFive()
    {
        using var cli = new CliHarness();
        string path = Path.Combine(cli.Directory, "b.json");
        var (code, output, error) = await cli.RunWithErrorAsync(Provision(cli, path));
        Assert.AreEqual(ExitCodes.Success, code, output + error);
        Assert.AreEqual(string.Empty, error, "nothing to warn about");

        var device = ReadDevice(path);
        Assert.AreEqual(DisclosureMode.SmallCountSuppression, device.Disclosure.Mode);
        Assert.AreEqual(5, device.Disclosure.SuppressionThreshold);
    }

    // Issue 14: the documented example --daily-budget 24 (ε 1, 60 s windows) released 00:00-00:24 UTC and withheld
    // the rest of the day; the option is gone and says what replaced it.
    [TestMethod]
    [DataRow("--daily-budget", "24", "--epsilon is now ε per person per 24 h budget period")]
    [DataRow("--daily-budget", "0", "--crossings-per-person")]
    [DataRow("--release-pir-activity", null, "differential-privacy mode always withholds PIR activity")]
    public async Task RemovedOption_IsUsageErrorNamingTheReplacement_NothingWritten(string option, string? value, string replacement)
    {
        using var cli = new CliHarness();
        string path = Path.Combine(cli.Directory, "b.json");
        string[] extra = value is null ? [option] : [option, value];
        var (code, output) = await cli.RunAsync(Provision(cli, path, ["--disclosure", "differential-privacy", "--window", "900", .. extra]));

        Assert.AreEqual(ExitCodes.Usage, code, output);
        Assert.Contains($"{option} was removed: ", output);
        Assert.Contains(replacement, output);
        Assert.DoesNotContain("Unrecognized", output);
        Assert.IsFalse(File.Exists(path));
        Assert.IsFalse(File.Exists(cli.KeyStorePath));
    }

    [TestMethod]
    [DataRow("--disclosure none", "--disclosure none releases every count")]
    [DataRow("--threshold 3", "--threshold 3 releases counts from 3 on")]
    [DataRow("--disclosure differential-privacy --window 900 --epsilon 2", "--epsilon 2 is above 1")]
    [DataRow("--disclosure differential-privacy --window 900 --crossings-per-person 2", "--crossings-per-person 2 protects fully only")]
    public async Task WeakerDisclosure_IsRefusedWithoutWeakenPrivacy_AndWarnedOnStandardErrorWithIt(string options, string reason)
    {
        using var cli = new CliHarness();
        string path = Path.Combine(cli.Directory, "b.json");
        string[] extra = options.Split(' ');

        var (code, output) = await cli.RunAsync(Provision(cli, path, extra));
        Assert.AreEqual(ExitCodes.Usage, code, output);
        Assert.Contains(reason, output);
        Assert.Contains("pass --weaken-privacy to confirm", output);
        Assert.IsFalse(File.Exists(path), "nothing written");

        (code, output, string error) = await cli.RunWithErrorAsync(Provision(cli, path, [.. extra, "--weaken-privacy"]));
        Assert.AreEqual(ExitCodes.Success, code, output + error);
        StringAssert.StartsWith(error, "Warning: ");
        Assert.Contains(reason, error);
        Assert.DoesNotContain("Warning", output, "the warning goes to standard error only");
        Assert.IsTrue(File.Exists(path));
    }

    [TestMethod]
    [DataRow("--threshold 5")]
    [DataRow("--threshold 20")]
    [DataRow("--disclosure differential-privacy --window 900 --epsilon 0.5 --crossings-per-person 10")]
    public async Task AsPrivateOrMore_NeedsNoConfirmation(string options)
    {
        using var cli = new CliHarness();
        string path = Path.Combine(cli.Directory, "b.json");
        var (code, output, error) = await cli.RunWithErrorAsync(Provision(cli, path, options.Split(' ')));
        Assert.AreEqual(ExitCodes.Success, code, output + error);
        Assert.AreEqual(string.Empty, error);
    }

    [TestMethod]
    public async Task DifferentialPrivacy_WithMinuteWindows_IsUsageErrorAsking900Seconds()
    {
        using var cli = new CliHarness();
        string path = Path.Combine(cli.Directory, "b.json");
        var (code, output) = await cli.RunAsync(Provision(cli, path, "--disclosure", "differential-privacy"));
        Assert.AreEqual(ExitCodes.Usage, code, output);
        Assert.Contains("windowLengthSeconds must be at least 900 with disclosure.mode differential-privacy", output);
    }

    [TestMethod]
    public async Task CrossingsPerPerson_ReachesTheDevice()
    {
        using var cli = new CliHarness();
        string path = Path.Combine(cli.Directory, "b.json");
        var (code, output) = await cli.RunAsync(Provision(cli, path, "--disclosure", "differential-privacy", "--window", "3600", "--crossings-per-person", "12", "--epsilon", "0.25"));
        Assert.AreEqual(ExitCodes.Success, code, output);
        var device = ReadDevice(path);
        Assert.AreEqual(DisclosureMode.PersonDifferentialPrivacy, device.Disclosure.Mode);
        Assert.AreEqual(12, device.Disclosure.ContributionBound);
        Assert.AreEqual(250, device.Disclosure.EpsilonMilli);
        Assert.AreEqual(3600, device.WindowLengthSeconds);
    }
}
