using System.Text;
using EdgeSensor.Core.Configuration;
using EdgeSensor.Sdk.Provisioning;

namespace EdgeSensor.Sdk.Tests.Keys;

/// <summary>
/// A bundle whose root key the device removed after importing it (<c>"rootKey": null</c>): the SDK reads what the
/// device writes back, both readers agree, and the SDK never writes such a bundle.
/// </summary>
[TestClass]
public sealed class RemovedRootKeyBundleTests
{
    [TestMethod]
    public void DeviceRewrittenBundle_IsReadByTheSdk_WithEveryOtherFieldKept()
    {
        var written = BundleSamples.Full();
        byte[] json = written.ToUtf8Json();
        Assert.IsTrue(RootKeyRemoval.TryRemove(json, json.Length, out byte[]? onDevice, out string error), error);

        var read = DeviceConfigurationBundle.Parse(onDevice!);
        Assert.IsTrue(read.RootKeyRemoved);
        Assert.AreEqual(string.Empty, read.RootKey);
        Assert.AreEqual(written.DeviceId, read.DeviceId);
        Assert.AreEqual(written.Topic, read.Topic);
        Assert.AreEqual(written.Wifi!.Password, read.Wifi!.Password);

        Assert.IsTrue(DeviceConfigurationReader.TryRead(onDevice!, onDevice!.Length, out var configuration, out error), error);
        Assert.IsTrue(configuration.RootKeyRemoved);
    }

    [TestMethod]
    public void RemovedKey_IsNeverWritten()
    {
        var bundle = DeviceConfigurationBundle.Parse(Removed(BundleSamples.Full().ToUtf8Json()));
        Assert.IsTrue(bundle.TryValidate(out string? error), error);

        var ex = Assert.ThrowsExactly<ArgumentException>(() => bundle.ToUtf8Json());
        StringAssert.Contains(ex.Message, "rootKey was removed");

        bundle.AssignDevice(BundleSamples.Device);
        Assert.IsFalse(bundle.RootKeyRemoved, "a new key makes it writable again");
        Assert.IsNotEmpty(bundle.ToUtf8Json());
    }

    [TestMethod]
    public void NullAndAbsentKey_SdkAndCoreAgree()
    {
        byte[] json = BundleSamples.Full().ToUtf8Json();
        byte[] removed = Removed(json);
        Assert.IsTrue(DeviceConfigurationReader.TryRead(removed, removed.Length, out _, out string coreError), coreError);
        Assert.IsTrue(DeviceConfigurationBundle.Parse(removed).RootKeyRemoved);

        // Absent (rather than null) is still an error on both sides.
        string text = Encoding.UTF8.GetString(removed);
        int start = text.IndexOf("\"rootKey\"", StringComparison.Ordinal);
        int end = text.IndexOf(',', start) + 1;
        byte[] absent = Encoding.UTF8.GetBytes(text.Remove(start, end - start));
        Assert.IsFalse(DeviceConfigurationReader.TryRead(absent, absent.Length, out _, out coreError));
        StringAssert.StartsWith(coreError, "rootKey");
        Assert.ThrowsExactly<InvalidDataException>(() => DeviceConfigurationBundle.Parse(absent));
    }

    [TestMethod]
    public void JsonOfAKeyLessBundle_SaysNull()
    {
        var bundle = DeviceConfigurationBundle.Parse(Removed(BundleSamples.Full().ToUtf8Json()));
        string json = System.Text.Json.JsonSerializer.Serialize(bundle, BundleJson.Default.DeviceConfigurationBundle);
        StringAssert.Contains(json, "\"rootKey\": null");
    }

    [TestMethod]
    public void WrittenBundle_KeepsTheKeyBetweenSiteAndTopic()
    {
        string json = Encoding.UTF8.GetString(BundleSamples.Full().ToUtf8Json());
        int site = json.IndexOf("\"site\"", StringComparison.Ordinal);
        int rootKey = json.IndexOf("\"rootKey\"", StringComparison.Ordinal);
        int topic = json.IndexOf("\"topic\"", StringComparison.Ordinal);
        Assert.IsTrue(site < rootKey && rootKey < topic, json);
    }

    private static byte[] Removed(byte[] json)
    {
        Assert.IsTrue(RootKeyRemoval.TryRemove(json, json.Length, out byte[]? copy, out string error), error);
        return copy!;
    }
}
