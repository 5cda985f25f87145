using EdgeSensor.Simulator.Accuracy;
using EdgeSensor.Simulator.Population;
using EdgeSensor.Simulator.Scenarios;
using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Sensors;
using EdgeSensor.Simulator.Tests.Physics;

namespace EdgeSensor.Simulator.Tests.Accuracy;

[TestClass]
public sealed class AccuracyReportTests
{
    private static ScenarioTally Tally(string name, int truth, int counted, int missed, int falseCounts, PopulationGroup group)
    {
        var t = new ScenarioTally
        {
            Name = name, Runs = 1, TruthEntries = truth, Entries = counted, TruthExits = 0, Exits = 0, Missed = missed, FalseCounts = falseCounts,
        };
        t.TruthByGroup[(int)group] = truth;
        t.MissedByGroup[(int)group] = missed;
        t.FalseByGroup[(int)group] = falseCounts;
        return t;
    }

    private static VariantTally Variant(int mount, params ScenarioTally[] tallies) =>
        new(SimulationVariant.Widened(CoverageModel.Footprint, mount), tallies);

    [TestMethod]
    public void AGroupWithRightCountsButWrongEvents_FailsItsGoal()
    {
        // The case that was reported as fine: every wheelchair user counted, but 20 late (a miss and a false count each).
        VariantTally v = Variant(2500,
            Tally("inclusive-adult", 137, 137, 1, 1, PopulationGroup.Adult),
            Tally("inclusive-wheelchair", 147, 147, 20, 20, PopulationGroup.Wheelchair));
        GoalCheck wheelchair = AccuracyGoals.Check(v).Single(c => c.Goal.StartsWith("wheelchair", StringComparison.Ordinal) && c.Goal.EndsWith("(group-pure)", StringComparison.Ordinal));
        Assert.IsFalse(wheelchair.Met!.Value);
        string report = AccuracyReport.ToMarkdown(new AccuracyRunResult([v], [], 5, 1, EngineStamp.Unknown));
        StringAssert.Contains(report, "| wheelchair | 72.8% (100.0%) −25.8 pp |", "the headline is the event accuracy, count accuracy beside it");
        StringAssert.Contains(report, "NOT MET");
    }

    // The empty floor has no truth: its figure is false counts an hour, and its goal is none.
    [TestMethod]
    public void EmptyFloor_IsReportedAsFalseCountsAnHour_WithAGoalOfNone()
    {
        var phantom = new ScenarioTally { Name = ScenarioSuite.EmptyFloor, Runs = 5, Hours = 5, FalseCounts = 1 };
        var none = new ScenarioTally { Name = ScenarioSuite.EmptyFloor, Runs = 5, Hours = 5 };
        string report = AccuracyReport.ToMarkdown(new AccuracyRunResult([Variant(2800, phantom), Variant(3000, none)], [], 5, 1, EngineStamp.Unknown));
        StringAssert.Contains(report, "| empty-floor | 0.20 false/h (1 in 5 h) | 0.00 false/h (0 in 5 h) |");
        StringAssert.Contains(report, "| empty floor: no false counts an hour | **0.20/h NOT MET** | 0.00/h met |");
    }

    [TestMethod]
    public void AboveTheGoalsRange_MissesAreReportedNotFailed()
    {
        VariantTally low = Variant(3000, Tally("single-file", 100, 100, 5, 5, PopulationGroup.Adult));
        VariantTally high = Variant(3200, Tally("single-file", 100, 100, 5, 5, PopulationGroup.Adult));
        string report = AccuracyReport.ToMarkdown(new AccuracyRunResult([low, high], [], 1, 1, EngineStamp.Unknown));
        StringAssert.Contains(report, "| single-file >= 99% | **90.0% NOT MET** | 90.0% (missed; reported) |");
    }

    [TestMethod]
    public void FalseCounts_AreChargedToTheNearestPersonsGroup()
    {
        // A child stands under the sensor around 5 s; an adult is 3 m away then. A count at 5 s is the child's.
        Body child = new(PopulationGroup.Child, 1200, 1.0, [new BodyPart(0, 0, 70, 60, 1200)]);
        Scene scene = TestScenes.Of(10_000,
            TestScenes.Standing(1, child, 100, 0, 4000, 6000),
            TestScenes.Standing(2, TestScenes.Block(1700), 2900, 0, 0, 10_000));
        Assert.AreEqual(PopulationGroup.Child, AccuracyRunner.Attribute(scene, 5000));
        Assert.AreEqual(PopulationGroup.Adult, AccuracyRunner.Attribute(scene, 9000), "the child has gone: the adult is nearest");
        Assert.IsNull(AccuracyRunner.Attribute(TestScenes.Of(10_000), 5000), "nobody near: not charged to a group");
    }

    [TestMethod]
    public void GroupFigures_ChargeMissesAndAttributedFalseCounts()
    {
        ScenarioTally t = Tally("mixed", 50, 50, 2, 3, PopulationGroup.Stroller);
        Assert.AreEqual(0.9, t.GroupEventAccuracy((int)PopulationGroup.Stroller)!.Value, 1e-12);
        Assert.AreEqual(0.98, t.GroupCountAccuracy((int)PopulationGroup.Stroller)!.Value, 1e-12);
        Assert.IsNull(t.GroupEventAccuracy((int)PopulationGroup.Child));
    }
}
