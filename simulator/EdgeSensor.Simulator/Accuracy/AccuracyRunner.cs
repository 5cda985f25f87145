using System.Globalization;
using EdgeSensor.Simulator.Population;
using EdgeSensor.Simulator.Replay;
using EdgeSensor.Simulator.Scenarios;
using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Accuracy;

/// <summary>Runs scenarios over seeds (and simulation variants) through the replay path and tallies truth against counts.</summary>
public static class AccuracyRunner
{
    /// <summary>A false count is attributed to the person with the least cost within this (mm; see <see cref="Attribute"/>).</summary>
    private const double AttributionReachMillimeters = 3000;

    /// <summary>Scenarios over seeds with the reference simulator (footprint coverage, the scenarios' mounts, reference bodies).</summary>
    public static IReadOnlyList<ScenarioTally> Run(IReadOnlyList<ScenarioDefinition> scenarios, IReadOnlyList<ulong> seeds, string? traceDirectory = null) =>
        Run(scenarios, seeds, SimulationVariant.Reference, traceDirectory);

    public static IReadOnlyList<ScenarioTally> Run(IReadOnlyList<ScenarioDefinition> scenarios, IReadOnlyList<ulong> seeds, SimulationVariant variant,
        string? traceDirectory = null) => Run(scenarios, seeds, [variant], traceDirectory)[0].Scenarios;

    /// <summary>Every scenario × seed × variant, in parallel; one <see cref="VariantTally"/> per variant, in order.</summary>
    public static IReadOnlyList<VariantTally> Run(IReadOnlyList<ScenarioDefinition> scenarios, IReadOnlyList<ulong> seeds,
        IReadOnlyList<SimulationVariant> variants, string? traceDirectory)
    {
        var jobs = (from v in Enumerable.Range(0, variants.Count)
                    from s in Enumerable.Range(0, scenarios.Count)
                    from seed in seeds
                    select (Variant: v, Scenario: s, Seed: seed)).ToArray();
        var results = new ScenarioTally[jobs.Length];
        Parallel.For(0, jobs.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (v, s, seed) = jobs[i];
            results[i] = RunOne(scenarios[s], seed, variants[v], traceDirectory, variants.Count > 1 || variants[v] != SimulationVariant.Reference);
        });

        var tallies = new List<VariantTally>();
        for (int v = 0; v < variants.Count; v++)
        {
            var list = new List<ScenarioTally>();
            for (int s = 0; s < scenarios.Count; s++)
            {
                var tally = new ScenarioTally { Name = scenarios[s].Name };
                for (int i = 0; i < jobs.Length; i++)
                {
                    if (jobs[i].Variant == v && jobs[i].Scenario == s)
                    {
                        tally.Add(results[i]);
                    }
                }

                list.Add(tally);
            }

            tallies.Add(new VariantTally(variants[v], list));
        }

        return tallies;
    }

    private static ScenarioTally RunOne(ScenarioDefinition scenario, ulong seed, SimulationVariant variant, string? traceDirectory, bool nameVariant)
    {
        Trace trace = ScenarioRunner.Generate(scenario, seed, variant, out Scene scene);
        string suffix = nameVariant ? "-" + FileLabel(variant) : "";
        string traceName = $"{scenario.Name}{suffix}-seed{seed}.csv";
        if (traceDirectory is not null)
        {
            TraceWriter.WriteFile(Path.Combine(traceDirectory, traceName), trace);
        }

        ReplayResult r = TraceReplayer.Run(trace, new ReplayOptions());
        var tally = new ScenarioTally { Name = scenario.Name, Runs = 1, Hours = scene.DurationMs / 3_600_000.0 };
        Score.MatchEvents(trace.Records, r.Crossings, out int missed, out int falseCounts, out var unmatched, out var missedTruths, tally.MissedByGroup);
        tally.Errors.AddRange(ErrorEvent.Of(traceName, variant.Label, scenario.Name, seed, missedTruths, unmatched, t => Attribute(scene, t),
            missedTruths.Count > 0 ? new ZoneVisibility(trace.Records) : null));
        foreach (TraceRecord row in trace.Records)
        {
            if (row.Kind == TraceKind.Truth && row.Channel >= 0 && row.Channel < 4)
            {
                tally.TruthByGroup[row.Channel]++;
            }
        }

        Person[] turnBackPersons = [.. scene.Persons.Where(p => p.Behavior == Behavior.TurnBack)];
        foreach (ErrorEvent e in tally.Errors.Where(e => !e.IsMiss))
        {
            if (e.Group is PopulationGroup g)
            {
                tally.FalseByGroup[(int)g]++;
            }
            else
            {
                tally.UnattributedFalseCounts++;
            }
        }

        tally.TruthEntries = r.TruthEntries;
        tally.TruthExits = r.TruthExits;
        tally.Entries = r.Entries;
        tally.Exits = r.Exits;
        tally.Missed = missed;
        tally.FalseCounts = falseCounts;
        tally.TurnBackEvents = turnBackPersons.Length;
        tally.TurnBackFalseCounts = unmatched.Count(c => turnBackPersons.Any(p => UnderSensor(p, c.TimeMs)));
        tally.WorstRunAccuracy = tally.Accuracy;
        tally.WorstRunEventAccuracy = tally.EventAccuracy;
        return tally;
    }

    private static string FileLabel(SimulationVariant v) =>
        v.CoverageModel.ToString().ToLowerInvariant()
        + (v.MountHeightMillimeters is int m ? "-" + m.ToString(CultureInfo.InvariantCulture) + "mm" : "")
        + (v.TimingBudgetMs is int b ? "-" + b.ToString(CultureInfo.InvariantCulture) + "ms" : "")
        + (v.RandomiseBodyParameters ? "" : "-reference");

    /// <summary>
    /// The population group of the person nearest a false count: over ±<see cref="Score.MatchToleranceMs"/> around the count,
    /// the cost of a person is their least horizontal distance from the sensor's axis plus 1 mm per ms away from the count
    /// (a walking pace), and the person with the least cost takes it, if that cost is within 3 m; otherwise null (nobody
    /// near: a count out of noise or the door).
    /// </summary>
    public static PopulationGroup? Attribute(Scene scene, long timeMs)
    {
        PopulationGroup? best = null;
        double bestCost = AttributionReachMillimeters;
        foreach (Person p in scene.Persons)
        {
            if (timeMs < p.StartMs - Score.MatchToleranceMs || timeMs > p.EndMs + Score.MatchToleranceMs)
            {
                continue;
            }

            for (long t = timeMs - Score.MatchToleranceMs; t <= timeMs + Score.MatchToleranceMs; t += 50)
            {
                if (p.TryGetState(t, out double x, out double y, out _, out _))
                {
                    double cost = Math.Sqrt(x * x + y * y) + Math.Abs(t - timeMs);
                    if (cost < bestCost)
                    {
                        bestCost = cost;
                        best = p.Group;
                    }
                }
            }
        }

        return best;
    }

    /// <summary>
    /// Was a turn-back person near the sensor (reference within 1 m of the line, widened by the match tolerance) when a
    /// count happened? An unmatched count then is attributed to the turn-back.
    /// </summary>
    private static bool UnderSensor(Person p, long timeMs)
    {
        if (timeMs < p.StartMs - Score.MatchToleranceMs || timeMs > p.EndMs + Score.MatchToleranceMs)
        {
            return false;
        }

        for (double t = timeMs - Score.MatchToleranceMs; t <= timeMs + Score.MatchToleranceMs; t += 50)
        {
            if (p.TryGetState(t, out double x, out _, out _, out _) && Math.Abs(x) <= 1000)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Per population group, from the group-pure variants of the inclusive scenario.</summary>
    public static IReadOnlyList<(PopulationGroup Group, ScenarioTally Tally)> ByGroup(IReadOnlyList<ScenarioTally> tallies)
    {
        var list = new List<(PopulationGroup, ScenarioTally)>();
        foreach (ScenarioDefinition s in ScenarioSuite.All)
        {
            if (s.Name.StartsWith("inclusive-", StringComparison.Ordinal) && s.PureGroup is PopulationGroup g)
            {
                ScenarioTally? t = tallies.FirstOrDefault(x => x.Name == s.Name);
                if (t is not null)
                {
                    list.Add((g, t));
                }
            }
        }

        return list;
    }
}
