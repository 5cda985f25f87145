using EdgeSensor.Core.Aggregation;
using EdgeSensor.Core.Device;
using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Reports;
using EdgeSensor.Core.Storage;

namespace EdgeSensor.Core.Tests.Lifecycle;

/// <summary>Settings, keys and stores for lifecycle tests that run the real <see cref="SensorNode"/>.</summary>
internal static class NodeRig
{
    // 2026-11-25T12:00:00Z, aligned to every window length.
    public const uint StartUnix = 1_764_072_000;
    public const ulong DeviceId = 0x0123456789ABCDEFUL;

    public static DeviceSettings Settings(int windowSeconds = 10, int outboxCapacity = 8, bool persist = true) => new()
    {
        DeviceId = DeviceId,
        Aggregator = new AggregatorSettings { WindowLengthSeconds = windowSeconds },
        Disclosure = new DisclosureSettings { Mode = DisclosureMode.None },
        OutboxCapacity = outboxCapacity,
        PersistOutbox = persist,
        SequenceBlockSize = 4,
    };

    public static byte[] RootKey(byte seed = 7)
    {
        var key = new byte[32];
        for (int i = 0; i < key.Length; i++)
        {
            key[i] = (byte)((seed * 29) + i);
        }

        return key;
    }

    public static InMemoryNonVolatileStore NewStore(int outboxCapacity = 8) =>
        new(DeviceStorage.SlotCountWithOutbox(outboxCapacity), DeviceStorage.MaxRecordLengthWithOutbox);

    public static T Provision<T>(T store, byte[] root)
        where T : INonVolatileStore
    {
        Assert.IsTrue(DeviceStorage.TryProvision(store, root, 0, StartUnix / 86400));
        return store;
    }
}
