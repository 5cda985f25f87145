using EdgeSensor.Core.Aggregation;
using EdgeSensor.Core.Crypto;
using EdgeSensor.Core.Device;
using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Reports;
using EdgeSensor.Core.Storage;

namespace EdgeSensor.Firmware.Tests;

/// <summary>
/// The RAM the device pipeline holds once constructed, estimated for the nanoCLR heap (see NanoHeapEstimate) from the
/// very objects the core builds on .NET 10. docs/firmware.md (## RAM) quotes the figures this prints:
/// dotnet test tests/EdgeSensor.Firmware.Tests --filter SensorNodeRam --logger "console;verbosity=detailed"
/// </summary>
[TestClass]
public sealed class SensorNodeRamTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void SensorNodeRam_IsEstimatedAndStaysWithinAGenerousBound()
    {
        var store = new InMemoryNonVolatileStore(DeviceStorage.SlotCount, DeviceStorage.MaxRecordLength);
        Assert.IsTrue(DeviceStorage.TryProvision(store, new byte[32], 0, 20_417));
        var settings = new DeviceSettings
        {
            DeviceId = 1,
            Aggregator = new AggregatorSettings { WindowLengthSeconds = 900 },
            Disclosure = new DisclosureSettings { Mode = DisclosureMode.PersonDifferentialPrivacy },
        };
        var random = new DrbgRandomSource(new HmacDrbg());

        var before = GC.GetAllocatedBytesForCurrentThread();
        var node = new SensorNode(settings, store, random);
        var allocatedOnDotNet = GC.GetAllocatedBytesForCurrentThread() - before;

        // The store stands in for flash on the device; the settings are the caller's.
        var estimate = NanoHeapEstimate.Of(node, o => o is INonVolatileStore || o is DeviceSettings || o is DisclosureSettings || o is AggregatorSettings);
        TestContext.WriteLine($"SensorNode (outbox {settings.OutboxCapacity} reports): {estimate.Objects} objects, {estimate.Arrays} arrays "
            + $"({estimate.ArrayBytes:N0} bytes), nanoCLR heap estimate {estimate.Bytes:N0} bytes; .NET 10 allocated {allocatedOnDotNet:N0} bytes during construction");
        TestContext.WriteLine(estimate.Table());

        Assert.IsGreaterThan(settings.OutboxCapacity * 73, estimate.ArrayBytes, "the outbox ring alone holds OutboxCapacity sealed reports");
        // docs/firmware.md (## RAM) quotes these figures: they move with the pipeline, so the doc must move with them.
        var document = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "firmware.md"));
        StringAssert.Contains(document, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"**{estimate.Objects} objects, {estimate.Arrays} of them arrays\n({estimate.ArrayBytes:N0} bytes); estimated nanoCLR heap {estimate.Bytes:N0} bytes.**")
            .Replace("\n", document.Contains("\r\n") ? "\r\n" : "\n"), "docs/firmware.md quotes another RAM estimate: copy the figures this test prints");

        // 48 KiB: half again today's 32.8 KB estimate (docs/firmware.md, ## RAM), so growth shows here; the real bound is the
        // managed heap the board logs at boot, which the app around the pipeline (MQTT client, TLS, Wi-Fi) shares.
        Assert.IsLessThan(48 * 1024, estimate.Bytes, "regression guard: the constructed pipeline should stay well inside a small managed heap");
    }
}
