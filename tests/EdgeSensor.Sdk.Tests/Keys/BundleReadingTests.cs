using System.Text;
using EdgeSensor.Core.Configuration;
using EdgeSensor.Sdk.Provisioning;

namespace EdgeSensor.Sdk.Tests.Keys;

[TestClass]
public sealed class BundleReadingTests
{
    private const string Version1 = """
        {
          "format": "edgesensor-device-config",
          "version": 1,
          "deviceId": "9b7f9adc16efab6a",
          "site": "north-gate",
          "rootKey": "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=",
          "broker": { "host": "mqtt.example.org", "port": 8883, "tls": true, "username": "gate-7" },
          "topic": "edgesensor/north-gate/9b7f9adc16efab6a/report",
          "windowLengthSeconds": 300,
          "disclosure": { "mode": "suppression", "suppressionThreshold": 7, "epsilonMilli": 0, "dailyBudgetMilli": 0 }
        }
        """;

    [TestMethod]
    public void Parse_WrittenBundle_RoundTrips()
    {
        var written = BundleSamples.Full();
        var read = DeviceConfigurationBundle.Parse(written.ToUtf8Json());
        Assert.AreEqual(2, read.SourceVersion);
        CollectionAssert.AreEqual(written.ToUtf8Json(), read.ToUtf8Json());
    }

    [TestMethod]
    public void Parse_Version1_MapsWithDefaults_WithoutWifi_AndCannotBeWrittenUntilWifiIsSet()
    {
        var bundle = DeviceConfigurationBundle.Parse(Encoding.UTF8.GetBytes(Version1));
        Assert.AreEqual(1, bundle.SourceVersion);
        Assert.IsNull(bundle.Wifi);
        Assert.AreEqual("gate-7", bundle.Broker.Username);
        Assert.IsNull(bundle.Broker.Password);
        Assert.AreEqual(300, bundle.WindowLengthSeconds);
        Assert.AreEqual(7, bundle.Disclosure.SuppressionThreshold);
        Assert.AreEqual(DeviceConfigurationDefaults.CrossingsPerPerson, bundle.Disclosure.CrossingsPerPerson, "version 1 had no contribution bound");
        Assert.AreEqual(DeviceConfigurationDefaults.I2cSdaPin, bundle.Pins.I2cSda);
        Assert.AreEqual(DeviceConfigurationDefaults.PirPin, bundle.Pins.Pir);
        Assert.AreEqual(DeviceConfigurationDefaults.MountHeightMillimeters, bundle.MountHeightMillimeters);
        Assert.AreEqual(DeviceConfigurationDefaults.Zone0RoiCenter, bundle.Zones.Zone0RoiCenter);
        Assert.AreEqual(DeviceConfigurationDefaults.InsideZone, bundle.Zones.InsideZone);
        Assert.AreEqual(DeviceConfigurationDefaults.PirHoldMilliseconds, bundle.PirHoldMilliseconds);

        var ex = Assert.ThrowsExactly<ArgumentException>(() => bundle.ToUtf8Json());
        Assert.AreEqual("wifi is missing", ex.Message);

        bundle.Wifi = new() { Ssid = "lab", Password = "wifi-secret" };
        byte[] upgraded = bundle.ToUtf8Json();
        Assert.IsTrue(DeviceConfigurationReader.TryRead(upgraded, upgraded.Length, out var device, out string error), error);
        Assert.AreEqual(7, device.Disclosure.SuppressionThreshold);
    }

    [TestMethod]
    public void Parse_Version1WithDifferentialPrivacy_IsRefused_ItsEpsilonMeantSomethingElse()
    {
        string text = Version1.Replace(
            "\"mode\": \"suppression\", \"suppressionThreshold\": 7, \"epsilonMilli\": 0, \"dailyBudgetMilli\": 0",
            "\"mode\": \"differential-privacy\", \"suppressionThreshold\": 0, \"epsilonMilli\": 1000, \"dailyBudgetMilli\": 24000",
            StringComparison.Ordinal).Replace("\"windowLengthSeconds\": 300", "\"windowLengthSeconds\": 3600", StringComparison.Ordinal);
        Assert.AreNotEqual(Version1, text);
        var ex = Assert.ThrowsExactly<InvalidDataException>(() => DeviceConfigurationBundle.Parse(Encoding.UTF8.GetBytes(text)));
        StringAssert.Contains(ex.Message, "ε is now per person per 24 h budget period");
        StringAssert.Contains(ex.Message, "re-provision");
    }

    [TestMethod]
    public void Version1_TheFirmwareRefusesIt_AskingToReprovision()
    {
        byte[] json = Encoding.UTF8.GetBytes(Version1);
        Assert.IsFalse(DeviceConfigurationReader.TryRead(json, json.Length, out _, out string error));
        StringAssert.Contains(error, "re-provision");
    }

    [TestMethod]
    [DataRow("\"version\": 1,", "\"version\": 3,", "version must be 1 or 2")]
    [DataRow("\"format\": \"edgesensor-device-config\",", "\"format\": \"other\",", "format must be")]
    [DataRow("\"windowLengthSeconds\": 300,", "\"windowLengthSeconds\": 300, \"wifi\": {},", "'wifi' could not be mapped")]
    [DataRow("\"windowLengthSeconds\": 300,", "\"windowLengthSeconds\": 300, \"windowLengthSeconds\": 60,", "Duplicate")]
    [DataRow("\"windowLengthSeconds\": 300,", "", "windowLengthSeconds")]
    [DataRow("\"windowLengthSeconds\": 300,", "\"windowLengthSeconds\": 7,", "windowLengthSeconds must be 10..3600 and divide 86400")]
    [DataRow("\"port\": 8883,", "\"port\": \"8883\",", "$.broker.port")]
    [DataRow("\"site\": \"north-gate\",", "\"site\": null,", "site")]
    public void Parse_BadVersion1_IsRefusedWithTheReason(string find, string replace, string reason)
    {
        string text = Version1.Replace(find, replace, StringComparison.Ordinal);
        Assert.AreNotEqual(Version1, text);
        var ex = Assert.ThrowsExactly<InvalidDataException>(() => DeviceConfigurationBundle.Parse(Encoding.UTF8.GetBytes(text)));
        StringAssert.StartsWith(ex.Message, "Not a valid EdgeSensor device configuration bundle: ");
        StringAssert.Contains(ex.Message, reason);
    }

    [TestMethod]
    public void Parse_Version2_IsStrict()
    {
        string valid = Encoding.UTF8.GetString(BundleSamples.Full().ToUtf8Json());
        foreach (var (find, replace) in new[]
        {
            ("\"tls\": true,", "\"tls\": true, \"tsl\": true,"),
            ("\"insideZone\": 0", "\"insideZone\": 0, \"insideZone\": 1"),
            ("\"statusLed\": 2", "\"statusLed\": 2.0"),
            ("\"pirHoldMilliseconds\": 1800,", string.Empty),
            ("\"ssid\": ", "\"ssid\": null, \"x\": "),
            ("\"pir\": 39,", "\"pir\": 34, \"tofInterrupt\": 34,"),
        })
        {
            string text = valid.Replace(find, replace, StringComparison.Ordinal);
            Assert.AreNotEqual(valid, text, find);
            Assert.ThrowsExactly<InvalidDataException>(() => DeviceConfigurationBundle.Parse(Encoding.UTF8.GetBytes(text)), find);
        }
    }

    [TestMethod]
    public void Parse_NotJsonOrTooLarge_IsInvalidData()
    {
        Assert.ThrowsExactly<InvalidDataException>(() => DeviceConfigurationBundle.Parse("not json"u8.ToArray()));
        Assert.ThrowsExactly<InvalidDataException>(() => DeviceConfigurationBundle.Parse(new byte[DeviceConfigurationLimits.MaxDocumentBytes + 1]));
    }
}
