using System.Text;
using EdgeSensor.Sdk.Provisioning;
using EdgeSensor.Sdk.Tests.Keys;

namespace EdgeSensor.Sdk.Tests.Hostile;

/// <summary>Cases the hostile-input campaign found, kept as plain tests.</summary>
[TestClass]
public sealed class HostileRegressionTests
{
    /// <summary>Bundle case 577 of the first run: one byte of "format" replaced by 0xFF (not UTF-8) made the SDK
    /// reader throw InvalidOperationException instead of its documented InvalidDataException.</summary>
    [TestMethod]
    public void Bundle_WithInvalidUtf8InAString_IsInvalidData()
    {
        byte[] bytes = BundleSamples.Full().ToUtf8Json();
        int at = Encoding.UTF8.GetString(bytes).IndexOf("edgesensor-device-config", StringComparison.Ordinal) + 9;
        bytes[at] = 0xFF;

        var ex = Assert.ThrowsExactly<InvalidDataException>(() => DeviceConfigurationBundle.Parse(bytes));
        StringAssert.StartsWith(ex.Message, "Not a valid EdgeSensor device configuration bundle");
    }
}
