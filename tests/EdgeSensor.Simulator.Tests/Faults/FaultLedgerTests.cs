using EdgeSensor.Simulator.Faults;

namespace EdgeSensor.Simulator.Tests.Faults;

[TestClass]
public sealed class FaultLedgerTests
{
    [TestMethod]
    public void GapsGoToTheFaultThatStartedLast_DelaysToTheLinkFault()
    {
        Assert.IsTrue(FaultSchedule.TryParse(["broker-outage@6m+3m", "power-cut@8m+5m"], out FaultSchedule schedule, out string error), error);
        var ledger = new FaultLedger(schedule, devices: 1, windowMs: 60_000, endMs: 600_000);
        for (long w = 0; w < 7; w++)
        {
            ledger.Opened(0, w, rebootCount: 1);
        }

        var times = new ReportTimes(delayedAboveMs: 60_000);
        times.Sealed(420_000);
        times.Confirmed(500_000);

        IReadOnlyList<FaultEffect> effects = ledger.Effects([times]);

        Assert.AreEqual(0, effects[0].Gaps, "windows 7, 8 and 9 were lost when the power went at 8 minutes");
        Assert.AreEqual(3, effects[1].Gaps);
        Assert.AreEqual(1, effects[0].ReportsDelayed);
        Assert.AreEqual(80_000, effects[0].MaxDelayMs);
        Assert.AreEqual(0, effects[1].ReportsDelayed);
    }

    [TestMethod]
    public void ReportTimes_DropTheOldest_AsTheOutboxDoes()
    {
        var times = new ReportTimes(delayedAboveMs: 60_000);
        times.Sealed(1_000);
        times.Sealed(2_000);
        times.Sealed(3_000);

        times.Holding(pending: 2);
        times.Confirmed(100_000);

        CollectionAssert.AreEqual(new long[] { 1_000 }, times.Dropped.ToArray());
        Assert.AreEqual((2_000L, 98_000L), times.Delayed.Single());
    }
}
