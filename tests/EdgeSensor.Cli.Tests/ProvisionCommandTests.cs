using EdgeSensor.Cli.Commands;
using EdgeSensor.Core.Configuration;
using EdgeSensor.Core.Reports;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.KeyStore;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Provisioning;
using EdgeSensor.Sdk.Topics;

namespace EdgeSensor.Cli.Tests;

/// <summary><c>edgesensor provision</c> and <c>devices rotate</c>: the bundle v2 they write, read back by the firmware's reader.</summary>
[TestClass]
public sealed class ProvisionCommandTests
{
    private const string WifiSecret = "correct horse battery";
    private const string MqttSecret = "device-mqtt-secret";

    [TestMethod]
    public async Task Provision_Defaults_WritesOwnerOnlyV2BundleTheFirmwareReads()
    {
        using var cli = new CliHarness();
        cli.Environment[BundleOptions.WifiPasswordVariable] = WifiSecret;
        cli.Environment[BundleOptions.MqttPasswordVariable] = MqttSecret;
        string path = Path.Combine(cli.Directory, "device.json");
        var (code, output) = await cli.RunAsync("provision", "--site", "north-gate", "--keystore", cli.KeyStorePath, "--broker-host", "mqtt.example",
            "--mqtt-username", "gate-7", "--wifi-ssid", "Site Wi-Fi", "--disclosure", "differential-privacy", "--epsilon", "0.5", "--window", "900", "--out", path);

        Assert.AreEqual(ExitCodes.Success, code, output);
        Assert.Contains("secrets", output);
        Assert.DoesNotContain(WifiSecret, output);
        Assert.DoesNotContain(MqttSecret, output);
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));

        byte[] json = File.ReadAllBytes(path);
        Assert.IsTrue(DeviceConfigurationReader.TryRead(json, json.Length, out var device, out string error), error);
        Assert.AreEqual("north-gate", device.Site);
        Assert.AreEqual(ReportTopics.ForDevice("north-gate", device.DeviceId), device.Topic);
        Assert.AreEqual("mqtt.example", device.BrokerHost);
        Assert.AreEqual(8883, device.BrokerPort);
        Assert.IsTrue(device.BrokerUseTls);
        Assert.IsNull(device.BrokerCaCertificatePem);
        Assert.AreEqual("gate-7", device.MqttUsername);
        Assert.AreEqual(MqttSecret, device.MqttPassword);
        Assert.AreEqual("Site Wi-Fi", device.WifiSsid);
        Assert.AreEqual(WifiSecret, device.WifiPassword);
        int[] pins = [device.I2cDataPin, device.I2cClockPin, device.TofShutdownPin, device.TofInterruptPin, device.PirPin, device.StatusLedPin];
        CollectionAssert.AreEqual(new[] { 21, 22, 4, 33, 27, 25 }, pins, "hardware/wiring.md reference wiring");
        Assert.AreEqual(2400, device.MountHeightMillimeters);
        int[] zones = [device.TimingBudgetMilliseconds, device.ZoneRoiWidth, device.ZoneRoiHeight, device.Zone0RoiCenter, device.Zone1RoiCenter, device.InsideZone];
        CollectionAssert.AreEqual(new[] { 33, 8, 16, 167, 231, 1 }, zones);
        Assert.AreEqual(2500, device.PirHoldMilliseconds);
        Assert.AreEqual(900, device.WindowLengthSeconds);
        Assert.AreEqual(DisclosureMode.PersonDifferentialPrivacy, device.Disclosure.Mode);
        Assert.AreEqual(500, device.Disclosure.EpsilonMilli);
        Assert.AreEqual(4, device.Disclosure.ContributionBound, "default crossings per person");

        using var store = FileDeviceKeyStore.Open(cli.KeyStorePath, cli.Secret);
        Assert.IsTrue(store.TryGetDevice(device.DeviceId, out var record));
        CollectionAssert.AreEqual(record.RootKey.ToArray(), device.RootKey);
        Assert.AreEqual(2, DeviceConfigurationBundle.Read(path).Version);
    }

    [TestMethod]
    public async Task Provision_HardwareOptions_ReachTheBundle_PasswordFromFileFirstLine()
    {
        using var cli = new CliHarness();
        string passwordFile = Path.Combine(cli.Directory, "wifi.txt");
        File.WriteAllText(passwordFile, WifiSecret + "\nsecond line ignored\n");
        string path = Path.Combine(cli.Directory, "device.json");
        var (code, output) = await cli.RunAsync("provision", "--site", "lab", "--keystore", cli.KeyStorePath, "--broker-host", "10.0.0.2", "--broker-port", "1883", "--no-tls",
            "--wifi-ssid", "lab", "--wifi-password-file", passwordFile, "--i2c-sda-pin", "18", "--i2c-scl-pin", "19", "--tof-xshut-pin", "-1", "--tof-interrupt-pin", "-1",
            "--pir-pin", "-1", "--status-led-pin", "2", "--mount-height", "3000", "--timing-budget", "50", "--roi-width", "4", "--roi-height", "4",
            "--zone0-center", "150", "--zone1-center", "246", "--inside-zone", "0", "--pir-hold", "1200", "--disclosure", "suppression", "--threshold", "7", "--out", path);
        Assert.AreEqual(ExitCodes.Success, code, output);

        byte[] json = File.ReadAllBytes(path);
        Assert.IsTrue(DeviceConfigurationReader.TryRead(json, json.Length, out var device, out string error), error);
        Assert.AreEqual(WifiSecret, device.WifiPassword);
        Assert.IsFalse(device.BrokerUseTls);
        Assert.AreEqual(1883, device.BrokerPort);
        Assert.IsNull(device.MqttUsername);
        Assert.IsNull(device.MqttPassword);
        int[] pins = [device.I2cDataPin, device.I2cClockPin, device.TofShutdownPin, device.TofInterruptPin, device.PirPin, device.StatusLedPin];
        CollectionAssert.AreEqual(new[] { 18, 19, -1, -1, -1, 2 }, pins);
        int[] counting = [device.MountHeightMillimeters, device.TimingBudgetMilliseconds, device.ZoneRoiWidth, device.ZoneRoiHeight, device.Zone0RoiCenter, device.Zone1RoiCenter, device.InsideZone, device.PirHoldMilliseconds];
        CollectionAssert.AreEqual(new[] { 3000, 50, 4, 4, 150, 246, 0, 1200 }, counting);
        Assert.AreEqual(DisclosureMode.SmallCountSuppression, device.Disclosure.Mode);
        Assert.AreEqual(7, device.Disclosure.SuppressionThreshold);
    }

    [TestMethod]
    [DataRow("--broker-port", "0", "broker.port must be 1..65535")]
    [DataRow("--i2c-sda-pin", "34", "pins.i2cSda must be a usable ESP32 GPIO that can drive an output")]
    [DataRow("--i2c-scl-pin", "7", "pins.i2cScl must be a usable ESP32 GPIO")]
    [DataRow("--pir-pin", "21", "pins.pir uses GPIO21, already used by pins.i2cSda")]
    [DataRow("--mount-height", "1999", "mountHeightMillimeters must be 2000..3500")]
    [DataRow("--timing-budget", "15", "zones.timingBudgetMilliseconds must be 20, 33, 50, 100, 200 or 500")]
    [DataRow("--roi-width", "3", "zones.roiWidth must be 4..16")]
    [DataRow("--zone0-center", "0", "zones.zone0RoiCenter does not fit")]
    [DataRow("--zone1-center", "167", "zones.zone1RoiCenter must differ from zones.zone0RoiCenter")]
    [DataRow("--inside-zone", "2", "zones.insideZone must be 0 or 1")]
    [DataRow("--pir-hold", "600001", "pirHoldMilliseconds must be 0..600000")]
    [DataRow("--window", "7", "windowLengthSeconds must be 10..3600 and divide 86400")]
    [DataRow("--wifi-ssid", "a-network-name-longer-than-32-bytes", "wifi.ssid must be 1..32 UTF-8 bytes")]
    [DataRow("--broker-host", "mqtt example", "broker.host must be")]
    [DataRow("--crossings-per-person", "0", "disclosure.crossingsPerPerson must be 1..100")]
    [DataRow("--threshold", "1", "disclosure.suppressionThreshold must be 0 or 2..100")]
    public async Task Provision_BadValue_IsOneLineUsageErrorNamingTheField_NothingWritten(string option, string value, string message)
    {
        using var cli = new CliHarness();
        var args = new List<string> { "provision", "--site", "a", "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "lab", "--wifi-open" };
        int at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (code, output) = await cli.RunAsync([.. args]);
        Assert.AreEqual(ExitCodes.Usage, code, output);
        Assert.Contains(message, output);
        Assert.AreEqual(1, output.Trim().Split('\n').Length, output);
        Assert.DoesNotContain("   at ", output);
        Assert.IsFalse(File.Exists(cli.KeyStorePath), "nothing written on a usage error");
    }

    [TestMethod]
    public async Task Provision_WifiPasswordMissingOrContradicted_IsUsageError()
    {
        using var cli = new CliHarness();
        string[] common = ["provision", "--site", "a", "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "lab"];
        var (code, output) = await cli.RunAsync(common);
        Assert.AreEqual(ExitCodes.Usage, code);
        Assert.Contains(BundleOptions.WifiPasswordVariable, output);

        cli.Environment[BundleOptions.WifiPasswordVariable] = "short";
        (code, output) = await cli.RunAsync(common);
        Assert.AreEqual(ExitCodes.Usage, code);
        Assert.Contains("wifi.password must be empty (open network), 8..63", output);
        Assert.DoesNotContain("short", output.Replace("(open network)", string.Empty, StringComparison.Ordinal));

        (code, output) = await cli.RunAsync([.. common, "--wifi-open"]);
        Assert.AreEqual(ExitCodes.Usage, code);
        Assert.Contains("--wifi-open", output);

        (code, output) = await cli.RunAsync([.. common, "--wifi-password-file", Path.Combine(cli.Directory, "missing.txt")]);
        Assert.AreEqual(ExitCodes.Usage, code);
        Assert.Contains("not found", output);
        Assert.IsFalse(File.Exists(cli.KeyStorePath));
    }

    [TestMethod]
    public async Task Provision_MqttPasswordWithoutUsername_IsUsageError()
    {
        using var cli = new CliHarness();
        cli.Environment[BundleOptions.MqttPasswordVariable] = MqttSecret;
        var (code, output) = await cli.RunAsync("provision", "--site", "a", "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "lab", "--wifi-open");
        Assert.AreEqual(ExitCodes.Usage, code);
        Assert.Contains("broker.password needs broker.username", output);
    }

    [TestMethod]
    public async Task Provision_TheConsumersMqttPasswordVariable_NeverReachesTheBundle()
    {
        using var cli = new CliHarness();
        cli.Environment["EDGESENSOR_MQTT_PASSWORD"] = "operator-secret";
        string path = Path.Combine(cli.Directory, "device.json");
        var (code, output) = await cli.RunAsync("provision", "--site", "a", "--keystore", cli.KeyStorePath, "--broker-host", "h", "--mqtt-username", "u", "--wifi-ssid", "lab", "--wifi-open", "--out", path);
        Assert.AreEqual(ExitCodes.Success, code, output);
        Assert.DoesNotContain("operator-secret", File.ReadAllText(path));
    }

    [TestMethod]
    public async Task Provision_WithoutKeyStoreSecret_FailsWithKeyStoreCode()
    {
        using var cli = new CliHarness();
        cli.Environment.Clear();
        var (code, output) = await cli.RunAsync("provision", "--site", "a", "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "lab", "--wifi-open");
        Assert.AreEqual(ExitCodes.KeyStore, code);
        Assert.Contains("EDGESENSOR_KEYSTORE_KEY", output);
        Assert.IsFalse(File.Exists(cli.KeyStorePath));
    }

    [TestMethod]
    public async Task Rotate_WritesV2BundleWithTheNewKey_TheFirmwareReads()
    {
        using var cli = new CliHarness();
        DeviceRecord original;
        using (var store = FileDeviceKeyStore.Create(cli.KeyStorePath, cli.Secret))
        {
            original = store.Provision("east");
        }

        cli.Environment[BundleOptions.WifiPasswordVariable] = WifiSecret;
        string path = Path.Combine(cli.Directory, "rotated.json");
        var (code, output) = await cli.RunAsync("devices", "rotate", original.DeviceIdText, "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "lab", "--inside-zone", "0", "--disclosure", "suppression", "--out", path);
        Assert.AreEqual(ExitCodes.Success, code, output);

        byte[] json = File.ReadAllBytes(path);
        Assert.IsTrue(DeviceConfigurationReader.TryRead(json, json.Length, out var device, out string error), error);
        Assert.AreEqual(original.DeviceId, device.DeviceId);
        Assert.AreEqual("east", device.Site);
        Assert.AreEqual(0, device.InsideZone);
        using var reopened = FileDeviceKeyStore.Open(cli.KeyStorePath, cli.Secret);
        Assert.IsTrue(reopened.TryGetDevice(original.DeviceId, out var rotated));
        CollectionAssert.AreEqual(rotated.RootKey.ToArray(), device.RootKey);
        CollectionAssert.AreNotEqual(original.RootKey.ToArray(), device.RootKey);
    }
}
