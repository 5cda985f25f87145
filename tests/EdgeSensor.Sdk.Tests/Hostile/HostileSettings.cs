using System.Globalization;

namespace EdgeSensor.Sdk.Tests.Hostile;

/// <summary>
/// Size and seed of the hostile-input campaign, shared by every test project that runs a part of it (this file
/// is linked into each). <see cref="CasesVariable"/> is the campaign's total: each target runs its short-run share
/// scaled by it (default <see cref="ShortRunCases"/>, the run every CI job makes; 10,000,000 for the long run).
/// <see cref="SeedVariable"/> replaces the fixed seed. docs/reliability.md, "Hostile inputs".
/// </summary>
internal static class HostileSettings
{
    public const string CasesVariable = "EDGESENSOR_HOSTILE_CASES";
    public const string SeedVariable = "EDGESENSOR_HOSTILE_SEED";

    /// <summary>The short run's total over all targets; the per-target shares add up to it.</summary>
    public const long ShortRunCases = 100_000;

    /// <summary>The fixed seed of every run that does not name one.</summary>
    public const ulong DefaultSeed = 20261128;

    public static long CampaignCases { get; } = (long)Read(CasesVariable, ShortRunCases, 1, 1_000_000_000_000);

    public static ulong Seed { get; } = Read(SeedVariable, DefaultSeed, 0, ulong.MaxValue);

    /// <summary>A target's case count: its short-run share, scaled to the campaign size (at least one case).</summary>
    public static long Cases(long shortRunShare) => Math.Max(1, shortRunShare * CampaignCases / ShortRunCases);

    private static ulong Read(string variable, ulong fallback, ulong min, ulong max)
    {
        string? text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!ulong.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out ulong value) || value < min || value > max)
        {
            throw new InvalidOperationException($"{variable} must be an integer {min}..{max}, not '{text}'.");
        }

        return value;
    }
}
