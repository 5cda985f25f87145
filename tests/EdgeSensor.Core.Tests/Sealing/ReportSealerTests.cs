using EdgeSensor.Core.Bytes;
using EdgeSensor.Core.Keys;
using EdgeSensor.Core.Reports;
using EdgeSensor.Core.Sealing;
using EdgeSensor.Core.Storage;
using EdgeSensor.Core.Tests.Storage;
using EdgeSensor.Core.WireFormat;

namespace EdgeSensor.Core.Tests.Sealing;

[TestClass]
public sealed class ReportSealerTests
{
    private const ulong DeviceId = 0x0123456789abcdef;
    private const uint Day = 20782; // 2026-11-25
    private static readonly byte[] s_root = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    [TestMethod]
    public void SealsWithConsecutiveSequencesAndTheHeaderFields()
    {
        ReportSealer sealer = NewDevice(new InMemoryNonVolatileStore(4, 64));
        byte[] output = new byte[ReportSealer.SealedLength];
        for (ulong expected = 0; expected < 3; expected++)
        {
            Assert.AreEqual(ReportSealer.SealedLength, sealer.Seal(Report(), output, 0));
            Assert.AreEqual(SealStatus.Sealed, sealer.LastStatus);
            Assert.AreEqual(ReportHeader.Version1, output[0]);
            Assert.AreEqual(0, output[1]);
            Assert.AreEqual(DeviceId, LittleEndian.ReadUInt64(output, ReportHeader.DeviceIdOffset));
            Assert.AreEqual(0u, LittleEndian.ReadUInt32(output, ReportHeader.EpochOffset));
            Assert.AreEqual(expected, LittleEndian.ReadUInt64(output, ReportHeader.SequenceOffset));
        }
    }

    [TestMethod]
    [DataRow(DisclosureMode.None, 0, 73)]
    [DataRow(DisclosureMode.SmallCountSuppression, 1, 75)]
    [DataRow(DisclosureMode.DifferentialPrivacy, 0, 73)]
    [DataRow(DisclosureMode.PersonDifferentialPrivacy, 1, 75)]
    public void TheModeAloneSetsTheFlagAndTheLength(DisclosureMode mode, int flags, int length)
    {
        ReportSealer sealer = NewDevice(new InMemoryNonVolatileStore(4, 64));
        WindowReport report = Report();
        report.DisclosureMode = mode;
        report.ContributionBound = (ushort)(mode == DisclosureMode.PersonDifferentialPrivacy ? 4 : 0);
        byte[] output = new byte[ReportSealer.MaxSealedLength];
        Assert.AreEqual(length, ReportSealer.SealedLengthFor(mode));
        Assert.AreEqual(length, sealer.Seal(report, output, 0));
        Assert.AreEqual(flags, output[ReportHeader.FlagsOffset]);

        // Withholding everything changes no length: the flag follows the mode, never the data.
        report.SuppressedMask = (byte)(mode == DisclosureMode.None || mode == DisclosureMode.DifferentialPrivacy ? 0x1F : 0x3F);
        Assert.AreEqual(length, sealer.Seal(report, output, 0));
    }

    [TestMethod]
    public void AnExtendedReportNeedsRoomForSeventyFiveBytes()
    {
        ReportSealer sealer = NewDevice(new InMemoryNonVolatileStore(4, 64));
        WindowReport report = Report();
        report.DisclosureMode = DisclosureMode.SmallCountSuppression;
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => sealer.Seal(report, new byte[ReportSealer.SealedLength], 0));
    }

    [TestMethod]
    public void SealingAllocatesNothingPerReport()
    {
        ReportSealer sealer = NewDevice(new InMemoryNonVolatileStore(4, 64));
        WindowReport report = Report();
        byte[] output = new byte[ReportSealer.SealedLength];
        for (int i = 0; i < 200; i++)
        {
            sealer.Seal(report, output, 0); // warm-up: JIT tiering and first-use statics may allocate once
        }

        // 1000 reports cross 15 reservation blocks; the in-memory store's own copy is the only allocation
        // it may make, and it reuses its slot arrays.
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            sealer.Seal(report, output, 0);
        }

        // Any per-report object would cost >= 24 KB here; allow only runtime noise (tiering stubs).
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.IsTrue(allocated < 100, $"{allocated} bytes allocated over 1000 reports");
    }

    [TestMethod]
    public void InvalidReportIsNotSealedAndTakesNoSequence()
    {
        ReportSealer sealer = NewDevice(new InMemoryNonVolatileStore(4, 64));
        WindowReport report = Report();
        report.PirActivityPermille = 1001;
        byte[] output = new byte[ReportSealer.SealedLength];
        Assert.AreEqual(0, sealer.Seal(report, output, 0));
        Assert.AreEqual(SealStatus.InvalidReport, sealer.LastStatus);
        Assert.AreEqual(ReportSealer.SealedLength, sealer.Seal(Report(), output, 0));
        Assert.AreEqual(0UL, LittleEndian.ReadUInt64(output, ReportHeader.SequenceOffset));
    }

    [TestMethod]
    public void OutputTooSmallIsAProgrammerError()
    {
        ReportSealer sealer = NewDevice(new InMemoryNonVolatileStore(4, 64));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => sealer.Seal(Report(), new byte[ReportSealer.SealedLength], 1));
    }

    [TestMethod]
    public void EpochAdvancesWhenTheUtcDayChangesButNotWhenTheClockGoesBack()
    {
        ReportSealer sealer = NewDevice(new InMemoryNonVolatileStore(4, 64));
        byte[] output = new byte[ReportSealer.SealedLength];
        WindowReport report = Report();
        sealer.Seal(report, output, 0);
        Assert.AreEqual(0u, sealer.Epoch);

        report.WindowStartUnixSeconds = (Day + 1) * 86400;
        sealer.Seal(report, output, 0);
        Assert.AreEqual(1u, LittleEndian.ReadUInt32(output, ReportHeader.EpochOffset));

        report.WindowStartUnixSeconds = (Day - 5) * 86400;
        sealer.Seal(report, output, 0);
        Assert.AreEqual(1u, LittleEndian.ReadUInt32(output, ReportHeader.EpochOffset));
    }

    [TestMethod]
    public void EpochAdvancesAfterMaxReportsWithAStuckClock()
    {
        ReportSealer sealer = NewDevice(new InMemoryNonVolatileStore(4, 64));
        sealer.MaxReportsPerEpoch = 10;
        byte[] output = new byte[ReportSealer.SealedLength];
        for (int i = 0; i < 25; i++)
        {
            sealer.Seal(Report(), output, 0);
        }

        Assert.AreEqual(2u, sealer.Epoch);
    }

    [TestMethod]
    public void StorageFailureSealsNothing()
    {
        var store = new SwitchableStore();
        ReportSealer sealer = NewDevice(store, blockSize: 2);
        byte[] output = new byte[ReportSealer.SealedLength];
        sealer.Seal(Report(), output, 0);
        sealer.Seal(Report(), output, 0);
        store.Failing = true;
        Assert.AreEqual(0, sealer.Seal(Report(), output, 0));
        Assert.AreEqual(SealStatus.StorageFailed, sealer.LastStatus);
        store.Failing = false;
        Assert.AreEqual(ReportSealer.SealedLength, sealer.Seal(Report(), output, 0));
        Assert.AreEqual(2UL, LittleEndian.ReadUInt64(output, ReportHeader.SequenceOffset));
    }

    /// <summary>
    /// The whole device (ratchet + reservation + sealer) with power cut at every write of its life, in every
    /// tear mode, epochs advancing every few reports: after each cut it reboots over the surviving store and
    /// carries on. No (epoch, sequence) pair — i.e. no nonce under any key — may be used twice, and it must
    /// reach its target.
    /// </summary>
    [TestMethod]
    public void PowerCutAtEveryWriteNeverReusesANonce()
    {
        const int target = 60;
        int totalWrites = RunLife(new FaultInjectingStore(), target, new HashSet<(uint, ulong)>());
        Assert.IsTrue(totalWrites > 20, $"only {totalWrites} writes");
        foreach (TearMode mode in Enum.GetValues<TearMode>())
        {
            for (int cut = 0; cut < totalWrites; cut++)
            {
                var store = new FaultInjectingStore { CutAtWrite = cut, Mode = mode };
                var used = new HashSet<(uint Epoch, ulong Sequence)>();
                int lives = 0;
                while (used.Count < target)
                {
                    Assert.IsTrue(lives++ < 3, $"{mode} cut {cut}: no progress");
                    try
                    {
                        RunLife(store, target, used, provisionIfEmpty: lives == 1);
                    }
                    catch (PowerLossException)
                    {
                    }
                }
            }
        }
    }

    [TestMethod]
    public void DamagedSequenceRecordMovesToAFreshEpochInsteadOfRestartingTheOldOne()
    {
        var store = new InMemoryNonVolatileStore(4, 64);
        ReportSealer sealer = NewDevice(store);
        byte[] output = new byte[ReportSealer.SealedLength];
        var used = new HashSet<(uint, ulong)>();
        for (int i = 0; i < 10; i++)
        {
            sealer.Seal(Report(), output, 0);
            used.Add((LittleEndian.ReadUInt32(output, ReportHeader.EpochOffset), LittleEndian.ReadUInt64(output, ReportHeader.SequenceOffset)));
        }

        // Both copies of the reservation rot (not a fresh device: the slots hold bytes).
        byte[] garbage = Enumerable.Repeat((byte)0x5A, 16).ToArray();
        store.Write(SealingHarness.SequenceSlotA, garbage, 0, garbage.Length);
        store.Write(SealingHarness.SequenceSlotB, garbage, 0, garbage.Length);

        ReportSealer rebooted = SealingHarness.Boot(store, DeviceId);
        for (int i = 0; i < 10; i++)
        {
            Assert.AreEqual(ReportSealer.SealedLength, rebooted.Seal(Report(), output, 0));
            var nonce = (LittleEndian.ReadUInt32(output, ReportHeader.EpochOffset), LittleEndian.ReadUInt64(output, ReportHeader.SequenceOffset));
            Assert.AreEqual(1u, nonce.Item1, "moved to a fresh epoch");
            Assert.IsTrue(used.Add(nonce), $"nonce {nonce} reused");
        }
    }

    [TestMethod]
    public void DamagedReservationHandsOutNothingUntilRestarted()
    {
        var store = new InMemoryNonVolatileStore(4, 64);
        byte[] garbage = Enumerable.Repeat((byte)0x5A, 16).ToArray();
        store.Write(0, garbage, 0, garbage.Length);
        var sequences = new SequenceReservation(store, 0, 1, 8);
        Assert.IsTrue(sequences.IsDamaged);
        Assert.IsFalse(sequences.TryNext(out _));
        sequences.RestartUnderNewEpoch();
        Assert.IsTrue(sequences.TryNext(out ulong first));
        Assert.AreEqual(0UL, first);
        Assert.IsFalse(new SequenceReservation(new InMemoryNonVolatileStore(4, 64), 0, 1, 8).IsDamaged, "a fresh store is not damaged");
    }

    [TestMethod]
    public void AdvancingLeavesNoCopyOfTheOldChainKeyInTheStore()
    {
        var store = new FaultInjectingStore();
        ReportSealer sealer = NewDevice(store);
        byte[] k0 = new byte[32];
        EpochKeyRatchet.DeriveInitialChainKey(s_root, 0, k0, 0);
        Assert.IsTrue(Contains(store.Snapshot(SealingHarness.RatchetSlotA)!, k0));
        Assert.IsTrue(sealer.TryAdvanceEpoch(Day));
        foreach (int slot in new[] { SealingHarness.RatchetSlotA, SealingHarness.RatchetSlotB })
        {
            Assert.IsFalse(Contains(store.Snapshot(slot)!, k0), $"slot {slot} still holds K[0]");
        }
    }

    private static int RunLife(FaultInjectingStore store, int target, HashSet<(uint, ulong)> used, bool provisionIfEmpty = true)
    {
        var probe = new EpochKeyRatchet(store, SealingHarness.RatchetSlotA, SealingHarness.RatchetSlotB);
        if (!probe.TryLoad())
        {
            Assert.IsTrue(provisionIfEmpty || used.Count == 0, "epoch state lost after reports were sealed");
            Assert.IsTrue(probe.TryProvision(s_root, 0, Day));
        }

        ReportSealer sealer = SealingHarness.Boot(store, DeviceId, blockSize: 4);
        sealer.MaxReportsPerEpoch = 7;
        byte[] output = new byte[ReportSealer.SealedLength];
        while (used.Count < target)
        {
            Assert.AreEqual(ReportSealer.SealedLength, sealer.Seal(Report(), output, 0));
            var nonce = (LittleEndian.ReadUInt32(output, ReportHeader.EpochOffset), LittleEndian.ReadUInt64(output, ReportHeader.SequenceOffset));
            Assert.IsTrue(used.Add(nonce), $"nonce (epoch {nonce.Item1}, sequence {nonce.Item2}) reused");
        }

        return store.Writes;
    }

    private static ReportSealer NewDevice(INonVolatileStore store, uint blockSize = 64)
    {
        SealingHarness.Provision(store, s_root, 0, Day);
        return SealingHarness.Boot(store, DeviceId, blockSize);
    }

    internal static WindowReport Report() => new()
    {
        WindowStartUnixSeconds = Day * 86400 + 600,
        WindowLengthSeconds = 300,
        Entries = 4,
        Exits = 3,
        OccupancyAtEnd = 1,
        PeakOccupancy = 2,
        PirActivityPermille = 120,
        CalibrationState = CalibrationState.Calibrated,
        FirmwareVersion = 0x000100,
    };

    private static bool Contains(byte[] haystack, byte[] needle) =>
        haystack.AsSpan().IndexOf(needle) >= 0;

    private sealed class SwitchableStore : INonVolatileStore
    {
        private readonly InMemoryNonVolatileStore _inner = new(4, 64);

        public bool Failing { get; set; }

        public int Read(int slot, byte[] buffer, int offset, int count) => _inner.Read(slot, buffer, offset, count);

        public bool Write(int slot, byte[] buffer, int offset, int count) => !Failing && _inner.Write(slot, buffer, offset, count);
    }
}
