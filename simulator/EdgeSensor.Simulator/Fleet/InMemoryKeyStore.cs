using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using EdgeSensor.Sdk.Keys;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>The consumer's key store for a run: the virtual devices' records, fixed before the consumer starts.</summary>
internal sealed class InMemoryKeyStore : IDeviceKeyStore
{
    private readonly FrozenDictionary<ulong, DeviceRecord> _devices;

    public InMemoryKeyStore(IEnumerable<DeviceRecord> devices) => _devices = devices.ToFrozenDictionary(d => d.DeviceId);

    public bool TryGetDevice(ulong deviceId, [NotNullWhen(true)] out DeviceRecord? record) => _devices.TryGetValue(deviceId, out record);
}
