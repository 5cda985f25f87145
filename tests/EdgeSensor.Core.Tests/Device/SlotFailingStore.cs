using EdgeSensor.Core.Storage;

namespace EdgeSensor.Core.Tests.Device;

/// <summary>An in-memory store whose writes to chosen slots fail while <see cref="Failing"/> is set.</summary>
internal sealed class SlotFailingStore(InMemoryNonVolatileStore inner, params int[] failingSlots) : INonVolatileStore
{
    public bool Failing { get; set; }

    public int Read(int slot, byte[] buffer, int offset, int count) => inner.Read(slot, buffer, offset, count);

    public bool Write(int slot, byte[] buffer, int offset, int count) =>
        !(Failing && Array.IndexOf(failingSlots, slot) >= 0) && inner.Write(slot, buffer, offset, count);
}
