using EdgeSensor.Core.Aggregation;
using EdgeSensor.Core.Reports;

namespace EdgeSensor.Core.Tests.Aggregation;

[TestClass]
public sealed class WindowAggregatorTests
{
    private const uint T0 = 1_764_000_000; // 2025-11-24T16:00:00Z, a multiple of 3600

    private static WindowAggregator Create(int lengthSeconds = 60)
    {
        return new WindowAggregator(new AggregatorSettings
        {
            WindowLengthSeconds = lengthSeconds,
            RebootCount = 7,
            FirmwareVersion = 0x010203,
        });
    }

    [TestMethod]
    [DataRow(10)]
    [DataRow(15)]
    [DataRow(60)]
    [DataRow(300)]
    [DataRow(3600)]
    public void Windows_AreAlignedToTheirLength(int length)
    {
        var aggregator = Create(length);
        var report = new WindowReport();
        uint boot = T0 + 3 * (uint)length + (uint)length / 3 + 1;
        uint firstStart = boot - boot % (uint)length;

        Assert.IsFalse(aggregator.TryCloseWindow(boot, 0, report));
        Assert.AreEqual(firstStart, aggregator.CurrentWindowStartUnixSeconds);
        uint end = firstStart + (uint)length;
        Assert.IsFalse(aggregator.TryCloseWindow(end - 1, 1000, report));
        Assert.IsTrue(aggregator.TryCloseWindow(end, 2000, report));
        Assert.AreEqual(firstStart, report.WindowStartUnixSeconds);
        Assert.AreEqual((ushort)length, report.WindowLengthSeconds);
        Assert.IsTrue(aggregator.LastWindowPartial, "first window after boot");

        // Subsequent windows: one per boundary, consecutive aligned starts, not partial.
        for (int i = 1; i <= 5; i++)
        {
            uint start = firstStart + (uint)(i * length);
            Assert.IsFalse(aggregator.TryCloseWindow(start + (uint)length - 1, 0, report));
            Assert.IsTrue(aggregator.TryCloseWindow(start + (uint)length + 1, 0, report));
            Assert.AreEqual(start, report.WindowStartUnixSeconds);
            Assert.AreEqual(0u, report.WindowStartUnixSeconds % (uint)length);
            Assert.IsFalse(aggregator.LastWindowPartial);
            Assert.IsFalse(aggregator.TryCloseWindow(start + (uint)length + 1, 0, report), "a boundary closes once");
        }
    }

    [TestMethod]
    public void Counters_AndHealth_AreReportedAndReset()
    {
        var aggregator = Create();
        var report = new WindowReport();
        aggregator.TryCloseWindow(T0, 0, report);
        aggregator.RecordEntry();
        aggregator.RecordEntry();
        aggregator.RecordEntry();
        aggregator.RecordExit();
        aggregator.RecordOccupancy(3);
        aggregator.RecordOccupancy(7);
        aggregator.RecordOccupancy(2);
        aggregator.RecordSamples(1000, 25);
        aggregator.RecordSample(false);
        aggregator.RecordSample(true);
        aggregator.SetCalibrationState(CalibrationState.Calibrated);

        Assert.IsTrue(aggregator.TryCloseWindow(T0 + 60, 60_000, report));
        Assert.AreEqual((ushort)3, report.Entries);
        Assert.AreEqual((ushort)1, report.Exits);
        Assert.AreEqual((ushort)2, report.OccupancyAtEnd);
        Assert.AreEqual((ushort)7, report.PeakOccupancy);
        Assert.AreEqual((ushort)25, report.InvalidSamplePermille); // 26 of 1002 -> 25.9 -> 25
        Assert.AreEqual(CalibrationState.Calibrated, report.CalibrationState);
        Assert.AreEqual((ushort)7, report.RebootCount);
        Assert.AreEqual(0x010203u, report.FirmwareVersion);
        Assert.AreEqual(DisclosureModeNone, report.DisclosureMode);
        Assert.AreEqual((byte)0, report.SuppressedMask);

        // Next window: counts start at 0, occupancy carries over and seeds the peak.
        Assert.IsTrue(aggregator.TryCloseWindow(T0 + 120, 120_000, report));
        Assert.AreEqual((ushort)0, report.Entries);
        Assert.AreEqual((ushort)0, report.Exits);
        Assert.AreEqual((ushort)2, report.OccupancyAtEnd);
        Assert.AreEqual((ushort)2, report.PeakOccupancy);
        Assert.AreEqual((ushort)0, report.InvalidSamplePermille);
        Assert.AreEqual(CalibrationState.Calibrated, report.CalibrationState);
    }

    private const EdgeSensor.Core.Reports.DisclosureMode DisclosureModeNone = EdgeSensor.Core.Reports.DisclosureMode.None;

    [TestMethod]
    public void Counters_Saturate_AtWireMaximum()
    {
        var aggregator = Create();
        var report = new WindowReport();
        aggregator.TryCloseWindow(T0, 0, report);
        for (int i = 0; i < 70_000; i++)
        {
            aggregator.RecordEntry();
        }

        aggregator.RecordOccupancy(1_000_000);
        aggregator.RecordOccupancy(-5);
        Assert.IsTrue(aggregator.TryCloseWindow(T0 + 60, 0, report));
        Assert.AreEqual(ushort.MaxValue, report.Entries);
        Assert.AreEqual(ushort.MaxValue, report.PeakOccupancy);
        Assert.AreEqual((ushort)0, report.OccupancyAtEnd);
    }

    [TestMethod]
    public void PirActivity_IsShareOfMonotonicWindowTime()
    {
        var aggregator = Create();
        var report = new WindowReport();
        aggregator.TryCloseWindow(T0, 0, report);
        aggregator.RecordPirState(true, 10_000);
        aggregator.RecordPirState(false, 20_000);
        aggregator.RecordPirState(true, 50_000);
        aggregator.RecordPirState(true, 52_000); // repeated level: harmless
        aggregator.RecordPirState(false, 55_000);
        Assert.IsTrue(aggregator.TryCloseWindow(T0 + 60, 60_000, report));
        Assert.AreEqual((ushort)250, report.PirActivityPermille); // 15 s of 60 s
        Assert.AreEqual(60_000L, aggregator.LastWindowObservedMilliseconds);
    }

    [TestMethod]
    public void PirActivity_HighAcrossBoundary_IsSplitBetweenWindows()
    {
        var aggregator = Create();
        var report = new WindowReport();
        aggregator.TryCloseWindow(T0, 0, report);
        aggregator.RecordPirState(true, 45_000);
        Assert.IsTrue(aggregator.TryCloseWindow(T0 + 60, 60_000, report));
        Assert.AreEqual((ushort)250, report.PirActivityPermille);
        aggregator.RecordPirState(false, 90_000);
        Assert.IsTrue(aggregator.TryCloseWindow(T0 + 120, 120_000, report));
        Assert.AreEqual((ushort)500, report.PirActivityPermille);
        Assert.IsTrue(aggregator.TryCloseWindow(T0 + 180, 180_000, report));
        Assert.AreEqual((ushort)0, report.PirActivityPermille);
    }

    [TestMethod]
    public void MonotonicTimeGoingBackwards_NeverGivesNegativeDurations()
    {
        var aggregator = Create();
        var report = new WindowReport();
        aggregator.TryCloseWindow(T0, 100_000, report);
        aggregator.RecordPirState(true, 110_000);
        aggregator.RecordPirState(false, 50_000); // caller bug: earlier than before, counts as 110 000
        Assert.IsTrue(aggregator.TryCloseWindow(T0 + 60, 40_000, report));
        Assert.AreEqual((ushort)0, report.PirActivityPermille);
        Assert.IsTrue(aggregator.LastWindowObservedMilliseconds >= 0);
    }

    [TestMethod]
    public void PirActivity_AlwaysHigh_Is1000()
    {
        var aggregator = Create();
        var report = new WindowReport();
        aggregator.RecordPirState(true, 5_000);
        aggregator.TryCloseWindow(T0 + 5, 5_000, report);
        Assert.IsTrue(aggregator.TryCloseWindow(T0 + 61, 61_000, report));
        Assert.AreEqual((ushort)1000, report.PirActivityPermille);
    }

    [TestMethod]
    public void ClockNotSet_KeepsCounting_IntoFirstPartialWindow()
    {
        var aggregator = Create();
        var report = new WindowReport();
        aggregator.RecordEntry();
        Assert.IsFalse(aggregator.TryCloseWindow(946_684_800, 1000, report)); // 2000-01-01: unsynced RTC
        Assert.IsFalse(aggregator.IsWindowOpen);
        aggregator.RecordEntry();
        Assert.IsFalse(aggregator.TryCloseWindow(T0 + 30, 5000, report)); // SNTP synced: window opens
        Assert.IsTrue(aggregator.IsWindowOpen);
        aggregator.RecordExit();
        Assert.IsTrue(aggregator.TryCloseWindow(T0 + 60, 35_000, report));
        Assert.AreEqual(T0, report.WindowStartUnixSeconds);
        Assert.AreEqual((ushort)2, report.Entries);
        Assert.AreEqual((ushort)1, report.Exits);
        Assert.IsTrue(aggregator.LastWindowPartial);
        Assert.AreEqual(34_000L, aggregator.LastWindowObservedMilliseconds);
    }

    [TestMethod]
    public void ForwardJump_EmitsOneReport_AndNoEmptyWindows()
    {
        var aggregator = Create();
        var report = new WindowReport();
        aggregator.TryCloseWindow(T0, 0, report);
        aggregator.RecordEntry();

        // SNTP moves the clock 3 days forward within one loop pass.
        uint jumped = T0 + 3 * 86400 + 17;
        Assert.IsTrue(aggregator.TryCloseWindow(jumped, 1000, report));
        Assert.AreEqual(T0, report.WindowStartUnixSeconds);
        Assert.AreEqual((ushort)1, report.Entries);

        // No burst: the next close is only at the next boundary of the new timeline.
        int reports = 0;
        for (uint t = jumped; t < jumped + 60; t++)
        {
            if (aggregator.TryCloseWindow(t, 1000 + (t - jumped) * 1000, report))
            {
                reports++;
                Assert.AreEqual(T0 + 3 * 86400, report.WindowStartUnixSeconds);
            }
        }

        Assert.AreEqual(1, reports);
        Assert.IsTrue(aggregator.LastWindowPartial, "began 17 s into its window");
    }

    [TestMethod]
    public void BackwardJump_HoldsWindow_AndNeverRepeatsAStart()
    {
        var aggregator = Create();
        var report = new WindowReport();
        aggregator.TryCloseWindow(T0, 0, report);
        Assert.IsTrue(aggregator.TryCloseWindow(T0 + 60, 60_000, report));
        uint lastStart = report.WindowStartUnixSeconds;

        // Clock steps back 5 minutes: nothing closes until the open window's end comes round again.
        long ms = 61_000;
        for (uint t = T0 - 240; t < T0 + 120; t++, ms += 1000)
        {
            Assert.IsFalse(aggregator.TryCloseWindow(t, ms, report), $"t={t - T0}");
        }

        aggregator.RecordEntry();
        Assert.IsTrue(aggregator.TryCloseWindow(T0 + 120, ms, report));
        Assert.IsTrue(report.WindowStartUnixSeconds > lastStart);
        Assert.AreEqual(T0 + 60, report.WindowStartUnixSeconds);
        Assert.AreEqual((ushort)1, report.Entries);
        Assert.IsTrue(aggregator.LastWindowObservedMilliseconds > 60_000, "coverage reflects the held time");
    }

    [TestMethod]
    public void TwoArgumentClose_UsesLatestMonotonicTime()
    {
        var aggregator = Create();
        var report = new WindowReport();
        aggregator.RecordPirState(false, 0);
        aggregator.TryCloseWindow(T0, report);
        aggregator.RecordPirState(true, 30_000);
        aggregator.RecordPirState(false, 60_000);
        Assert.IsTrue(aggregator.TryCloseWindow(T0 + 60, report));
        Assert.AreEqual((ushort)500, report.PirActivityPermille);
    }

    [TestMethod]
    public void InvalidArguments_Throw()
    {
        var aggregator = Create();
        Assert.ThrowsExactly<ArgumentNullException>(() => aggregator.TryCloseWindow(T0, 0, null!));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => aggregator.RecordSamples(-1, 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => aggregator.RecordSamples(5, 6));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => aggregator.RecordSamples(5, -1));
        Assert.ThrowsExactly<ArgumentNullException>(() => new WindowAggregator(null!));
    }
}

[TestClass]
public sealed class WindowAggregatorRebootTests
{
    private const uint T0 = 1_764_000_000;

    [TestMethod]
    public void RestoredLastStart_RebootInsideReportedWindow_DoesNotRepeatIt()
    {
        var before = new WindowAggregator(new AggregatorSettings());
        var report = new WindowReport();
        before.TryCloseWindow(T0 + 5, 0, report);
        Assert.IsTrue(before.TryCloseWindow(T0 + 60, 55_000, report));
        Assert.AreEqual(T0, before.LastReportedStartUnixSeconds);
        Assert.IsTrue(before.TryCloseWindow(T0 + 121, 116_000, report));
        uint persisted = before.LastReportedStartUnixSeconds;
        Assert.AreEqual(T0 + 60, persisted);

        // Reboot at T0 + 100 by a clock that was a little ahead before the reboot: window T0+60 was
        // already reported, so the first window after boot must be T0+120.
        var after = new WindowAggregator(new AggregatorSettings());
        after.RestoreLastReportedStart(persisted);
        after.RecordEntry();
        Assert.IsFalse(after.TryCloseWindow(T0 + 100, 0, report));
        Assert.AreEqual(T0 + 120, after.CurrentWindowStartUnixSeconds);
        Assert.IsFalse(after.TryCloseWindow(T0 + 179, 79_000, report));
        Assert.IsTrue(after.TryCloseWindow(T0 + 180, 80_000, report));
        Assert.AreEqual(T0 + 120, report.WindowStartUnixSeconds);
        Assert.AreEqual((ushort)1, report.Entries);
    }

    [TestMethod]
    public void RestoredLastStart_InThePast_ChangesNothing()
    {
        var aggregator = new WindowAggregator(new AggregatorSettings());
        aggregator.RestoreLastReportedStart(T0 - 3600);
        aggregator.RestoreLastReportedStart(T0 - 7200); // older value ignored
        Assert.AreEqual(T0 - 3600, aggregator.LastReportedStartUnixSeconds);
        var report = new WindowReport();
        aggregator.TryCloseWindow(T0 + 30, 0, report);
        Assert.AreEqual(T0, aggregator.CurrentWindowStartUnixSeconds);
    }
}

[TestClass]
public sealed class WindowAggregatorLargeBackwardStepTests
{
    private const uint T0 = 1_764_000_000;

    [TestMethod]
    public void BackwardStepBeyondHoldBound_ReportsAtOnce_AndRestartsGrid()
    {
        var aggregator = new WindowAggregator(new AggregatorSettings());
        var report = new WindowReport();
        uint wrong = T0 + 2 * 86400; // clock two days ahead
        aggregator.TryCloseWindow(wrong, 0, report);
        aggregator.RecordEntry();

        Assert.IsTrue(aggregator.TryCloseWindow(T0 + 7, 5_000, report), "SNTP steps back two days");
        Assert.AreEqual(wrong, report.WindowStartUnixSeconds);
        Assert.AreEqual((ushort)1, report.Entries);
        Assert.AreEqual(T0, aggregator.CurrentWindowStartUnixSeconds);

        Assert.IsFalse(aggregator.TryCloseWindow(T0 + 59, 57_000, report));
        aggregator.RecordExit();
        Assert.IsTrue(aggregator.TryCloseWindow(T0 + 60, 58_000, report));
        Assert.AreEqual(T0, report.WindowStartUnixSeconds);
        Assert.AreEqual((ushort)0, report.Entries);
        Assert.AreEqual((ushort)1, report.Exits);
        Assert.IsTrue(aggregator.LastWindowPartial);
    }

    [TestMethod]
    public void BackwardStepAtHoldBound_Holds()
    {
        var aggregator = new WindowAggregator(new AggregatorSettings());
        var report = new WindowReport();
        aggregator.TryCloseWindow(T0 + 3600, 0, report);
        Assert.IsFalse(aggregator.TryCloseWindow(T0, 1_000, report));
        Assert.AreEqual(T0 + 3600, aggregator.CurrentWindowStartUnixSeconds);
        Assert.IsTrue(aggregator.TryCloseWindow(T0 - 1, 2_000, report), "one second beyond the bound");
    }

    [TestMethod]
    public void RestoredStartFarAhead_IsIgnored()
    {
        var aggregator = new WindowAggregator(new AggregatorSettings());
        aggregator.RestoreLastReportedStart(T0 + 86400);
        var report = new WindowReport();
        aggregator.TryCloseWindow(T0 + 30, 0, report);
        Assert.AreEqual(T0, aggregator.CurrentWindowStartUnixSeconds);
        Assert.ThrowsExactly<InvalidOperationException>(() => aggregator.RestoreLastReportedStart(T0));
    }
}

[TestClass]
public sealed class WindowAggregatorRestoreBoundTests
{
    private const uint T0 = 1_764_000_000;

    [TestMethod]
    [DataRow(3480u, true)]  // successor starts 3510 s after now: honoured, held
    [DataRow(3600u, false)] // successor 3630 s after now: beyond the hold bound, ignored
    public void RestoredStart_NearTheHoldBound_NeverCausesARepeatedStart(uint aheadSeconds, bool honoured)
    {
        var aggregator = new WindowAggregator(new AggregatorSettings());
        uint persisted = T0 + aheadSeconds;
        aggregator.RestoreLastReportedStart(persisted);
        var report = new WindowReport();
        Assert.IsFalse(aggregator.TryCloseWindow(T0 + 30, 0, report));
        Assert.AreEqual(honoured ? persisted + 60 : T0, aggregator.CurrentWindowStartUnixSeconds);

        // Walk the clock forward for two hours: every report has a start above the persisted one when honoured.
        long ms = 0;
        for (uint t = T0 + 31; t < T0 + 7200; t++, ms += 1000)
        {
            if (aggregator.TryCloseWindow(t, ms, report) && honoured)
            {
                Assert.IsTrue(report.WindowStartUnixSeconds > persisted, $"t={t - T0}: start {report.WindowStartUnixSeconds - T0}");
            }
        }
    }
}
