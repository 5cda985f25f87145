using EdgeSensor.Simulator.Population;
using EdgeSensor.Simulator.Scenarios;

namespace EdgeSensor.Simulator.Accuracy;

/// <summary>
/// One goal checked on one variant: the measured figure and whether it is met (null: not run). A group's goal also
/// carries its count-accuracy gap to adults, which must be within the goal too.
/// </summary>
public sealed record GoalCheck(string Goal, double? Value, bool? Met, double? CountGap = null)
{
    /// <summary>The value is a rate an hour (false counts on an empty floor), not a fraction.</summary>
    public bool PerHour { get; init; }
}

/// <summary>
/// The goals of docs/accuracy.md, on event accuracy (a miss and a false count are both errors; offsetting ones do not
/// cancel). A group meets its goal only if its event accuracy AND its count accuracy are within 1 pp of the adults', so
/// a group cannot pass on counts while its events are wrong.
/// </summary>
public static class AccuracyGoals
{
    /// <summary>Scenarios with people of several groups, where per-group figures rest on attributing false counts.</summary>
    public static readonly string[] MixedScenarios = ["inclusive", "event-surge", "mixed", "door-inclusive"];

    /// <summary>Left out of the overall figure: two zones along the walking line cannot separate people abreast (50% ceiling).</summary>
    public const string NoGoalScenario = "side-by-side";

    /// <summary>Goals apply up to this mount height; above it the figures are reported with a timing-budget recommendation.</summary>
    public const int HighestGoalMountMillimeters = 3000;

    public const double Overall = 0.98;

    public const double GroupGap = 0.01;

    /// <summary>All scenarios but side-by-side, pooled: the overall event accuracy.</summary>
    public static ScenarioTally Pooled(VariantTally v)
    {
        var all = new ScenarioTally { Name = "overall" };
        foreach (ScenarioTally t in v.Scenarios.Where(t => t.Name != NoGoalScenario))
        {
            all.Add(t);
        }

        return all;
    }

    /// <summary>The mixed-traffic scenarios pooled (per-group figures by attribution).</summary>
    public static ScenarioTally? Mixed(VariantTally v)
    {
        ScenarioTally[] mixed = [.. v.Scenarios.Where(t => MixedScenarios.Contains(t.Name))];
        if (mixed.Length == 0)
        {
            return null;
        }

        var pooled = new ScenarioTally { Name = "mixed traffic" };
        foreach (ScenarioTally t in mixed)
        {
            pooled.Add(t);
        }

        return pooled;
    }

    public static IReadOnlyList<GoalCheck> Check(VariantTally v)
    {
        var checks = new List<GoalCheck>
        {
            AtLeast("single-file >= 99%", v.Find("single-file")?.EventAccuracy, 0.99),
            AtLeast("tailgating (0.5 s) >= 97%", v.Find("tailgating")?.EventAccuracy, 0.97),
            AtMost("turn-backs counted <= 2%", v.Find("turn-back")?.TurnBackFalseCountRate, 0.02),
            AtLeast("sunlight >= 97%", v.Find("sunlight")?.EventAccuracy, 0.97),

            // Nobody there, nothing to count: any count is a phantom, so the goal is none (a rate, not a share).
            AtMost("empty floor: no false counts an hour", v.Find(ScenarioSuite.EmptyFloor)?.FalseCountsPerHour, 0) with { PerHour = true },
        };

        var pure = AccuracyRunner.ByGroup(v.Scenarios);
        ScenarioTally? adult = pure.FirstOrDefault(g => g.Group == PopulationGroup.Adult).Tally;
        foreach (var (group, t) in pure.Where(g => g.Group != PopulationGroup.Adult))
        {
            double? gap = adult?.EventAccuracy - t.EventAccuracy;
            double? countGap = adult?.Accuracy - t.Accuracy;
            checks.Add(new GoalCheck($"{Name(group)} within 1 pp of adults (group-pure)", gap,
                gap is null || countGap is null ? null : gap <= GroupGap && countGap <= GroupGap, countGap));
        }

        if (Mixed(v) is ScenarioTally mixed)
        {
            double? adultEvent = mixed.GroupEventAccuracy((int)PopulationGroup.Adult);
            double? adultCount = mixed.GroupCountAccuracy((int)PopulationGroup.Adult);
            foreach (PopulationGroup group in Enum.GetValues<PopulationGroup>().Where(g => g != PopulationGroup.Adult))
            {
                double? gap = adultEvent - mixed.GroupEventAccuracy((int)group);
                double? countGap = adultCount - mixed.GroupCountAccuracy((int)group);
                checks.Add(new GoalCheck($"{Name(group)} within 1 pp of adults (mixed traffic)", gap,
                    gap is null || countGap is null ? null : gap <= GroupGap && countGap <= GroupGap, countGap));
            }
        }

        checks.Add(AtLeast("overall >= 98%", Pooled(v).EventAccuracy, Overall));
        return checks;
    }

    public static string Name(PopulationGroup group) => group.ToString().ToLowerInvariant();

    private static GoalCheck AtLeast(string goal, double? value, double floor) => new(goal, value, value is null ? null : value >= floor);

    private static GoalCheck AtMost(string goal, double? value, double ceiling) => new(goal, value, value is null ? null : value <= ceiling);
}
