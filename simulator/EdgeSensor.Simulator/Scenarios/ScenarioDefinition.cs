using EdgeSensor.Simulator.Population;
using EdgeSensor.Simulator.Scenes;

namespace EdgeSensor.Simulator.Scenarios;

/// <summary>Everything that defines a named scenario; a seed turns it into one concrete trace.</summary>
public sealed record ScenarioDefinition
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>Length of the trace, lead-in and tail included.</summary>
    public double DurationSeconds { get; init; } = 240;

    /// <summary>Empty space at the start (the engine calibrates from it, the PIR warms up).</summary>
    public double LeadInSeconds { get; init; } = 10;

    /// <summary>No new arrivals in the last seconds, so everyone has left when the trace ends.</summary>
    public double TailSeconds { get; init; } = 12;

    public RateProfile Arrivals { get; init; } = RateProfile.Steady;

    /// <summary>Share of parties walking in (the rest walk out).</summary>
    public double EntryFraction { get; init; } = 0.5;

    /// <summary>Relative weights of the population groups (adult, child, wheelchair, stroller).</summary>
    public double[] PopulationWeights { get; init; } = [1, 0, 0, 0];

    public double TurnBackProbability { get; init; }

    public double LoiterProbability { get; init; }

    /// <summary>Share of loiterers who go on through (the others go back the way they came).</summary>
    public double LoiterContinueProbability { get; init; } = 0.5;

    /// <summary>Share of parties that are a group of 2–4 walking in file (headway about 0.9 s).</summary>
    public double GroupProbability { get; init; }

    /// <summary>Share of parties that are a pair with the second tailgating at <see cref="TailgateHeadwaySeconds"/>.</summary>
    public double TailgateProbability { get; init; }

    public double TailgateHeadwaySeconds { get; init; } = 0.5;

    /// <summary>Share of parties that are a pair walking side by side.</summary>
    public double AbreastProbability { get; init; }

    /// <summary>Least time between independent people going the same way at the line (a person does not walk into the one ahead).</summary>
    public double MinHeadwaySeconds { get; init; } = 1.0;

    public double DoorwayWidthMillimeters { get; init; } = 1000;

    /// <summary>Standard deviation of the lateral position around the doorway's centre line.</summary>
    public double LateralSdMillimeters { get; init; } = 120;

    public int MountHeightMillimeters { get; init; } = 2400;

    public int TimingBudgetMs { get; init; } = 33;

    /// <summary>Ambient infrared level 0 (dark) .. 1 (direct sunlight).</summary>
    public double Ambient { get; init; } = 0.05;

    public bool HasDoor { get; init; }

    public double PirFalseTriggersPerHour { get; init; } = 2;

    /// <summary>Population group when the definition is group-pure, for per-group accuracy.</summary>
    public PopulationGroup? PureGroup
    {
        get
        {
            int nonZero = PopulationWeights.Count(w => w > 0);
            return nonZero == 1 ? (PopulationGroup)Array.FindIndex(PopulationWeights, w => w > 0) : null;
        }
    }
}
