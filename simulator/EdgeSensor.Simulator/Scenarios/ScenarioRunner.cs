using System.Globalization;
using EdgeSensor.Simulator.Population;
using EdgeSensor.Simulator.Randomness;
using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Sensors;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Scenarios;

/// <summary>Runs a scenario with a seed: builds the scene, samples the ToF and PIR models, adds the ground truth.</summary>
public static class ScenarioRunner
{
    public static Trace Generate(ScenarioDefinition scenario, ulong seed) => Generate(scenario, seed, out _);

    public static Trace Generate(ScenarioDefinition scenario, ulong seed, out Scene scene) =>
        Generate(scenario, seed, SimulationVariant.Reference, out scene);

    /// <summary>The trace of a scenario and seed as <paramref name="variant"/> widens it (coverage model, mount, body parameters).</summary>
    public static Trace Generate(ScenarioDefinition scenario, ulong seed, SimulationVariant variant, out Scene scene)
    {
        Setup setup = Prepare(scenario, seed, variant);
        scene = setup.Scene;
        var rows = new List<TraceRecord>((int)(scene.DurationMs / 30) + 256);
        new TofSensorModel(setup.Tof).Sample(scene, Rng.ForStream(seed, 2), rows);
        new PirSensorModel(setup.Pir).Sample(scene, Rng.ForStream(seed, 3), rows);
        rows.AddRange(setup.Truth);

        // Stable sort by time keeps each source's order for equal timestamps.
        TraceRecord[] sorted = [.. rows.OrderBy(r => r.TimeMs)];
        return new Trace(setup.Metadata, sorted);
    }

    /// <summary>
    /// The same trace as <see cref="Generate(ScenarioDefinition, ulong, out Scene)"/>, row for row, but generated as it is
    /// read (<see cref="StreamedTrace"/>), scene included (<see cref="SceneStream"/>): memory does not grow with the
    /// scenario's duration.
    /// </summary>
    public static StreamedTrace Stream(ScenarioDefinition scenario, ulong seed)
    {
        var tof = new TofSensorOptions { TimingBudgetMs = scenario.TimingBudgetMs, Ambient = scenario.Ambient };
        var pir = new PirSensorOptions { FalseTriggersPerHour = scenario.PirFalseTriggersPerHour };

        // The metadata counts the whole crowd (persons, turn-backs, groups): one pass over it, kept only as counts.
        TraceMetadata metadata = Describe(scenario, SimulationVariant.Reference, tof, pir, seed, Crowd(scenario, seed));
        return new StreamedTrace(metadata, () => new SceneStream(scenario, seed, BodyDistribution.Reference), tof, pir, Rng.ForStream(seed, 2),
            () => Rng.ForStream(seed, 3));
    }

    private static Setup Prepare(ScenarioDefinition scenario, ulong seed, SimulationVariant variant)
    {
        scenario = variant.Apply(scenario);
        BodyDistribution bodies = variant.RandomiseBodyParameters ? BodyDistribution.Draw(Rng.ForStream(seed, 4)) : BodyDistribution.Reference;
        Scene scene = SceneBuilder.Build(scenario, seed, bodies);
        SensorVariation noise = variant.RandomiseSensorNoise ? SensorVariation.Draw(Rng.ForStream(seed, 5)) : SensorVariation.Reference;
        var tofOptions = noise.ApplyTo(new TofSensorOptions { TimingBudgetMs = scenario.TimingBudgetMs, Ambient = scenario.Ambient, Coverage = variant.CoverageModel, Roi = variant.Roi });
        var pirOptions = new PirSensorOptions { FalseTriggersPerHour = scenario.PirFalseTriggersPerHour };
        var truth = new List<TraceRecord>();
        foreach (Person p in scene.Persons)
        {
            if (p.TruthDelta != 0)
            {
                // The truth channel carries the population group (0 adult, 1 child, 2 wheelchair, 3 stroller).
                truth.Add(new TraceRecord((long)Math.Round(p.TruthTimeMs), TraceKind.Truth, (int)p.Group, p.TruthDelta, 0));
            }
        }

        return new Setup(scene, tofOptions, pirOptions, [.. truth], Describe(scenario, variant, tofOptions, pirOptions, seed, scene.Persons));
    }

    /// <summary>The crowd of a scenario one party at a time, kept nowhere (for the counts in a streamed trace's metadata).</summary>
    private static IEnumerable<Person> Crowd(ScenarioDefinition scenario, ulong seed)
    {
        var arrivals = new SceneBuilder.Arrivals(scenario, seed, BodyDistribution.Reference);
        var party = new List<Person>();
        while (arrivals.TryNextParty(party))
        {
            foreach (Person p in party)
            {
                yield return p;
            }

            party.Clear();
        }
    }

    private static TraceMetadata Describe(ScenarioDefinition scenario, SimulationVariant variant, TofSensorOptions tofOptions, PirSensorOptions pirOptions,
        ulong seed, IEnumerable<Person> persons)
    {
        int count = 0, turnBacks = 0, loiterers = 0;
        var groups = new int[4];
        foreach (Person p in persons)
        {
            count++;
            turnBacks += p.Behavior == Behavior.TurnBack ? 1 : 0;
            loiterers += p.Behavior == Behavior.Loiter ? 1 : 0;
            groups[(int)p.Group]++;
        }

        var metadata = new TraceMetadata
        {
            MountHeightMillimeters = scenario.MountHeightMillimeters,
            Zones = 2,
            InsideZone = 1,
            TimingBudgetMs = scenario.TimingBudgetMs,
            PirHoldMs = pirOptions.HoldMs,
        };
        var inv = CultureInfo.InvariantCulture;
        metadata.Set("source", "EdgeSensor.Simulator");
        metadata.Set("scenario", scenario.Name);
        metadata.Set("seed", seed.ToString(inv));
        metadata.Set("sensor", string.Create(inv, $"simulated VL53L1X-class ToF, long mode, two {tofOptions.Roi.Width}x{tofOptions.Roi.Height} SPAD zones along the walking line; PIR HC-SR501-class"));
        if (tofOptions.Roi != ZoneRoi.PeopleCounting)
        {
            metadata.Set("roi", tofOptions.Roi.Label);
        }

        metadata.Set("fov_deg", tofOptions.FieldOfViewDegrees.ToString(inv));
        metadata.Set("pir_block_ms", pirOptions.BlockMs.ToString(inv));
        metadata.Set("ambient", scenario.Ambient.ToString("0.##", inv));
        metadata.Set("doorway_width_mm", scenario.DoorwayWidthMillimeters.ToString("0", inv));
        metadata.Set("door", scenario.HasDoor ? "yes" : "no");
        metadata.Set("persons", count.ToString(inv));
        metadata.Set("turn_backs", turnBacks.ToString(inv));
        metadata.Set("loiterers", loiterers.ToString(inv));
        metadata.Set("groups", string.Join(' ', Enum.GetValues<PopulationGroup>().Select(g => $"{g.ToString().ToLowerInvariant()}={groups[(int)g]}")));
        if (variant != SimulationVariant.Reference)
        {
            // Only widened traces say so: reference traces keep the bytes they always had.
            metadata.Set("coverage_model", variant.CoverageModel.ToString().ToLowerInvariant());
            metadata.Set("body_parameters", variant.RandomiseBodyParameters ? "randomised per seed" : "reference");
            metadata.Set("sensor_noise", string.Create(inv, $"scale {tofOptions.NoiseScale:0.00}, outliers {tofOptions.OutlierProbability * 100:0.00}%"));
        }

        metadata.Set("truth_channel", "population group: 0 adult, 1 child, 2 wheelchair, 3 stroller");
        return metadata;
    }

    private sealed record Setup(Scene Scene, TofSensorOptions Tof, PirSensorOptions Pir, TraceRecord[] Truth, TraceMetadata Metadata);
}
