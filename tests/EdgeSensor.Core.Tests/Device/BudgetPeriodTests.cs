using EdgeSensor.Core.Aggregation;
using EdgeSensor.Core.Device;
using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Reports;
using EdgeSensor.Core.Storage;
using EdgeSensor.Core.Tests.Privacy;

namespace EdgeSensor.Core.Tests.Device;

/// <summary>
/// The person-level privacy budget period through the device pipeline: counted on monotonic time, persisted at every
/// window close, restored at boot, failing closed when its record is lost. Each test would pass under a budget
/// counted per UTC day of the wall clock only if that clock were honest; here it is not.
/// </summary>
[TestClass]
public sealed class BudgetPeriodTests
{
    private const uint StartUnix = 1_764_072_000; // aligned to 900 s
    private const ulong Id = 0x0123456789ABCDEFUL;
    private const uint Window = 900;
    private const long WindowMs = Window * 1000L;
    private const long PeriodMs = DisclosureControl.BudgetPeriodMilliseconds;
    private const int WindowsPerPeriod = (int)(PeriodMs / WindowMs); // 96

    private const byte Released = 0x3C; // occupancy, peak, PIR, health withheld
    private const byte Withheld = 0x3F; // and entries, exits

    [TestMethod]
    public void FactoryFreshDevice_StartsAFreshPeriod()
    {
        var node = Boot(Provisioned());
        Assert.IsFalse(node.BudgetPeriodRestored);
        Assert.IsFalse(node.Disclosure.IsBudgetExhausted);

        var clock = new DeviceClock(node, 0, StartUnix);
        clock.Close(1, WindowMs, Window);
        Assert.AreEqual(Released, node.LastWindowSuppressedMask);
        Assert.AreEqual(0u, node.Disclosure.BudgetPeriod);
    }

    [TestMethod]
    public void ClockSteppedADayAheadAndBack_Repeatedly_NeverStartsAPeriod()
    {
        var node = Boot(Provisioned());
        var clock = new DeviceClock(node, 0, StartUnix);
        for (int i = 0; i < 40; i++)
        {
            // A window's worth of uptime each time, while SNTP (or an attacker on its path) flips the date.
            clock.Close(1, WindowMs, i % 2 == 0 ? 86400L + Window : Window - 86400L);
            Assert.AreEqual(0u, node.Disclosure.BudgetPeriod, $"step {i}");
            Assert.AreEqual(Released, node.LastWindowSuppressedMask);
        }

        Assert.AreEqual(40, clock.Closed, "every step closed a window");
        Assert.AreEqual((uint)(40 * WindowMs), node.Disclosure.BudgetPeriodUptimeMilliseconds);

        // Only uptime ends the period: the rest of 24 h of it.
        clock.Close(WindowsPerPeriod - 40, WindowMs, Window);
        Assert.AreEqual(1u, node.Disclosure.BudgetPeriod);
    }

    [TestMethod]
    public void ClockRacingSixtyTimes_StaysInOnePeriodFor24HoursOfUptime()
    {
        var node = Boot(Provisioned());
        var clock = new DeviceClock(node, 0, StartUnix);

        // 60 wall-clock windows per uptime window: 60 "days" of windows in one day of uptime.
        int windows = WindowsPerPeriod * 60;
        clock.Close(windows - 1, WindowMs / 60, Window);
        Assert.AreEqual(windows - 1, clock.Closed);
        Assert.AreEqual(0u, node.Disclosure.BudgetPeriod, "60 wall-clock days but less than one of uptime");
        Assert.AreEqual(1000u, node.Disclosure.BudgetSpentMilli, "one ε for the whole period");

        clock.Close(1, WindowMs / 60, Window);
        Assert.AreEqual(1u, node.Disclosure.BudgetPeriod);
    }

    [TestMethod]
    public void RebootMidPeriod_ContinuesFromTheSavedUptime()
    {
        var store = Provisioned();
        var first = Boot(store);
        var clock = new DeviceClock(first, 0, StartUnix);
        clock.Close(50, WindowMs, Window);
        Assert.AreEqual((uint)(50 * WindowMs), first.Disclosure.BudgetPeriodUptimeMilliseconds);

        // Reboot: the monotonic clock starts again near 0 and the wall clock went on.
        var second = Boot(store);
        Assert.IsTrue(second.BudgetPeriodRestored);
        Assert.AreEqual(0u, second.Disclosure.BudgetPeriod);
        Assert.AreEqual((uint)(50 * WindowMs), second.Disclosure.BudgetPeriodUptimeMilliseconds);
        Assert.AreEqual(1000u, second.Disclosure.BudgetSpentMilli, "the period's ε was committed before the reboot");

        var after = new DeviceClock(second, 2000, clock.Unix + (2 * Window));
        after.Close(WindowsPerPeriod - 50 - 1, WindowMs, Window);
        Assert.AreEqual(0u, second.Disclosure.BudgetPeriod, "one window of the period is left");
        after.Close(1, WindowMs, Window);
        Assert.AreEqual(1u, second.Disclosure.BudgetPeriod, "the reboot did not start a fresh period, nor lengthen it beyond the saved uptime");
    }

    [TestMethod]
    public void DeletedPeriodRecord_FailsClosed_UntilAFullPeriodOfUptime_AcrossReboots()
    {
        var store = Provisioned();
        var clock = new DeviceClock(Boot(store), 0, StartUnix);
        clock.Close(3, WindowMs, Window);

        Erase(store, DeviceStorage.StateSlotA);
        Erase(store, DeviceStorage.StateSlotB);
        var node = Boot(store);
        Assert.IsFalse(node.BudgetPeriodRestored);
        Assert.IsTrue(node.Disclosure.IsBudgetExhausted);

        var run = new DeviceClock(node, 0, clock.Unix + Window);
        run.Close(30, WindowMs, Window);
        Assert.AreEqual(Withheld, node.LastWindowSuppressedMask);

        // A reboot inside the exhausted period does not end it: the exhaustion is saved too.
        var rebooted = Boot(store);
        Assert.IsTrue(rebooted.Disclosure.IsBudgetExhausted);
        var again = new DeviceClock(rebooted, 0, run.Unix + Window);
        again.Close(WindowsPerPeriod - 30, WindowMs, Window);
        Assert.AreEqual(Withheld, rebooted.LastWindowSuppressedMask, "the last window of 24 h of uptime is still withheld");
        Assert.IsFalse(rebooted.Disclosure.IsBudgetExhausted);

        again.Close(1, WindowMs, Window);
        Assert.AreEqual(Released, rebooted.LastWindowSuppressedMask, "a fresh period after 24 h of uptime");
    }

    [TestMethod]
    public void CorruptPeriodRecord_FailsClosed()
    {
        var store = Provisioned();
        new DeviceClock(Boot(store), 0, StartUnix).Close(3, WindowMs, Window);

        Corrupt(store, DeviceStorage.StateSlotA);
        Corrupt(store, DeviceStorage.StateSlotB);
        var node = Boot(store);
        Assert.IsTrue(node.Disclosure.IsBudgetExhausted);
        new DeviceClock(node, 0, StartUnix + (5 * Window)).Close(1, WindowMs, Window);
        Assert.AreEqual(Withheld, node.LastWindowSuppressedMask);
    }

    [TestMethod]
    public void OneDamagedCopy_FallsBackToTheOther()
    {
        var store = Provisioned();
        new DeviceClock(Boot(store), 0, StartUnix).Close(3, WindowMs, Window);
        Corrupt(store, DeviceStorage.StateSlotA);

        var node = Boot(store);
        Assert.IsTrue(node.BudgetPeriodRestored);
        Assert.IsFalse(node.Disclosure.IsBudgetExhausted);
    }

    [TestMethod]
    public void RecordOfEarlierFirmware_DailyBudgetLayout_FailsClosed()
    {
        var store = Provisioned();
        Boot(store); // the device has run: reboot counter and sequence records exist

        // The 12-byte reporting state of the UTC-day budget: last start, day, spent.
        var old = new DualSlotRecord(store, DeviceStorage.StateSlotA, DeviceStorage.StateSlotB, 12);
        old.TryLoad(new byte[12], 0);
        Assert.IsTrue(old.Save(new byte[12], 0));
        Assert.IsTrue(Boot(store).Disclosure.IsBudgetExhausted);
    }

    [TestMethod]
    public void WindowsShorterThan900Seconds_AreRefusedInMode3()
    {
        var settings = Settings();
        settings.Aggregator.WindowLengthSeconds = 600;
        Assert.IsFalse(settings.TryValidate(out string error));
        StringAssert.Contains(error, "900");
        Assert.ThrowsExactly<ArgumentException>(() => new SensorNode(settings, Provisioned(), new SplitMix64Random(1)));
    }

    private static DeviceSettings Settings() => new()
    {
        DeviceId = Id,
        Aggregator = new AggregatorSettings { WindowLengthSeconds = (int)Window },
        Disclosure = new DisclosureSettings { Mode = DisclosureMode.PersonDifferentialPrivacy },
    };

    private static SensorNode Boot(InMemoryNonVolatileStore store) => new(Settings(), store, new SplitMix64Random(5));

    private static InMemoryNonVolatileStore Provisioned()
    {
        var store = new InMemoryNonVolatileStore(DeviceStorage.SlotCount, DeviceStorage.MaxRecordLength);
        var root = new byte[32];
        root[0] = 9;
        Assert.IsTrue(DeviceStorage.TryProvision(store, root, 0, StartUnix / 86400));
        return store;
    }

    private static void Erase(InMemoryNonVolatileStore store, int slot) => Assert.IsTrue(store.Write(slot, [], 0, 0));

    private static void Corrupt(InMemoryNonVolatileStore store, int slot)
    {
        var bytes = new byte[64];
        int n = store.Read(slot, bytes, 0, bytes.Length);
        Assert.IsTrue(n > 8, $"slot {slot} holds a record");
        bytes[6] ^= 0x40;
        Assert.IsTrue(store.Write(slot, bytes, 0, n));
    }

    /// <summary>Drives a node's two clocks: every call to <see cref="Close"/> ticks once per window, closing it.</summary>
    private sealed class DeviceClock
    {
        private readonly SensorNode _node;
        private readonly long _closedAtStart;

        public DeviceClock(SensorNode node, long nowMs, uint unix)
        {
            _node = node;
            NowMs = nowMs;
            Unix = unix;
            _closedAtStart = Count(node);
            node.Tick(NowMs, Unix); // opens the first window
        }

        public long NowMs { get; private set; }

        public uint Unix { get; private set; }

        /// <summary>Windows closed through this clock (sealed, or refused by a codec without mode 3).</summary>
        public long Closed => Count(_node) - _closedAtStart;

        public void Close(int windows, long msPerWindow, long unixPerWindow)
        {
            for (int i = 0; i < windows; i++)
            {
                long before = Count(_node);
                NowMs += msPerWindow;
                Unix = (uint)(Unix + unixPerWindow);
                _node.Tick(NowMs, Unix);
                Assert.AreEqual(before + 1, Count(_node), $"a window closed at {NowMs} ms, unix {Unix}");
            }
        }

        private static long Count(SensorNode node) => node.ReportsSealed + node.SealFailures + node.StateSaveFailures;
    }
}
