using EdgeSensor.Core.Storage;

namespace EdgeSensor.Core.Tests.Storage;

/// <summary>How a write interrupted by power loss leaves its slot.</summary>
public enum TearMode
{
    /// <summary>The write never reached the flash: the old contents remain.</summary>
    Dropped,

    /// <summary>Only the first half of the new bytes were written, and the file ends there.</summary>
    Truncated,

    /// <summary>The first half is new, the rest still the old bytes.</summary>
    Mixed,

    /// <summary>The slot holds random bytes of the new length.</summary>
    Garbage,
}

/// <summary>Thrown by <see cref="FaultInjectingStore"/> to stop the "CPU" at the moment power is cut.</summary>
public sealed class PowerLossException : Exception
{
    public PowerLossException()
        : base("power cut")
    {
    }
}

/// <summary>
/// An <see cref="INonVolatileStore"/> whose contents survive "reboots" (new objects built over it) and which
/// cuts power at a chosen write: the write is applied as <see cref="TearMode"/> says and the call throws
/// <see cref="PowerLossException"/>, so nothing after it runs.
/// </summary>
public sealed class FaultInjectingStore : INonVolatileStore
{
    private readonly Dictionary<int, byte[]> _slots = [];
    private readonly Random _random = new(1234);

    /// <summary>Writes attempted so far (including the one cut).</summary>
    public int Writes { get; private set; }

    /// <summary>Index of the write (0-based, over the store's life) to cut power at; -1 for none.</summary>
    public int CutAtWrite { get; set; } = -1;

    public TearMode Mode { get; set; }

    public int Read(int slot, byte[] buffer, int offset, int count)
    {
        if (!_slots.TryGetValue(slot, out byte[]? stored))
        {
            return 0;
        }

        int length = Math.Min(stored.Length, count);
        Array.Copy(stored, 0, buffer, offset, length);
        return length;
    }

    public bool Write(int slot, byte[] buffer, int offset, int count)
    {
        int index = Writes++;
        byte[] incoming = buffer.AsSpan(offset, count).ToArray();
        if (index != CutAtWrite)
        {
            _slots[slot] = incoming;
            return true;
        }

        _slots.TryGetValue(slot, out byte[]? old);
        int half = count / 2;
        switch (Mode)
        {
            case TearMode.Dropped:
                break;
            case TearMode.Truncated:
                _slots[slot] = incoming[..half];
                break;
            case TearMode.Mixed:
                byte[] mixed = new byte[count];
                old?.AsSpan(0, Math.Min(old.Length, count)).CopyTo(mixed);
                incoming.AsSpan(0, half).CopyTo(mixed);
                _slots[slot] = mixed;
                break;
            case TearMode.Garbage:
                byte[] garbage = new byte[count];
                _random.NextBytes(garbage);
                _slots[slot] = garbage;
                break;
        }

        throw new PowerLossException();
    }

    /// <summary>A copy of a slot's bytes (null when empty), for tests that inspect what survived.</summary>
    public byte[]? Snapshot(int slot) => _slots.TryGetValue(slot, out byte[]? stored) ? (byte[])stored.Clone() : null;
}
