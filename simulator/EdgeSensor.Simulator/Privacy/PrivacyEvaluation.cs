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
    public static PrivacyEvaluationOptions Full { get; } = new(20, 2, 500, 1200, 12, 1);

    /// <summary>Fewer days everywhere; the same code paths.</summary>
    public static PrivacyEvaluationOptions Quick { get; } = new(4, 1, 200, 400, 3, 1);
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
        // Every row has its own seeds, so rows run in parallel and the figures do not depend on the scheduling.
        var flows = DailyFlows.RealWorld.Select(f => (Flow: f, Days: options.UtilityDays, Context: true))
            .Concat(ScenarioSuite.All.Select(s => (Flow: DailyFlows.Tiled(s), Days: options.ScenarioDays, Context: false)))
            .ToArray();
        UtilityRow[][] utility = new UtilityRow[flows.Length][];
        Parallel.For(0, flows.Length, i =>
        {
            // Each day is generated once and run through every window length and configuration.
            // Every flow has its own seeds (for its days and its noise), so rows are independent samples.
            (DailyFlow flow, int days, bool context) = flows[i];
            ulong first = options.Seed + ((ulong)i * 100_000);
            SiteDay[] siteDays = [.. Enumerable.Range(0, days).Select(d => flow.Generate(first + (ulong)d))];
            utility[i] = [.. UtilityWindows.SelectMany(window => UtilityConfigurations(context)
                .Select(d => UtilityEvaluation.Run(flow.Name, siteDays, window, d, first)))];
        });

        var attackRows = AttackedConfigurations().SelectMany(d => StayHours.Select(stay => (Disclosure: d, Stay: stay))).ToArray();
        var attacks = new AttackResult[attackRows.Length];
        Parallel.For(0, attackRows.Length, i =>
            attacks[i] = LoneWorkerAttack.Run(attackRows[i].Disclosure, attackRows[i].Stay, AttackWindowSeconds, options.TrainDays, options.TestDays, options.Seed));

        DisclosureUnderTest[] attacked = [.. AttackedConfigurations()];
        var differencing = new DifferencingResult[attacked.Length];
        Parallel.For(0, attacked.Length, i =>
            differencing[i] = DifferencingAttack.Run(attacked[i], DailyFlows.RealWorld, AttackWindowSeconds, options.DifferencingDays, options.Seed));

        return new PrivacyResults(options, [.. utility.SelectMany(r => r)], attacks, differencing);
    }

    /// <summary>The configurations the attacks run against: every disclosure mode, old and new.</summary>
    public static IReadOnlyList<DisclosureUnderTest> AttackedConfigurations() => DisclosureUnderTest.All;

    private static IEnumerable<DisclosureUnderTest> UtilityConfigurations(bool withContext)
    {
        foreach (ushort epsilon in UtilityEpsilonMilli)
        {
            if (withContext || epsilon == DisclosureUnderTest.DefaultEpsilonMilli)
            {
                yield return DisclosureUnderTest.PersonDp(epsilon);
            }
        }

        yield return DisclosureUnderTest.Suppression;
    }
}
