using System.Text;
using EdgeSensor.Core.Configuration;

namespace EdgeSensor.Core.Tests.Configuration;

/// <summary>The copy of the configuration the device writes back without its root key, and how the reader takes it.</summary>
[TestClass]
public sealed class RootKeyRemovalTests
{
    [TestMethod]
    public void Reader_TakesANullRootKey_AsRemoved()
    {
        byte[] json = BundleDocument.With("rootKey", "null");
        Assert.IsTrue(DeviceConfigurationReader.TryRead(json, json.Length, out var configuration, out string error), error);
        Assert.IsTrue(configuration.RootKeyRemoved);
        Assert.IsEmpty(configuration.RootKey);
    }

    [TestMethod]
    public void Reader_StillRequiresTheMember_AndRejectsOtherKinds()
    {
        byte[] absent = BundleDocument.With("rootKey", null);
        Assert.IsFalse(DeviceConfigurationReader.TryRead(absent, absent.Length, out _, out string error));
        StringAssert.StartsWith(error, "rootKey");

        byte[] number = BundleDocument.With("rootKey", "0");
        Assert.IsFalse(DeviceConfigurationReader.TryRead(number, number.Length, out _, out error));
        StringAssert.StartsWith(error, "rootKey");
    }

    [TestMethod]
    public void Reader_WithAKey_IsNotRemoved()
    {
        byte[] json = Encoding.UTF8.GetBytes(BundleDocument.Valid);
        Assert.IsTrue(DeviceConfigurationReader.TryRead(json, json.Length, out var configuration, out string error), error);
        Assert.IsFalse(configuration.RootKeyRemoved);
        Assert.HasCount(32, configuration.RootKey);
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void Removal_ReplacesOnlyTheKey_InPlace(bool compact)
    {
        byte[] json = compact ? BundleDocument.With("site", "\"north-gate\"") : Encoding.UTF8.GetBytes(BundleDocument.Valid);
        byte[] original = (byte[])json.Clone();

        Assert.IsTrue(RootKeyRemoval.TryRemove(json, json.Length, out byte[]? copy, out string error), error);
        CollectionAssert.AreEqual(original, json, "the input is not modified");
        Assert.HasCount(json.Length, copy!, "same length: nothing else moves");
        string text = Encoding.UTF8.GetString(copy!);
        Assert.DoesNotContain(BundleDocument.RootKey, text);
        StringAssert.Contains(text, "\"rootKey\"");
        Assert.AreEqual(
            Encoding.UTF8.GetString(json).Replace("\"" + BundleDocument.RootKey + "\"", "null" + new string(' ', 42), StringComparison.Ordinal),
            text);

        Assert.IsTrue(DeviceConfigurationReader.TryRead(copy!, copy!.Length, out var configuration, out error), error);
        Assert.IsTrue(configuration.RootKeyRemoved);
        Assert.AreEqual("wifi-secret", configuration.WifiPassword, "the passwords stay: the device needs them at every boot");
    }

    [TestMethod]
    public void Removal_IgnoresAStringValueThatReadsRootKey()
    {
        byte[] json = BundleDocument.With("wifi.ssid", "\"rootKey\"");
        Assert.IsTrue(RootKeyRemoval.TryRemove(json, json.Length, out byte[]? copy, out string error), error);
        Assert.IsTrue(DeviceConfigurationReader.TryRead(copy!, copy!.Length, out var configuration, out error), error);
        Assert.AreEqual("rootKey", configuration.WifiSsid);
        Assert.IsTrue(configuration.RootKeyRemoved);
    }

    [TestMethod]
    public void Removal_WithTheMemberFirst_StillFindsTheRealMember()
    {
        // An SSID that reads "rootKey" placed before the member: a match not followed by ':' is skipped.
        string reordered = BundleDocument.Valid.Replace("\"format\":", "\"wifi\": { \"ssid\": \"rootKey\", \"password\": \"wifi-secret\" },\n  \"format\":", StringComparison.Ordinal)
            .Replace("\"wifi\": { \"ssid\": \"Site Wi-Fi\", \"password\": \"wifi-secret\" },", string.Empty, StringComparison.Ordinal);
        byte[] json = Encoding.UTF8.GetBytes(reordered);
        Assert.IsTrue(DeviceConfigurationReader.TryRead(json, json.Length, out _, out string error), error);

        Assert.IsTrue(RootKeyRemoval.TryRemove(json, json.Length, out byte[]? copy, out error), error);
        Assert.IsTrue(DeviceConfigurationReader.TryRead(copy!, copy!.Length, out var configuration, out error), error);
        Assert.AreEqual("rootKey", configuration.WifiSsid);
        Assert.IsTrue(configuration.RootKeyRemoved);
    }

    [TestMethod]
    public void Removal_RefusesAnEscapedKey_AndAFileWithoutOne()
    {
        // "\u0041" is 'A': the same key, written with an escape, cannot be replaced in place.
        byte[] escaped = Encoding.UTF8.GetBytes(BundleDocument.Valid.Replace("\"AQID", "\"\\u0041QID", StringComparison.Ordinal));
        Assert.IsTrue(DeviceConfigurationReader.TryRead(escaped, escaped.Length, out _, out string error), error);
        Assert.IsFalse(RootKeyRemoval.TryRemove(escaped, escaped.Length, out byte[]? copy, out error));
        Assert.IsNull(copy);
        StringAssert.Contains(error, "rootKey");

        byte[] removed = BundleDocument.With("rootKey", "null");
        Assert.IsFalse(RootKeyRemoval.TryRemove(removed, removed.Length, out copy, out _));
        Assert.IsNull(copy);
    }

    [TestMethod]
    public void Removal_RefusesBadArguments()
    {
        Assert.IsFalse(RootKeyRemoval.TryRemove(null!, 0, out _, out _));
        byte[] json = Encoding.UTF8.GetBytes(BundleDocument.Valid);
        Assert.IsFalse(RootKeyRemoval.TryRemove(json, json.Length + 1, out _, out _));
        Assert.IsFalse(RootKeyRemoval.TryRemove(json, json.Length / 2, out _, out _), "a truncated file does not read back");
    }
}
