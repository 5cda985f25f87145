using EdgeSensor.Core.Aggregation;
using EdgeSensor.Core.Device;
using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Reports;
using EdgeSensor.Core.Sealing;
using EdgeSensor.Core.Storage;
using EdgeSensor.Core.Tests.Privacy;
using EdgeSensor.Core.Tests.Storage;

namespace EdgeSensor.Core.Tests.Device;

/// <summary>
/// The whole device (sensor node with its flash store, outbox journal, sequence reservation, reboot counter,
/// reporting state and key ratchet) has its power cut at every single write of a day's life, in every tear
/// mode, then boots again on what the flash holds and goes on. Everything it ever published must then hold:
/// every report opens (nothing corrupt is published), no (epoch, sequence) is used for two different reports,
/// no window start is released twice or goes back (window state never rolls back), and a report the broker
/// acknowledged is never published again under a new sequence.
/// </summary>
[TestClass]
public sealed class PowerCutCampaignTests
{
    private const ulong Id = 0x0123456789ABCDEFUL;

    // 2026-11-25T11:59:00Z (midday) and 2026-11-25T23:59:10Z: the second run crosses midnight, so the key
    // ratchet writes its next epoch during the run and is cut too.
    private const uint Midday = 1_764_071_940;
    private const uint BeforeMidnight = 1_764_115_150;

    [TestMethod]
    [DataRow(Midday, DisclosureMode.None, DisplayName = "midday")]
    [DataRow(BeforeMidnight, DisclosureMode.None, DisplayName = "across midnight (epoch change)")]
    [DataRow(Midday, DisclosureMode.PersonDifferentialPrivacy, DisplayName = "person-level privacy (budget period)")]
    public void PowerCutAtEveryWrite_NeverPublishesCorruptRepeatedOrRolledBackReports(uint startUnix, DisclosureMode mode)
    {
        int writes = Life(startUnix, mode, cutAtWrite: -1, TearMode.Dropped).Writes;
        Assert.IsGreaterThan(mode == DisclosureMode.PersonDifferentialPrivacy ? 8 : 20, writes, "the life exercises the store");

        int runs = 0;
        int reboots = 0;
        foreach (TearMode tear in Enum.GetValues<TearMode>())
        {
            for (int cut = 0; cut < writes; cut++)
            {
                LifeResult life = Life(startUnix, mode, cut, tear);
                runs++;
                reboots += life.Boots - 1;
                Assert.AreEqual(2, life.Boots, $"cut at write {cut} ({tear}): the device booted again and went on");
                Assert.IsGreaterThan(1, life.Published.Count, $"cut at write {cut} ({tear}): reporting resumed after the cut");
            }
        }

        Console.WriteLine($"{runs} lives, {writes} writes each, power cut once in each: {reboots} reboots, every published report checked");
    }

    private static LifeResult Life(uint startUnix, DisclosureMode disclosure, int cutAtWrite, TearMode mode)
    {
        // Person-level privacy needs windows of at least 900 s: three of them; the other modes ten-second windows.
        bool person = disclosure == DisclosureMode.PersonDifferentialPrivacy;
        int windowSeconds = person ? 900 : 10;
        long remainingMs = person ? 2_750_000 : 70_000;
        (uint Period, uint UptimeMs, bool Exhausted)? saved = null;
        byte[] root = RootKey();
        var store = new FaultInjectingStore();
        Assert.IsTrue(DeviceStorage.TryProvision(store, root, 0, startUnix / 86400));
        int provisioningWrites = store.Writes;
        store.CutAtWrite = cutAtWrite < 0 ? -1 : cutAtWrite + provisioningWrites;
        store.Mode = mode;

        var published = new List<byte[]>();
        var acknowledged = new HashSet<string>();
        var buffer = new byte[ReportSealer.MaxSealedLength];
        uint unix = startUnix;
        int boots = 0;
        while (remainingMs > 0)
        {
            boots++;
            Assert.IsLessThan(4, boots, "one power cut gives at most one extra boot");
            long ranMs = 0;
            try
            {
                var node = new SensorNode(Settings(disclosure, windowSeconds), store, person ? new SplitMix64Random((ulong)boots) : null);
                if (person && saved is { } before)
                {
                    // The budget period never rolls back: the same period with at least the uptime saved before the
                    // cut, or a later one, or exhausted (a damaged record fails closed).
                    DisclosureControl budget = node.Disclosure;
                    bool kept = budget.BudgetPeriod > before.Period
                        || (budget.BudgetPeriod == before.Period && budget.BudgetPeriodUptimeMilliseconds >= before.UptimeMs && (budget.IsBudgetExhausted || !before.Exhausted));
                    Assert.IsTrue(kept || budget.IsBudgetExhausted, $"cut at write {cutAtWrite} ({mode}): budget period {before} rolled back to ({budget.BudgetPeriod}, {budget.BudgetPeriodUptimeMilliseconds}, {budget.IsBudgetExhausted})");
                }

                WalkScript script = WalkScript.Every(2500, 100, firstMs: 3000);
                for (long t = 0; t < remainingMs; t += 50)
                {
                    ranMs = t;
                    script.Feed(node, t);
                    if (node.Tick(t, unix + (uint)(t / 1000)))
                    {
                        // Sealed: the reporting state, budget period included, was saved just before.
                        saved = (node.Disclosure.BudgetPeriod, node.Disclosure.BudgetPeriodUptimeMilliseconds, node.Disclosure.IsBudgetExhausted);
                    }

                    // The broker is up two ticks in three: reports queue up and are published in bursts.
                    if (t / 50 % 3 != 0)
                    {
                        int length = node.PeekReport(buffer, 0);
                        if (length > 0)
                        {
                            byte[] sent = buffer[..length];
                            published.Add(sent);
                            Assert.IsTrue(node.ConfirmPublished());
                            acknowledged.Add(Convert.ToHexString(sent));
                        }
                    }
                }

                remainingMs = 0;
            }
            catch (PowerLossException)
            {
                // Power comes back 3 s later; the monotonic clock starts again at 0, the wall clock goes on.
                store.CutAtWrite = -1;
                remainingMs -= ranMs;
                unix += (uint)(ranMs / 1000) + 3;
            }
        }

        Check(published, acknowledged, root, cutAtWrite, mode);
        return new LifeResult(store.Writes - provisioningWrites, boots, published);
    }

    private static void Check(List<byte[]> published, HashSet<string> acknowledged, byte[] root, int cut, TearMode mode)
    {
        string where = $"cut at write {cut} ({mode})";
        var opener = new CoreReportOpener(root);
        var report = new WindowReport();
        var bySlot = new Dictionary<(uint Epoch, ulong Sequence), string>();
        var startBySlot = new Dictionary<string, uint>();
        uint lastStart = 0;
        ushort lastReboots = 0;
        foreach (byte[] sent in published)
        {
            string hex = Convert.ToHexString(sent);
            Assert.IsTrue(opener.TryOpen(sent, sent.Length, report), $"{where}: a published report does not open (corrupt)");
            var slot = (CoreReportOpener.EpochOf(sent), CoreReportOpener.SequenceOf(sent));
            if (bySlot.TryGetValue(slot, out string? earlier))
            {
                // Only the same sealed bytes may come again (a report whose acknowledgement was not saved).
                Assert.AreEqual(earlier, hex, $"{where}: epoch {slot.Item1} sequence {slot.Item2} sealed two different reports");
                continue;
            }

            bySlot[slot] = hex;
            Assert.IsGreaterThan(lastStart, report.WindowStartUnixSeconds, $"{where}: window start released twice or rolled back");
            Assert.IsGreaterThanOrEqualTo(lastReboots, report.RebootCount, $"{where}: reboot count went back");
            lastStart = report.WindowStartUnixSeconds;
            lastReboots = report.RebootCount;
            startBySlot[hex] = report.WindowStartUnixSeconds;
        }

        // An acknowledged window is never released again as a new report (it would be counted twice).
        var starts = new HashSet<uint>();
        foreach (uint start in startBySlot.Values)
        {
            Assert.IsTrue(starts.Add(start), $"{where}: window {start} published under two sequences");
        }

        Assert.IsTrue(acknowledged.All(startBySlot.ContainsKey));
    }

    private static DeviceSettings Settings(DisclosureMode mode, int windowSeconds) => new()
    {
        DeviceId = Id,
        Aggregator = new AggregatorSettings { WindowLengthSeconds = windowSeconds },
        Disclosure = new DisclosureSettings { Mode = mode },
        PersistOutbox = true,
        OutboxCapacity = 8,
        SequenceBlockSize = 3,
    };

    private static byte[] RootKey()
    {
        var key = new byte[32];
        for (int i = 0; i < key.Length; i++)
        {
            key[i] = (byte)(77 + i);
        }

        return key;
    }

    private sealed record LifeResult(int Writes, int Boots, List<byte[]> Published);
}
