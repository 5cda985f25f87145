namespace EdgeSensor.Sdk.Occupancy;

/// <summary>
/// A count released under disclosure control, with what a reader needs to judge it.
/// </summary>
/// <param name="Value">The released value (sum of the released counters).</param>
/// <param name="NoiseStandardDeviation">Standard deviation of the added differential-privacy noise; 0 when no noise was added.</param>
/// <param name="SuppressedWindows">Windows whose counter was withheld (released as 0).</param>
/// <param name="MaxHiddenBySuppression">The most the withheld counters can add up to (sum of k − 1 over suppressed windows).</param>
public readonly record struct Estimate(double Value, double NoiseStandardDeviation, int SuppressedWindows, double MaxHiddenBySuppression)
{
    /// <summary>Half-width of the 95 % interval from noise (1.96 σ, normal approximation); 0 without noise.</summary>
    public double Margin95 => 1.96 * NoiseStandardDeviation;

    /// <summary>Adds two independent estimates (variances add).</summary>
    public static Estimate operator +(Estimate a, Estimate b) => new(
        a.Value + b.Value,
        Math.Sqrt((a.NoiseStandardDeviation * a.NoiseStandardDeviation) + (b.NoiseStandardDeviation * b.NoiseStandardDeviation)),
        a.SuppressedWindows + b.SuppressedWindows,
        a.MaxHiddenBySuppression + b.MaxHiddenBySuppression);

    /// <summary>Formats as <c>12 ± 3.4</c> (or just the value when exact).</summary>
    public override string ToString() =>
        (NoiseStandardDeviation > 0
            ? FormattableString.Invariant($"{Value:0} ± {Margin95:0.0}")
            : FormattableString.Invariant($"{Value:0}"))
        + (SuppressedWindows > 0 ? FormattableString.Invariant($" (+≤{MaxHiddenBySuppression:0} suppressed)") : string.Empty);
}
