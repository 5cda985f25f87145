using EdgeSensor.Sdk.Occupancy;
using EdgeSensor.Sdk.Reports;
using static EdgeSensor.Sdk.Tests.Occupancy.ReportSamples;

namespace EdgeSensor.Sdk.Tests.Occupancy;

/// <summary>
/// The error bars against an independent model of the device's noise: two-sided geometric draws sampled here by
/// inverse transform (not the firmware's sampler), with α from docs/privacy.md (e^−ε/4 per window, e^−ε/C per person).
/// </summary>
[TestClass]
public sealed class ErrorBarTests
{
    private const int Draws = 200_000;

    [TestMethod]
    [DataRow(500)]
    [DataRow(1000)]
    [DataRow(4000)]
    public void WindowDpSigmaMatchesTheSampledNoiseOfEachCounter(int epsilonMilli)
    {
        AggregateReport report = Report(1, 40, 30, 10, DisclosureMode.DifferentialPrivacy, epsilonMilli / 1000.0);
        double alpha = Math.Exp(-epsilonMilli / 4000.0); // the window's ε is split over four counters
        AssertMatchesSampledNoise(alpha, OccupancyQueries.Of(report, report.Entries, SuppressedCounters.Entries));
        AssertMatchesSampledNoise(alpha, OccupancyQueries.Of(report, report.OccupancyAtEnd, SuppressedCounters.OccupancyAtEnd));
    }

    [TestMethod]
    public void WindowDpSigmaAtEpsilonOneIsTheOneOfThePrivacyTable()
    {
        // docs/privacy.md §4: ε 1 per window → α 0.779, sd per counter 5.6 (the old e^−ε gave 1.35: 4.2× too narrow).
        Estimate e = OccupancyQueries.Of(Report(1, 5, 5, 5, DisclosureMode.DifferentialPrivacy, 1.0), 5, SuppressedCounters.Entries);
        Assert.AreEqual(5.6, e.NoiseStandardDeviation, 0.05);
    }

    [TestMethod]
    [DataRow(1000, 2)]
    [DataRow(1000, 4)]
    [DataRow(3000, 10)]
    public void PersonDpSigmaMatchesTheSampledNoiseOfEntriesAndExits(int epsilonMilli, int bound)
    {
        AggregateReport report = PersonDp(1, 12, 9, epsilonMilli / 1000.0, bound);
        double alpha = Math.Exp(-epsilonMilli / (1000.0 * bound));
        AssertMatchesSampledNoise(alpha, OccupancyQueries.Of(report, report.Entries, SuppressedCounters.Entries));
        AssertMatchesSampledNoise(alpha, OccupancyQueries.Of(report, report.Exits, SuppressedCounters.Exits));
    }

    [TestMethod]
    public void PersonDpWithholdsOccupancyAndPeakWithoutBound()
    {
        AggregateReport report = PersonDp(1, 12, 9);
        Estimate occupancy = OccupancyQueries.Of(report, report.OccupancyAtEnd, SuppressedCounters.OccupancyAtEnd);
        Assert.AreEqual(1, occupancy.UnboundedCells);
        Assert.IsFalse(occupancy.IsUpperBounded);
        Assert.AreEqual(0.0, occupancy.NoiseStandardDeviation);
    }

    [TestMethod]
    public void ExhaustedBudgetCellsAreUnboundedNotZero()
    {
        var all = SuppressedCounters.Entries | SuppressedCounters.Exits | SuppressedCounters.OccupancyAtEnd | SuppressedCounters.PeakOccupancy;
        Estimate e = OccupancyQueries.Of(Report(1, mode: DisclosureMode.DifferentialPrivacy, suppressed: all), 0, SuppressedCounters.Entries);
        Assert.AreEqual(1, e.UnboundedCells);
        Assert.AreEqual(0.0, e.NoiseStandardDeviation, "ε is 0 when withheld");
    }

    [TestMethod]
    public void SuppressionBoundsDependOnTheFlag()
    {
        // Without the flag (older devices) a withheld cell was 1..k−1; with it, 0..k−1 or complementary (any value).
        Estimate old = OccupancyQueries.Of(Report(1, mode: DisclosureMode.SmallCountSuppression, suppressed: SuppressedCounters.Entries, threshold: 5), 0, SuppressedCounters.Entries);
        Estimate now = OccupancyQueries.Of(Report(1, mode: DisclosureMode.SmallCountSuppression, suppressed: SuppressedCounters.Entries, threshold: 5, extended: true), 0, SuppressedCounters.Entries);
        Assert.IsTrue(old.IsUpperBounded);
        Assert.AreEqual(4.0, old.MaxHiddenBySuppression);
        Assert.IsFalse(now.IsUpperBounded);
        Assert.AreEqual(4.0, now.MaxHiddenBySuppression, "the bound that holds for cells withheld as small");
        Assert.IsFalse((old + now).IsUpperBounded);
        StringAssert.Contains((old + now).ToString(), "unbounded");
    }

    [TestMethod]
    public void MeaningOfASetBitDependsOnTheMode()
    {
        var counters = SuppressedCounters.Entries | SuppressedCounters.PirActivity | SuppressedCounters.Health;
        Assert.AreEqual(WithheldMeaning.SmallCount, Report(1, mode: DisclosureMode.SmallCountSuppression, suppressed: counters).MeaningOf(SuppressedCounters.Entries));
        Assert.AreEqual(WithheldMeaning.SmallCountOrComplementary, Report(1, mode: DisclosureMode.SmallCountSuppression, suppressed: counters, extended: true).MeaningOf(SuppressedCounters.Entries));
        Assert.AreEqual(WithheldMeaning.NotReleasedInThisMode, Report(1, mode: DisclosureMode.SmallCountSuppression, suppressed: counters, extended: true).MeaningOf(SuppressedCounters.Health));
        Assert.AreEqual(WithheldMeaning.BudgetExhausted, Report(1, mode: DisclosureMode.DifferentialPrivacy, suppressed: counters).MeaningOf(SuppressedCounters.Entries));
        Assert.AreEqual(WithheldMeaning.BudgetExhausted, Report(1, mode: DisclosureMode.PersonDifferentialPrivacy, suppressed: counters).MeaningOf(SuppressedCounters.Entries));
        Assert.AreEqual(WithheldMeaning.NotReleasedInThisMode, PersonDp(1, 3, 3).MeaningOf(SuppressedCounters.OccupancyAtEnd));
        Assert.AreEqual(WithheldMeaning.Released, PersonDp(1, 3, 3).MeaningOf(SuppressedCounters.Exits));
        Assert.AreEqual(WithheldMeaning.Unknown, Report(1, suppressed: counters).MeaningOf(SuppressedCounters.Entries));
        Assert.ThrowsExactly<ArgumentException>(() => PersonDp(1, 3, 3).MeaningOf(SuppressedCounters.Entries | SuppressedCounters.Exits));
    }

    /// <summary>
    /// Sampled sd within 2 % of the estimate's σ (the old α = e^−ε was 4.2× too small at ε 1), and Margin95 covering
    /// 92..97 % of the draws: 1.96 σ is a normal approximation, which on one discrete, heavier-tailed cell covers about
    /// 93–94 % (exact single-cell margins: docs/privacy.md §4); sums of cells come closer to normal.
    /// </summary>
    private static void AssertMatchesSampledNoise(double alpha, Estimate estimate)
    {
        var random = new Random(20261128);
        double sumSquares = 0;
        int covered = 0;
        for (int i = 0; i < Draws; i++)
        {
            long z = Geometric(random, alpha) - Geometric(random, alpha);
            sumSquares += (double)z * z;
            if (Math.Abs(z) <= estimate.Margin95)
            {
                covered++;
            }
        }

        double sampledSd = Math.Sqrt(sumSquares / Draws);
        Assert.AreEqual(sampledSd, estimate.NoiseStandardDeviation, 0.02 * sampledSd, $"α {alpha}: sampled sd {sampledSd}");
        double coverage = covered / (double)Draws;
        Assert.IsTrue(coverage is > 0.92 and < 0.97, $"α {alpha}: Margin95 {estimate.Margin95} covers {coverage:P1}");
    }

    // P(G ≥ n) = α^n, by inversion: G = ⌊ln U / ln α⌋ for U uniform in (0, 1].
    private static long Geometric(Random random, double alpha) => (long)Math.Floor(Math.Log(1.0 - random.NextDouble()) / Math.Log(alpha));
}
