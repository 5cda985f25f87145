using EdgeSensor.Core.Configuration;
using EdgeSensor.Core.Reports;
using EdgeSensor.Sdk.KeyStore;
using EdgeSensor.Sdk.Provisioning;

namespace EdgeSensor.Cli.Tests;

/// <summary>
/// Issue 10, private by default everywhere: every command that writes a device bundle (<c>provision</c> and
/// <c>devices rotate</c>, the only two; the simulator writes none) keeps the disclosure settings it was given, field by
/// field, as both the SDK and the device's own reader read them back; given none, it writes the private default
/// (suppression, k = 5), never no control.
/// </summary>
[TestClass]
public sealed class BundleDisclosureRoundTripTests
{
    /// <summary>Disclosure options, then what the device must load: mode, k, ε (thousandths), crossings per person, window.</summary>
    public static IEnumerable<object[]> Settings() =>
    [
        [string.Empty, DisclosureMode.SmallCountSuppression, 5, 0, 4, 60],
        ["--threshold 7", DisclosureMode.SmallCountSuppression, 7, 0, 4, 60],
        ["--threshold 3 --weaken-privacy", DisclosureMode.SmallCountSuppression, 3, 0, 4, 60],
        ["--disclosure differential-privacy --window 900 --epsilon 0.5 --crossings-per-person 10", DisclosureMode.PersonDifferentialPrivacy, 0, 500, 10, 900],
        ["--disclosure differential-privacy --window 3600 --epsilon 2 --crossings-per-person 2 --weaken-privacy", DisclosureMode.PersonDifferentialPrivacy, 0, 2000, 2, 3600],
        ["--disclosure none --weaken-privacy", DisclosureMode.None, 0, 0, 4, 60],
    ];

    [TestMethod]
    [DynamicData(nameof(Settings))]
    public async Task ProvisionThenRotate_KeepEveryDisclosureField(string options, DisclosureMode mode, int k, int epsilonMilli, int crossings, int window)
    {
        using var cli = new CliHarness();
        string[] extra = options.Length == 0 ? [] : options.Split(' ');
        string first = Path.Combine(cli.Directory, "first.json");
        var (code, output) = await cli.RunAsync(["provision", "--site", "lab", "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "w", "--wifi-open", "--out", first, .. extra]);
        Assert.AreEqual(ExitCodes.Success, code, output);
        AssertDisclosure(first, mode, k, epsilonMilli, crossings, window);

        string deviceId = DeviceConfigurationBundle.Read(first).DeviceId;
        string rotated = Path.Combine(cli.Directory, "rotated.json");
        string[] stated = extra.Contains("--disclosure") ? extra : ["--disclosure", "suppression", .. extra];
        (code, output) = await cli.RunAsync(["devices", "rotate", deviceId, "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "w", "--wifi-open", "--out", rotated, .. stated]);
        Assert.AreEqual(ExitCodes.Success, code, output);
        AssertDisclosure(rotated, mode, k, epsilonMilli, crossings, window);
        Assert.AreNotEqual(DeviceConfigurationBundle.Read(first).RootKey, DeviceConfigurationBundle.Read(rotated).RootKey, "rotated: a new root key, the same privacy");
    }

    [TestMethod]
    [DynamicData(nameof(Settings))]
    public async Task RotateFrom_TheDevicesBundle_KeepsWhatTheDeviceHad_WithoutRepeatingTheOptions(string options, DisclosureMode mode, int k, int epsilonMilli, int crossings, int window)
    {
        using var cli = new CliHarness();
        string first = Path.Combine(cli.Directory, "first.json");
        var (code, output) = await cli.RunAsync(["provision", "--site", "lab", "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "w", "--wifi-open", "--out", first, .. options.Length == 0 ? Array.Empty<string>() : options.Split(' ')]);
        Assert.AreEqual(ExitCodes.Success, code, output);

        string deviceId = DeviceConfigurationBundle.Read(first).DeviceId;
        string rotated = Path.Combine(cli.Directory, "rotated.json");
        (code, output, string error) = await cli.RunWithErrorAsync("devices", "rotate", deviceId, "--from", first, "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "w", "--wifi-open", "--out", rotated);
        Assert.AreEqual(ExitCodes.Success, code, output + error);
        AssertDisclosure(rotated, mode, k, epsilonMilli, crossings, window);
        Assert.AreEqual(string.Empty, error, "a setting the device already had was confirmed when it was set");
    }

    [TestMethod]
    public async Task RotateFrom_AnOptionGiven_ChangesOnlyThat_AndAnotherDevicesBundleIsRefused()
    {
        using var cli = new CliHarness();
        string a = Path.Combine(cli.Directory, "a.json");
        string b = Path.Combine(cli.Directory, "b.json");
        string[] provision = ["provision", "--site", "lab", "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "w", "--wifi-open"];
        Assert.AreEqual(ExitCodes.Success, (await cli.RunAsync([.. provision, "--out", a, "--disclosure", "differential-privacy", "--window", "900", "--epsilon", "0.5", "--crossings-per-person", "10"])).ExitCode);
        Assert.AreEqual(ExitCodes.Success, (await cli.RunAsync([.. provision, "--out", b])).ExitCode);
        string idA = DeviceConfigurationBundle.Read(a).DeviceId;
        string rotated = Path.Combine(cli.Directory, "rotated.json");
        string[] rotate = ["devices", "rotate", idA, "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "w", "--wifi-open", "--out", rotated];

        var (code, output) = await cli.RunAsync([.. rotate, "--from", a, "--epsilon", "0.25"]);
        Assert.AreEqual(ExitCodes.Success, code, output);
        AssertDisclosure(rotated, DisclosureMode.PersonDifferentialPrivacy, 0, 250, 10, 900);

        (code, output) = await cli.RunAsync([.. rotate, "--from", b, "--force"]);
        Assert.AreEqual(ExitCodes.Usage, code, output);
        Assert.Contains($"is the bundle of device {DeviceConfigurationBundle.Read(b).DeviceId}, not {idA}", output);
    }

    [TestMethod]
    public async Task Rotate_WithoutTheCurrentBundleOrADisclosure_IsRefused_NothingWritten_KeyUnchanged()
    {
        using var cli = new CliHarness();
        string first = Path.Combine(cli.Directory, "first.json");
        var (code, output) = await cli.RunAsync("provision", "--site", "lab", "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "w", "--wifi-open", "--out", first,
            "--disclosure", "differential-privacy", "--window", "900");
        Assert.AreEqual(ExitCodes.Success, code, output);
        string deviceId = DeviceConfigurationBundle.Read(first).DeviceId;

        string rotated = Path.Combine(cli.Directory, "rotated.json");
        (code, output) = await cli.RunAsync("devices", "rotate", deviceId, "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "w", "--wifi-open", "--out", rotated);

        Assert.AreEqual(ExitCodes.Usage, code, output);
        StringAssert.Contains(output, "--from");
        StringAssert.Contains(output, "--disclosure");
        Assert.IsFalse(File.Exists(rotated), "no bundle with default settings replaced the device's differential privacy");
        using var store = FileDeviceKeyStore.Open(cli.KeyStorePath, cli.Secret);
        Assert.AreEqual(DeviceConfigurationBundle.Read(first).RootKey, Convert.ToBase64String(store.Devices[0].RootKey.ToArray()), "the key was not rotated");
    }

    private static void AssertDisclosure(string path, DisclosureMode mode, int k, int epsilonMilli, int crossings, int window)
    {
        // What the SDK reads ...
        DeviceConfigurationBundle bundle = DeviceConfigurationBundle.Read(path);
        string expectedMode = mode switch
        {
            DisclosureMode.None => "none",
            DisclosureMode.SmallCountSuppression => "suppression",
            _ => "differential-privacy",
        };
        Assert.AreEqual(expectedMode, bundle.Disclosure.Mode, path);
        Assert.AreEqual(k, bundle.Disclosure.SuppressionThreshold, "suppressionThreshold");
        Assert.AreEqual(epsilonMilli, bundle.Disclosure.EpsilonMilli, "epsilonMilli");
        Assert.AreEqual(crossings, bundle.Disclosure.CrossingsPerPerson, "crossingsPerPerson");
        Assert.AreEqual(window, bundle.WindowLengthSeconds, "windowLengthSeconds");

        // ... and what the device loads from the same bytes.
        byte[] json = File.ReadAllBytes(path);
        Assert.IsTrue(DeviceConfigurationReader.TryRead(json, json.Length, out DeviceConfiguration? device, out string error), error);
        Assert.IsNotNull(device);
        Assert.AreEqual(mode, device.Disclosure.Mode);
        Assert.AreEqual(window, device.WindowLengthSeconds);
        Assert.AreEqual(crossings, device.Disclosure.ContributionBound);
        if (mode == DisclosureMode.SmallCountSuppression)
        {
            Assert.AreEqual(k, device.Disclosure.SuppressionThreshold);
        }

        if (mode == DisclosureMode.PersonDifferentialPrivacy)
        {
            Assert.AreEqual(epsilonMilli, device.Disclosure.EpsilonMilli);
        }
    }
}
