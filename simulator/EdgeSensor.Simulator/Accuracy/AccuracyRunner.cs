using EdgeSensor.Simulator.Population;
using EdgeSensor.Simulator.Replay;
using EdgeSensor.Simulator.Scenarios;
using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Accuracy;

/// <summary>Runs scenarios over seeds through the replay path and tallies truth against counts.</summary>
public static class AccuracyRunner
{
    public static IReadOnlyList<ScenarioTally> Run(IReadOnlyList<ScenarioDefinition> scenarios, IReadOnlyList<ulong> seeds, string? traceDirectory = null)
    {
        var jobs = scenarios.SelectMany(s => seeds.Select(seed => (Scenario: s, Seed: seed))).ToArray();
        var results = new (ReplayResult Result, int Missed, int False, int TurnBacks)[jobs.Length];
        Parallel.For(0, jobs.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (scenario, seed) = jobs[i];
            Trace trace = ScenarioRunner.Generate(scenario, seed, out Scene scene);
            if (traceDirectory is not null)
            {
                TraceWriter.WriteFile(Path.Combine(traceDirectory, $"{scenario.Name}-seed{seed}.csv"), trace);
            }

            ReplayResult result = TraceReplayer.Run(trace, new ReplayOptions());
            Score.MatchEvents(trace.Records, result.Crossings, out int missed, out int falseCounts);
            int turnBacks = scene.Persons.Count(p => p.Behavior == Behavior.TurnBack);
            results[i] = (result, missed, falseCounts, turnBacks);
        });

        var tallies = new List<ScenarioTally>();
        foreach (ScenarioDefinition scenario in scenarios)
        {
            var tally = new ScenarioTally { Name = scenario.Name };
            bool onlyTurnBacks = scenario.TurnBackProbability >= 1;
            for (int i = 0; i < jobs.Length; i++)
            {
                if (!ReferenceEquals(jobs[i].Scenario, scenario))
                {
                    continue;
                }

                var (r, missed, falseCounts, turnBacks) = results[i];
                tally.Runs++;
                tally.TruthEntries += r.TruthEntries;
                tally.TruthExits += r.TruthExits;
                tally.Entries += r.Entries;
                tally.Exits += r.Exits;
                tally.Missed += missed;
                tally.FalseCounts += falseCounts;
                if (onlyTurnBacks)
                {
                    tally.TurnBackEvents += turnBacks;
                    tally.TurnBackFalseCounts += r.Entries + r.Exits;
                }

                double? run = Score.CombinedAccuracy(r.Entries, r.TruthEntries, r.Exits, r.TruthExits);
                if (run is double a && (tally.WorstRunAccuracy is null || a < tally.WorstRunAccuracy))
                {
                    tally.WorstRunAccuracy = a;
                }
            }

            tallies.Add(tally);
        }

        return tallies;
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
