using System.Globalization;
using EdgeSensor.Simulator.Sensors;

namespace EdgeSensor.Simulator.Scenarios;

/// <summary>
/// How a run widens a scenario without changing its definition: which coverage model turns bodies into zone readings,
/// a mount height (and timing budget) overriding the scenario's, and whether the body distributions' parameters are drawn
/// afresh for every seed (<see cref="Population.BodyDistribution.Draw"/>) instead of the published central values, and the
/// sensor's noise too (<see cref="SensorVariation.Draw"/>).
/// </summary>
public sealed record SimulationVariant
{
    public CoverageModel CoverageModel { get; init; } = CoverageModel.Footprint;

    /// <summary>Overrides the scenario's mount height when set.</summary>
    public int? MountHeightMillimeters { get; init; }

    /// <summary>Overrides the scenario's timing budget when set.</summary>
    public int? TimingBudgetMs { get; init; }

    /// <summary>Body and spacing parameters drawn per seed (from a stream of their own, so the crowd's arrivals stay put).</summary>
    public bool RandomiseBodyParameters { get; init; }

    /// <summary>The ToF sensor's noise level and outlier share drawn per seed (<see cref="SensorVariation"/>), from a stream
    /// of their own.</summary>
    public bool RandomiseSensorNoise { get; init; }

    /// <summary>The zones' region of interest (default the two 8 × 16 halves the firmware programs).</summary>
    public ZoneRoi Roi { get; init; } = ZoneRoi.PeopleCounting;

    /// <summary>The simulator as it was before the widening: footprint coverage, the scenario's mount, reference bodies.</summary>
    public static SimulationVariant Reference { get; } = new();

    /// <summary>A widened run: randomised body parameters and sensor noise, the given coverage model and mount height.</summary>
    public static SimulationVariant Widened(CoverageModel coverage, int? mountHeightMillimeters, int? timingBudgetMs = null) => new()
    {
        CoverageModel = coverage,
        MountHeightMillimeters = mountHeightMillimeters,
        TimingBudgetMs = timingBudgetMs,
        RandomiseBodyParameters = true,
        RandomiseSensorNoise = true,
    };

    /// <summary>The scenario as this variant runs it.</summary>
    public ScenarioDefinition Apply(ScenarioDefinition scenario) => scenario with
    {
        MountHeightMillimeters = MountHeightMillimeters ?? scenario.MountHeightMillimeters,
        TimingBudgetMs = TimingBudgetMs ?? scenario.TimingBudgetMs,
    };

    /// <summary>A short label, e.g. <c>raster 2.8 m</c>, <c>footprint 3.2 m 20 ms</c> or <c>raster 3.0 m roi 8x10</c>.</summary>
    public string Label
    {
        get
        {
            var inv = CultureInfo.InvariantCulture;
            string label = CoverageModel.ToString().ToLowerInvariant();
            if (MountHeightMillimeters is int mount)
            {
                label += " " + (mount / 1000.0).ToString("0.0##", inv) + " m";
            }

            if (TimingBudgetMs is int budget)
            {
                label += " " + budget.ToString(inv) + " ms";
            }

            if (Roi != ZoneRoi.PeopleCounting)
            {
                label += " roi " + Roi.Label;
            }

            return RandomiseBodyParameters ? label : label + " (reference bodies)";
        }
    }
}
