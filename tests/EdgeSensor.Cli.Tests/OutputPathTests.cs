using EdgeSensor.Sdk.KeyStore;

namespace EdgeSensor.Cli.Tests;

/// <summary>
/// --out never replaces the key store or anything that is not a regular file, replaces an existing file only with
/// --force, and a refused output leaves the key store as it was (no device without a bundle).
/// </summary>
[TestClass]
public sealed class OutputPathTests
{
    private static string[] Provision(CliHarness cli, params string[] extra) =>
        ["provision", "--site", "r", "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "lab", "--wifi-open", .. extra];

    private static int DeviceCount(CliHarness cli)
    {
        using var store = FileDeviceKeyStore.Open(cli.KeyStorePath, cli.Secret);
        return store.Devices.Count;
    }

    [TestMethod]
    public async Task Provision_OutNamingTheKeyStore_IsRefused_AndTheStoreKeepsItsDevices()
    {
        using var cli = new CliHarness();
        Assert.AreEqual(0, (await cli.RunAsync(Provision(cli, "--out", Path.Combine(cli.Directory, "a.json")))).ExitCode);
        byte[] before = File.ReadAllBytes(cli.KeyStorePath);

        var (code, output) = await cli.RunAsync(Provision(cli, "--out", cli.KeyStorePath, "--force"));

        Assert.AreEqual(ExitCodes.Usage, code, output);
        StringAssert.Contains(output, "key store");
        CollectionAssert.AreEqual(before, File.ReadAllBytes(cli.KeyStorePath), "the store is untouched");
        Assert.AreEqual(1, DeviceCount(cli));
    }

    [TestMethod]
    public async Task Rotate_OutNamingTheKeyStoreThroughASymlink_IsRefused()
    {
        using var cli = new CliHarness();
        string bundle = Path.Combine(cli.Directory, "a.json");
        Assert.AreEqual(0, (await cli.RunAsync(Provision(cli, "--out", bundle))).ExitCode);
        string id = System.Text.Json.JsonDocument.Parse(File.ReadAllText(bundle)).RootElement.GetProperty("deviceId").GetString()!;
        string link = Path.Combine(cli.Directory, "alias.json");
        File.CreateSymbolicLink(link, cli.KeyStorePath);
        byte[] before = File.ReadAllBytes(cli.KeyStorePath);

        var (code, output) = await cli.RunAsync("devices", "rotate", id, "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "lab", "--wifi-open", "--disclosure", "suppression", "--out", link, "--force");

        Assert.AreEqual(ExitCodes.Usage, code, output);
        CollectionAssert.AreEqual(before, File.ReadAllBytes(cli.KeyStorePath));
    }

    [TestMethod]
    public async Task Provision_OverAnExistingFile_NeedsForce()
    {
        using var cli = new CliHarness();
        string target = Path.Combine(cli.Directory, "notes.txt");
        File.WriteAllText(target, "keep me");

        var (code, output) = await cli.RunAsync(Provision(cli, "--out", target));

        Assert.AreEqual(ExitCodes.Usage, code, output);
        StringAssert.Contains(output, "--force");
        Assert.AreEqual("keep me", File.ReadAllText(target));
        Assert.IsFalse(File.Exists(cli.KeyStorePath) && DeviceCount(cli) > 0, "no device was registered");

        (code, output) = await cli.RunAsync(Provision(cli, "--out", target, "--force"));

        Assert.AreEqual(ExitCodes.Success, code, output);
        StringAssert.Contains(File.ReadAllText(target), "edgesensor-device-config");
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
    }

    [TestMethod]
    [DataRow("/dev/null")]
    [DataRow("")]
    public async Task Provision_OutNamingSomethingThatIsNotARegularFile_IsRefused(string special)
    {
        using var cli = new CliHarness();
        string target = special.Length > 0 ? special : cli.Directory; // a directory when empty

        var (code, output) = await cli.RunAsync(Provision(cli, "--out", target, "--force"));

        Assert.AreEqual(ExitCodes.Usage, code, output);
        StringAssert.Contains(output, "not a regular file");
        if (special.Length > 0)
        {
            Assert.IsTrue(File.Exists(special), "the device node is still there");
            Assert.AreEqual(0, new FileInfo(special).Length, "and still a device (a replaced /dev/null would hold the bundle)");
        }

        Assert.IsFalse(File.Exists(cli.KeyStorePath) && DeviceCount(cli) > 0, "no device was registered");
    }

    [TestMethod]
    public async Task KeyStoreReachedThroughASymlink_StaysALink()
    {
        using var cli = new CliHarness();
        Assert.AreEqual(0, (await cli.RunAsync(Provision(cli, "--out", Path.Combine(cli.Directory, "a.json")))).ExitCode);
        string link = Path.Combine(cli.Directory, "link-keys.json");
        File.CreateSymbolicLink(link, cli.KeyStorePath);

        var (code, output) = await cli.RunAsync("provision", "--site", "r", "--keystore", link, "--broker-host", "h", "--wifi-ssid", "lab", "--wifi-open", "--out", Path.Combine(cli.Directory, "b.json"));

        Assert.AreEqual(ExitCodes.Success, code, output);
        Assert.IsNotNull(new FileInfo(link).LinkTarget, "the link was not replaced by a regular file");
        Assert.AreEqual(2, DeviceCount(cli));
    }
}
