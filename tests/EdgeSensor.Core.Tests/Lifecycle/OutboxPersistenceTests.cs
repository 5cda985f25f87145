using EdgeSensor.Core.Device;
using EdgeSensor.Core.Outbox;
using EdgeSensor.Core.Sealing;
using EdgeSensor.Core.Storage;
using EdgeSensor.Core.Tests.Device;
using EdgeSensor.Core.Tests.Storage;

namespace EdgeSensor.Core.Tests.Lifecycle;

/// <summary>
/// The outbox journal (<see cref="DeviceSettings.PersistOutbox"/>): unacknowledged reports survive reboots and
/// power cuts at any write, and no sequence number is ever used for two different reports.
/// </summary>
[TestClass]
public sealed class OutboxPersistenceTests
{
    [TestMethod]
    public void UnconfirmedReports_SurviveAReboot_OldestFirst_ByteForByte()
    {
        var store = new JournalWatcher(NodeRig.Provision(new FaultInjectingStore(), NodeRig.RootKey()));
        var first = new SensorNode(NodeRig.Settings(), store, null);
        WalkScript.Every(3000, 10).Run(first, 0, 50_001, NodeRig.StartUnix);
        Assert.AreEqual(5, first.PendingReports);
        Assert.IsTrue(first.ConfirmPublished());

        var second = new SensorNode(NodeRig.Settings(), store, null);

        Assert.AreEqual(4, second.RestoredReports);
        List<byte[]> after = Drain(second);
        CollectionAssert.AreEqual(new ulong[] { 1, 2, 3, 4 }, after.Select(CoreReportOpener.SequenceOf).ToArray());
        foreach (byte[] report in after)
        {
            CollectionAssert.AreEqual(store.Journaled[CoreReportOpener.SequenceOf(report)], report);
        }
    }

    [TestMethod]
    public void ConfirmedReports_DoNotComeBack()
    {
        var store = NodeRig.Provision(NodeRig.NewStore(), NodeRig.RootKey());
        var first = new SensorNode(NodeRig.Settings(), store, null);
        WalkScript.Every(3000, 5).Run(first, 0, 30_001, NodeRig.StartUnix);
        while (first.PendingReports > 0)
        {
            first.ConfirmPublished();
        }

        var second = new SensorNode(NodeRig.Settings(), store, null);
        Assert.AreEqual(0, second.PendingReports);
        Assert.AreEqual(0, second.ReportsLostAtBoot);
    }

    [TestMethod]
    public void FullJournal_KeepsTheNewest_LikeTheRamOutbox()
    {
        var settings = NodeRig.Settings(outboxCapacity: 3);
        var store = new JournalWatcher(NodeRig.Provision(new FaultInjectingStore(), NodeRig.RootKey()));
        var first = new SensorNode(settings, store, null);
        WalkScript.Every(3000, 10).Run(first, 0, 70_001, NodeRig.StartUnix);
        Assert.AreEqual(7, first.ReportsSealed);
        Assert.AreEqual(4u, first.OutboxDrops);

        List<byte[]> after = Drain(new SensorNode(settings, store, null));
        CollectionAssert.AreEqual(new ulong[] { 4, 5, 6 }, after.Select(CoreReportOpener.SequenceOf).ToArray());
        foreach (byte[] report in after)
        {
            CollectionAssert.AreEqual(store.Journaled[CoreReportOpener.SequenceOf(report)], report);
        }
    }

    [TestMethod]
    public void PowerCutAtAnyWrite_LosesNothingUnsentSilently_AndNeverReusesASequence()
    {
        // A reference run without cuts counts the writes one device lifetime makes.
        var reference = new FaultInjectingStore();
        NodeRig.Provision(reference, NodeRig.RootKey());
        int writes = Lifetime(new JournalWatcher(reference));
        Assert.IsTrue(writes > 15, $"{writes} writes");

        foreach (TearMode mode in Enum.GetValues<TearMode>())
        {
            for (int cut = 0; cut < writes; cut++)
            {
                var store = new FaultInjectingStore { Mode = mode };
                NodeRig.Provision(store, NodeRig.RootKey());
                store.CutAtWrite = store.Writes + cut;
                var watcher = new JournalWatcher(store);
                Lifetime(watcher);
                string at = $"{mode}, cut at write {cut}";

                // Reboot after the cut.
                var node = new SensorNode(NodeRig.Settings(), store, null);
                List<byte[]> restored = Drain(node);
                var restoredSequences = restored.Select(CoreReportOpener.SequenceOf).ToList();
                foreach (byte[] report in restored)
                {
                    ulong sequence = CoreReportOpener.SequenceOf(report);
                    Assert.IsTrue(watcher.Journaled.TryGetValue(sequence, out byte[]? original), $"{at}: restored an unknown report {sequence}");
                    CollectionAssert.AreEqual(original, report, $"{at}: report {sequence} changed");
                }

                Assert.IsFalse(restoredSequences.Any(watcher.Confirmed.Contains), $"{at}: a confirmed report came back");

                // Only the report being journaled when the power went may be missing; torn, it is counted at boot.
                var missing = watcher.Journaled.Keys
                    .Where(s => !watcher.Confirmed.Contains(s) && s != watcher.InDoubt && !restoredSequences.Contains(s))
                    .ToList();
                Assert.IsTrue(missing.Count <= 1, $"{at}: lost {string.Join(",", missing)}");
                if (missing.Count == 1)
                {
                    Assert.AreEqual(watcher.Journaled.Keys.Max(), missing[0], $"{at}: lost a report other than the newest");
                    if (mode != TearMode.Dropped)
                    {
                        Assert.AreEqual(1, node.ReportsLostAtBoot, $"{at}: a torn report is counted");
                    }
                }

                // The second life never reuses a sequence number of the first.
                WalkScript.Every(3000, 5).Run(node, 0, 30_001, NodeRig.StartUnix + 1000);
                foreach (byte[] report in Drain(node))
                {
                    ulong sequence = CoreReportOpener.SequenceOf(report);
                    Assert.IsFalse(watcher.Journaled.ContainsKey(sequence), $"{at}: sequence {sequence} used twice");
                }

                var third = new SensorNode(NodeRig.Settings(), store, null);
                Assert.AreEqual(0, third.ReportsLostAtBoot, $"{at}: a torn frame is counted once");
            }
        }
    }

    [TestMethod]
    public void Journal_RequiresRestoreBeforeUse()
    {
        var journal = new OutboxJournal(NodeRig.NewStore(), DeviceStorage.OutboxConfirmedSlotA, DeviceStorage.OutboxConfirmedSlotB, DeviceStorage.OutboxFirstSlot, 8, ReportSealer.SealedLength);
        Assert.ThrowsExactly<InvalidOperationException>(() => journal.Append(new byte[ReportSealer.SealedLength], 0, ReportSealer.SealedLength));
    }

    [TestMethod]
    public void FailingJournalWrites_AreCounted_AndTheReportStillGoesOutFromRam()
    {
        var inner = NodeRig.Provision(NodeRig.NewStore(), NodeRig.RootKey());
        int[] journalSlots = Enumerable.Range(DeviceStorage.OutboxFirstSlot, 8).ToArray();
        var store = new SlotFailingStore(inner, journalSlots) { Failing = true };
        var node = new SensorNode(NodeRig.Settings(), store, null);
        WalkScript.Every(3000, 5).Run(node, 0, 20_001, NodeRig.StartUnix);

        Assert.AreEqual(2, node.PendingReports);
        Assert.AreEqual(2, node.OutboxJournalFailures);
        Assert.IsTrue(node.ConfirmPublished());
        Assert.IsTrue(node.ConfirmPublished());
    }

    // Seals 6 windows, confirming one report after every second window, until the power cut (a PowerLossException)
    // stops the "CPU". Returns the writes made.
    private static int Lifetime(JournalWatcher store)
    {
        int start = store.Inner.Writes;
        var buffer = new byte[ReportSealer.SealedLength];
        try
        {
            var node = new SensorNode(NodeRig.Settings(), store, null);
            var walk = WalkScript.Every(3000, 20);
            for (int window = 1; window <= 6; window++)
            {
                walk.Run(node, (window - 1) * 10_000L, (window * 10_000L) + 1, NodeRig.StartUnix);
                if (window % 2 == 0)
                {
                    node.PeekReport(buffer, 0);
                    store.InDoubt = CoreReportOpener.SequenceOf(buffer);
                    node.ConfirmPublished();
                    store.Confirmed.Add(store.InDoubt);
                    store.InDoubt = ulong.MaxValue;
                }
            }
        }
        catch (PowerLossException)
        {
        }

        return store.Inner.Writes - start;
    }

    // Every pending report, oldest first, confirming each (as a publisher would).
    private static List<byte[]> Drain(SensorNode node)
    {
        var reports = new List<byte[]>();
        var buffer = new byte[ReportSealer.SealedLength];
        while (node.PeekReport(buffer, 0) > 0)
        {
            reports.Add((byte[])buffer.Clone());
            node.ConfirmPublished();
        }

        return reports;
    }

    /// <summary>
    /// Passes everything to a <see cref="FaultInjectingStore"/> and notes each report the journal tried to write
    /// (the frame's bytes as handed to the store, whether or not the power cut let them land).
    /// </summary>
    private sealed class JournalWatcher(FaultInjectingStore inner) : INonVolatileStore
    {
        public FaultInjectingStore Inner { get; } = inner;

        public Dictionary<ulong, byte[]> Journaled { get; } = [];

        public HashSet<ulong> Confirmed { get; } = [];

        /// <summary>The report being confirmed when the power went (it may or may not come back), or MaxValue.</summary>
        public ulong InDoubt { get; set; } = ulong.MaxValue;

        public int Read(int slot, byte[] buffer, int offset, int count) => Inner.Read(slot, buffer, offset, count);

        public bool Write(int slot, byte[] buffer, int offset, int count)
        {
            if (slot >= DeviceStorage.OutboxFirstSlot && count == 8 + ReportSealer.SealedLength + 4) // a journal frame of a mode-0 node (NodeRig)
            {
                byte[] report = buffer.AsSpan(offset + 8, ReportSealer.SealedLength).ToArray();
                Journaled[CoreReportOpener.SequenceOf(report)] = report;
            }

            return Inner.Write(slot, buffer, offset, count);
        }
    }
}
