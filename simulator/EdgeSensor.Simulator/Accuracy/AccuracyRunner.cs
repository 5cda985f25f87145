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
        var results = new (ReplayResult Result, int Missed, int False, int TurnBacks, int TurnBackCounts, int[] TruthByGroup, int[] MissedByGroup)[jobs.Length];
        Parallel.For(0, jobs.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (scenario, seed) = jobs[i];
            Trace trace = ScenarioRunner.Generate(scenario, seed, out Scene scene);
            if (traceDirectory is not null)
            {
                TraceWriter.WriteFile(Path.Combine(traceDirectory, $"{scenario.Name}-seed{seed}.csv"), trace);
            }

            ReplayResult result = TraceReplayer.Run(trace, new ReplayOptions());
            int[] missedByGroup = new int[4], truthByGroup = new int[4];
            Score.MatchEvents(trace.Records, result.Crossings, out int missed, out int falseCounts, out var unmatched, missedByGroup);
            foreach (TraceRecord r in trace.Records)
            {
                if (r.Kind == TraceKind.Truth && r.Channel >= 0 && r.Channel < 4)
                {
                    truthByGroup[r.Channel]++;
                }
            }

            Person[] turnBackPersons = [.. scene.Persons.Where(p => p.Behavior == Behavior.TurnBack)];
            int turnBacks = turnBackPersons.Length;
            int turnBackCounts = unmatched.Count(c => turnBackPersons.Any(p => UnderSensor(p, c.TimeMs)));

            results[i] = (result, missed, falseCounts, turnBacks, turnBackCounts, truthByGroup, missedByGroup);
        });

        var tallies = new List<ScenarioTally>();
        foreach (ScenarioDefinition scenario in scenarios)
        {
            var tally = new ScenarioTally { Name = scenario.Name };
            for (int i = 0; i < jobs.Length; i++)
            {
                if (!ReferenceEquals(jobs[i].Scenario, scenario))
                {
                    continue;
                }

                var (r, missed, falseCounts, turnBacks, turnBackCounts, truthByGroup, missedByGroup) = results[i];
                for (int g = 0; g < 4; g++)
                {
                    tally.TruthByGroup[g] += truthByGroup[g];
                    tally.MissedByGroup[g] += missedByGroup[g];
                }

                tally.Runs++;
                tally.TruthEntries += r.TruthEntries;
                tally.TruthExits += r.TruthExits;
                tally.Entries += r.Entries;
                tally.Exits += r.Exits;
                tally.Missed += missed;
                tally.FalseCounts += falseCounts;
                tally.TurnBackEvents += turnBacks;
                tally.TurnBackFalseCounts += turnBackCounts;

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
