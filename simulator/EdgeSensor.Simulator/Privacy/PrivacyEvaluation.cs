using EdgeSensor.Simulator.Scenarios;

namespace EdgeSensor.Simulator.Privacy;

/// <summary>How much to run: the full evaluation for the doc, or a reduced one for quick checks.</summary>
/// <param name="UtilityDays">Seeded days per flow and configuration for the utility figures.</param>
/// <param name="ScenarioDays">Tiled days per scenario of the suite.</param>
/// <param name="TrainDays">Labelled days the lone-worker classifier trains on.</param>
/// <param name="TestDays">Held-out days it is judged on.</param>
/// <param name="DifferencingDays">Days per flow for the differencing attack.</param>
public sealed record PrivacyEvaluationOptions(int UtilityDays, int ScenarioDays, int TrainDays, int TestDays, int DifferencingDays, ulong Seed)
{
    public static PrivacyEvaluationOptions Full { get; } = new(20, 2, 1000, 2000, 20, 1);

    /// <summary>Fewer days everywhere; the same code paths.</summary>
    public static PrivacyEvaluationOptions Quick { get; } = new(4, 1, 300, 600, 5, 1);
}

/// <summary>Everything the privacy evaluation measured.</summary>
public sealed record PrivacyResults(
    PrivacyEvaluationOptions Options,
    IReadOnlyList<UtilityRow> Utility,
    IReadOnlyList<AttackResult> Attacks,
    IReadOnlyList<DifferencingResult> Differencing);

/// <summary>
/// The privacy evaluation of issue 14: utility of the released counts and the attack suite, against every disclosure
/// configuration, at counts level through the core's window aggregator and disclosure control. Deterministic for a
/// given <see cref="PrivacyEvaluationOptions"/>.
/// </summary>
public static class PrivacyEvaluation
{
    /// <summary>Window lengths of the utility figures.</summary>
    public static readonly int[] UtilityWindows = [900, 3600];

    /// <summary>ε per person per day of the utility figures (1 is the default; the others for context).</summary>
    public static readonly ushort[] UtilityEpsilonMilli = [500, 1000, 2000];

    /// <summary>Window of the attack figures: the shortest mode 3 allows.</summary>
    public const int AttackWindowSeconds = 900;

    public static readonly double[] StayHours = [2, 8];

    public static PrivacyResults Run(PrivacyEvaluationOptions options)
    {
        var utility = new List<UtilityRow>();
        foreach (DailyFlow flow in DailyFlows.RealWorld)
        {
            foreach (int window in UtilityWindows)
            {
                foreach (DisclosureUnderTest d in UtilityConfigurations(withContext: true))
                {
                    utility.Add(UtilityEvaluation.Run(flow, window, d, options.UtilityDays, options.Seed));
                }
            }
        }

        foreach (ScenarioDefinition scenario in ScenarioSuite.All)
        {
            foreach (int window in UtilityWindows)
            {
                foreach (DisclosureUnderTest d in UtilityConfigurations(withContext: false))
                {
                    utility.Add(UtilityEvaluation.Run(DailyFlows.Tiled(scenario), window, d, options.ScenarioDays, options.Seed));
                }
            }
        }

        var attacks = new List<AttackResult>();
        foreach (DisclosureUnderTest d in AttackedConfigurations())
        {
            foreach (double stay in StayHours)
            {
                attacks.Add(LoneWorkerAttack.Run(d, stay, AttackWindowSeconds, options.TrainDays, options.TestDays, options.Seed));
            }
        }

        // The old per-window mode at its old default 60 s window, the setting of the figures.
        foreach (double stay in StayHours)
        {
            attacks.Add(LoneWorkerAttack.Run(DisclosureUnderTest.LegacyWindowDp, stay, 60, options.TrainDays / 2, options.TestDays / 4, options.Seed));
        }

        var differencing = new List<DifferencingResult>();
        foreach (DisclosureUnderTest d in AttackedConfigurations())
        {
            differencing.Add(DifferencingAttack.Run(d, DailyFlows.RealWorld, AttackWindowSeconds, options.DifferencingDays, options.Seed));
        }

        return new PrivacyResults(options, utility, attacks, differencing);
    }

    /// <summary>The configurations the attacks run against: every disclosure mode, old and new.</summary>
    public static IReadOnlyList<DisclosureUnderTest> AttackedConfigurations() => DisclosureUnderTest.All;

    private static IEnumerable<DisclosureUnderTest> UtilityConfigurations(bool withContext)
    {
        yield return DisclosureUnderTest.Suppression;
    }
}
