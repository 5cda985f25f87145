using EdgeSensor.Simulator.Randomness;
using EdgeSensor.Simulator.Scenarios;
using EdgeSensor.Simulator.Scenes;

namespace EdgeSensor.Simulator.Privacy;

/// <summary>A named generator of one day's crossings at one doorway; a seed gives one concrete day.</summary>
public sealed record DailyFlow(string Name, string Description, Func<ulong, SiteDay> Generate);

/// <summary>
/// Day-shaped flows for the utility evaluation. Each is a set of visits (in, out), so the occupancy a consumer
/// derives from entries − exits is a true occupancy and the site is empty at midnight, as the derivation assumes.
/// </summary>
public static class DailyFlows
{
    private const double Hour = 3600;

    public static IReadOnlyList<DailyFlow> RealWorld { get; } =
    [
        new("commuter-gate", "~500 commuters in around 08:15 and out around 17:30, ~60 midday visitors", CommuterGate),
        new("event-venue", "~1500 guests surging in 18:00–20:30 and out around 22:40, 20 staff 16:00–23:45", EventVenue),
        new("quiet-office", "5 staff 08:45–17:15, most out and back for lunch, 0–2 visitors", QuietOffice),
        new("night-time", "near empty: 0–4 short visits at night (Poisson, mean 1.5)", NightTime),
    ];

    /// <summary>One scenario of the simulator's suite tiled back to back over the day with successive seeds (its
    /// ground-truth crossings, not the engine's counts, so only the disclosure control's error is measured).</summary>
    public static DailyFlow Tiled(ScenarioDefinition scenario) =>
        new("scenario " + scenario.Name, scenario.Description, seed => TileScenario(scenario, seed));

    private static SiteDay CommuterGate(ulong seed)
    {
        Rng rng = Rng.ForStream(seed, 40);
        var visits = new List<(double, double)>();
        int commuters = 450 + rng.NextInt(0, 101);
        for (int i = 0; i < commuters; i++)
        {
            double enter = rng.Normal(8.25 * Hour, 0.67 * Hour, 6 * Hour, 11 * Hour);
            double leave = rng.Normal(17.5 * Hour, 0.83 * Hour, 15 * Hour, 21 * Hour);
            visits.Add((enter, leave));
        }

        int midday = 40 + rng.NextInt(0, 41);
        for (int i = 0; i < midday; i++)
        {
            double enter = rng.Uniform(10 * Hour, 16 * Hour);
            visits.Add((enter, enter + 60 + rng.Exponential(0.5 * Hour)));
        }

        return SiteDay.FromVisits(visits);
    }

    private static SiteDay EventVenue(ulong seed)
    {
        Rng rng = Rng.ForStream(seed, 41);
        var visits = new List<(double, double)>();
        int guests = 1300 + rng.NextInt(0, 401);
        for (int i = 0; i < guests; i++)
        {
            double enter = rng.Normal(19.25 * Hour, 0.42 * Hour, 18 * Hour, 20.5 * Hour);
            double leave = rng.Normal(22.67 * Hour, 0.13 * Hour, 22.3 * Hour, 23.5 * Hour);
            visits.Add((enter, leave));
        }

        for (int i = 0; i < 20; i++)
        {
            visits.Add((rng.Normal(16 * Hour, 0.25 * Hour), rng.Normal(23.75 * Hour, 0.1 * Hour, 23.5 * Hour, 23.99 * Hour)));
        }

        return SiteDay.FromVisits(visits);
    }

    private static SiteDay QuietOffice(ulong seed)
    {
        Rng rng = Rng.ForStream(seed, 42);
        var visits = new List<(double, double)>();
        for (int i = 0; i < 5; i++)
        {
            double enter = rng.Normal(8.75 * Hour, 0.5 * Hour, 7 * Hour, 10.5 * Hour);
            double leave = rng.Normal(17.25 * Hour, 0.67 * Hour, 15 * Hour, 20 * Hour);
            if (rng.Chance(0.6))
            {
                // Out for lunch and back: four crossings that day, the default contribution bound C.
                double lunch = rng.Normal(12.5 * Hour, 0.5 * Hour, 11.5 * Hour, 13.5 * Hour);
                visits.Add((enter, lunch));
                visits.Add((lunch + rng.Uniform(0.5 * Hour, 1 * Hour), leave));
            }
            else
            {
                visits.Add((enter, leave));
            }
        }

        int visitors = rng.NextInt(0, 3);
        for (int i = 0; i < visitors; i++)
        {
            double enter = rng.Uniform(10 * Hour, 15 * Hour);
            visits.Add((enter, enter + rng.Uniform(0.5 * Hour, 1.5 * Hour)));
        }

        return SiteDay.FromVisits(visits);
    }

    private static SiteDay NightTime(ulong seed)
    {
        Rng rng = Rng.ForStream(seed, 43);
        var visits = new List<(double, double)>();
        int count = Poisson(rng, 1.5);
        for (int i = 0; i < count; i++)
        {
            double enter = rng.Chance(0.5) ? rng.Uniform(0, 5.5 * Hour) : rng.Uniform(21 * Hour, 23.5 * Hour);
            visits.Add((enter, enter + rng.Uniform(120, 1200)));
        }

        return SiteDay.FromVisits(visits);
    }

    private static SiteDay TileScenario(ScenarioDefinition scenario, ulong seed)
    {
        // A pool of seeded scenes laid end to end, cycled over the day: the crossing pattern of the scenario at a
        // fraction of the cost of building a scene for every few minutes of the day.
        const int Pool = 6;
        Scene[] scenes = [.. Enumerable.Range(0, Pool).Select(i => SceneBuilder.Build(scenario, (seed * Pool) + (ulong)i))];
        var crossings = new List<Crossing>();
        var motion = new List<Motion>();
        int next = 0;
        for (double offset = 0; offset + scenario.DurationSeconds <= SiteDay.Length; offset += scenario.DurationSeconds)
        {
            foreach (Person p in scenes[next++ % Pool].Persons)
            {
                motion.Add(new Motion(offset + (p.StartMs / 1000), offset + (p.EndMs / 1000)));
                if (p.TruthDelta != 0)
                {
                    crossings.Add(new Crossing(offset + (p.TruthTimeMs / 1000), p.TruthDelta));
                }
            }
        }

        return new SiteDay(crossings, motion);
    }

    internal static int Poisson(Rng rng, double mean)
    {
        double limit = Math.Exp(-mean), product = rng.NextDouble();
        int n = 0;
        while (product > limit)
        {
            n++;
            product *= rng.NextDouble();
        }

        return n;
    }
}
