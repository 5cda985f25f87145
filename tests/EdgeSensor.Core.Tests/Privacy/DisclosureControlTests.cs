using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Reports;

namespace EdgeSensor.Core.Tests.Privacy;

[TestClass]
public sealed class DisclosureControlTests
{
    private const uint Day = 86400;
    private const uint DayStart = 20_000 * Day; // 2024-10-04T00:00:00Z

    private static WindowReport Report(ushort entries, ushort exits, ushort occupancy, ushort peak, uint start = DayStart)
    {
        var report = new WindowReport
        {
            WindowStartUnixSeconds = start,
            WindowLengthSeconds = 60,
            Entries = entries,
            Exits = exits,
            OccupancyAtEnd = occupancy,
            PeakOccupancy = peak,
            PirActivityPermille = 400,
        };
        return report;
    }

    [TestMethod]
    public void None_ReleasesAsCounted()
    {
        var control = new DisclosureControl(new DisclosureSettings { Mode = DisclosureMode.None }, null);
        var report = Report(1, 2, 3, 4);
        control.Apply(report);
        Assert.AreEqual((ushort)1, report.Entries);
        Assert.AreEqual((ushort)2, report.Exits);
        Assert.AreEqual((ushort)3, report.OccupancyAtEnd);
        Assert.AreEqual((ushort)4, report.PeakOccupancy);
        Assert.AreEqual((ushort)400, report.PirActivityPermille);
        Assert.AreEqual((byte)0, report.SuppressedMask);
        Assert.AreEqual(DisclosureMode.None, report.DisclosureMode);
        Assert.AreEqual((ushort)0, report.SuppressionThreshold);
        Assert.AreEqual((ushort)0, report.EpsilonMilli);
        Assert.AreEqual(0u, report.PrivacyBudgetSpentMilli);
    }

    [TestMethod]
    [DataRow((ushort)5, (ushort)0, true)]
    [DataRow((ushort)5, (ushort)1, true)]
    [DataRow((ushort)5, (ushort)4, true)]
    [DataRow((ushort)5, (ushort)5, false)]
    [DataRow((ushort)5, (ushort)60000, false)]
    [DataRow((ushort)2, (ushort)1, true)]
    [DataRow((ushort)100, (ushort)99, true)]
    public void Suppression_WithholdsZeroToKMinusOne(ushort k, ushort value, bool suppressed)
    {
        var control = new DisclosureControl(new DisclosureSettings { Mode = DisclosureMode.SmallCountSuppression, SuppressionThreshold = k }, null);
        control.Apply(Report(value, value, value, value)); // the first window follows an unknown occupancy
        var report = Report(value, value, value, value, DayStart + 60); // the next window: no gap
        control.Apply(report);

        ushort expected = suppressed ? (ushort)0 : value;
        Assert.AreEqual(expected, report.Entries);
        Assert.AreEqual(expected, report.Exits);
        Assert.AreEqual(expected, report.OccupancyAtEnd);
        Assert.AreEqual(expected, report.PeakOccupancy);
        Assert.AreEqual(suppressed ? SmallCountSuppressor.AllMask : (byte)0, report.SuppressedMask);
        Assert.AreEqual(k, report.SuppressionThreshold);
        Assert.AreEqual(DisclosureMode.SmallCountSuppression, report.DisclosureMode);
        Assert.AreEqual(suppressed ? (ushort)0 : (ushort)400, report.PirActivityPermille);
    }

    [TestMethod]
    public void Suppression_WithholdsEntriesExitsAndPeakTogether()
    {
        var control = new DisclosureControl(new DisclosureSettings { Mode = DisclosureMode.SmallCountSuppression, SuppressionThreshold = 3 }, null);
        control.Apply(Report(9, 9, 9, 9));
        var report = Report(2, 4, 7, 9);
        control.Apply(report);
        Assert.AreEqual(SmallCountSuppressor.FlowMask, report.SuppressedMask);
        Assert.AreEqual((ushort)0, report.Entries);
        Assert.AreEqual((ushort)0, report.Exits);
        Assert.AreEqual((ushort)7, report.OccupancyAtEnd);
        Assert.AreEqual((ushort)0, report.PeakOccupancy);
    }

    [TestMethod]
    public void Apply_NullReport_Throws()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => new DisclosureControl(new DisclosureSettings(), null).Apply(null!));
    }
}
