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

    private static DisclosureControl Dp(ushort epsilonMilli = 1000, uint dailyBudgetMilli = 1_440_000, IRandomSource? random = null, bool releasePir = false)
    {
        var settings = new DisclosureSettings
        {
            Mode = DisclosureMode.DifferentialPrivacy,
            EpsilonMilli = epsilonMilli,
            DailyBudgetMilli = dailyBudgetMilli,
            ReleasePirActivity = releasePir,
        };
        return new DisclosureControl(settings, random ?? new SplitMix64Random(42));
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
        var report = Report(value, value, value, value);
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
    public void Dp_RecordsParametersAndSpending()
    {
        var control = Dp(epsilonMilli: 1500);
        var report = Report(10, 10, 10, 10);
        control.Apply(report);
        Assert.AreEqual(DisclosureMode.DifferentialPrivacy, report.DisclosureMode);
        Assert.AreEqual((ushort)1500, report.EpsilonMilli);
        Assert.AreEqual(1500u, report.PrivacyBudgetSpentMilli);
        Assert.AreEqual((ushort)0, report.SuppressionThreshold);
        control.Apply(Report(10, 10, 10, 10, DayStart + 60));
        Assert.AreEqual(3000u, control.BudgetSpentMilli);
        Assert.AreEqual(DayStart / Day, control.BudgetDay);
    }

    [TestMethod]
    public void Dp_WithholdsPirActivityUnlessReleased()
    {
        var withheld = Report(10, 10, 10, 10);
        Dp().Apply(withheld);
        Assert.AreEqual((ushort)0, withheld.PirActivityPermille);
        Assert.AreEqual(SuppressedFields.PirActivity, withheld.SuppressedMask);

        var released = Report(10, 10, 10, 10);
        Dp(releasePir: true).Apply(released);
        Assert.AreEqual((ushort)400, released.PirActivityPermille);
        Assert.AreEqual((byte)0, released.SuppressedMask);
    }

    [TestMethod]
    public void Dp_LargeNegativeNoise_ClampsAtZero()
    {
        // Words for G1: u = 1 -> 0; for G2: u = 2^-63 -> its maximum; noise = -max.
        var random = new ScriptedRandom(uint.MaxValue, uint.MaxValue, 0, 0);
        var control = Dp(epsilonMilli: 10, random: random);
        var report = Report(3, 3, 3, 3);
        control.Apply(report);
        Assert.AreEqual((ushort)0, report.Entries);
        Assert.AreEqual((ushort)0, report.Exits);
        Assert.AreEqual((ushort)0, report.OccupancyAtEnd);
        Assert.AreEqual((ushort)0, report.PeakOccupancy);
    }

    [TestMethod]
    public void Dp_LargePositiveNoise_ClampsAtMaximum()
    {
        var random = new ScriptedRandom(0, 0, uint.MaxValue, uint.MaxValue);
        var control = Dp(epsilonMilli: 10, random: random);
        var report = Report(60000, 60000, 60000, 60000);
        control.Apply(report);
        Assert.AreEqual(ushort.MaxValue, report.Entries);
        Assert.AreEqual(ushort.MaxValue, report.PeakOccupancy);
    }

    [TestMethod]
    public void Dp_PeakNeverBelowOccupancy_AndNoiseIsUnbiasedAwayFromBounds()
    {
        const int windows = 20_000;
        var control = Dp(epsilonMilli: 1000, dailyBudgetMilli: 100_000_000);
        var report = new WindowReport();
        double sum = 0, sumSquares = 0;
        for (int i = 0; i < windows; i++)
        {
            report.Clear();
            report.WindowStartUnixSeconds = DayStart + (uint)(i * 60);
            report.Entries = 1000;
            report.OccupancyAtEnd = 5;
            report.PeakOccupancy = 6;
            control.Apply(report);
            Assert.IsTrue(report.PeakOccupancy >= report.OccupancyAtEnd);
            double noise = report.Entries - 1000.0;
            sum += noise;
            sumSquares += noise * noise;
        }

        // Per counter ε/4 = 0.25: variance 2α/(1-α)² ≈ 31.8.
        double alpha = Math.Exp(-0.25);
        double variance = 2 * alpha / ((1 - alpha) * (1 - alpha));
        double mean = sum / windows;
        Assert.AreEqual(0, mean, 6 * Math.Sqrt(variance / windows));
        Assert.AreEqual(variance, sumSquares / windows - mean * mean, 0.1 * variance);
    }

    [TestMethod]
    public void Dp_BudgetExhausted_FailsClosedUntilNextUtcDay()
    {
        var control = Dp(epsilonMilli: 1000, dailyBudgetMilli: 3500);
        for (uint i = 0; i < 3; i++)
        {
            var noised = Report(50, 50, 50, 50, DayStart + i * 60);
            control.Apply(noised);
            Assert.AreEqual((ushort)1000, noised.EpsilonMilli);
            Assert.AreEqual((i + 1) * 1000, noised.PrivacyBudgetSpentMilli);
        }

        var closed = Report(50, 50, 50, 50, DayStart + 180);
        control.Apply(closed);
        Assert.AreEqual((ushort)0, closed.Entries);
        Assert.AreEqual((ushort)0, closed.Exits);
        Assert.AreEqual((ushort)0, closed.OccupancyAtEnd);
        Assert.AreEqual((ushort)0, closed.PeakOccupancy);
        Assert.AreEqual((byte)(SuppressedFields.AllCounters | SuppressedFields.PirActivity), closed.SuppressedMask);
        Assert.AreEqual((ushort)0, closed.EpsilonMilli);
        Assert.AreEqual(3000u, closed.PrivacyBudgetSpentMilli);
        Assert.AreEqual(DisclosureMode.DifferentialPrivacy, closed.DisclosureMode);

        // Last window of the day: still closed.
        var late = Report(50, 50, 50, 50, DayStart + Day - 60);
        control.Apply(late);
        Assert.AreEqual(SuppressedFields.AllCounters, (byte)(late.SuppressedMask & SuppressedFields.AllCounters));

        // UTC midnight resets the budget.
        var nextDay = Report(50, 50, 50, 50, DayStart + Day);
        control.Apply(nextDay);
        Assert.AreEqual((ushort)1000, nextDay.EpsilonMilli);
        Assert.AreEqual(1000u, nextDay.PrivacyBudgetSpentMilli);
        Assert.AreEqual((byte)0, (byte)(nextDay.SuppressedMask & SuppressedFields.AllCounters));
    }

    [TestMethod]
    public void Dp_EarlierDay_DoesNotResetBudget()
    {
        var control = Dp(epsilonMilli: 1000, dailyBudgetMilli: 2000);
        control.Apply(Report(1, 1, 1, 1, DayStart + Day));
        control.Apply(Report(1, 1, 1, 1, DayStart + Day + 60));
        var back = Report(1, 1, 1, 1, DayStart + Day - 60);
        control.Apply(back);
        Assert.AreEqual(SuppressedFields.AllCounters, (byte)(back.SuppressedMask & SuppressedFields.AllCounters));
        Assert.AreEqual(2000u, back.PrivacyBudgetSpentMilli);
        // The spending moved to the corrected day: its next midnight (DayStart + Day) resets it.
        Assert.AreEqual(DayStart / Day, control.BudgetDay);
        var next = Report(1, 1, 1, 1, DayStart + Day + 120);
        control.Apply(next);
        Assert.AreEqual((ushort)1000, next.EpsilonMilli);
        Assert.AreEqual(1000u, next.PrivacyBudgetSpentMilli);
    }

    [TestMethod]
    public void Dp_RestoredBudget_IsHonouredAfterReboot()
    {
        var control = Dp(epsilonMilli: 1000, dailyBudgetMilli: 5000);
        control.RestoreBudget(DayStart / Day, 4500);
        var report = Report(9, 9, 9, 9, DayStart + 3600);
        control.Apply(report);
        Assert.AreEqual(SuppressedFields.AllCounters, (byte)(report.SuppressedMask & SuppressedFields.AllCounters));
        Assert.AreEqual(4500u, report.PrivacyBudgetSpentMilli);
    }

    [TestMethod]
    public void Apply_NullReport_Throws()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => Dp().Apply(null!));
    }
}
