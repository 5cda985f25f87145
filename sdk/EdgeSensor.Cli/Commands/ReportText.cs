using System.Globalization;
using EdgeSensor.Sdk.Occupancy;
using EdgeSensor.Sdk.Reports;

namespace EdgeSensor.Cli.Commands;

/// <summary>How <c>open</c> and <c>tail</c> print a report's disclosure fields: what each mode released and how to read it.</summary>
internal static class ReportText
{
    private static readonly CultureInfo s_c = CultureInfo.InvariantCulture;

    /// <summary>The header flags in words (e.g. <c>0x01 (extended disclosure)</c>).</summary>
    public static string Flags(byte flags) =>
        "0x" + flags.ToString("x2", s_c) + ((flags & 0x01) != 0 ? " (extended disclosure)" : string.Empty);

    /// <summary>One line for the <c>open</c> table: mode, parameters, noise per counter and what was withheld.</summary>
    public static string Disclosure(AggregateReport r)
    {
        string parameters = r.DisclosureMode switch
        {
            DisclosureMode.SmallCountSuppression => FormattableString.Invariant($"k {r.SuppressionThreshold}; a withheld counter was ")
                + (r.ExtendedDisclosure ? "0..k−1 or complementary (any value)" : "1..k−1"),
            DisclosureMode.DifferentialPrivacy => FormattableString.Invariant($"ε {Number(r.Epsilon)} per window, {Sigma(r)}budget spent today {Number(r.PrivacyBudgetSpent)}"),
            DisclosureMode.PersonDifferentialPrivacy => FormattableString.Invariant(
                $"ε {Number(r.Epsilon)} per person per budget period, C {r.ContributionBound} crossings per person, {Sigma(r)}budget spent this period {Number(r.PrivacyBudgetSpent)}"),
            _ => "released as counted",
        };
        return FormattableString.Invariant($"{r.DisclosureMode} ({parameters}); withheld: {Withheld(r)}");
    }

    /// <summary>The health line of <c>open</c>; calibration and invalid samples read "withheld" when the health bit is set.</summary>
    public static string Health(AggregateReport r) =>
        ((r.Suppressed & SuppressedCounters.Health) != 0
            ? "calibration and invalid samples withheld"
            : FormattableString.Invariant($"calibration {r.CalibrationState}, invalid samples {r.InvalidSamplePermille} ‰"))
        + FormattableString.Invariant($", reboots {r.RebootCount}, firmware {r.FirmwareVersion.ToString(3)}");

    /// <summary>The short privacy column of <c>tail</c>.</summary>
    public static string Privacy(AggregateReport r) => r.DisclosureMode switch
    {
        DisclosureMode.DifferentialPrivacy => r.Epsilon > 0 ? FormattableString.Invariant($"ε={Number(r.Epsilon)}/window") : "budget exhausted",
        DisclosureMode.PersonDifferentialPrivacy => r.Epsilon > 0
            ? FormattableString.Invariant($"ε={Number(r.Epsilon)}/person C={r.ContributionBound}")
            : FormattableString.Invariant($"budget exhausted C={r.ContributionBound}"),
        DisclosureMode.SmallCountSuppression => FormattableString.Invariant($"k={r.SuppressionThreshold}"),
        _ => "none",
    };

    /// <summary>A counter for a table cell: its value, or "–" when withheld (it reads 0 on the wire).</summary>
    public static string Counter(AggregateReport r, int value, SuppressedCounters field) =>
        (r.Suppressed & field) != 0 ? "–" : value.ToString(s_c);

    private static string Withheld(AggregateReport r) => r.Suppressed == SuppressedCounters.None ? "nothing" : r.Suppressed.ToString();

    private static string Sigma(AggregateReport r)
    {
        double sigma = OccupancyQueries.NoiseStandardDeviation(r);
        return sigma > 0 ? FormattableString.Invariant($"noise sd {sigma:0.0} per counter, ") : string.Empty;
    }

    private static string Number(double value) => value.ToString("0.###", s_c);
}
