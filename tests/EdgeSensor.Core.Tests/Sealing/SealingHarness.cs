using EdgeSensor.Core.Keys;
using EdgeSensor.Core.Sealing;
using EdgeSensor.Core.Storage;

namespace EdgeSensor.Core.Tests.Sealing;

/// <summary>Builds a device's sealing objects over a store, as the firmware does at boot.</summary>
internal static class SealingHarness
{
    public const int RatchetSlotA = 0;
    public const int RatchetSlotB = 1;
    public const int SequenceSlotA = 2;
    public const int SequenceSlotB = 3;

    /// <summary>Provisions the root key and moves the ratchet to <paramref name="epoch"/> at <paramref name="epochDay"/>.</summary>
    public static void Provision(INonVolatileStore store, byte[] rootKey, uint epoch, uint epochDay)
    {
        var ratchet = new EpochKeyRatchet(store, RatchetSlotA, RatchetSlotB);
        Assert.IsTrue(ratchet.TryProvision(rootKey, 0, epochDay));
        for (uint e = 0; e < epoch; e++)
        {
            Assert.IsTrue(ratchet.TryAdvance(epochDay));
        }
    }

    /// <summary>Makes the next reservation start at <paramref name="sequence"/>.</summary>
    public static void SetNextSequence(INonVolatileStore store, ulong sequence)
    {
        var record = new DualSlotRecord(store, SequenceSlotA, SequenceSlotB, 8);
        record.TryLoad(new byte[8], 0);
        Assert.IsTrue(record.Save(BitConverter.GetBytes(sequence), 0));
    }

    /// <summary>"Boot": new objects over whatever the store holds.</summary>
    public static ReportSealer Boot(INonVolatileStore store, ulong deviceId, uint blockSize = SequenceReservation.DefaultBlockSize)
    {
        var ratchet = new EpochKeyRatchet(store, RatchetSlotA, RatchetSlotB);
        Assert.IsTrue(ratchet.TryLoad(), "no epoch state survived");
        return new ReportSealer(deviceId, ratchet, new SequenceReservation(store, SequenceSlotA, SequenceSlotB, blockSize));
    }
}
