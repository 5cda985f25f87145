using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using EdgeSensor.Sdk.Keys;

namespace EdgeSensor.Sdk.Tests.TestSupport;

/// <summary>A key store over a dictionary, for tests.</summary>
internal sealed class InMemoryKeyStore : IDeviceKeyStore
{
    private readonly ConcurrentDictionary<ulong, DeviceRecord> _devices = new();

    public int Lookups;

    public InMemoryKeyStore Add(ulong deviceId, byte[] rootKey, DeviceStatus status = DeviceStatus.Active)
    {
        _devices[deviceId] = new DeviceRecord(deviceId, "test-site", rootKey, status);
        return this;
    }

    public bool TryGetDevice(ulong deviceId, [NotNullWhen(true)] out DeviceRecord? record)
    {
        Interlocked.Increment(ref Lookups);
        return _devices.TryGetValue(deviceId, out record);
    }
}
