using EdgeSensor.Core.Device;
using EdgeSensor.Core.Outbox;
using EdgeSensor.Core.Sealing;
using EdgeSensor.Core.Storage;
using EdgeSensor.Core.Tests.Storage;

namespace EdgeSensor.Core.Tests.Firmware;

/// <summary>
/// What every <see cref="INonVolatileStore"/> must do, run against each implementation: the in-memory store the
/// simulator uses and the firmware's file store (<see cref="FileStoreContractTests"/>). "Reopen" is a reboot: a new
/// store object over the same medium.
/// </summary>
public abstract class NonVolatileStoreContract
{
    protected const int Slots = 12;
    protected const int MaxRecord = 96;

    /// <summary>A fresh, empty medium's store.</summary>
    protected abstract INonVolatileStore Create();

    /// <summary>The same medium after a reboot.</summary>
    protected abstract INonVolatileStore Reopen();

    [TestMethod]
    public void EmptySlot_ReadsZeroBytes() => Assert.AreEqual(0, Create().Read(3, new byte[8], 0, 8));

    [TestMethod]
    public void Write_ThenRead_ReturnsTheBytes_AcrossAReboot()
    {
        var store = Create();
        Assert.IsTrue(store.Write(5, [0, 1, 2, 3, 4, 5, 6, 7], 2, 5));
        byte[] read = new byte[10];
        Assert.AreEqual(5, Reopen().Read(5, read, 1, 9));
        CollectionAssert.AreEqual(new byte[] { 0, 2, 3, 4, 5, 6, 0, 0, 0, 0 }, read);
    }

    [TestMethod]
    public void Write_ReplacesTheWholeSlot_AndLeavesOthersAlone()
    {
        var store = Create();
        store.Write(1, [9, 9, 9, 9, 9, 9], 0, 6);
        store.Write(2, [7], 0, 1);
        store.Write(1, [1, 2], 0, 2);
        byte[] read = new byte[8];
        Assert.AreEqual(2, store.Read(1, read, 0, 8));
        Assert.AreEqual(1, store.Read(2, read, 4, 4));
        Assert.AreEqual(7, read[4]);
    }

    [TestMethod]
    public void Read_OfFewerBytesThanStored_ReturnsWhatWasAskedFor()
    {
        var store = Create();
        store.Write(0, [1, 2, 3, 4], 0, 4);
        byte[] read = new byte[2];
        Assert.AreEqual(2, store.Read(0, read, 0, 2));
        CollectionAssert.AreEqual(new byte[] { 1, 2 }, read);
    }

    [TestMethod]
    public void OversizedWrite_IsRefused_AndTheSlotKeepsItsBytes()
    {
        var store = Create();
        store.Write(4, [4, 4], 0, 2);
        Assert.IsFalse(store.Write(4, new byte[MaxRecord + 1], 0, MaxRecord + 1));
        Assert.AreEqual(2, store.Read(4, new byte[8], 0, 8));
    }

    [TestMethod]
    public void EmptyWrite_EmptiesTheSlot()
    {
        var store = Create();
        store.Write(6, [1, 2, 3], 0, 3);
        Assert.IsTrue(store.Write(6, [], 0, 0));
        Assert.AreEqual(0, Reopen().Read(6, new byte[4], 0, 4));
    }

    [TestMethod]
    public void SlotOutOfRange_Throws() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Create().Write(Slots, [1], 0, 1));

    [TestMethod]
    public void DualSlotRecord_PowerCutAtAnyWrite_LoadsTheOldOrTheNewPayload()
    {
        foreach (TearMode mode in Enum.GetValues<TearMode>())
        {
            for (int cut = 0; cut < 6; cut++)
            {
                var store = new TearingStore(Create()) { CutAtWrite = cut, Mode = mode };
                var record = new DualSlotRecord(store, 0, 1, 4);
                record.TryLoad(new byte[4], 0);
                byte lastSaved = 0;
                try
                {
                    for (byte i = 1; i <= 6; i++)
                    {
                        record.Save([i, i, i, i], 0);
                        lastSaved = i;
                    }
                }
                catch (PowerLossException)
                {
                }

                byte[] loaded = new byte[4];
                bool found = new DualSlotRecord(Reopen(), 0, 1, 4).TryLoad(loaded, 0);
                string at = $"{mode} cut {cut}";
                if (lastSaved == 0)
                {
                    Assert.IsFalse(found, at);
                }
                else
                {
                    Assert.IsTrue(found, at);
                    Assert.IsTrue(loaded[0] == lastSaved || loaded[0] == lastSaved + 1, $"{at}: loaded {loaded[0]}, last saved {lastSaved}");
                    Assert.IsTrue(loaded.All(b => b == loaded[0]), at);
                }
            }
        }
    }

    [TestMethod]
    public void OutboxJournal_PowerCutAtAnyWrite_RestoresEveryConfirmedUnsentReport()
    {
        const int capacity = 4;
        int length = ReportSealer.SealedLength;
        foreach (TearMode mode in Enum.GetValues<TearMode>())
        {
            for (int cut = 0; cut < 12; cut++)
            {
                var store = new TearingStore(Create()) { CutAtWrite = cut, Mode = mode };
                var outbox = new ReportOutbox(capacity, length);
                var journal = NewJournal(store, capacity);
                journal.Restore(outbox);
                var pending = new List<byte>();
                byte beingWritten = 0;
                try
                {
                    // Append reports 1..6 (the first two overwritten when full), confirming after 3 and 5.
                    for (byte n = 1; n <= 6; n++)
                    {
                        if (pending.Count == capacity)
                        {
                            // Full: the oldest is dropped in RAM and its journal slot reused.
                            pending.RemoveAt(0);
                        }

                        beingWritten = n;
                        byte[] report = Report(n, length);
                        outbox.Enqueue(report, 0, length);
                        journal.Append(report, 0, length);
                        pending.Add(n);
                        beingWritten = 0;
                        if (n is 3 or 5)
                        {
                            outbox.RemoveOldest();
                            beingWritten = pending[0];
                            pending.RemoveAt(0);
                            journal.ConfirmOldest();
                            beingWritten = 0;
                        }
                    }
                }
                catch (PowerLossException)
                {
                }

                var restored = new ReportOutbox(capacity, length);
                var rebooted = NewJournal(Reopen(), capacity);
                rebooted.Restore(restored);
                var got = new List<byte>();
                byte[] buffer = new byte[length];
                while (restored.PeekOldest(buffer, 0) > 0)
                {
                    Assert.IsTrue(buffer.Skip(1).All(b => b == buffer[0]), $"{mode} cut {cut}: a restored report is intact");
                    got.Add(buffer[0]);
                    restored.RemoveOldest();
                }

                string at = $"{mode} cut {cut}: pending [{string.Join(",", pending)}], restored [{string.Join(",", got)}], in flight {beingWritten}";
                foreach (byte n in pending)
                {
                    Assert.IsTrue(got.Contains(n), at);
                }

                Assert.IsTrue(got.All(n => pending.Contains(n) || n == beingWritten), at);
                CollectionAssert.AreEqual(got.OrderBy(n => n).ToList(), got, $"{at}: oldest first");
            }
        }
    }

    private static OutboxJournal NewJournal(INonVolatileStore store, int capacity) =>
        new(store, DeviceStorage.OutboxConfirmedSlotA, DeviceStorage.OutboxConfirmedSlotB, DeviceStorage.OutboxFirstSlot - 8, capacity, ReportSealer.SealedLength);

    private static byte[] Report(byte n, int length) => Enumerable.Repeat(n, length).ToArray();
}

[TestClass]
public sealed class InMemoryStoreContractTests : NonVolatileStoreContract
{
    private InMemoryNonVolatileStore? _store;

    protected override INonVolatileStore Create() => _store = new InMemoryNonVolatileStore(Slots, MaxRecord);

    protected override INonVolatileStore Reopen() => _store!;
}
