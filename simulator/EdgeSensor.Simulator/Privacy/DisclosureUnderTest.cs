using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Reports;
using EdgeSensor.Simulator.Randomness;

namespace EdgeSensor.Simulator.Privacy;

/// <summary>Applies one disclosure control to a closed window in place; <paramref name="uptimeMs"/> is the device's
/// monotonic uptime at the close.</summary>
public interface IDisclosureStage
{
    void Apply(WindowReport report, long uptimeMs);
}

/// <summary>
/// A disclosure configuration the evaluation runs: how to build a fresh device-side stage for one seeded day, and what
/// an attacker may assume about withheld values (for the differencing attack).
/// </summary>
/// <param name="Key">Short name used in tables and tests.</param>
/// <param name="Label">What it is, for the report.</param>
/// <param name="MinimumWindowSeconds">Shortest window the configuration allows.</param>
/// <param name="ExactReleases">Released counters are exact (no noise), so they give the attacker exact equations.</param>
/// <param name="WithheldLow">Least value a withheld counter can have, as the attacker reads the mask.</param>
/// <param name="WithheldHigh">Largest value a withheld counter can have, as the attacker reads the mask.</param>
public sealed record DisclosureUnderTest(
    string Key,
    string Label,
    int MinimumWindowSeconds,
    bool ExactReleases,
    int WithheldLow,
    int WithheldHigh,
    Func<ulong, IDisclosureStage> Create)
{
    /// <summary>Largest value a withheld occupancy can have (its bit is never complementary under the current rules).</summary>
    public int WithheldOccupancyHigh { get; init; } = WithheldHigh;

    /// <summary>What a consumer takes a withheld counter to be when it needs a number: the midpoint of the small
    /// values the mask stands for.</summary>
    public double WithheldEstimate => (WithheldLow + Math.Min(WithheldHigh, 4)) / 2.0;

    /// <summary>Counters released as counted (mode 0), through the core's DisclosureControl.</summary>
    public static DisclosureUnderTest None { get; } = new("none", "none (mode 0)", 10, true, 0, 0,
        seed => new CoreStage(new DisclosureSettings { Mode = DisclosureMode.None }, seed));

    /// <summary>Small-count suppression as the core implements it now (mode 1, k = 5).</summary>
    public static DisclosureUnderTest Suppression { get; } = new("suppression", "suppression k = 5 (issue 14 rules)", 10, true, 0, ushort.MaxValue,
        seed => new CoreStage(new DisclosureSettings { Mode = DisclosureMode.SmallCountSuppression, SuppressionThreshold = 5 }, seed))
    {
        WithheldOccupancyHigh = 4,
    };

    /// <summary>Small-count suppression under the rules before issue 14, rebuilt from their formulas as a baseline.</summary>
    public static DisclosureUnderTest LegacySuppression { get; } = new("suppression-old", "suppression k = 5 (rules before issue 14)", 10, true, 1, 4,
        _ => new LegacySuppressionStage(5));

    /// <summary>Per-window differential privacy (mode 2) at ε 1 per window, rebuilt from its formulas as a baseline.</summary>
    public static DisclosureUnderTest LegacyWindowDp { get; } = new("dp-window-old", "per-window DP (mode 2 before issue 14), ε 1 per window", 10, false, 0, 0,
        seed => new LegacyWindowDpStage(1000, seed));

    /// <summary>The configurations every attack runs against, weakest first.</summary>
    public static IReadOnlyList<DisclosureUnderTest> All => [None, LegacySuppression, Suppression, LegacyWindowDp, .. PersonLevel];

    /// <summary>Person-level differential privacy (mode 3) at the defaults: ε 1 per person per day, C = 4.</summary>
    public static IReadOnlyList<DisclosureUnderTest> PersonLevel => [PersonDp(DefaultEpsilonMilli)];

    /// <summary>Default ε per person per budget period, in thousandths.</summary>
    public const ushort DefaultEpsilonMilli = 1000;

    /// <summary>Default contribution bound C (crossings per person per budget period).</summary>
    public const ushort DefaultContributionBound = 4;

    /// <summary>Person-level differential privacy (mode 3) through the core, at ε = <paramref name="epsilonMilli"/>/1000 per
    /// person per day and C = 4.</summary>
    public static DisclosureUnderTest PersonDp(ushort epsilonMilli) => new(
        epsilonMilli == DefaultEpsilonMilli ? "dp-person" : $"dp-person-{epsilonMilli}",
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"person-level DP (mode 3), ε {epsilonMilli / 1000.0:0.0#} per person per day, C = {DefaultContributionBound}"),
        DisclosureSettings.MinPersonPrivacyWindowSeconds, false, 0, 0,
        seed => new CoreStage(new DisclosureSettings { Mode = DisclosureMode.PersonDifferentialPrivacy, EpsilonMilli = epsilonMilli, ContributionBound = DefaultContributionBound }, seed));

    internal static Rng NoiseRng(ulong seed) => Rng.ForStream(seed, 77);

    /// <summary>The core's own disclosure control, configured by <see cref="DisclosureSettings"/>.</summary>
    private sealed class CoreStage(DisclosureSettings settings, ulong seed) : IDisclosureStage
    {
        private readonly DisclosureControl _control = Boot(settings, seed);

        public void Apply(WindowReport report, long uptimeMs) => _control.Apply(report, uptimeMs);

        // A device that boots at midnight: its budget period counts uptime from 0.
        private static DisclosureControl Boot(DisclosureSettings settings, ulong seed)
        {
            var control = new DisclosureControl(settings, new RngRandomSource(NoiseRng(seed)));
            control.ObserveUptime(0);
            return control;
        }
    }
}
