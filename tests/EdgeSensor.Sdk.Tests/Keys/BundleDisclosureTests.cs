using System.Text;
using System.Text.Json;
using EdgeSensor.Core.Configuration;
using EdgeSensor.Core.Reports;
using EdgeSensor.Sdk.Provisioning;
using CoreDisclosure = EdgeSensor.Core.Privacy.DisclosureSettings;

namespace EdgeSensor.Sdk.Tests.Keys;

/// <summary>The bundle's <c>disclosure</c> object (issue 14): what is written, what is refused, and that SDK and firmware agree.</summary>
[TestClass]
public sealed class BundleDisclosureTests
{
    private const string NotABundle = "Not a valid EdgeSensor device configuration bundle: ";

    private static string WrittenJson(DeviceConfigurationBundle bundle) => Encoding.UTF8.GetString(bundle.ToUtf8Json());

    [TestMethod]
    public void WrittenDisclosure_HasExactlyTheFourFieldsOfTheFormat()
    {
        using var document = JsonDocument.Parse(BundleSamples.Full().ToUtf8Json());
        var names = document.RootElement.GetProperty("disclosure").EnumerateObject().Select(p => p.Name).ToArray();
        CollectionAssert.AreEqual(new[] { "mode", "suppressionThreshold", "epsilonMilli", "crossingsPerPerson" }, names);
        Assert.AreEqual(6, document.RootElement.GetProperty("disclosure").GetProperty("crossingsPerPerson").GetInt32());
    }

    [TestMethod]
    [DataRow("dailyBudgetMilli", "0", DeviceConfigurationBundle.RemovedDailyBudget)]
    [DataRow("dailyBudgetMilli", "24000", DeviceConfigurationBundle.RemovedDailyBudget)]
    [DataRow("releasePirActivity", "false", DeviceConfigurationBundle.RemovedReleasePir)]
    public void RemovedField_IsRefusedByBoth_SayingWhatReplacedIt(string field, string value, string message)
    {
        string text = WrittenJson(BundleSamples.Full()).Replace("\"crossingsPerPerson\": 6", $"\"crossingsPerPerson\": 6, \"{field}\": {value}", StringComparison.Ordinal);
        byte[] json = Encoding.UTF8.GetBytes(text);

        var ex = Assert.ThrowsExactly<InvalidDataException>(() => DeviceConfigurationBundle.Parse(json));
        Assert.AreEqual(NotABundle + message + ".", ex.Message);
        Assert.IsFalse(DeviceConfigurationReader.TryRead(json, json.Length, out _, out string coreError));
        Assert.AreEqual(message, coreError);
        StringAssert.Contains(message, "was removed: ");
    }

    [TestMethod]
    public void CrossingsPerPerson_IsOptionalWhenRead_FourOnBothSides()
    {
        string text = WrittenJson(BundleSamples.Full()).Replace(", \"crossingsPerPerson\": 6", string.Empty, StringComparison.Ordinal);
        text = text.Replace(",\n    \"crossingsPerPerson\": 6", string.Empty, StringComparison.Ordinal);
        Assert.IsFalse(text.Contains("crossingsPerPerson", StringComparison.Ordinal), text);
        byte[] json = Encoding.UTF8.GetBytes(text);

        Assert.AreEqual(4, DeviceConfigurationBundle.Parse(json).Disclosure.CrossingsPerPerson);
        Assert.IsTrue(DeviceConfigurationReader.TryRead(json, json.Length, out var device, out string error), error);
        Assert.AreEqual((ushort)4, device.Disclosure.ContributionBound);
    }

    [TestMethod]
    [DataRow(600, false)]
    [DataRow(900, true)]
    [DataRow(3600, true)]
    public void DifferentialPrivacy_NeedsWindowsOfAtLeast900Seconds(int window, bool valid)
    {
        var bundle = BundleSamples.Full();
        bundle.WindowLengthSeconds = window;
        Assert.AreEqual(valid, bundle.TryValidate(out string? error), error);
        if (!valid)
        {
            Assert.AreEqual("windowLengthSeconds must be at least 900 with disclosure.mode differential-privacy", error);
        }

        bundle.Disclosure.Mode = "suppression";
        bundle.Disclosure.SuppressionThreshold = 5;
        Assert.IsTrue(bundle.TryValidate(out error), "short windows are fine with suppression: " + error);
    }

    [TestMethod]
    public void Defaults_ArePrivate_AndTheFirmwaresDefaults()
    {
        var sdk = new DeviceConfigurationBundle.DisclosureSettings();
        var core = new CoreDisclosure();
        Assert.AreEqual("suppression", sdk.Mode);
        Assert.AreEqual(DisclosureMode.SmallCountSuppression, core.Mode);
        Assert.AreEqual(5, sdk.SuppressionThreshold);
        Assert.AreEqual((int)core.SuppressionThreshold, sdk.SuppressionThreshold);
        Assert.AreEqual((int)core.ContributionBound, sdk.CrossingsPerPerson);
        Assert.AreEqual((ushort)DeviceConfigurationDefaults.EpsilonMilli, core.EpsilonMilli);
    }
}
