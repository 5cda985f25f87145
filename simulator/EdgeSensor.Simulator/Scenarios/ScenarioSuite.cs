using EdgeSensor.Simulator.Population;
using EdgeSensor.Simulator.Scenes;

namespace EdgeSensor.Simulator.Scenarios;

/// <summary>The named scenarios (docs/simulator.md describes each and why it is there).</summary>
public static class ScenarioSuite
{
    private static readonly double[] Inclusive = [1, 1, 1, 1];

    public static IReadOnlyList<ScenarioDefinition> All { get; } =
    [
        new()
        {
            Name = "single-file",
            Description = "Adults one at a time, both directions, at least 2 s apart, steady footfall.",
            DurationSeconds = 300, Arrivals = RateProfile.Steady, MinHeadwaySeconds = 2,
        },
        new()
        {
            Name = "tailgating",
            Description = "Pairs of adults, the second 0.5 s behind the first in the same line.",
            DurationSeconds = 300, Arrivals = new RateProfile((0, 4)), TailgateProbability = 1, TailgateHeadwaySeconds = 0.5, MinHeadwaySeconds = 3,
        },
        new()
        {
            Name = "turn-back",
            Description = "Adults walk in under the sensor (up to 300 mm past the line), hesitate and walk back out: nothing to count.",
            DurationSeconds = 300, Arrivals = new RateProfile((0, 6)), TurnBackProbability = 1,
        },
        new()
        {
            Name = "loiter",
            Description = "Adults stop under the sensor for 5–25 s, swaying, then half go on through and half go back.",
            DurationSeconds = 600, Arrivals = new RateProfile((0, 3)), LoiterProbability = 1,
        },
        new()
        {
            Name = "side-by-side",
            Description = "Pairs of adults walking abreast through a 1.4 m doorway. Two zones along the walking line cannot separate them.",
            DurationSeconds = 300, Arrivals = new RateProfile((0, 4)), AbreastProbability = 1, DoorwayWidthMillimeters = 1400, MinHeadwaySeconds = 3,
        },
        new()
        {
            Name = "inclusive",
            Description = "Single file, equal shares of adults, children, wheelchair users and people pushing strollers; one in ten turns back.",
            DurationSeconds = 300, Arrivals = new RateProfile((0, 7)), PopulationWeights = Inclusive, MinHeadwaySeconds = 2, TurnBackProbability = 0.1,
        },
        Pure("inclusive-adult", PopulationGroup.Adult),
        Pure("inclusive-child", PopulationGroup.Child),
        Pure("inclusive-wheelchair", PopulationGroup.Wheelchair),
        Pure("inclusive-stroller", PopulationGroup.Stroller),
        new()
        {
            Name = "door",
            Description = "Single file through an automatic swing door whose leaf sweeps through both zones as it opens and closes and stays in view (at the footprint edge) while open.",
            DurationSeconds = 300, Arrivals = new RateProfile((0, 6)), HasDoor = true, MinHeadwaySeconds = 2, DoorwayWidthMillimeters = 900,
        },
        new()
        {
            // Automatic doors are there for wheelchair users and parents with strollers first: the door's rules must hold for
            // every body, not only for the adults the door scenario sends through.
            Name = "door-inclusive",
            Description = "The door scenario with equal shares of adults, children, wheelchair users and strollers going through the automatic swing door.",
            DurationSeconds = 300, Arrivals = new RateProfile((0, 6)), HasDoor = true, PopulationWeights = Inclusive, MinHeadwaySeconds = 2, DoorwayWidthMillimeters = 900,
        },
        new()
        {
            Name = "sunlight",
            Description = "Single file in strong ambient infrared: noisier ranges, many floor readings fail (signal/sigma), more PIR false triggers.",
            DurationSeconds = 300, Arrivals = new RateProfile((0, 7)), Ambient = 0.45, PirFalseTriggersPerHour = 30, MinHeadwaySeconds = 2,
        },
        new()
        {
            Name = "event-surge",
            Description = "Gate before an event: quiet, then a surge of mostly entering groups queueing through, then it eases.",
            DurationSeconds = 300,
            Arrivals = new RateProfile((0, 3), (60, 6), (110, 30), (200, 30), (240, 5)),
            EntryFraction = 0.9, GroupProbability = 0.25, TailgateProbability = 0.1, TailgateHeadwaySeconds = 0.7, MinHeadwaySeconds = 0.9,
            PopulationWeights = [0.8, 0.15, 0.02, 0.03],
        },
        new()
        {
            Name = "mixed",
            Description = "Everything at once at a realistic mix: time-varying footfall, groups, tailgaters, turn-backs, loiterers, all population groups, some daylight.",
            DurationSeconds = 360,
            Arrivals = new RateProfile((0, 3), (120, 10), (240, 10), (300, 4)),
            TurnBackProbability = 0.06, LoiterProbability = 0.04, GroupProbability = 0.1, TailgateProbability = 0.08, TailgateHeadwaySeconds = 0.6,
            MinHeadwaySeconds = 1.2, PopulationWeights = [0.7, 0.15, 0.07, 0.08], Ambient = 0.2, PirFalseTriggersPerHour = 6,
        },
        new()
        {
            Name = EmptyFloor,
            Description = "Nobody, for an hour: the bare floor with the sensor's noise, failed readings and outliers, and the PIR's false triggers. Every count is false (what a site asks for: counts overnight with nobody there).",
            DurationSeconds = 3600, Arrivals = new RateProfile((0, 0)),
        },
    ];

    /// <summary>The scenario with nobody in it: its figure is false counts an hour.</summary>
    public const string EmptyFloor = "empty-floor";

    public static IEnumerable<string> Names => All.Select(s => s.Name);

    public static bool TryGet(string name, out ScenarioDefinition scenario)
    {
        scenario = All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))!;
        return scenario is not null;
    }

    private static string Plural(PopulationGroup group) => group switch
    {
        PopulationGroup.Adult => "adults",
        PopulationGroup.Child => "children",
        PopulationGroup.Wheelchair => "wheelchair users",
        _ => "people pushing strollers",
    };

    private static ScenarioDefinition Pure(string name, PopulationGroup group)
    {
        double[] weights = new double[4];
        weights[(int)group] = 1;
        return new()
        {
            Name = name,
            Description = $"The inclusive scenario with {Plural(group)} only, so the group's counts are separable.",
            DurationSeconds = 300, Arrivals = new RateProfile((0, 7)), PopulationWeights = weights, MinHeadwaySeconds = 2, TurnBackProbability = 0.1,
        };
    }
}
