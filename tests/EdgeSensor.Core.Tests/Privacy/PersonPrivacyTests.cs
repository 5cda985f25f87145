using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Reports;

namespace EdgeSensor.Core.Tests.Privacy;

/// <summary>Disclosure mode 3 (person-level differential privacy) and its budget period, on the control alone.</summary>
[TestClass]
public sealed class PersonPrivacyTests
{
    private const uint Start = 1_764_072_000;
    private const ushort Window = 900;
    private const long WindowMs = Window * 1000L;
    private const long PeriodMs = DisclosureControl.BudgetPeriodMilliseconds;

    private static DisclosureControl Person(ushort epsilonMilli = 1000, ushort crossings = 4, IRandomSource? random = null) =>
        new(new DisclosureSettings { Mode = DisclosureMode.PersonDifferentialPrivacy, EpsilonMilli = epsilonMilli, ContributionBound = crossings }, random ?? new SplitMix64Random(42));

    private static WindowReport Report(ushort entries, ushort exits, uint start = Start) => new()
    {
        WindowStartUnixSeconds = start,
        WindowLengthSeconds = Window,
        Entries = entries,
        Exits = exits,
        OccupancyAtEnd = 7,
        PeakOccupancy = 9,
        PirActivityPermille = 400,
        InvalidSamplePermille = 12,
        CalibrationState = CalibrationState.Degraded,
        RebootCount = 3,
        FirmwareVersion = 0x010203,
    };

    [TestMethod]
    public void Mode3_ReleasesOnlyNoisedEntriesAndExits_WithItsParameters()
    {
        var control = Person(epsilonMilli: 1500, crossings: 6);
        var report = Report(40, 30);
        control.Apply(report, 0);

        Assert.AreEqual(DisclosureMode.PersonDifferentialPrivacy, report.DisclosureMode);
        Assert.AreEqual((ushort)1500, report.EpsilonMilli);
        Assert.AreEqual((ushort)6, report.ContributionBound);
        Assert.AreEqual((ushort)0, report.SuppressionThreshold);
        Assert.AreEqual(1500u, report.PrivacyBudgetSpentMilli);
        Assert.AreEqual((byte)0x3C, report.SuppressedMask, "occupancy, peak, PIR and health withheld");
        Assert.AreEqual((ushort)0, report.OccupancyAtEnd);
        Assert.AreEqual((ushort)0, report.PeakOccupancy);
        Assert.AreEqual((ushort)0, report.PirActivityPermille);
        Assert.AreEqual((ushort)0, report.InvalidSamplePermille);
        Assert.AreEqual(CalibrationState.NotCalibrated, report.CalibrationState);
        Assert.AreEqual((ushort)3, report.RebootCount, "no person moves the reboot count");
        Assert.AreEqual(0x010203u, report.FirmwareVersion);
    }

    [TestMethod]
    [DataRow((ushort)1000, (ushort)4)]
    [DataRow((ushort)10, (ushort)100)]
    [DataRow((ushort)10000, (ushort)1)]
    public void Mode3_NoiseScale_IsExpMinusEpsilonOverC(ushort epsilonMilli, ushort crossings)
    {
        TwoSidedGeometric noise = Person(epsilonMilli, crossings).Noise!;
        Assert.AreEqual((uint)epsilonMilli, noise.EpsilonNumerator);
        Assert.AreEqual(1000u * crossings, noise.EpsilonDenominator);
        double alpha = noise.AlphaQ63 / Math.Pow(2, 63);
        Assert.AreEqual(Math.Exp(-(epsilonMilli / 1000.0) / crossings), alpha, 1e-12);
    }

    [TestMethod]
    public void Mode3_Noise_HasTheVarianceOfAlphaExpMinusEpsilonOverC()
    {
        const int windows = 20_000;
        var control = Person(epsilonMilli: 1000, crossings: 4);
        var report = new WindowReport();
        double sum = 0, sumSquares = 0;
        for (int i = 0; i < windows; i++)
        {
            report.Clear();
            report.WindowStartUnixSeconds = Start + (uint)(i * Window);
            report.WindowLengthSeconds = Window;
            report.Entries = 1000;
            control.Apply(report, i);
            double noise = report.Entries - 1000.0;
            sum += noise;
            sumSquares += noise * noise;
        }

        // ε / C = 0.25: variance 2α/(1-α)² ≈ 31.8.
        double alpha = Math.Exp(-0.25);
        double variance = 2 * alpha / ((1 - alpha) * (1 - alpha));
        double mean = sum / windows;
        Assert.AreEqual(0, mean, 6 * Math.Sqrt(variance / windows));
        Assert.AreEqual(variance, sumSquares / windows - mean * mean, 0.1 * variance);
    }

    [TestMethod]
    public void Mode3_Noise_ClampsToTheWireRange()
    {
        // G1: u = 1 -> 0; G2: u = 2^-63 -> its maximum; noise = -max. Then the opposite.
        var low = Report(3, 3);
        Person(epsilonMilli: 10, crossings: 100, random: new ScriptedRandom(uint.MaxValue, uint.MaxValue, 0, 0)).Apply(low, 0);
        Assert.AreEqual((ushort)0, low.Entries);
        Assert.AreEqual((ushort)0, low.Exits);

        var high = Report(60000, 60000);
        Person(epsilonMilli: 10, crossings: 100, random: new ScriptedRandom(0, 0, uint.MaxValue, uint.MaxValue)).Apply(high, 0);
        Assert.AreEqual(ushort.MaxValue, high.Entries);
        Assert.AreEqual(ushort.MaxValue, high.Exits);
    }

    [TestMethod]
    public void Exhausted_WithholdsEverything_UntilAFullPeriodOfUptime()
    {
        var control = Person();
        control.ExhaustBudgetPeriod();
        long now = 0;
        control.ObserveUptime(now);
        int windows = 0;
        while (true)
        {
            now += WindowMs;
            var report = Report(50, 50, Start + (uint)(windows * Window));
            bool wasExhausted = control.IsBudgetExhausted;
            control.Apply(report, now);
            windows++;
            if (!wasExhausted)
            {
                Assert.AreEqual((byte)0x3C, report.SuppressedMask);
                Assert.AreEqual((ushort)1000, report.EpsilonMilli);
                break;
            }

            Assert.AreEqual((byte)0x3F, report.SuppressedMask, $"window {windows}");
            Assert.AreEqual((ushort)0, report.Entries);
            Assert.AreEqual((ushort)0, report.Exits);
            Assert.AreEqual((ushort)0, report.EpsilonMilli);
            Assert.AreEqual(1000u, report.PrivacyBudgetSpentMilli, "an exhausted period counts as fully spent");
            Assert.AreEqual((ushort)4, report.ContributionBound);
        }

        // 96 windows of 900 s are 24 h of uptime: all withheld; the 97th opens the fresh period.
        Assert.AreEqual(97, windows);
        Assert.AreEqual(1u, control.BudgetPeriod);
    }

    [TestMethod]
    public void Period_EndsWhenItsUptimeReaches24Hours_NotBefore()
    {
        var control = Person();
        control.ObserveUptime(1000);
        control.Apply(Report(1, 1), 1000 + PeriodMs - 1);
        Assert.AreEqual(0u, control.BudgetPeriod);
        Assert.AreEqual((uint)(PeriodMs - 1), control.BudgetPeriodUptimeMilliseconds);
        Assert.AreEqual(1000u, control.BudgetSpentMilli);

        control.Apply(Report(1, 1, Start + Window), 1000 + PeriodMs);
        Assert.AreEqual(1u, control.BudgetPeriod);
        Assert.AreEqual(0u, control.BudgetPeriodUptimeMilliseconds);
        Assert.AreEqual(0u, control.BudgetSpentMilli, "nothing released in the fresh period yet");
    }

    [TestMethod]
    public void WallClockSteps_NeverStartAPeriod()
    {
        var control = Person();
        control.ObserveUptime(0);
        for (int i = 0; i < 200; i++)
        {
            // A day ahead, then back, then a year ahead: the windows' wall-clock starts say nothing to the period.
            uint start = (i % 3) switch { 0 => Start + 86400, 1 => Start, _ => Start + (365 * 86400) };
            var report = Report(5, 5, start + (uint)i);
            control.Apply(report, i * 1000L);
            Assert.AreEqual((ushort)1000, report.EpsilonMilli);
        }

        Assert.AreEqual(0u, control.BudgetPeriod);
        Assert.AreEqual(199_000u, control.BudgetPeriodUptimeMilliseconds);
    }

    [TestMethod]
    public void MonotonicTimeGoingBack_CountsNothing()
    {
        var control = Person();
        control.ObserveUptime(50_000);
        control.Apply(Report(1, 1), 60_000);
        control.Apply(Report(1, 1, Start + Window), 10_000);
        Assert.AreEqual(10_000u, control.BudgetPeriodUptimeMilliseconds);
        control.Apply(Report(1, 1, Start + (2 * Window)), 15_000);
        Assert.AreEqual(15_000u, control.BudgetPeriodUptimeMilliseconds);
    }

    [TestMethod]
    public void Restore_RefusesAnUptimeNoSavedPeriodCanHave()
    {
        var control = Person();
        Assert.IsFalse(control.TryRestoreBudgetPeriod(3, DisclosureControl.BudgetPeriodMilliseconds, false, true));
        Assert.AreEqual(0u, control.BudgetPeriod);
        Assert.IsTrue(control.TryRestoreBudgetPeriod(3, 5000, true, false));
        Assert.AreEqual(3u, control.BudgetPeriod);
        Assert.AreEqual(5000u, control.BudgetPeriodUptimeMilliseconds);
        Assert.IsTrue(control.IsBudgetExhausted);
    }

    [TestMethod]
    public void OtherModes_CarryNoContributionBound_OrBudget()
    {
        foreach (DisclosureMode mode in new[] { DisclosureMode.None, DisclosureMode.SmallCountSuppression })
        {
            var control = new DisclosureControl(new DisclosureSettings { Mode = mode }, null);
            var report = Report(20, 20);
            control.Apply(report, 0);
            Assert.AreEqual((ushort)0, report.ContributionBound, mode.ToString());
            Assert.AreEqual(0u, report.PrivacyBudgetSpentMilli, mode.ToString());
            Assert.AreEqual((ushort)0, report.EpsilonMilli, mode.ToString());
            Assert.AreEqual(mode, report.DisclosureMode);
        }
    }

    [TestMethod]
    public void Gaps_AreDetected_FromTheWindowSequence()
    {
        var control = new DisclosureControl(new DisclosureSettings { Mode = DisclosureMode.SmallCountSuppression }, null);
        control.Apply(Report(9, 9, Start));
        Assert.IsTrue(control.LastWindowFollowedGap, "the first window after boot");
        control.Apply(Report(9, 9, Start + Window));
        Assert.IsFalse(control.LastWindowFollowedGap);
        control.Apply(Report(9, 9, Start + (3 * Window)));
        Assert.IsTrue(control.LastWindowFollowedGap, "a window skipped");
        control.Apply(Report(9, 9, Start + (4 * Window)));
        Assert.IsFalse(control.LastWindowFollowedGap);
    }

    [TestMethod]
    public void Suppression_AfterAGap_ForgetsThePreviousOccupancy()
    {
        // Large counts everywhere: only the unknown previous occupancy can make the suppressor withhold anything.
        var control = new DisclosureControl(new DisclosureSettings { Mode = DisclosureMode.SmallCountSuppression, SuppressionThreshold = 2 }, null);
        control.Apply(Big(Start));
        var contiguous = Big(Start + Window);
        control.Apply(contiguous);
        Assert.AreEqual(0, contiguous.SuppressedMask & 0x03, "the previous occupancy was released: nothing to protect");

        var afterGap = Big(Start + (3 * Window));
        control.Apply(afterGap);
        Assert.AreEqual(0x03, afterGap.SuppressedMask & 0x03, "after a gap the occupancy before it is unknown (Reset)");
    }

    private static WindowReport Big(uint start) => new()
    {
        WindowStartUnixSeconds = start,
        WindowLengthSeconds = Window,
        Entries = 40,
        Exits = 30,
        OccupancyAtEnd = 50,
        PeakOccupancy = 60,
        PirActivityPermille = 400,
    };
}
