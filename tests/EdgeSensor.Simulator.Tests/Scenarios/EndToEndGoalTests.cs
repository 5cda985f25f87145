using EdgeSensor.Simulator.Accuracy;
using EdgeSensor.Simulator.Scenarios;

namespace EdgeSensor.Simulator.Tests.Scenarios;

/// <summary>
/// Every named scenario, generated with fixed seeds and replayed through the firmware engine, against the goals of
/// docs/accuracy.md (two seeds each to keep the run short; the accuracy command runs more).
/// </summary>
[TestClass]
public sealed class EndToEndGoalTests
{
    private static readonly ulong[] Seeds = [1, 2];

    private static ScenarioTally Run(string name)
    {
        Assert.IsTrue(ScenarioSuite.TryGet(name, out ScenarioDefinition scenario), name);
        ScenarioTally tally = AccuracyRunner.Run([scenario], Seeds)[0];
        Assert.AreEqual(Seeds.Length, tally.Runs);
        return tally;
    }

    private static void AtLeast(string name, double goal)
    {
        ScenarioTally t = Run(name);
        Assert.IsGreaterThan(0, t.TruthEntries + t.TruthExits, name);
        Assert.IsGreaterThanOrEqualTo(goal, t.Accuracy!.Value,
            $"{name}: entries {t.Entries}/{t.TruthEntries}, exits {t.Exits}/{t.TruthExits}");
    }

    [TestMethod]
    public void SingleFile() => AtLeast("single-file", 0.99);

    [TestMethod]
    public void Tailgating() => AtLeast("tailgating", 0.97);

    [TestMethod]
    public void Sunlight() => AtLeast("sunlight", 0.97);

    [TestMethod]
    public void TurnBacksAreRarelyCounted()
    {
        ScenarioTally t = Run("turn-back");
        Assert.AreEqual(0, t.TruthEntries + t.TruthExits);
        Assert.IsGreaterThan(20, t.TurnBackEvents);
        Assert.IsLessThanOrEqualTo(0.02, t.TurnBackFalseCountRate!.Value, $"{t.TurnBackFalseCounts}/{t.TurnBackEvents} turn-backs counted");
    }

    [TestMethod]
    public void NoPopulationGroupFallsBehindAdults()
    {
        ScenarioDefinition[] pure = [.. ScenarioSuite.All.Where(s => s.Name.StartsWith("inclusive-", StringComparison.Ordinal))];
        Assert.HasCount(4, pure);
        IReadOnlyList<ScenarioTally> tallies = AccuracyRunner.Run(pure, Seeds);
        var groups = AccuracyRunner.ByGroup(tallies);
        double adult = groups.Single(g => g.Group == Population.PopulationGroup.Adult).Tally.Accuracy!.Value;
        foreach (var (group, tally) in groups)
        {
            Assert.IsLessThanOrEqualTo(0.01, adult - tally.Accuracy!.Value, $"{group}: {tally.Accuracy:P1} vs adults {adult:P1}");
        }
    }

    [TestMethod]
    public void InclusiveMix() => AtLeast("inclusive", 0.97);

    [TestMethod]
    public void SideBySideIsCountedAtLeastOncePerPairAndNeverOvercounted()
    {
        // No accuracy goal: two zones along the walking line cannot tell two people abreast from one.
        ScenarioTally t = Run("side-by-side");
        Assert.IsGreaterThanOrEqualTo((t.TruthEntries + t.TruthExits) / 2 - 2, t.Entries + t.Exits);
        Assert.IsLessThanOrEqualTo(t.TruthEntries + t.TruthExits, t.Entries + t.Exits);
    }

    [TestMethod]
    public void Door() => AtLeast("door", 0.95);

    [TestMethod]
    public void Loiter() => AtLeast("loiter", 0.90);

    [TestMethod]
    public void EventSurge() => AtLeast("event-surge", 0.90);

    [TestMethod]
    public void Mixed() => AtLeast("mixed", 0.90);
}
