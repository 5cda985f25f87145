using EdgeSensor.Simulator.Scenarios;

namespace EdgeSensor.Simulator.Accuracy;

/// <summary>The tallies of every scenario run under one simulation variant.</summary>
public sealed record VariantTally(SimulationVariant Variant, IReadOnlyList<ScenarioTally> Scenarios)
{
    public ScenarioTally? Find(string name) => Scenarios.FirstOrDefault(t => t.Name == name);
}
