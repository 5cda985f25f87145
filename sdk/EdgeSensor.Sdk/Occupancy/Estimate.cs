namespace EdgeSensor.Sdk.Occupancy;

/// <summary>
/// A count released under disclosure control, with what a reader needs to judge it.
/// </summary>
/// <param name="Value">The released value (sum of the released counters); withheld cells count as 0. Never clamped:
/// a derived occupancy can come out below 0 (use <see cref="NonNegativeValue"/> for display).</param>
/// <param name="NoiseStandardDeviation">Standard deviation of the added differential-privacy noise; 0 when no noise was added.</param>
/// <param name="SuppressedWindows">Cells (one counter of one window) that were withheld (released as 0), whatever the reason.</param>
/// <param name="MaxHiddenBySuppression">The most the cells withheld as small counts can add up to: Σ(k − 1) over them.
/// A bound on the whole sum only when <see cref="UnboundedCells"/> is 0.</param>
public readonly record struct Estimate(double Value, double NoiseStandardDeviation, int SuppressedWindows, double MaxHiddenBySuppression)
{
    /// <summary>
    /// Cells whose true value has no upper bound the reports can give: withheld by complementary suppression (reports
    /// with the extended-disclosure flag say "0..k−1 or complementary", and not which), withheld because a privacy
    /// budget was exhausted, never released in the mode, or missing windows in a derived occupancy. When this is above
    /// 0 the sum is at least <see cref="Value"/> (less noise) but has no upper bound.
    /// </summary>
    public int UnboundedCells { get; init; }

    /// <summary>Whether the withheld cells have a known upper bound (<see cref="Value"/> + <see cref="MaxHiddenBySuppression"/>).</summary>
    public bool IsUpperBounded => UnboundedCells == 0;

    /// <summary>Half-width of the 95 % interval from noise (1.96 σ, normal approximation); 0 without noise.</summary>
    public double Margin95 => 1.96 * NoiseStandardDeviation;

    /// <summary><see cref="Value"/> clamped at 0: post-processing for display, after every sum was taken.</summary>
    public double NonNegativeValue => Math.Max(0, Value);

    /// <summary>Adds two independent estimates (variances add).</summary>
    public static Estimate operator +(Estimate a, Estimate b) => new(
        a.Value + b.Value,
        Math.Sqrt((a.NoiseStandardDeviation * a.NoiseStandardDeviation) + (b.NoiseStandardDeviation * b.NoiseStandardDeviation)),
        a.SuppressedWindows + b.SuppressedWindows,
        a.MaxHiddenBySuppression + b.MaxHiddenBySuppression)
    {
        UnboundedCells = a.UnboundedCells + b.UnboundedCells,
    };

    /// <summary>Subtracts an independent estimate (values subtract, variances add; withheld cells of either widen the result).</summary>
    public static Estimate operator -(Estimate a, Estimate b) => new(
        a.Value - b.Value,
        Math.Sqrt((a.NoiseStandardDeviation * a.NoiseStandardDeviation) + (b.NoiseStandardDeviation * b.NoiseStandardDeviation)),
        a.SuppressedWindows + b.SuppressedWindows,
        a.MaxHiddenBySuppression + b.MaxHiddenBySuppression)
    {
        UnboundedCells = a.UnboundedCells + b.UnboundedCells,
    };

    /// <summary>Formats as <c>12 ± 3.4</c> (or just the value when exact), then what was withheld.</summary>
    public override string ToString() =>
        (NoiseStandardDeviation > 0
            ? FormattableString.Invariant($"{Value:0} ± {Margin95:0.0}")
            : FormattableString.Invariant($"{Value:0}"))
        + (UnboundedCells > 0
            ? FormattableString.Invariant($" ({SuppressedWindows} withheld, {UnboundedCells} unbounded)")
            : SuppressedWindows > 0 ? FormattableString.Invariant($" (+≤{MaxHiddenBySuppression:0} suppressed)") : string.Empty);
}
