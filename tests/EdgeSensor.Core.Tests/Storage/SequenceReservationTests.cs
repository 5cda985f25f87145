using EdgeSensor.Core.Storage;

namespace EdgeSensor.Core.Tests.Storage;

[TestClass]
public sealed class SequenceReservationTests
{
    [TestMethod]
    public void HandsOutConsecutiveNumbersWithOneWritePerBlock()
    {
        var store = new InMemoryNonVolatileStore(2, 64);
        var sequences = new SequenceReservation(store, 0, 1, 16);
        for (ulong expected = 0; expected < 100; expected++)
        {
            Assert.IsTrue(sequences.TryNext(out ulong sequence));
            Assert.AreEqual(expected, sequence);
        }

        Assert.AreEqual(7, store.WriteCount); // ceil(100 / 16)
    }

    [TestMethod]
    public void RebootSkipsTheRestOfTheBlock()
    {
        var store = new InMemoryNonVolatileStore(2, 64);
        var before = new SequenceReservation(store, 0, 1, 16);
        for (int i = 0; i < 5; i++)
        {
            before.TryNext(out _);
        }

        var after = new SequenceReservation(store, 0, 1, 16);
        Assert.IsTrue(after.TryNext(out ulong sequence));
        Assert.AreEqual(16UL, sequence);
    }

    [TestMethod]
    public void FailedWriteTakesNoNumber()
    {
        var sequences = new SequenceReservation(new FailingStore(), 0, 1, 16);
        Assert.IsFalse(sequences.TryNext(out _));
        Assert.AreEqual(0UL, sequences.NextSequence);
    }

    /// <summary>
    /// Cuts power at every write index of a device's life, in every tear mode; after each cut the device
    /// "reboots" (new objects over the surviving store) and keeps going. No number may ever repeat and the
    /// device must reach its target.
    /// </summary>
    [TestMethod]
    public void PowerCutAtEveryWriteNeverRepeatsANumber()
    {
        const int target = 200;
        const uint blockSize = 8;
        int totalWrites = CountWrites(target, blockSize);
        foreach (TearMode mode in Enum.GetValues<TearMode>())
        {
            for (int cut = 0; cut < totalWrites; cut++)
            {
                var store = new FaultInjectingStore { CutAtWrite = cut, Mode = mode };
                var used = new HashSet<(int Epoch, ulong Sequence)>();
                int epoch = 0;
                int reboots = 0;
                while (used.Count < target)
                {
                    Assert.IsTrue(reboots++ < 3, $"{mode} cut {cut}: no progress");
                    try
                    {
                        var sequences = Open(store, blockSize, ref epoch);
                        while (used.Count < target)
                        {
                            Assert.IsTrue(sequences.TryNext(out ulong sequence));
                            Assert.IsTrue(used.Add((epoch, sequence)), $"{mode} cut {cut}: sequence {sequence} reused in epoch {epoch}");
                        }
                    }
                    catch (PowerLossException)
                    {
                    }
                }
            }
        }
    }

    [TestMethod]
    public void RepeatedRandomPowerCutsNeverRepeatANumber()
    {
        var random = new Random(42);
        var store = new FaultInjectingStore();
        var used = new HashSet<(int Epoch, ulong Sequence)>();
        int epoch = 0;
        for (int life = 0; life < 300; life++)
        {
            store.CutAtWrite = store.Writes + random.Next(0, 4);
            store.Mode = (TearMode)random.Next(0, 4);
            try
            {
                var sequences = Open(store, 4, ref epoch);
                int reports = random.Next(0, 20);
                for (int i = 0; i < reports; i++)
                {
                    Assert.IsTrue(sequences.TryNext(out ulong sequence));
                    Assert.IsTrue(used.Add((epoch, sequence)), $"sequence {sequence} reused in epoch {epoch}, life {life}");
                }
            }
            catch (PowerLossException)
            {
            }
        }

        Assert.IsTrue(used.Count > 500, $"only {used.Count} numbers used");
    }

    /// <summary>Boots a reservation; a damaged record restarts under a new epoch, as ReportSealer does.</summary>
    private static SequenceReservation Open(FaultInjectingStore store, uint blockSize, ref int epoch)
    {
        var sequences = new SequenceReservation(store, 0, 1, blockSize);
        if (sequences.IsDamaged)
        {
            epoch++;
            sequences.RestartUnderNewEpoch();
        }

        return sequences;
    }

    private static int CountWrites(int target, uint blockSize)
    {
        var store = new FaultInjectingStore();
        var sequences = new SequenceReservation(store, 0, 1, blockSize);
        for (int i = 0; i < target; i++)
        {
            sequences.TryNext(out _);
        }

        return store.Writes;
    }

    private sealed class FailingStore : INonVolatileStore
    {
        public int Read(int slot, byte[] buffer, int offset, int count) => 0;

        public bool Write(int slot, byte[] buffer, int offset, int count) => false;
    }
}
