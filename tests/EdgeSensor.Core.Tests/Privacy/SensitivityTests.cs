using EdgeSensor.Core.Aggregation;
using EdgeSensor.Core.Counting;
using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Reports;
using EdgeSensor.Core.Tests.Counting;

namespace EdgeSensor.Core.Tests.Privacy;

/// <summary>
/// The sensitivity mode 3's noise is scaled to, checked on the real pipeline: counting engine → window aggregator →
/// disclosure control, with the noise off (a random source whose two geometric draws always cancel). Each scene runs
/// twice, with and without one extra person P, through adversarial conditions (floor drift, a door leaf, occupancy
/// drift resets, a reboot in the middle of P's crossing, wall-clock steps). The released entries and exits may differ
/// by at most P's crossings in L1 (the sensitivity the privacy proof declares); every other field of every report must
/// be identical (occupancy, peak, PIR and health are withheld precisely because a person moves them).
/// </summary>
[TestClass]
public sealed class SensitivityTests
{
    private const uint StartUnix = 1_764_072_000; // aligned to 900 s
    private const int WindowSeconds = 900;
    private const long TickMs = 50;

    [TestMethod]
    public void PlainDoorway_OnePersonsCrossings_MoveTheCellsByAtMostTheirNumber()
    {
        var scene = Background(seed: 1, people: 60, spanMs: 2_600_000);
        int crossings = AddPerson(scene, 200_000, 890_000, 1_500_000, 1_801_000);
        AssertSensitivity(scene, crossings, new Conditions());
    }

    [TestMethod]
    public void FloorDriftAndOccupancyDriftResets()
    {
        var scene = Background(seed: 2, people: 40, spanMs: 2_600_000);
        scene.FloorDrift = t => t < 1_000_000 ? t / 20_000.0 : 60 - ((t - 1_000_000) / 25_000.0);
        int crossings = AddPerson(scene, 400_000, 950_000, 1_300_000, 2_200_000);
        AssertSensitivity(scene, crossings, new Conditions { OccupancyResetMs = 60_000 });
    }

    [TestMethod]
    public void DoorLeafSwingingAroundThePersonsCrossings()
    {
        var scene = Background(seed: 3, people: 40, spanMs: 2_600_000);
        scene.Door = new DoorLeafScript();
        foreach (double t0 in new double[] { 299_000, 1_199_000, 2_099_000 })
        {
            scene.Door.Keys.Add((t0, 0));
            scene.Door.Keys.Add((t0 + 1200, Math.PI / 2));
            scene.Door.Keys.Add((t0 + 6000, Math.PI / 2));
            scene.Door.Keys.Add((t0 + 7200, 0));
        }

        int crossings = AddPerson(scene, 300_500, 1_200_500, 2_100_500);
        AssertSensitivity(scene, crossings, new Conditions());
    }

    [TestMethod]
    public void RebootInTheMiddleOfThePersonsCrossing()
    {
        var scene = Background(seed: 4, people: 40, spanMs: 2_600_000);
        int crossings = AddPerson(scene, 500_000, 1_399_000, 2_000_000);

        // Reboots while P is under the sensor: the engine's half-seen target is lost, the window goes on.
        AssertSensitivity(scene, crossings, new Conditions { RebootsMs = [500_900, 1_399_800] });
    }

    [TestMethod]
    public void WallClockStepsAheadAndBack_AroundThePersonsCrossings()
    {
        var scene = Background(seed: 5, people: 40, spanMs: 2_600_000);
        int crossings = AddPerson(scene, 600_000, 1_000_000, 1_700_000, 2_300_000);
        AssertSensitivity(scene, crossings, new Conditions
        {
            // A day ahead for a while, then back; later a small step back that holds the open window.
            ClockSteps = [(599_000, 86_400), (1_100_000, 0), (1_650_000, -1_200), (2_000_000, 0)],
        });
    }

    [TestMethod]
    public void ZeroNoiseSource_ReallyAddsNoNoise()
    {
        var noise = new TwoSidedGeometric(1000, 4000);
        var random = new ZeroNoise();
        for (int i = 0; i < 100; i++)
        {
            Assert.AreEqual(0L, noise.Sample(random));
        }
    }

    /// <summary>People walking both ways at seeded random times and speeds, never closer than 12 s to each other.</summary>
    private static SceneGenerator Background(int seed, int people, double spanMs)
    {
        var scene = new SceneGenerator();
        var random = new Random(seed);
        double t = 20_000;
        for (int i = 0; i < people && t < spanMs; i++)
        {
            double direction = random.Next(2) == 0 ? 1 : -1;
            scene.Walk(SceneGenerator.Adult(1550 + random.Next(350)), t, -2500 * direction, 2500 * direction, 0.9 + random.NextDouble() * 0.8);
            t += 12_000 + random.Next(40_000);
        }

        return scene;
    }

    /// <summary>Adds P walking through at each time, alternately in and out; returns P's crossings.</summary>
    private static int AddPerson(SceneGenerator scene, params double[] startsMs)
    {
        for (int i = 0; i < startsMs.Length; i++)
        {
            double direction = i % 2 == 0 ? 1 : -1;
            scene.Walk(SceneGenerator.Adult(1720), startsMs[i], -2500 * direction, 2500 * direction, 1.2);
        }

        return startsMs.Length;
    }

    private static void AssertSensitivity(SceneGenerator withPerson, int crossings, Conditions conditions)
    {
        // The same scene without P: P's actors are the last ones added.
        var without = new SceneGenerator { FloorDrift = withPerson.FloorDrift, Door = withPerson.Door };
        without.Actors.AddRange(withPerson.Actors.Take(withPerson.Actors.Count - crossings));

        double durationMs = 2_800_000;
        List<WindowReport> a = Pipeline.Run(withPerson, durationMs, conditions);
        List<WindowReport> b = Pipeline.Run(without, durationMs, conditions);

        Assert.AreEqual(b.Count, a.Count, "the person changed which windows were reported");
        Assert.IsTrue(a.Count >= 3, $"{a.Count} windows");
        int l1 = 0;
        int rawEntries = 0;
        for (int i = 0; i < a.Count; i++)
        {
            l1 += Math.Abs(a[i].Entries - b[i].Entries) + Math.Abs(a[i].Exits - b[i].Exits);
            rawEntries += a[i].Entries;
            AssertSameExceptCells(a[i], b[i], i);
            Assert.AreEqual((byte)0x3C, a[i].SuppressedMask, $"window {i}: occupancy, peak, PIR and health withheld");
        }

        Assert.IsTrue(rawEntries > 0, "the engine counted the scene");
        Assert.IsTrue(l1 <= crossings, $"L1 {l1} > the person's {crossings} crossings");
        Console.WriteLine($"{a.Count} windows, person's crossings {crossings}, L1 {l1}");
    }

    private static void AssertSameExceptCells(WindowReport a, WindowReport b, int i)
    {
        string w = $"window {i}";
        Assert.AreEqual(b.WindowStartUnixSeconds, a.WindowStartUnixSeconds, w);
        Assert.AreEqual(b.WindowLengthSeconds, a.WindowLengthSeconds, w);
        Assert.AreEqual(b.OccupancyAtEnd, a.OccupancyAtEnd, w);
        Assert.AreEqual(b.PeakOccupancy, a.PeakOccupancy, w);
        Assert.AreEqual(b.PirActivityPermille, a.PirActivityPermille, w);
        Assert.AreEqual(b.SuppressedMask, a.SuppressedMask, w);
        Assert.AreEqual(b.DisclosureMode, a.DisclosureMode, w);
        Assert.AreEqual(b.SuppressionThreshold, a.SuppressionThreshold, w);
        Assert.AreEqual(b.EpsilonMilli, a.EpsilonMilli, w);
        Assert.AreEqual(b.ContributionBound, a.ContributionBound, w);
        Assert.AreEqual(b.PrivacyBudgetSpentMilli, a.PrivacyBudgetSpentMilli, w);
        Assert.AreEqual(b.InvalidSamplePermille, a.InvalidSamplePermille, w);
        Assert.AreEqual(b.CalibrationState, a.CalibrationState, w);
        Assert.AreEqual(b.RebootCount, a.RebootCount, w);
        Assert.AreEqual(b.FirmwareVersion, a.FirmwareVersion, w);
    }

    private sealed class Conditions
    {
        public long[] RebootsMs { get; init; } = [];

        /// <summary>(from ms, wall-clock offset in s from then on).</summary>
        public (long FromMs, long OffsetSeconds)[] ClockSteps { get; init; } = [];

        /// <summary>The occupancy tracker's empty-reset time (its drift correction); 0 keeps the default.</summary>
        public int OccupancyResetMs { get; init; }

        public uint UnixAt(long ms)
        {
            long offset = 0;
            foreach (var (from, seconds) in ClockSteps)
            {
                if (ms >= from)
                {
                    offset = seconds;
                }
            }

            return (uint)(StartUnix + (ms / 1000) + offset);
        }
    }

    /// <summary>
    /// The device pipeline as <c>SensorNode</c> composes it (counter increments and health into the window, PIR share,
    /// calibration state, then disclosure control), keeping every disclosed report instead of sealing it.
    /// </summary>
    private sealed class Pipeline
    {
        private readonly Conditions _conditions;
        private readonly List<WindowReport> _released = [];
        private PeopleCounter _counter = null!;
        private WindowAggregator _aggregator = null!;
        private DisclosureControl _disclosure = null!;
        private int _entries;
        private int _exits;
        private long _samples;
        private long _invalid;
        private ushort _boots;

        private Pipeline(Conditions conditions) => _conditions = conditions;

        public static List<WindowReport> Run(SceneGenerator scene, double durationMs, Conditions conditions)
        {
            var pipeline = new Pipeline(conditions);
            pipeline.Boot();
            List<TofSample> samples = scene.Run(durationMs, seed: 11);
            int next = 0;
            int reboot = 0;
            bool pir = false;
            for (long t = 0; t < durationMs; t += TickMs)
            {
                if (reboot < conditions.RebootsMs.Length && t >= conditions.RebootsMs[reboot])
                {
                    reboot++;
                    pipeline.Boot();
                }

                while (next < samples.Count && samples[next].TimeMs <= t)
                {
                    TofSample s = samples[next++];
                    pipeline._counter.AddTofSample(s.TimeMs, s.Zone, s.DistanceMillimeters, s.RangeStatus);
                    pipeline.Sync();
                }

                // A PIR sees anyone within a metre and a half of the line.
                bool motion = scene.HighestSurface(0, t) > 0 || scene.HighestSurface(1, t) > 0 || Near(scene, t);
                if (motion != pir)
                {
                    pir = motion;
                    pipeline._counter.AddPirSample(t, 0, pir ? 1 : 0);
                    pipeline._aggregator.RecordPirState(pir, t);
                }

                pipeline.Tick(t);
            }

            return pipeline._released;
        }

        private static bool Near(SceneGenerator scene, long t)
        {
            foreach (Actor actor in scene.Actors)
            {
                if (actor.TryGet(t, out double x, out _) && Math.Abs(x) < 1500)
                {
                    return true;
                }
            }

            return false;
        }

        private void Boot()
        {
            uint lastStart = _aggregator?.LastReportedStartUnixSeconds ?? 0;
            DisclosureControl? previous = _disclosure;
            var counter = new CounterSettings();
            if (_conditions.OccupancyResetMs > 0)
            {
                counter.EmptyResetMilliseconds = _conditions.OccupancyResetMs;
            }

            _counter = new PeopleCounter(counter);
            _aggregator = new WindowAggregator(new AggregatorSettings { WindowLengthSeconds = WindowSeconds, RebootCount = _boots++ });
            if (lastStart != 0)
            {
                _aggregator.RestoreLastReportedStart(lastStart);
            }

            _disclosure = new DisclosureControl(new DisclosureSettings { Mode = DisclosureMode.PersonDifferentialPrivacy, ContributionBound = 4 }, new ZeroNoise());
            if (previous != null)
            {
                Assert.IsTrue(_disclosure.TryRestoreBudgetPeriod(previous.BudgetPeriod, previous.BudgetPeriodUptimeMilliseconds, previous.IsBudgetExhausted, previous.ReleasedInBudgetPeriod));
            }

            _entries = 0;
            _exits = 0;
            _samples = 0;
            _invalid = 0;
        }

        private void Tick(long t)
        {
            _counter.Tick(t);
            _disclosure.ObserveUptime(t);
            Sync();
            _aggregator.SetCalibrationState(_counter.CalibrationState);
            var report = new WindowReport();
            if (_aggregator.TryCloseWindow(_conditions.UnixAt(t), t, report))
            {
                _disclosure.Apply(report, t);
                _released.Add(report);
            }
        }

        private void Sync()
        {
            while (_entries < _counter.Entries)
            {
                _entries++;
                _aggregator.RecordEntry();
            }

            while (_exits < _counter.Exits)
            {
                _exits++;
                _aggregator.RecordExit();
            }

            long samples = _counter.TotalTofSamples - _samples;
            if (samples > 0)
            {
                long invalid = _counter.InvalidTofSamples - _invalid;
                _aggregator.RecordSamples((int)samples, (int)invalid);
                _samples += samples;
                _invalid += invalid;
            }

            _aggregator.RecordOccupancy(_counter.Occupancy);
        }
    }
}

/// <summary>A random source under which every two-sided geometric draw is 0: both geometric halves see the same u.</summary>
internal sealed class ZeroNoise : IRandomSource
{
    public uint NextUInt32() => 0x5A5A5A5A;
}
