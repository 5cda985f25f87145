using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Reports;

namespace EdgeSensor.Simulator.Privacy;

/// <summary>
/// Small-count suppression as it was before issue 14, kept as an attack baseline: each counter on its own, 1..k-1
/// withheld, zero released, PIR and health always released.
/// </summary>
internal sealed class LegacySuppressionStage(ushort threshold) : IDisclosureStage
{
    public void Apply(WindowReport report, long uptimeMs)
    {
        report.DisclosureMode = DisclosureMode.SmallCountSuppression;
        report.SuppressionThreshold = threshold;
        report.Entries = Withhold(report.Entries, SuppressedFields.Entries, report);
        report.Exits = Withhold(report.Exits, SuppressedFields.Exits, report);
        report.OccupancyAtEnd = Withhold(report.OccupancyAtEnd, SuppressedFields.OccupancyAtEnd, report);
        report.PeakOccupancy = Withhold(report.PeakOccupancy, SuppressedFields.PeakOccupancy, report);
    }

    private ushort Withhold(ushort value, byte bit, WindowReport report)
    {
        if (value == 0 || value >= threshold)
        {
            return value;
        }

        report.SuppressedMask |= bit;
        return 0;
    }
}

/// <summary>
/// Per-window differential privacy (mode 2) as it was before issue 14, kept as an attack baseline: ε per window split
/// over the four counters (two-sided geometric noise from the core's sampler, α = exp(−ε/4)), clamped to 0, peak raised
/// to the end value, PIR withheld, health released; the daily budget never ran out at ε 1 and 96 windows.
/// </summary>
internal sealed class LegacyWindowDpStage : IDisclosureStage
{
    private readonly ushort _epsilonMilli;
    private readonly TwoSidedGeometric _noise;
    private readonly RngRandomSource _random;
    private uint _spentMilli;

    public LegacyWindowDpStage(ushort epsilonMilli, ulong seed)
    {
        _epsilonMilli = epsilonMilli;
        _noise = new TwoSidedGeometric(epsilonMilli, 4000);
        _random = new RngRandomSource(DisclosureUnderTest.NoiseRng(seed));
    }

    public void Apply(WindowReport report, long uptimeMs)
    {
        report.DisclosureMode = DisclosureMode.DifferentialPrivacy;
        report.EpsilonMilli = _epsilonMilli;
        _spentMilli += _epsilonMilli;
        report.PrivacyBudgetSpentMilli = _spentMilli;
        report.PirActivityPermille = 0;
        report.SuppressedMask |= SuppressedFields.PirActivity;
        report.Entries = Noisy(report.Entries);
        report.Exits = Noisy(report.Exits);
        ushort occupancy = Noisy(report.OccupancyAtEnd);
        ushort peak = Noisy(report.PeakOccupancy);
        report.OccupancyAtEnd = occupancy;
        report.PeakOccupancy = Math.Max(peak, occupancy);
    }

    private ushort Noisy(ushort value) => (ushort)Math.Clamp(value + _noise.Sample(_random), 0, ushort.MaxValue);
}
