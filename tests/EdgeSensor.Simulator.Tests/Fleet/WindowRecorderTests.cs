using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Opening;
using EdgeSensor.Sdk.Reports;
using EdgeSensor.Simulator.Fleet;

namespace EdgeSensor.Simulator.Tests.Fleet;

/// <summary>
/// The recorder sums the report's figures as the run goes instead of keeping every window of every device; fed the same
/// closes, opened reports and rejections in the same order, it must give the figures the kept windows gave
/// (<see cref="KeepEveryWindow"/>), also when reports arrive late, early, out of order, are lost or rejected, windows
/// close without a report and seal counts restart.
/// </summary>
[TestClass]
public sealed class WindowRecorderTests
{
    private const uint Start = 1_800_000_000;
    private const int WindowSeconds = 60;
    private const string Site = "lab";

    [TestMethod]
    public void CleanRun_SumsEveryWindow_AndDrawsTheFirstTwelveDevices()
    {
        Assert.AreEqual(0, Compare(seed: 0, devices: 15, windows: 6, anomalies: false).Lost);
    }

    [TestMethod]
    public void LateEarlyLostAndRejectedReports_GiveTheFiguresOfKeepingEveryWindow()
    {
        int rejected = 0, lost = 0;
        for (int seed = 1; seed <= 40; seed++)
        {
            (int r, int l) = Compare(seed, devices: 15, windows: 9, anomalies: true);
            rejected += r;
            lost += l;
        }

        Assert.IsGreaterThan(20, rejected, "the streams had rejected windows");
        Assert.IsGreaterThan(20, lost, "and lost ones");
    }

    [TestMethod]
    public void ADeviceKeeps_ItsSealedWindowsAsOneRun_HoweverManyItClosed()
    {
        foreach (int windows in new[] { 10, 60 })
        {
            var (recorder, _) = Feed(seed: 3, devices: 20, windows, anomalies: false);
            SiteSeries site = recorder.Finish().Single();

            Assert.AreEqual(20, site.DeviceRecords, $"{windows} windows: one run of seals per device, nothing per window");
            Assert.HasCount(windows, site.Windows);
            Assert.AreEqual(WindowRecorder.DevicesCharted * windows, site.Charted.Sum(d => d.Windows.Count));
        }
    }

    private static (int Rejected, int Lost) Compare(int seed, int devices, int windows, bool anomalies)
    {
        var (recorder, reference) = Feed(seed, devices, windows, anomalies);
        SiteSeries site = recorder.Finish().Single();
        List<SiteWindow> expected = reference.SiteWindows();

        Assert.AreEqual(devices, site.Devices);
        Assert.HasCount(expected.Count, site.Windows);
        for (int w = 0; w < expected.Count; w++)
        {
            Assert.AreEqual(expected[w], site.Windows[w], $"seed {seed}, window {w}");
        }

        Assert.HasCount(Math.Min(devices, WindowRecorder.DevicesCharted), site.Charted);
        for (int i = 0; i < site.Charted.Count; i++)
        {
            CollectionAssert.AreEqual(reference.For(i), site.Charted[i].Windows.ToList(), $"seed {seed}, device {i}");
        }

        return (expected.Sum(w => w.RejectedReports), expected.Sum(w => w.LostReports));
    }

    /// <summary>A generated run: devices closing windows, reports opened and rejected, fed in one order to both.</summary>
    private static (WindowRecorder Recorder, KeepEveryWindow Reference) Feed(int seed, int devices, int windows, bool anomalies)
    {
        var random = new Random(seed);
        ulong[] ids = [.. Enumerable.Range(0, devices).Select(i => 0x1000UL + (ulong)i)];
        var recorder = new WindowRecorder([.. ids.Select(id => new DeviceRecord(id, Site, new byte[32], DeviceStatus.Active))], Start, WindowSeconds, Site);
        var reference = new KeepEveryWindow(ids, Start, WindowSeconds, Site);
        var events = new List<(int Time, int Order, Action<WindowRecorder, KeepEveryWindow> Act)>();
        void At(int time, Action<WindowRecorder, KeepEveryWindow> act) => events.Add((time, events.Count, act));

        for (int d = 0; d < devices; d++)
        {
            int device = d;
            ulong id = ids[d];
            long sealIndex = 0;
            ulong sequence = (ulong)random.Next(1, 1000);
            int occupancy = 0, trueOccupancy = 0;
            bool neverOpened = anomalies && d == devices - 1;
            for (int w = 0; w < windows; w++)
            {
                int close = (10 * w) + 5;
                bool isSealed = !anomalies || random.NextDouble() > 0.1;
                if (anomalies && random.NextDouble() < 0.05)
                {
                    sealIndex = 0; // a reboot: the seal count starts again, the sequence goes on
                }

                int entries = random.Next(0, 6), exits = random.Next(0, 6);
                occupancy = Math.Max(0, occupancy + entries - exits);
                trueOccupancy = Math.Max(0, trueOccupancy + entries - exits + random.Next(-1, 2));
                var closed = new DeviceWindowLog.Closed(w, entries, exits, entries + random.Next(-1, 2), exits, occupancy, trueOccupancy, isSealed ? sealIndex : -1);
                At(close, (r, k) => { r.Closed(device, closed); k.Closed(device, closed); });
                if (!isSealed)
                {
                    if (random.NextDouble() < 0.3)
                    {
                        AggregateReport stray = Report(id, sequence++, w, entries, exits, occupancy, random);
                        At(close + 2, (r, k) => { r.Opened(stray); k.Opened(stray); });
                    }

                    continue;
                }

                AggregateReport report = Report(id, sequence++, w, entries, exits, occupancy, random);
                sealIndex++;
                double fate = neverOpened ? 0.1 + (random.NextDouble() * 0.15) : anomalies ? random.NextDouble() : 1;
                ReportRejectedEventArgs rejection = new($"es/v1/{Site}/{id:x16}", RejectionReason.AuthenticationFailed, false, id, 0, report.Sequence);
                ReportRejectedEventArgs mismatch = new($"es/v1/other/{id:x16}", RejectionReason.Replayed, true, id, 0, report.Sequence);
                ReportRejectedEventArgs replay = new($"es/v1/{Site}/{id:x16}", RejectionReason.Replayed, false, id, 0, report.Sequence);
                int lag = 10 * random.Next(0, 3);
                switch (fate)
                {
                    case < 0.06:
                        At(close - 3, (r, k) => { r.Opened(report); k.Opened(report); }); // before the device's side closed it
                        break;
                    case < 0.14:
                        break; // lost
                    case < 0.22:
                        At(close + 1 + lag, (r, k) => { r.Rejected(rejection); k.Rejected(rejection); });
                        break;
                    case < 0.25:
                        At(close + 1 + lag, (r, k) => { r.Opened(report); k.Opened(report); });
                        At(close + 2 + lag, (r, k) => { r.Rejected(mismatch); k.Rejected(mismatch); });
                        break;
                    case < 0.30:
                        At(10 * (windows + 5), (r, k) => { r.Opened(report); k.Opened(report); }); // after every other one
                        break;
                    case < 0.32:
                        At(close + 1, (r, k) => { r.Opened(report); k.Opened(report); });
                        At(close + 2, (r, k) => { r.Rejected(replay); k.Rejected(replay); }); // a QoS 1 redelivery: not a rejection
                        break;
                    default:
                        At(close + 1 + lag, (r, k) => { r.Opened(report); k.Opened(report); });
                        break;
                }
            }

            if (anomalies)
            {
                AggregateReport future = Report(id, sequence++, windows + 2, 1, 1, 1, random); // a window the device never closed
                AggregateReport stranger = Report(0xdead, 1, 0, 1, 1, 1, random);
                At(10 * windows, (r, k) => { r.Opened(future); k.Opened(future); r.Opened(stranger); k.Opened(stranger); });
            }
        }

        foreach (var e in events.OrderBy(e => e.Time).ThenBy(e => e.Order))
        {
            e.Act(recorder, reference);
        }

        return (recorder, reference);
    }

    private static AggregateReport Report(ulong id, ulong sequence, long window, int entries, int exits, int occupancy, Random random) => new()
    {
        DeviceId = id,
        Epoch = 0,
        Sequence = sequence,
        WindowStart = DateTimeOffset.FromUnixTimeSeconds(Start + (window * WindowSeconds)),
        WindowLength = TimeSpan.FromSeconds(WindowSeconds),
        Entries = entries,
        Exits = exits,
        OccupancyAtEnd = occupancy,
        PeakOccupancy = occupancy,
        PirActivityPermille = 0,
        Suppressed = (SuppressedCounters)(random.Next(0, 8) switch { 0 => 1, 1 => 2, 2 => 4, 3 => 3, _ => 0 }),
        DisclosureMode = DisclosureMode.SmallCountSuppression,
        SuppressionThreshold = 3,
        Epsilon = 0,
        PrivacyBudgetSpent = 0,
        InvalidSamplePermille = 0,
        CalibrationState = CalibrationState.Calibrated,
        RebootCount = 0,
        FirmwareVersion = new Version(1, 0),
    };
}
