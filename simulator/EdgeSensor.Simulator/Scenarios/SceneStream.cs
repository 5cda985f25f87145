using EdgeSensor.Simulator.Population;
using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Scenarios;

/// <summary>
/// A scenario's scene built as simulated time advances: the crowd is generated party by party
/// (<see cref="SceneBuilder.Arrivals"/>) only as far as the readers have got, and each reader (<see cref="Cursor"/>)
/// looks at a short <see cref="Scene"/> of the people present in its current segment of time. People who have left
/// every reader's segment are forgotten, so memory does not grow with the scenario's duration. Answers are the whole
/// scene's, bit for bit (see <see cref="Cursor.At"/>); a scene with a door is built whole (the door's motion depends on
/// everyone before).
/// </summary>
internal sealed class SceneStream
{
    /// <summary>Segment length: a multiple of 977 ms, the period offset <see cref="Person"/>'s sway adds per id (see <see cref="Cursor.At"/>).</summary>
    private const int SegmentMs = 977 * 64;

    /// <summary>Nobody starts walking more than this before the arrival of their party (checked as people are made).</summary>
    private const double LeadMs = 120_000;

    private readonly ScenarioDefinition _scenario;
    private readonly SceneBuilder.Arrivals _arrivals;
    private readonly Scene? _whole;
    private readonly List<Person> _present = [];
    private readonly List<Person> _party = [];
    private readonly List<Cursor> _cursors = [];
    private readonly PriorityQueue<TraceRecord, (long TimeMs, double StartMs, int Id)> _truth = new();

    public SceneStream(ScenarioDefinition scenario, ulong seed, BodyDistribution bodies)
    {
        _scenario = scenario;
        _arrivals = new SceneBuilder.Arrivals(scenario, seed, bodies);
        if (scenario.HasDoor)
        {
            _whole = SceneBuilder.Build(scenario, seed, bodies);
            foreach (Person p in _whole.Persons)
            {
                AddTruth(p);
            }
        }
    }

    public double DurationMs => _scenario.DurationSeconds * 1000;

    public int MountHeightMillimeters => _scenario.MountHeightMillimeters;

    /// <summary>People generated and not yet forgotten.</summary>
    public int Held => _present.Count;

    /// <summary>Turn-backs, loiterers and the population groups need the whole crowd; they are counted as it is made.</summary>
    public Cursor NewCursor()
    {
        var cursor = new Cursor(this);
        _cursors.Add(cursor);
        return cursor;
    }

    /// <summary>The earliest ground-truth row not yet taken (by time; for equal times in the scene's person order).</summary>
    public bool TryPeekTruth(out TraceRecord row)
    {
        // A truth time is never before its person's start: once everyone who may start by then exists, it is final.
        while (!Ended && (_truth.Count == 0 || _arrivals.ArrivalMs <= _truth.Peek().TimeMs + LeadMs))
        {
            NextParty();
        }

        return _truth.TryPeek(out row, out _);
    }

    public TraceRecord TakeTruth() => _truth.Dequeue();

    private bool Ended => _whole is not null || _arrivals.Ended;

    private void NextParty()
    {
        _party.Clear();
        if (!_arrivals.TryNextParty(_party))
        {
            return;
        }

        foreach (Person p in _party)
        {
            if (p.StartMs < _arrivals.ArrivalMs - LeadMs)
            {
                throw new InvalidOperationException($"person {p.Id} starts {(_arrivals.ArrivalMs - p.StartMs) / 1000:0} s before arriving; the scene stream assumes at most {LeadMs / 1000:0} s");
            }

            _present.Add(p);
            AddTruth(p);
        }
    }

    private void AddTruth(Person p)
    {
        if (p.TruthDelta != 0)
        {
            // The truth channel carries the population group (0 adult, 1 child, 2 wheelchair, 3 stroller).
            long time = (long)Math.Round(p.TruthTimeMs);
            _truth.Enqueue(new TraceRecord(time, TraceKind.Truth, (int)p.Group, p.TruthDelta, 0), (time, p.StartMs, p.Id));
        }
    }

    private Scene Segment(double startMs, out double shift)
    {
        double endMs = startMs + SegmentMs;
        while (!Ended && _arrivals.ArrivalMs <= endMs + LeadMs)
        {
            NextParty();
        }

        double forgetBefore = double.PositiveInfinity;
        foreach (Cursor c in _cursors)
        {
            forgetBefore = Math.Min(forgetBefore, c.SegmentStartMs);
        }

        _present.RemoveAll(p => p.EndMs < forgetBefore);
        var people = new List<Person>();
        foreach (Person p in _present)
        {
            if (p.StartMs <= endMs && p.EndMs >= startMs)
            {
                people.Add(p);
            }
        }

        shift = CanShift(people, startMs) ? startMs : 0;
        var segment = new List<Person>(people.Count);
        foreach (Person p in people)
        {
            segment.Add(shift == 0 ? p : Shifted(p, shift));
        }

        return new Scene(shift == 0 ? endMs : SegmentMs, _scenario.MountHeightMillimeters, _scenario.DoorwayWidthMillimeters, segment, null);
    }

    /// <summary>
    /// Moving a person's times by <paramref name="shift"/> changes no answer only when every subtraction is exact:
    /// true when each waypoint time minus the shift is exact (then query time − waypoint time is the same number),
    /// and the sway phase (time + id × 977) stays the same number with the id raised by shift / 977.
    /// </summary>
    private static bool CanShift(List<Person> people, double shift)
    {
        foreach (Person p in people)
        {
            if ((long)p.Id + (long)(shift / 977) > int.MaxValue / 977)
            {
                return false;
            }

            foreach (double t in p.WaypointTimesMs)
            {
                if (!IsExactDifference(t, shift))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsExactDifference(double a, double b)
    {
        // Knuth's two-sum: the rounding error of a − b is zero exactly when the difference is representable.
        double s = a - b;
        double bb = s - a;
        double error = (a - (s - bb)) + (-b - bb);
        return error == 0;
    }

    private static Person Shifted(Person p, double shift)
    {
        ReadOnlySpan<double> times = p.WaypointTimesMs;
        var moved = new double[times.Length];
        for (int i = 0; i < times.Length; i++)
        {
            moved[i] = times[i] - shift;
        }

        return new Person(p.Id + (int)(shift / 977), p.Body, p.Behavior, p.Direction, p.LateralMillimeters, p.SwayMillimeters, moved,
            p.WaypointXs.ToArray())
        {
            LateralSlope = p.LateralSlope,
            KeepsFacing = p.KeepsFacing,
        };
    }

    /// <summary>One reader's view: the segment of the scene around the times it asks about (times only move forwards).</summary>
    internal sealed class Cursor
    {
        private readonly SceneStream _stream;
        private Scene? _segment;
        private double _shift;

        public Cursor(SceneStream stream) => _stream = stream;

        /// <summary>Start of the segment this cursor looks at (people who left before it may be forgotten).</summary>
        public double SegmentStartMs { get; private set; }

        /// <summary>
        /// The scene to ask about <paramref name="timeMs"/>, and the <paramref name="shift"/> to subtract from the time
        /// first: its people's times are moved back by the segment's start, so each segment indexes only its own seconds.
        /// </summary>
        public Scene At(double timeMs, out double shift)
        {
            if (_stream._whole is not null)
            {
                shift = 0;
                return _stream._whole;
            }

            double start = Math.Floor(timeMs / SegmentMs) * SegmentMs;
            if (_segment is null || start != SegmentStartMs)
            {
                SegmentStartMs = start;
                _segment = _stream.Segment(start, out _shift);
            }

            shift = _shift;
            return _segment;
        }
    }
}
