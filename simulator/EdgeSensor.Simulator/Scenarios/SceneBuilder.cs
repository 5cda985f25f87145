using EdgeSensor.Simulator.Population;
using EdgeSensor.Simulator.Randomness;
using EdgeSensor.Simulator.Scenes;

namespace EdgeSensor.Simulator.Scenarios;

/// <summary>
/// Turns a scenario and a seed into a scene: arrivals from the rate profile (thinning of a Poisson process), parties
/// (single people, groups in file, tailgating pairs, pairs abreast), behaviours (crossing, turning back, loitering), and
/// a schedule that keeps a single doorway physical: nobody walks into the person ahead, and people going opposite ways
/// or behind a loiterer wait until the doorway under the sensor is clear.
/// </summary>
public static class SceneBuilder
{
    /// <summary>Paths start and end this far from the line, outside every footprint.</summary>
    public const double PathHalfLength = 3500;

    /// <summary>Half-length of the stretch under the sensor that two conflicting people may not share.</summary>
    private const double ConflictHalfLength = 2000;

    // The least gap (mm) between the back of one body and the front of the next comes from the body distribution: a
    // stranger keeps about half a metre of personal space (Fruin's body buffer in queues), people walking together less,
    // a tailgater almost none.

    public static Scene Build(ScenarioDefinition scenario, ulong seed) => Build(scenario, seed, BodyDistribution.Reference);

    /// <summary>The scene with bodies and spacing drawn from <paramref name="bodies"/> (randomised per seed by the caller for widened runs).</summary>
    public static Scene Build(ScenarioDefinition scenario, ulong seed, BodyDistribution bodies)
    {
        double durationMs = scenario.DurationSeconds * 1000;
        var arrivals = new Arrivals(scenario, seed, bodies);
        var persons = new List<Person>();
        while (arrivals.TryNextParty(persons))
        {
        }

        DoorLeaf? door = scenario.HasDoor ? new DoorLeaf { WidthMillimeters = Math.Min(scenario.DoorwayWidthMillimeters, 1000) } : null;
        return new Scene(durationMs, scenario.MountHeightMillimeters, scenario.DoorwayWidthMillimeters, persons, door);
    }

    /// <summary>
    /// The crowd one party at a time, in order of arrival (what <see cref="Build(ScenarioDefinition, ulong, BodyDistribution)"/>
    /// collects whole), so a scene can also be built as simulated time advances.
    /// </summary>
    internal sealed class Arrivals
    {
        private readonly ScenarioDefinition _scenario;
        private readonly BodyDistribution _bodies;
        private readonly Rng _rng;
        private readonly ScheduleState _state;
        private readonly double _durationMs;
        private readonly double _lastArrival;
        private readonly double _maxRate;
        private readonly List<Person> _party = [];

        public Arrivals(ScenarioDefinition scenario, ulong seed, BodyDistribution bodies)
        {
            _scenario = scenario;
            _bodies = bodies;
            _rng = Rng.ForStream(seed, 1);
            _durationMs = scenario.DurationSeconds * 1000;
            _lastArrival = _durationMs - scenario.TailSeconds * 1000;
            // A crossing is complete when the head is a zone's floor footprint past the line (tan 13.5° x mount height).
            _state = new ScheduleState { TruthClearance = Math.Tan(13.5 * Math.PI / 180) * scenario.MountHeightMillimeters };
            _maxRate = Math.Max(scenario.Arrivals.MaxPerMinute, 1e-9) / 60_000; // per ms
            ArrivalMs = scenario.LeadInSeconds * 1000;
        }

        /// <summary>Arrival time (ms) of the party generated last; every later party arrives after it.</summary>
        public double ArrivalMs { get; private set; }

        public bool Ended { get; private set; }

        /// <summary>Adds the next party's people to <paramref name="output"/>; false when no one else arrives.</summary>
        public bool TryNextParty(List<Person> output)
        {
            while (!Ended)
            {
                ArrivalMs += _rng.Exponential(1 / _maxRate);
                if (ArrivalMs >= _lastArrival)
                {
                    Ended = true;
                    ArrivalMs = double.PositiveInfinity;
                    break;
                }

                if (!_rng.Chance(_scenario.Arrivals.PerMinuteAt(ArrivalMs / 1000) / 60_000 / _maxRate))
                {
                    continue;
                }

                _party.Clear();
                AddParty(_scenario, _bodies, _rng, ArrivalMs, _state, _party);
                foreach (Person p in _party)
                {
                    // Whoever was pushed beyond the end by queueing is dropped whole: a trace ends with the space empty.
                    if (p.EndMs <= _durationMs - 1000)
                    {
                        output.Add(p);
                    }
                }

                return true;
            }

            return false;
        }
    }

    private static void AddParty(ScenarioDefinition s, BodyDistribution d, Rng rng, double arrivalMs, ScheduleState state, List<Person> persons)
    {
        int direction = rng.Chance(s.EntryFraction) ? 1 : -1;
        double u = rng.NextDouble();
        if ((u -= s.AbreastProbability) < 0)
        {
            Body a = BodyFactory.Create(DrawGroup(s, rng), rng, d);
            Body b = BodyFactory.Create(DrawGroup(s, rng), rng, d);
            double speed = Math.Min(a.SpeedMillimetersPerMs, b.SpeedMillimetersPerMs);
            double gap = rng.Uniform(20, 120);
            double ya = -(a.HalfWidthMillimeters + gap / 2), yb = b.HalfWidthMillimeters + gap / 2;
            double shift = (ya + yb) / -2;
            double offset = PlaceCrosser(state, direction, arrivalMs, speed, Math.Max(a.FrontMillimeters, b.FrontMillimeters), s.MinHeadwaySeconds * 1000,
                d.StrangerGap, out speed);
            double pairSlope = Slope(rng) / 2;
            AddCrosser(persons, state, a, direction, ya + shift, speed, offset, pairSlope);
            AddCrosser(persons, state, b, direction, yb + shift, speed, offset, pairSlope);
            return;
        }

        int size = 1;
        bool tailgate = false;
        if ((u -= s.GroupProbability) < 0)
        {
            size = rng.NextInt(2, 5);
        }
        else if ((u -= s.TailgateProbability) < 0)
        {
            size = 2;
            tailgate = true;
        }

        if (size > 1)
        {
            double lateral = Lateral(s, d, rng);
            double groupSlope = Slope(rng);
            double pace = 0;
            for (int i = 0; i < size; i++)
            {
                Body body = BodyFactory.Create(DrawGroup(s, rng), rng, d);
                double wanted = i == 0
                    ? s.MinHeadwaySeconds * 1000
                    : tailgate ? (s.TailgateHeadwaySeconds + rng.Uniform(-0.03, 0.03)) * 1000 : rng.Normal(d.GroupHeadwayMean, 0.25, 0.6, 2.0) * 1000;
                // People walking together keep the first one's pace; a tailgater keeps up with a brisk pace (at least
                // 1 m/s: 0.5 s behind at 1 m/s is 0.5 m centre to centre, a body depth plus a quarter metre).
                double preferred = i == 0 ? body.SpeedMillimetersPerMs : pace;
                if (tailgate)
                {
                    preferred = Math.Max(preferred, 1.0);
                }

                double gap = i == 0 ? d.StrangerGap : tailgate ? d.TailgateGap : d.GroupGap;
                double offset = PlaceCrosser(state, direction, i == 0 ? arrivalMs : 0, preferred, body.FrontMillimeters, wanted, gap, out double speed);
                pace = i == 0 ? speed : pace;
                double yMember = Clamp(s, lateral + rng.Normal(0, 40), body);
                AddCrosser(persons, state, body, direction, yMember, speed, offset, FitSlope(s, body, yMember, groupSlope));
            }

            return;
        }

        Body single = BodyFactory.Create(DrawGroup(s, rng), rng, d);
        double y = Clamp(s, Lateral(s, d, rng), single);
        double slope = FitSlope(s, single, y, Slope(rng));
        double v = single.SpeedMillimetersPerMs;
        double behaviour = rng.NextDouble();
        if ((behaviour -= s.TurnBackProbability) < 0)
        {
            // Walks in until the head is somewhere between 400 mm short of the line and 300 mm past it, hesitates, goes back.
            // A long body (wheelchair footrest, stroller) is judged by its front: it pokes in as far as an adult's front would.
            double reach = direction * (rng.Uniform(-400, 300) - Math.Max(0, single.FrontMillimeters - 130));
            double[] xs = [-direction * PathHalfLength, reach, reach, -direction * PathHalfLength];
            double t1 = Math.Abs(reach + direction * PathHalfLength) / v;
            double t2 = t1 + rng.Uniform(200, 1500);
            double t3 = t2 + Math.Abs(reach + direction * PathHalfLength) / (v * rng.Uniform(0.9, 1.1));
            AddBlocking(persons, state, single, Behavior.TurnBack, direction, y, slope, 0, [0, t1, t2, t3], xs, arrivalMs);
        }
        else if ((behaviour -= s.LoiterProbability) < 0)
        {
            double stop = direction * rng.Uniform(-300, 300);
            bool goOn = rng.Chance(s.LoiterContinueProbability);
            double end = (goOn ? direction : -direction) * PathHalfLength;
            double t1 = Math.Abs(stop + direction * PathHalfLength) / v;
            double t2 = t1 + rng.Uniform(5000, 25000);
            double t3 = t2 + Math.Abs(end - stop) / v;
            AddBlocking(persons, state, single, Behavior.Loiter, direction, y, slope, rng.Uniform(15, 50), [0, t1, t2, t3],
                [-direction * PathHalfLength, stop, stop, end], arrivalMs);
        }
        else
        {
            double offset = PlaceCrosser(state, direction, arrivalMs, v, single.FrontMillimeters, s.MinHeadwaySeconds * 1000, d.StrangerGap,
                out double speed);
            AddCrosser(persons, state, single, direction, y, speed, offset, slope);
        }
    }

    /// <summary>
    /// Chooses when a crosser starts: no earlier than its arrival, after the doorway is clear of conflicting people,
    /// and at least the wanted headway (and a physical gap) behind the last person going the same way, whose speed it
    /// matches when it catches up. Returns the start time; <paramref name="speed"/> is the speed it walks at.
    /// </summary>
    private static double PlaceCrosser(ScheduleState state, int direction, double arrivalMs, double preferredSpeed, double front,
        double wantedHeadwayMs, double minGapMillimeters, out double speed)
    {
        speed = preferredSpeed;
        double lineRel = PathHalfLength / speed;
        double enterRel = (PathHalfLength - ConflictHalfLength - front) / speed;
        double start = Math.Max(arrivalMs - Math.Max(0, enterRel), state.ConflictFreeAt(direction) - enterRel);
        Leader? leader = state.LastCrosser(direction);
        if (leader is not null)
        {
            double line = start + lineRel;
            double gap = line - leader.LineMs;
            if (gap < 3000)
            {
                // Caught up: walk at the leader's pace, keeping a body's length plus a little between us.
                speed = Math.Min(speed, leader.Speed);
                lineRel = PathHalfLength / speed;
                enterRel = (PathHalfLength - ConflictHalfLength - front) / speed;
                start = Math.Max(arrivalMs - Math.Max(0, enterRel), state.ConflictFreeAt(direction) - enterRel);
            }

            // The gap is smallest when the slower of the two is behind: keep it at the slower one's pace.
            double physical = (leader.Back + front + minGapMillimeters) / Math.Min(speed, leader.Speed);
            double earliestLine = leader.LineMs + Math.Max(wantedHeadwayMs, physical);
            start = Math.Max(start, earliestLine - lineRel);
        }

        return start;
    }

    private static void AddCrosser(List<Person> persons, ScheduleState state, Body body, int direction, double y, double speed, double start,
        double slope)
    {
        double duration = 2 * PathHalfLength / speed;
        var person = new Person(state.NextId(), body, Behavior.Cross, direction, y, 0,
            [start, start + duration], [-direction * PathHalfLength, direction * PathHalfLength], state.TruthClearance) { LateralSlope = slope };
        persons.Add(person);
        double leave = start + (PathHalfLength + ConflictHalfLength + body.BackMillimeters) / speed;
        state.CrosserPlaced(direction, new Leader(start + PathHalfLength / speed, speed, body.BackMillimeters), leave);
    }

    /// <summary>Turn-backs and loiterers hold the doorway: they wait until it is clear and everyone waits for them.</summary>
    private static void AddBlocking(List<Person> persons, ScheduleState state, Body body, Behavior behavior, int direction, double y,
        double slope, double sway, double[] relTimes, double[] xs, double arrivalMs)
    {
        double v = body.SpeedMillimetersPerMs;
        double enterRel = (PathHalfLength - ConflictHalfLength - body.FrontMillimeters) / v;
        double start = Math.Max(arrivalMs - enterRel, state.AllFreeAt - enterRel);
        double[] times = [.. relTimes.Select(r => r + start)];
        var person = new Person(state.NextId(), body, behavior, direction, y, sway, times, xs, state.TruthClearance)
        {
            LateralSlope = slope,
            KeepsFacing = body.Group is PopulationGroup.Wheelchair or PopulationGroup.Stroller,
        };
        persons.Add(person);
        double leave = times[^1] - (PathHalfLength - ConflictHalfLength - Math.Max(body.FrontMillimeters, body.BackMillimeters)) / v;
        state.BlockerPlaced(leave);
    }

    private static PopulationGroup DrawGroup(ScenarioDefinition s, Rng rng)
    {
        double total = s.PopulationWeights.Sum();
        double u = rng.NextDouble() * total;
        for (int i = 0; i < s.PopulationWeights.Length; i++)
        {
            if ((u -= s.PopulationWeights[i]) < 0)
            {
                return (PopulationGroup)i;
            }
        }

        return PopulationGroup.Adult;
    }

    private static double Lateral(ScenarioDefinition s, BodyDistribution d, Rng rng) => rng.Normal(0, s.LateralSdMillimeters * d.LateralSpreadScale);

    /// <summary>People cross at a slight angle: lateral drift per mm along the line, SD 0.08 (about ±5°), at most ±0.2.</summary>
    private static double Slope(Rng rng) => rng.Normal(0, 0.08, -0.2, 0.2);

    /// <summary>Reduces the drift so the body stays inside the doorway for 0.8 m either side of the line (the frame).</summary>
    private static double FitSlope(ScenarioDefinition s, Body body, double y, double slope)
    {
        double room = Math.Max(0, s.DoorwayWidthMillimeters / 2 - body.HalfWidthMillimeters - 40 - Math.Abs(y));
        return Math.Sign(slope) * Math.Min(Math.Abs(slope), room / 800);
    }

    private static double Clamp(ScenarioDefinition s, double y, Body body)
    {
        double limit = Math.Max(0, s.DoorwayWidthMillimeters / 2 - body.HalfWidthMillimeters - 40);
        return Math.Clamp(y, -limit, limit);
    }

    private sealed record Leader(double LineMs, double Speed, double Back);

    private sealed class ScheduleState
    {
        private readonly Leader?[] _lastCrosser = new Leader?[2];
        private readonly double[] _conflictFreeAt = new double[2];

        public double AllFreeAt { get; private set; }

        public double TruthClearance { get; init; }

        private int _created;

        /// <summary>People are numbered in the order they are created, from 1 (dropped ones keep their number).</summary>
        public int NextId() => ++_created;

        public double ConflictFreeAt(int direction) => _conflictFreeAt[direction > 0 ? 1 : 0];

        public Leader? LastCrosser(int direction) => _lastCrosser[direction > 0 ? 1 : 0];

        public void CrosserPlaced(int direction, Leader leader, double leaveMs)
        {
            int same = direction > 0 ? 1 : 0;
            _lastCrosser[same] = leader;
            _conflictFreeAt[1 - same] = Math.Max(_conflictFreeAt[1 - same], leaveMs);
            AllFreeAt = Math.Max(AllFreeAt, leaveMs);
        }

        public void BlockerPlaced(double leaveMs)
        {
            _lastCrosser[0] = _lastCrosser[1] = null;
            _conflictFreeAt[0] = Math.Max(_conflictFreeAt[0], leaveMs);
            _conflictFreeAt[1] = Math.Max(_conflictFreeAt[1], leaveMs);
            AllFreeAt = Math.Max(AllFreeAt, leaveMs);
        }
    }
}
