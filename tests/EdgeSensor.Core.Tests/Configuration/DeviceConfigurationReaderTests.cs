using System.Text;
using CsCheck;
using EdgeSensor.Core.Aggregation;
using EdgeSensor.Core.Configuration;
using EdgeSensor.Core.Counting;
using EdgeSensor.Core.Device;
using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Reports;

namespace EdgeSensor.Core.Tests.Configuration;

[TestClass]
public sealed class DeviceConfigurationReaderTests
{
    [TestMethod]
    public void TryRead_ValidBundle_YieldsEveryField()
    {
        byte[] json = Encoding.UTF8.GetBytes(BundleDocument.Valid);
        Assert.IsTrue(DeviceConfigurationReader.TryRead(json, json.Length, out var c, out string error), error);
        Assert.AreEqual(0x9b7f9adc16efab6aUL, c.DeviceId);
        Assert.AreEqual("north-gate", c.Site);
        Assert.AreEqual("edgesensor/north-gate/9b7f9adc16efab6a/report", c.Topic);
        CollectionAssert.AreEqual(Convert.FromBase64String(BundleDocument.RootKey), c.RootKey);
        Assert.AreEqual("mqtt.example.org", c.BrokerHost);
        Assert.AreEqual(8883, c.BrokerPort);
        Assert.IsTrue(c.BrokerUseTls);
        Assert.IsNull(c.BrokerCaCertificatePem);
        Assert.AreEqual("gate-7", c.MqttUsername);
        Assert.AreEqual("mqtt-secret", c.MqttPassword);
        Assert.AreEqual("Site Wi-Fi", c.WifiSsid);
        Assert.AreEqual("wifi-secret", c.WifiPassword);
        CollectionAssert.AreEqual(new[] { 21, 22, 4, 33, 27, -1 }, new[] { c.I2cDataPin, c.I2cClockPin, c.TofShutdownPin, c.TofInterruptPin, c.PirPin, c.StatusLedPin });
        Assert.AreEqual(2400, c.MountHeightMillimeters);
        CollectionAssert.AreEqual(new[] { 33, 8, 16, 167, 231, 1 }, new[] { c.TimingBudgetMilliseconds, c.ZoneRoiWidth, c.ZoneRoiHeight, c.Zone0RoiCenter, c.Zone1RoiCenter, c.InsideZone });
        Assert.AreEqual(2500, c.PirHoldMilliseconds);
        Assert.AreEqual(900, c.WindowLengthSeconds);
        Assert.AreEqual(DisclosureMode.PersonDifferentialPrivacy, c.Disclosure.Mode, "differential-privacy means person-level privacy (mode 3)");
        Assert.AreEqual(1000, c.Disclosure.EpsilonMilli);
        Assert.AreEqual(6, c.Disclosure.ContributionBound);
    }

    [TestMethod]
    [DataRow("deviceId", "\"0000000000000000\"", "deviceId must be 16 lowercase hex digits, not all zero")]
    [DataRow("deviceId", "\"9B7F9ADC16EFAB6A\"", "deviceId must be 16 lowercase hex digits, not all zero")]
    [DataRow("deviceId", "12", "deviceId must be a string")]
    [DataRow("site", "\"North\"", "site must be 1..64 characters of a-z, 0-9, '-', '_'")]
    [DataRow("site", "null", "site must be a string")]
    [DataRow("rootKey", "\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"", "rootKey must be base64 of 32 bytes (44 characters ending in '='), not all zero")]
    [DataRow("rootKey", "\"AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyB=\"", "rootKey must be base64 of 32 bytes (44 characters ending in '='), not all zero")]
    [DataRow("rootKey", "\"AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHy\"", "rootKey must be base64 of 32 bytes (44 characters ending in '='), not all zero")]
    [DataRow("topic", "\"edgesensor/north-gate/0000000000000001/report\"", "topic must be edgesensor/<site>/<deviceId>/report")]
    [DataRow("broker.host", "\"\"", "broker.host must be 1..253 characters of A-Z, a-z, 0-9, '.', '-' (a DNS name or IPv4 address)")]
    [DataRow("broker.host", "\"mqtt example\"", "broker.host must be 1..253 characters of A-Z, a-z, 0-9, '.', '-' (a DNS name or IPv4 address)")]
    [DataRow("broker.port", "0", "broker.port must be 1..65535")]
    [DataRow("broker.port", "65536", "broker.port must be 1..65535")]
    [DataRow("broker.port", "99999999999999999999", "broker.port must be 1..65535")]
    [DataRow("broker.port", "\"8883\"", "broker.port must be an integer")]
    [DataRow("broker.port", "8883.0", "broker.port must be an integer")]
    [DataRow("broker.port", "8.883e3", "broker.port must be an integer")]
    [DataRow("broker.tls", "\"yes\"", "broker.tls must be true or false")]
    [DataRow("broker.caCertificatePem", "\"not a certificate\"", "broker.caCertificatePem must be a PEM certificate (ASCII, -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----, at most 16384 characters)")]
    [DataRow("broker.caCertificatePem", "\"-----END CERTIFICATE----------BEGIN CERTIFICATE-----\"", "broker.caCertificatePem must be a PEM certificate (ASCII, -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----, at most 16384 characters)")]
    [DataRow("broker.caCertificatePem", "12", "broker.caCertificatePem must be a string or null")]
    [DataRow("broker.username", "\"\"", "broker.username must be 1..256 characters without control characters")]
    [DataRow("broker.username", "\"a\\u0001\"", "broker.username must be 1..256 characters without control characters")]
    [DataRow("broker.password", "\"\"", "broker.password must be 1..256 characters without control characters")]
    [DataRow("wifi.ssid", "\"\"", "wifi.ssid must be 1..32 UTF-8 bytes without control characters")]
    [DataRow("wifi.ssid", "\"ééééééééééééééééé\"", "wifi.ssid must be 1..32 UTF-8 bytes without control characters")]
    [DataRow("wifi.ssid", "\"a\\nb\"", "wifi.ssid must be 1..32 UTF-8 bytes without control characters")]
    [DataRow("wifi.password", "\"short\"", "wifi.password must be empty (open network), 8..63 printable ASCII characters or 64 hex digits")]
    [DataRow("wifi.password", "\"pässwörd\"", "wifi.password must be empty (open network), 8..63 printable ASCII characters or 64 hex digits")]
    [DataRow("wifi.password", "\"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg\"", "wifi.password must be empty (open network), 8..63 printable ASCII characters or 64 hex digits")]
    [DataRow("wifi.password", "null", "wifi.password must be a string")]
    [DataRow("pins.i2cSda", "-1", "pins.i2cSda must be a usable ESP32 GPIO that can drive an output (0..33 without 6..11, 20, 24, 28..31)")]
    [DataRow("pins.i2cSda", "34", "pins.i2cSda must be a usable ESP32 GPIO that can drive an output (0..33 without 6..11, 20, 24, 28..31)")]
    [DataRow("pins.i2cScl", "6", "pins.i2cScl must be a usable ESP32 GPIO that can drive an output (0..33 without 6..11, 20, 24, 28..31)")]
    [DataRow("pins.tofXshut", "20", "pins.tofXshut must be a usable ESP32 GPIO that can drive an output (0..33 without 6..11, 20, 24, 28..31) or -1 (not wired)")]
    [DataRow("pins.tofInterrupt", "40", "pins.tofInterrupt must be a usable ESP32 GPIO (0..39 without 6..11, 20, 24, 28..31) or -1 (not wired)")]
    [DataRow("pins.pir", "-2", "pins.pir must be a usable ESP32 GPIO (0..39 without 6..11, 20, 24, 28..31) or -1 (not wired)")]
    [DataRow("pins.statusLed", "36", "pins.statusLed must be a usable ESP32 GPIO that can drive an output (0..33 without 6..11, 20, 24, 28..31) or -1 (not wired)")]
    [DataRow("pins.pir", "22", "pins.pir uses GPIO22, already used by pins.i2cScl")]
    [DataRow("mountHeightMillimeters", "1999", "mountHeightMillimeters must be 2000..3500")]
    [DataRow("mountHeightMillimeters", "3501", "mountHeightMillimeters must be 2000..3500")]
    [DataRow("zones.timingBudgetMilliseconds", "15", "zones.timingBudgetMilliseconds must be 20, 33, 50, 100, 200 or 500")]
    [DataRow("zones.timingBudgetMilliseconds", "34", "zones.timingBudgetMilliseconds must be 20, 33, 50, 100, 200 or 500")]
    [DataRow("zones.roiWidth", "3", "zones.roiWidth must be 4..16")]
    [DataRow("zones.roiHeight", "17", "zones.roiHeight must be 4..16")]
    [DataRow("zones.zone0RoiCenter", "256", "zones.zone0RoiCenter must be a SPAD number 0..255")]
    [DataRow("zones.zone0RoiCenter", "135", "zones.zone0RoiCenter does not fit: a roiWidth x roiHeight region centred on this SPAD leaves the 16x16 array")]
    [DataRow("zones.zone1RoiCenter", "239", "zones.zone1RoiCenter does not fit: a roiWidth x roiHeight region centred on this SPAD leaves the 16x16 array")]
    [DataRow("zones.zone1RoiCenter", "167", "zones.zone1RoiCenter must differ from zones.zone0RoiCenter")]
    [DataRow("zones.insideZone", "2", "zones.insideZone must be 0 or 1")]
    [DataRow("pirHoldMilliseconds", "-1", "pirHoldMilliseconds must be 0..600000")]
    [DataRow("pirHoldMilliseconds", "600001", "pirHoldMilliseconds must be 0..600000")]
    [DataRow("windowLengthSeconds", "9", "windowLengthSeconds must be 10..3600 and divide 86400")]
    [DataRow("windowLengthSeconds", "70", "windowLengthSeconds must be 10..3600 and divide 86400")]
    [DataRow("windowLengthSeconds", "7200", "windowLengthSeconds must be 10..3600 and divide 86400")]
    [DataRow("disclosure.mode", "\"dp\"", "disclosure.mode must be none, suppression or differential-privacy")]
    [DataRow("disclosure.suppressionThreshold", "1", "disclosure.suppressionThreshold must be 0 or 2..100")]
    [DataRow("disclosure.suppressionThreshold", "101", "disclosure.suppressionThreshold must be 0 or 2..100")]
    [DataRow("disclosure.epsilonMilli", "9", "disclosure.epsilonMilli must be 0 or 10..10000")]
    [DataRow("disclosure.epsilonMilli", "0", "disclosure.epsilonMilli must be 10..10000 with mode differential-privacy")]
    [DataRow("disclosure.crossingsPerPerson", "0", "disclosure.crossingsPerPerson must be 1..100")]
    [DataRow("disclosure.crossingsPerPerson", "101", "disclosure.crossingsPerPerson must be 1..100")]
    [DataRow("disclosure.crossingsPerPerson", "\"4\"", "disclosure.crossingsPerPerson must be an integer")]
    [DataRow("windowLengthSeconds", "600", "windowLengthSeconds must be at least 900 with disclosure.mode differential-privacy")]
    [DataRow("disclosure.dailyBudgetMilli", "24000", "disclosure.dailyBudgetMilli was removed: disclosure.epsilonMilli is now ε per person per 24 h budget period, with disclosure.crossingsPerPerson as the contribution bound")]
    [DataRow("disclosure.releasePirActivity", "false", "disclosure.releasePirActivity was removed: differential-privacy mode always withholds PIR activity (it carries no noise); use mode suppression or none to release it")]
    [DataRow("extra", "1", "extra is not a field of this format (check its spelling)")]
    [DataRow("broker.hots", "\"x\"", "broker.hots is not a field of this format (check its spelling)")]
    [DataRow("wifi", null, "wifi is missing")]
    [DataRow("broker.port", null, "broker.port is missing")]
    [DataRow("zones.insideZone", null, "zones.insideZone is missing")]
    [DataRow("disclosure.mode", null, "disclosure.mode is missing")]
    [DataRow("pins", "[]", "pins must be an object")]
    [DataRow("format", "\"edgesensor-report\"", "format must be \"edgesensor-device-config\": this is not an EdgeSensor device configuration")]
    [DataRow("format", null, "format must be \"edgesensor-device-config\": this is not an EdgeSensor device configuration")]
    [DataRow("version", "3", "version must be 2 (this firmware reads version 2 bundles; this one is version 3)")]
    [DataRow("version", "\"2\"", "version must be an integer")]
    [DataRow("version", "99999999999", "version must be 2 (this firmware reads version 2 bundles)")]
    public void TryRead_OneBadField_FailsWithItsPathAndRule(string path, string? valueJson, string expected)
    {
        byte[] json = BundleDocument.With(path, valueJson);
        Assert.IsFalse(DeviceConfigurationReader.TryRead(json, json.Length, out var configuration, out string error));
        Assert.IsNull(configuration);
        Assert.AreEqual(expected, error);
    }

    [TestMethod]
    [DataRow("broker.port", "1")]
    [DataRow("broker.port", "65535")]
    [DataRow("broker.caCertificatePem", "\"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n\"")]
    [DataRow("broker.caCertificatePem", "null")]
    [DataRow("broker.username", "null", "broker.password", null)]
    [DataRow("broker.host", "\"192.168.1.10\"")]
    [DataRow("wifi.ssid", "\"éééééééééééééééé\"")]
    [DataRow("wifi.ssid", "\"😀 network\"")]
    [DataRow("wifi.password", "\"\"")]
    [DataRow("wifi.password", "\"12345678\"")]
    [DataRow("wifi.password", "\"0123456789abcdef0123456789ABCDEF0123456789abcdef0123456789abcdef\"")]
    [DataRow("pins.pir", "39", "pins.tofInterrupt", "34")]
    [DataRow("pins.i2cSda", "0", "pins.statusLed", "2")]
    [DataRow("pins.tofXshut", "-1", "pins.tofInterrupt", "-1", "pins.pir", "-1")]
    [DataRow("mountHeightMillimeters", "2000")]
    [DataRow("mountHeightMillimeters", "3500")]
    [DataRow("zones.timingBudgetMilliseconds", "500")]
    [DataRow("zones.roiWidth", "4", "zones.roiHeight", "4", "zones.zone0RoiCenter", "145", "zones.zone1RoiCenter", "110")]
    [DataRow("zones.insideZone", "0")]
    [DataRow("pirHoldMilliseconds", "0")]
    [DataRow("pirHoldMilliseconds", "600000")]
    [DataRow("windowLengthSeconds", "10", "disclosure.mode", "\"none\"")]
    [DataRow("windowLengthSeconds", "3600")]
    [DataRow("disclosure.crossingsPerPerson", "1")]
    [DataRow("disclosure.crossingsPerPerson", "100")]
    [DataRow("disclosure.epsilonMilli", "10")]
    [DataRow("disclosure.epsilonMilli", "10000")]
    [DataRow("disclosure.mode", "\"suppression\"", "disclosure.suppressionThreshold", "2")]
    [DataRow("disclosure.mode", "\"none\"", "disclosure.epsilonMilli", "0")]
    public void TryRead_BoundaryValues_AreAccepted(string path, string? valueJson, params string?[] more)
    {
        byte[] json = BundleDocument.With(path, valueJson, more);
        Assert.IsTrue(DeviceConfigurationReader.TryRead(json, json.Length, out var configuration, out string error), error);
        Assert.IsTrue(configuration.ToDeviceSettings().TryValidate(out error), error);
    }

    [TestMethod]
    public void TryRead_CrossingsPerPerson_IsOptional_DefaultFour()
    {
        byte[] json = BundleDocument.With("disclosure.crossingsPerPerson", null);
        Assert.IsTrue(DeviceConfigurationReader.TryRead(json, json.Length, out var configuration, out string error), error);
        Assert.AreEqual((ushort)4, configuration.Disclosure.ContributionBound);
        Assert.AreEqual((ushort)4, configuration.ToDeviceSettings().Disclosure.ContributionBound);
    }

    [TestMethod]
    public void TryRead_Version1_IsRefusedWithARequestToReprovision()
    {
        byte[] json = Encoding.UTF8.GetBytes("""
            {"format":"edgesensor-device-config","version":1,"deviceId":"9b7f9adc16efab6a","site":"north-gate",
             "rootKey":"AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=","broker":{"host":"h","port":8883,"tls":true},
             "topic":"edgesensor/north-gate/9b7f9adc16efab6a/report","windowLengthSeconds":60,
             "disclosure":{"mode":"none","suppressionThreshold":0,"epsilonMilli":0,"dailyBudgetMilli":0}}
            """);
        Assert.IsFalse(DeviceConfigurationReader.TryRead(json, json.Length, out _, out string error));
        Assert.AreEqual("version is 1: a version 1 bundle has no Wi-Fi settings; re-provision the device with 'edgesensor provision', which writes version 2", error);
    }

    [TestMethod]
    [DataRow("{\"format\":\"edgesensor-device-config\",\"format\":\"x\"}", "invalid JSON at byte 45 (in format): duplicate member name")]
    [DataRow("[]", "the configuration must be a JSON object")]
    [DataRow("", "invalid JSON at byte 0: the document is empty")]
    [DataRow("{\"broker\":{\"port\":1,}}", "invalid JSON at byte 20 (in broker): a member name in quotes was expected")]
    [DataRow("{\"a\":[[[[[[[[1]]]]]]]]}", "invalid JSON at byte 12 (in a[0][0][0][0][0][0][0]): nested deeper than 8 levels")]
    public void TryRead_MalformedJson_FailsWithOffsetAndPath(string text, string expected)
    {
        byte[] json = Encoding.UTF8.GetBytes(text);
        Assert.IsFalse(DeviceConfigurationReader.TryRead(json, json.Length, out _, out string error));
        Assert.AreEqual(expected, error);
    }

    [TestMethod]
    public void TryRead_DuplicateKnownField_IsRejected()
    {
        string text = BundleDocument.Valid.Replace("\"port\": 8883,", "\"port\": 8883, \"port\": 1883,", StringComparison.Ordinal);
        byte[] json = Encoding.UTF8.GetBytes(text);
        Assert.IsFalse(DeviceConfigurationReader.TryRead(json, json.Length, out _, out string error));
        StringAssert.EndsWith(error, "(in broker.port): duplicate member name");
    }

    [TestMethod]
    public void TryRead_SizeAndBufferLimits()
    {
        byte[] valid = Encoding.UTF8.GetBytes(BundleDocument.Valid);
        byte[] padded = new byte[ConfigurationLimits.MaxDocumentBytes + 1];
        Array.Fill(padded, (byte)' ');
        valid.CopyTo(padded, 0);
        Assert.IsFalse(DeviceConfigurationReader.TryRead(padded, padded.Length, out _, out string error));
        Assert.AreEqual("the configuration is larger than 32768 bytes", error);
        Assert.IsTrue(DeviceConfigurationReader.TryRead(padded, ConfigurationLimits.MaxDocumentBytes, out _, out error), error);
        Assert.IsFalse(DeviceConfigurationReader.TryRead(valid, valid.Length + 1, out _, out error));
        Assert.IsFalse(DeviceConfigurationReader.TryRead(null!, 0, out _, out error));
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. valid];
        Assert.IsTrue(DeviceConfigurationReader.TryRead(withBom, withBom.Length, out _, out error), error);
    }

    [TestMethod]
    public void ToDeviceSettings_MapsEngineSettings()
    {
        byte[] json = BundleDocument.With("disclosure.mode", "\"none\"", "zones.insideZone", "0", "mountHeightMillimeters", "3100", "zones.timingBudgetMilliseconds", "50", "pirHoldMilliseconds", "1200", "windowLengthSeconds", "300");
        Assert.IsTrue(DeviceConfigurationReader.TryRead(json, json.Length, out var configuration, out string error), error);
        var settings = configuration.ToDeviceSettings();
        Assert.AreEqual(configuration.DeviceId, settings.DeviceId);
        Assert.AreEqual(3100, settings.Counter.MountHeightMillimeters);
        Assert.AreEqual(0, settings.Counter.InsideZone);
        Assert.AreEqual(50, settings.Counter.TimingBudgetMilliseconds);
        Assert.AreEqual(1200, settings.Counter.PirHoldMilliseconds);
        Assert.AreEqual(300, settings.Aggregator.WindowLengthSeconds);
        Assert.AreEqual(DisclosureMode.None, settings.Disclosure.Mode);
        Assert.AreNotSame(configuration.Disclosure, settings.Disclosure);
        Assert.IsTrue(settings.TryValidate(out error), error);
    }

    [TestMethod]
    public void TryRead_MutatedBundles_NeverThrow_AndAlwaysExplainARefusal()
    {
        byte[] valid = Encoding.UTF8.GetBytes(BundleDocument.Valid);
        byte[] alphabet = [.. "{}[]\",:\\-0123456789.eE tfnu\n"u8, 0x00, 0x80, 0xC3, 0xFF];
        int accepted = 0;
        Gen.Select(Gen.Int[0, valid.Length - 1].Array[1, 4], Gen.Int[0, alphabet.Length - 1].Array[4], Gen.Int[0, 2].Array[4])
            .Sample((positions, picks, kinds) =>
            {
                var bytes = new List<byte>(valid);
                for (int i = 0; i < positions.Length; i++)
                {
                    int at = positions[i] % bytes.Count;
                    if (kinds[i] == 0)
                    {
                        bytes.Insert(at, alphabet[picks[i]]);
                    }
                    else if (kinds[i] == 1)
                    {
                        bytes.RemoveAt(at);
                    }
                    else
                    {
                        bytes[at] = alphabet[picks[i]];
                    }
                }

                byte[] json = bytes.ToArray();
                if (DeviceConfigurationReader.TryRead(json, json.Length, out var configuration, out string error))
                {
                    Assert.IsTrue(configuration.ToDeviceSettings().TryValidate(out error), error);
                    accepted++;
                }
                else
                {
                    Assert.IsNull(configuration);
                    Assert.IsFalse(string.IsNullOrWhiteSpace(error));
                }
            }, iter: 20000, threads: 1);
        Assert.IsGreaterThan(0, accepted, "some mutations (in whitespace or values) keep the bundle valid");
    }

    [TestMethod]
    public void TryRead_TypicalBundle_AllocatesLittle()
    {
        // Regression guard for the device's small heap (measured on .NET; generous bound).
        byte[] json = Encoding.UTF8.GetBytes(BundleDocument.Valid);
        Assert.IsTrue(DeviceConfigurationReader.TryRead(json, json.Length, out _, out _));
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.IsTrue(DeviceConfigurationReader.TryRead(json, json.Length, out _, out _));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine($"TryRead of a {json.Length}-byte bundle allocated {allocated} bytes");
        Assert.IsLessThan(32 * 1024, allocated);
    }

    [TestMethod]
    public void ClearSecrets_ZeroesTheKeyAndDropsThePasswords()
    {
        byte[] json = Encoding.UTF8.GetBytes(BundleDocument.Valid);
        Assert.IsTrue(DeviceConfigurationReader.TryRead(json, json.Length, out var configuration, out _));
        byte[] key = configuration.RootKey;
        configuration.ClearSecrets();
        Assert.IsTrue(key.All(b => b == 0));
        Assert.AreEqual(string.Empty, configuration.WifiPassword);
        Assert.IsNull(configuration.MqttPassword);
    }

    [TestMethod]
    public void Limits_AgreeWithTheEngineSettings()
    {
        foreach (int mount in new[] { ConfigurationLimits.MinMountHeightMillimeters - 1, ConfigurationLimits.MinMountHeightMillimeters, ConfigurationLimits.MaxMountHeightMillimeters, ConfigurationLimits.MaxMountHeightMillimeters + 1 })
        {
            bool bundleAccepts = mount is >= ConfigurationLimits.MinMountHeightMillimeters and <= ConfigurationLimits.MaxMountHeightMillimeters;
            Assert.AreEqual(bundleAccepts, new CounterSettings { MountHeightMillimeters = mount }.TryValidate(out _), $"mount {mount}");
        }

        foreach (int hold in new[] { -1, 0, ConfigurationLimits.MaxPirHoldMilliseconds, ConfigurationLimits.MaxPirHoldMilliseconds + 1 })
        {
            bool bundleAccepts = hold is >= 0 and <= ConfigurationLimits.MaxPirHoldMilliseconds;
            Assert.AreEqual(bundleAccepts, new CounterSettings { PirHoldMilliseconds = hold }.TryValidate(out _), $"hold {hold}");
        }

        foreach (int window in new[] { ConfigurationLimits.MinWindowLengthSeconds - 1, ConfigurationLimits.MinWindowLengthSeconds, ConfigurationLimits.MaxWindowLengthSeconds, ConfigurationLimits.MaxWindowLengthSeconds + 1 })
        {
            bool bundleAccepts = window is >= ConfigurationLimits.MinWindowLengthSeconds and <= ConfigurationLimits.MaxWindowLengthSeconds && 86400 % window == 0;
            Assert.AreEqual(bundleAccepts, new AggregatorSettings { WindowLengthSeconds = window }.TryValidate(out _), $"window {window}");
        }

        for (int budget = 0; budget <= 1000; budget++)
        {
            if (ConfigurationLimits.IsTimingBudget(budget))
            {
                Assert.IsTrue(new CounterSettings { TimingBudgetMilliseconds = budget }.TryValidate(out _), $"budget {budget}");
            }
        }

        Assert.IsTrue(Dp(ConfigurationLimits.MinEpsilonMilli, ConfigurationLimits.MinCrossingsPerPerson).TryValidate(out _));
        Assert.IsTrue(Dp(ConfigurationLimits.MaxEpsilonMilli, ConfigurationLimits.MaxCrossingsPerPerson).TryValidate(out _));
        Assert.IsFalse(Dp(ConfigurationLimits.MinEpsilonMilli - 1, ConfigurationLimits.MinCrossingsPerPerson).TryValidate(out _));
        Assert.IsFalse(Dp(ConfigurationLimits.MaxEpsilonMilli + 1, ConfigurationLimits.MinCrossingsPerPerson).TryValidate(out _));
        Assert.IsFalse(Dp(ConfigurationLimits.MinEpsilonMilli, ConfigurationLimits.MinCrossingsPerPerson - 1).TryValidate(out _));
        Assert.IsFalse(Dp(ConfigurationLimits.MinEpsilonMilli, ConfigurationLimits.MaxCrossingsPerPerson + 1).TryValidate(out _));
        var person = new DeviceSettings { DeviceId = 1, Disclosure = Dp(1000, 4) };
        person.Aggregator.WindowLengthSeconds = ConfigurationLimits.MinPersonPrivacyWindowSeconds;
        Assert.IsTrue(person.TryValidate(out string error), error);
        person.Aggregator.WindowLengthSeconds = 600;
        Assert.IsFalse(person.TryValidate(out _), "the engine refuses the windows the bundle refuses");
        var suppression = new DisclosureSettings { Mode = DisclosureMode.SmallCountSuppression, SuppressionThreshold = ConfigurationLimits.MaxSuppressionThreshold };
        Assert.IsTrue(suppression.TryValidate(out _));
        suppression.SuppressionThreshold++;
        Assert.IsFalse(suppression.TryValidate(out _));
    }

    private static DisclosureSettings Dp(int epsilonMilli, int crossings) =>
        new() { Mode = DisclosureMode.PersonDifferentialPrivacy, EpsilonMilli = (ushort)epsilonMilli, ContributionBound = (ushort)crossings };
}
