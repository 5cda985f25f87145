using System.Reflection;
using System.Text.Json;
using CsCheck;
using EdgeSensor.Core.Aggregation;
using EdgeSensor.Core.Configuration;
using EdgeSensor.Core.Counting;
using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Reports;
using EdgeSensor.Sdk.Provisioning;

namespace EdgeSensor.Sdk.Tests.Keys;

/// <summary>The SDK writes what the firmware's reader reads, and both apply the same rules with the same messages.</summary>
[TestClass]
public sealed class BundleCrossCheckTests
{
    [TestMethod]
    public void SdkWrittenBundle_IsReadFieldForFieldByTheCore()
    {
        var bundle = BundleSamples.Full();
        byte[] json = bundle.ToUtf8Json();

        Assert.IsTrue(DeviceConfigurationReader.TryRead(json, json.Length, out var c, out string error), error);
        AssertSameFields(bundle, c);
    }

    [TestMethod]
    public void Validation_SdkAndCoreAgree_OnEditedBundles()
    {
        int rejected = 0;
        int total = 0;
        Edits.Array[1, 3].Sample(edits =>
        {
            var bundle = BundleSamples.Full();
            foreach (var edit in edits)
            {
                edit.Apply(bundle);
            }

            byte[] json = JsonSerializer.SerializeToUtf8Bytes(bundle, BundleJson.Default.DeviceConfigurationBundle);
            bool sdk = bundle.TryValidate(out string? sdkError);
            bool core = DeviceConfigurationReader.TryRead(json, json.Length, out var configuration, out string coreError);
            string shown = string.Join("; ", edits.Select(e => e.Name));
            Assert.AreEqual(sdk, core, $"{shown}: SDK {(sdk ? "accepts" : sdkError)}, core {(core ? "accepts" : coreError)}");
            if (sdk)
            {
                AssertSameFields(bundle, configuration!);
            }
            else
            {
                Assert.AreEqual(sdkError, coreError, shown);
                Interlocked.Increment(ref rejected);
            }

            Interlocked.Increment(ref total);
        }, iter: 5000, threads: 1);

        Assert.IsGreaterThan(total / 5, rejected, $"{rejected} of {total} rejected");
        // About 78% are rejected (most edit values are out of range, and differential privacy needs 900 s windows);
        // the bounds only make sure both outcomes are exercised many times.
        Assert.IsLessThan(total * 17 / 20, rejected, $"{rejected} of {total} rejected");
    }

    [TestMethod]
    public void Limits_AreTheSameOnBothSides()
    {
        var sdk = typeof(DeviceConfigurationLimits).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).ToDictionary(f => f.Name, f => f.GetValue(null));
        var core = typeof(ConfigurationLimits).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).ToDictionary(f => f.Name, f => f.GetValue(null));
        Assert.IsGreaterThan(20, sdk.Count);
        foreach (var (name, value) in sdk)
        {
            Assert.IsTrue(core.TryGetValue(name, out var other), $"core lacks {name}");
            Assert.AreEqual(value, other, name);
        }

        var coreBudgets = Enumerable.Range(0, 2000).Where(ConfigurationLimits.IsTimingBudget).ToArray();
        CollectionAssert.AreEqual(DeviceConfigurationLimits.TimingBudgetsMilliseconds.ToArray(), coreBudgets);
        Assert.AreEqual(DeviceConfigurationBundle.FormatName, core[nameof(ConfigurationLimits.FormatName)]);
        Assert.AreEqual(DeviceConfigurationBundle.CurrentVersion, core[nameof(ConfigurationLimits.Version)]);
    }

    [TestMethod]
    public void Defaults_AreTheEngineDefaults()
    {
        var counter = new CounterSettings();
        Assert.AreEqual(DeviceConfigurationDefaults.MountHeightMillimeters, counter.MountHeightMillimeters);
        Assert.AreEqual(DeviceConfigurationDefaults.InsideZone, counter.InsideZone);
        Assert.AreEqual(DeviceConfigurationDefaults.TimingBudgetMilliseconds, counter.TimingBudgetMilliseconds);
        Assert.AreEqual(DeviceConfigurationDefaults.PirHoldMilliseconds, counter.PirHoldMilliseconds);
        Assert.AreEqual(DeviceConfigurationDefaults.WindowLengthSeconds, new AggregatorSettings().WindowLengthSeconds);

        var defaults = new DeviceConfigurationBundle { Broker = new() { Host = "mqtt.example.org" }, Wifi = new() { Ssid = "lab" } };
        defaults.AssignDevice(BundleSamples.Device);
        Assert.IsTrue(defaults.TryValidate(out string? error), error);
    }

    internal static void AssertSameFields(DeviceConfigurationBundle b, DeviceConfiguration c)
    {
        Assert.AreEqual(b.DeviceId, c.DeviceId.ToString("x16"));
        Assert.AreEqual(b.Site, c.Site);
        Assert.AreEqual(b.Topic, c.Topic);
        CollectionAssert.AreEqual(Convert.FromBase64String(b.RootKey), c.RootKey);
        Assert.AreEqual(b.Broker.Host, c.BrokerHost);
        Assert.AreEqual(b.Broker.Port, c.BrokerPort);
        Assert.AreEqual(b.Broker.Tls, c.BrokerUseTls);
        Assert.AreEqual(b.Broker.CaCertificatePem, c.BrokerCaCertificatePem);
        Assert.AreEqual(b.Broker.Username, c.MqttUsername);
        Assert.AreEqual(b.Broker.Password, c.MqttPassword);
        Assert.AreEqual(b.Wifi!.Ssid, c.WifiSsid);
        Assert.AreEqual(b.Wifi.Password, c.WifiPassword);
        CollectionAssert.AreEqual(
            new[] { b.Pins.I2cSda, b.Pins.I2cScl, b.Pins.TofXshut, b.Pins.TofInterrupt, b.Pins.Pir, b.Pins.StatusLed },
            new[] { c.I2cDataPin, c.I2cClockPin, c.TofShutdownPin, c.TofInterruptPin, c.PirPin, c.StatusLedPin });
        Assert.AreEqual(b.MountHeightMillimeters, c.MountHeightMillimeters);
        CollectionAssert.AreEqual(
            new[] { b.Zones.TimingBudgetMilliseconds, b.Zones.RoiWidth, b.Zones.RoiHeight, b.Zones.Zone0RoiCenter, b.Zones.Zone1RoiCenter, b.Zones.InsideZone },
            new[] { c.TimingBudgetMilliseconds, c.ZoneRoiWidth, c.ZoneRoiHeight, c.Zone0RoiCenter, c.Zone1RoiCenter, c.InsideZone });
        Assert.AreEqual(b.PirHoldMilliseconds, c.PirHoldMilliseconds);
        Assert.AreEqual(b.WindowLengthSeconds, c.WindowLengthSeconds);
        var mode = b.Disclosure.Mode switch
        {
            "none" => DisclosureMode.None,
            "suppression" => DisclosureMode.SmallCountSuppression,
            _ => DisclosureMode.PersonDifferentialPrivacy,
        };
        Assert.AreEqual(mode, c.Disclosure.Mode);
        if (mode == DisclosureMode.SmallCountSuppression)
        {
            Assert.AreEqual(b.Disclosure.SuppressionThreshold, c.Disclosure.SuppressionThreshold);
        }

        if (mode == DisclosureMode.PersonDifferentialPrivacy)
        {
            Assert.AreEqual(b.Disclosure.EpsilonMilli, c.Disclosure.EpsilonMilli);
            Assert.AreEqual(b.Disclosure.CrossingsPerPerson, c.Disclosure.ContributionBound);
        }
    }

    /// <summary>One field set to one value, named for the failure message.</summary>
    private sealed record Edit(string Name, Action<DeviceConfigurationBundle> Apply);

    // Strings are well-formed UTF-16 here: System.Text.Json writes a lone surrogate as U+FFFD, so such a value
    // would reach the core changed (the SDK itself rejects it).
    private static Gen<Edit> Field<T>(string name, Action<DeviceConfigurationBundle, T> set, params T[] values) =>
        Gen.Int[0, values.Length - 1].Select(i => new Edit($"{name}={values[i]}", b => set(b, values[i])));

    private static readonly int[] Pins = [-2, -1, 0, 2, 4, 6, 11, 12, 19, 20, 21, 22, 24, 27, 28, 31, 33, 34, 35, 39, 40];
    private static readonly int[] Spads = [-1, 0, 110, 135, 145, 150, 166, 167, 199, 230, 231, 239, 255, 256];

    private static readonly Gen<Edit> Edits = Gen.OneOf(
        Field<string>("deviceId", (b, v) => b.DeviceId = v, "0000000000000000", "9B7F9ADC16EFAB6A", "9b7f9adc16efab6", "0000000000000001"),
        Field<string>("site", (b, v) => b.Site = v, "", "North", "a", new string('s', 64), new string('s', 65)),
        Field<string>("rootKey", (b, v) => b.RootKey = v, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyB=", "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA", " AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA="),
        Field<string>("topic", (b, v) => b.Topic = v, "edgesensor/x/y/report", ""),
        Field<string>("broker.host", (b, v) => b.Broker.Host = v, "", "mqtt example", "10.0.0.1", "ü.example", new string('h', 253), new string('h', 254)),
        Field<int>("broker.port", (b, v) => b.Broker.Port = v, 0, 1, 65535, 65536, -1),
        Field<bool>("broker.tls", (b, v) => b.Broker.Tls = v, true, false),
        Field<string?>("broker.caCertificatePem", (b, v) => b.Broker.CaCertificatePem = v, null, "x", "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----", "-----BEGIN CERTIFICATE-----\u00e9-----END CERTIFICATE-----"),
        Field<string?>("broker.username", (b, v) => b.Broker.Username = v, null, "", "u", "a\u0001", new string('u', 256), new string('u', 257)),
        Field<string?>("broker.password", (b, v) => b.Broker.Password = v, null, "", "p", "a\u007f", "😀"),
        Field<string>("wifi.ssid", (b, v) => b.Wifi!.Ssid = v, "", "x", new string('é', 16), new string('é', 17), new string('s', 32), new string('s', 33), "a\tb"),
        Field<string>("wifi.password", (b, v) => b.Wifi!.Password = v, "", "1234567", "12345678", new string('p', 63), new string('p', 64), new string('a', 64), "pässwörd", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789ABCDEF"),
        Field<int>("pins.i2cSda", (b, v) => b.Pins.I2cSda = v, Pins),
        Field<int>("pins.i2cScl", (b, v) => b.Pins.I2cScl = v, Pins),
        Field<int>("pins.tofXshut", (b, v) => b.Pins.TofXshut = v, Pins),
        Field<int>("pins.tofInterrupt", (b, v) => b.Pins.TofInterrupt = v, Pins),
        Field<int>("pins.pir", (b, v) => b.Pins.Pir = v, Pins),
        Field<int>("pins.statusLed", (b, v) => b.Pins.StatusLed = v, Pins),
        Field<int>("mountHeightMillimeters", (b, v) => b.MountHeightMillimeters = v, 1999, 2000, 3500, 3501),
        Field<int>("zones.timingBudgetMilliseconds", (b, v) => b.Zones.TimingBudgetMilliseconds = v, 0, 15, 20, 33, 34, 500, 1000),
        Field<int>("zones.roiWidth", (b, v) => b.Zones.RoiWidth = v, 3, 4, 8, 16, 17),
        Field<int>("zones.roiHeight", (b, v) => b.Zones.RoiHeight = v, 3, 4, 8, 16, 17),
        Field<int>("zones.zone0RoiCenter", (b, v) => b.Zones.Zone0RoiCenter = v, Spads),
        Field<int>("zones.zone1RoiCenter", (b, v) => b.Zones.Zone1RoiCenter = v, Spads),
        Field<int>("zones.insideZone", (b, v) => b.Zones.InsideZone = v, -1, 0, 1, 2),
        Field<int>("pirHoldMilliseconds", (b, v) => b.PirHoldMilliseconds = v, -1, 0, 600000, 600001),
        Field<int>("windowLengthSeconds", (b, v) => b.WindowLengthSeconds = v, 0, 10, 70, 900, 1200, 1800, 2700, 3600, 7200),
        Field<string>("disclosure.mode", (b, v) => b.Disclosure.Mode = v, "none", "suppression", "differential-privacy", "dp"),
        Field<int>("disclosure.suppressionThreshold", (b, v) => b.Disclosure.SuppressionThreshold = v, 0, 1, 2, 100, 101),
        Field<int>("disclosure.epsilonMilli", (b, v) => b.Disclosure.EpsilonMilli = v, 0, 9, 10, 10000, 10001),
        Field<int>("disclosure.crossingsPerPerson", (b, v) => b.Disclosure.CrossingsPerPerson = v, 0, 1, 2, 4, 10, 50, 100, 101));
}
