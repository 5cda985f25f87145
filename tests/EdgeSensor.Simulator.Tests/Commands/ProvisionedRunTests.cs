using System.Text.Json;
using EdgeSensor.Sdk.KeyStore;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Provisioning;
using EdgeSensor.Simulator.Commands;
using EdgeSensor.Simulator.Fleet;

namespace EdgeSensor.Simulator.Tests.Commands;

/// <summary>
/// <c>run --keystore --site</c>: the virtual devices are the site's provisioned devices (ids and root keys from the key
/// store, unlocked as the CLI unlocks it), and every way it cannot be used is a line in words with exit code 1.
/// </summary>
[TestClass]
public sealed class ProvisionedRunTests
{
    public TestContext TestContext { get; set; } = null!;

    private string _folder = string.Empty;
    private string _keys = string.Empty;
    private string _keyText = string.Empty;
    private string[] _labIds = [];
    private DeviceRecord[] _lab = [];
    private DeviceRecord _north = null!;

    [TestInitialize]
    public void ProvisionTwoLabDevicesAndOneElsewhere()
    {
        _folder = Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _keys = Path.Combine(_folder, "keys.json");
        _keyText = KeyStoreSecret.GenerateKeyText();
        using var store = FileDeviceKeyStore.Create(_keys, KeyStoreSecret.FromKey(Convert.FromBase64String(_keyText)));
        _lab = [store.Provision("lab"), store.Provision("lab")];
        _labIds = [.. _lab.Select(d => d.DeviceIdText)];
        _north = store.Provision("north");
        store.Revoke(store.Provision("lab").DeviceId);
    }

    private (int Code, string Out, string Err) Run(Dictionary<string, string> environment, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr, name => environment.GetValueOrDefault(name));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private Dictionary<string, string> Unlocked => new() { [KeyStoreSecret.EnvironmentVariable] = _keyText };

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public void Run_PlaysTheSitesActiveDevices_AndSaysWhenFewerThanAsked()
    {
        var (code, stdout, stderr) = Run(Unlocked, "run", "--keystore", _keys, "--site", "lab", "--devices", "5", "--minutes", "2", "--json");

        Assert.AreEqual(ExitCodes.Ok, code, stderr);
        StringAssert.Contains(stderr, "note: site 'lab' has 2 active provisioned devices: running 2, not 5");
        using JsonDocument doc = JsonDocument.Parse(stdout);
        CollectionAssert.AreEquivalent(_labIds, doc.RootElement.GetProperty("devices").EnumerateArray().Select(d => d.GetProperty("deviceId").GetString()).ToArray(),
            "the two active lab devices, not the revoked one nor north's");
        Assert.AreEqual(4, doc.RootElement.GetProperty("opened").GetInt64());
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public void Run_WithFewerDevicesAsked_PlaysThatMany()
    {
        var (code, stdout, stderr) = Run(Unlocked, "run", "--keystore", _keys, "--site", "lab", "--devices", "1", "--minutes", "1", "--json");

        Assert.AreEqual(ExitCodes.Ok, code, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.AreEqual(1, doc.RootElement.GetProperty("devices").GetArrayLength());
        CollectionAssert.Contains(_labIds, doc.RootElement.GetProperty("devices")[0].GetProperty("deviceId").GetString());
    }

    [TestMethod]
    public void MissingKeyStore_WrongSecret_UnknownSite_NoSecret_AreErrorsInWords()
    {
        AssertRefused(Unlocked, ["--keystore", Path.Combine(_folder, "none.json"), "--site", "lab"], "no key store at '");
        AssertRefused(new() { [KeyStoreSecret.EnvironmentVariable] = KeyStoreSecret.GenerateKeyText() }, ["--keystore", _keys, "--site", "lab"], $"key store '{_keys}': ");
        AssertRefused(Unlocked, ["--keystore", _keys, "--site", "south"], "has no active device of site 'south' (its sites with active devices: lab, north)");
        AssertRefused([], ["--keystore", _keys, "--site", "lab"], "unlock the key store with EDGESENSOR_KEYSTORE_KEY (base64 key) or EDGESENSOR_KEYSTORE_PASSPHRASE");
        AssertRefused(new() { [KeyStoreSecret.EnvironmentVariable] = "not base64" }, ["--keystore", _keys, "--site", "lab"], "EDGESENSOR_KEYSTORE_KEY must be base64 of 32 bytes");
        AssertRefused(Unlocked, ["--keystore", _keys], "--keystore needs --site");
        AssertRefused(Unlocked, ["--keystore", _keys, "--site", "Not A Site"], "a site is 1..64 characters");
        AssertRefused(new() { [ProvisionedIdentities.PathVariable] = _keys, [KeyStoreSecret.EnvironmentVariable] = _keyText }, ["--site", "south"], "no active device of site 'south'");
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public void Bundles_GiveTheRunTheirDisclosureAndWindow()
    {
        string[] bundles = [.. _lab.Select(d => Bundle(d, "differential-privacy", 900, 500, 10))];

        var (code, stdout, stderr) = Run(Unlocked, "run", "--keystore", _keys, "--site", "lab", "--minutes", "30", "--bundle", bundles[0], "--bundle", bundles[1], "--json");

        Assert.AreEqual(ExitCodes.Ok, code, stderr);
        StringAssert.Contains(stderr, "settings: disclosure dp:0.5, 900 s windows, from 2 bundles");
        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.AreEqual("dp:0.5", doc.RootElement.GetProperty("disclosure").GetString());
        Assert.AreEqual(900, doc.RootElement.GetProperty("windowSeconds").GetInt32());
        foreach (JsonElement device in doc.RootElement.GetProperty("devices").EnumerateArray())
        {
            Assert.AreEqual(2, device.GetProperty("noisedReports").GetInt32(), "two 900 s windows, each a noised cell");
        }
    }

    [TestMethod]
    public void Bundles_ThatDisagree_OrBelongToAnotherDevice_AreRefused()
    {
        string a = Bundle(_lab[0], "suppression", 60, 0, 4, threshold: 5);
        string b = Bundle(_lab[1], "suppression", 60, 0, 4, threshold: 10);
        AssertRefused(Unlocked, ["--keystore", _keys, "--site", "lab", "--bundle", a, "--bundle", b], "the bundles disagree");
        AssertRefused(Unlocked, ["--keystore", _keys, "--site", "lab", "--bundle", Bundle(_north, "suppression", 60, 0, 4)], $"is for device {_north.DeviceIdText}, not one of the 2 device(s)");
        AssertRefused(Unlocked, ["--keystore", _keys, "--site", "lab", "--bundle", Path.Combine(_folder, "missing.json")], "--bundle ");
    }

    private string Bundle(DeviceRecord device, string mode, int window, int epsilonMilli, int crossings, int threshold = 5)
    {
        var bundle = new DeviceConfigurationBundle
        {
            Broker = new DeviceConfigurationBundle.BrokerSettings { Host = "127.0.0.1", Port = 1883, Tls = false },
            Wifi = new DeviceConfigurationBundle.WifiSettings { Ssid = "lab", Password = string.Empty },
            WindowLengthSeconds = window,
            Disclosure = new DeviceConfigurationBundle.DisclosureSettings
            {
                Mode = mode,
                SuppressionThreshold = mode == "suppression" ? threshold : 0,
                EpsilonMilli = epsilonMilli,
                CrossingsPerPerson = crossings,
            },
        };
        bundle.AssignDevice(device);
        string path = Path.Combine(_folder, $"{device.DeviceIdText}-{mode}-{threshold}.json");
        bundle.WriteTo(path);
        return path;
    }

    private void AssertRefused(Dictionary<string, string> environment, string[] options, string expected)
    {
        var (code, stdout, stderr) = Run(environment, ["run", "--minutes", "1", .. options]);

        Assert.AreEqual(ExitCodes.BadInput, code, stderr);
        StringAssert.Contains(stderr, expected);
        Assert.AreEqual(string.Empty, stdout);
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("Exception", stderr);
        Assert.DoesNotContain(_keyText, stderr, "never the secret");
    }
}
