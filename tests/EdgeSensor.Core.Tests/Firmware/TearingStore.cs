using EdgeSensor.Core.Storage;
using EdgeSensor.Core.Tests.Storage;

namespace EdgeSensor.Core.Tests.Firmware;

/// <summary>
/// Wraps any <see cref="INonVolatileStore"/> and cuts power at a chosen write the way <see cref="FaultInjectingStore"/>
/// does, but leaves the torn bytes in the real store underneath (files on disk for the firmware's store), so the
/// same power-cut tests run against every store implementation.
/// </summary>
internal sealed class TearingStore(INonVolatileStore inner) : INonVolatileStore
{
    private readonly Random _random = new(4321);

    public int Writes { get; private set; }

    public int CutAtWrite { get; set; } = -1;

    public TearMode Mode { get; set; }

    public int Read(int slot, byte[] buffer, int offset, int count) => inner.Read(slot, buffer, offset, count);

    public bool Write(int slot, byte[] buffer, int offset, int count)
    {
        int index = Writes++;
        if (index != CutAtWrite)
        {
            return inner.Write(slot, buffer, offset, count);
        }

        byte[] old = new byte[256];
        int oldLength = Math.Max(0, inner.Read(slot, old, 0, old.Length));
        int half = count / 2;
        switch (Mode)
        {
            case TearMode.Dropped:
                break;
            case TearMode.Truncated:
                inner.Write(slot, buffer, offset, half);
                break;
            case TearMode.Mixed:
                byte[] mixed = new byte[count];
                Array.Copy(old, mixed, Math.Min(oldLength, count));
                Array.Copy(buffer, offset, mixed, 0, half);
                inner.Write(slot, mixed, 0, count);
                break;
            case TearMode.Garbage:
                byte[] garbage = new byte[count];
                _random.NextBytes(garbage);
                inner.Write(slot, garbage, 0, count);
                break;
        }

        throw new PowerLossException();
    }
}
