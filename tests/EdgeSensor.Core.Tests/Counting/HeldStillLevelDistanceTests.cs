using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// A held crossing told from a door leaf by how far each zone's still level lies: a person standing past the line reads
/// clearly nearer in the destination (head and shoulders) than in the origin (their edge, under a wide footprint), while
/// one leaf reads about equally far in both. Inside zone 1: zone 1 to zone 0 is an exit. Times and distances follow the
/// simulator's raster-model traces at 3.0 m (floor ~3060 mm).
/// </summary>
[TestClass]
public sealed class HeldStillLevelDistanceTests
{
    [TestMethod]
    public void PersonStandingPastTheLine_SeenAtTheOriginsEdge_IsHeldUntilTheyGo()
    {
        // Loiter, seed 1 at 458 s: an exit; the person stops in zone 0 (still level 2194 mm) and zone 1's wider footprint
        // keeps their edge as a still level of its own (2544 mm). They walk on at 461.5 s: the levels go. Before, a still
        // level in the origin always meant a leaf, and the exit was counted 3 s early, while they stood.
        var run = new Run(3000);
        run.Target(1, start: 457000, end: 457700, nearest: 1350, episode: 25, samples: 10, fallAt: 458500, stillAfter: true, stillMm: 2544);
        run.Target(0, start: 457400, end: 458043, nearest: 1380, episode: 20, samples: 10, fallAt: 458760, stillAfter: true, stillMm: 2194);
        run.Empty(1, 461400);
        run.Empty(0, 461500);
        run.Finish();

        Assert.AreEqual(1, run.Pairing.Exits, run.Describe());
        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.IsTrue(run.FirstCountMs >= 461400, $"counted at {run.FirstCountMs} ms, while the person still stood");
    }

    [TestMethod]
    public void LeafReadingAboutEquallyFarInBothZones_DoesNotDelayTheCount()
    {
        // Door, 3.0 m: after the person passes, the open leaf settles in both zones, 2700 and 2860 mm away (the leaf's
        // slant across the zones), for 5 s. The exit (crossed at about 457700 ms) must count within 2 s.
        var run = new Run(3000);
        run.Target(1, start: 457000, end: 457700, nearest: 1350, episode: 25, samples: 10, fallAt: 458500, stillAfter: true, stillMm: 2860);
        run.Target(0, start: 457400, end: 458043, nearest: 1380, episode: 20, samples: 10, fallAt: 458760, stillAfter: true, stillMm: 2700);
        run.Empty(1, 463000);
        run.Empty(0, 463000);
        run.Finish();

        Assert.AreEqual(1, run.Pairing.Exits, run.Describe());
        Assert.IsTrue(run.FirstCountMs <= 457700 + 2000, $"counted at {run.FirstCountMs} ms");
    }

    /// <summary>
    /// Feeds targets to the pairing stage in time order, as the zone channels report them: rise at onset, fall at the
    /// sample that ended the target (later than its end for a split or a still level), and between samples the zone's
    /// presence, still level (with its distance) or empty floor every 72 ms. Evaluates after each sample.
    /// </summary>
    private sealed class Run
    {
        private readonly int _mount;
        private readonly List<(long Time, int Zone, int Kind, TargetSummary Target, int StillMm)> _events = new();

        public Run(int mount)
        {
            _mount = mount;
            Pairing = new CrossingStateMachine(new CounterSettings { MountHeightMillimeters = mount, InsideZone = 1 });
        }

        public CrossingStateMachine Pairing { get; }

        public long FirstCountMs { get; private set; } = long.MaxValue;

        public void Target(int zone, long start, long end, int nearest, int episode, int samples, long onset = -1, long fallAt = -1, bool stillAfter = false, TargetOrigin origin = TargetOrigin.Floor, int stillMm = 0)
        {
            var target = new TargetSummary
            {
                StartMs = start,
                OnsetMs = onset >= 0 ? onset : start,
                EndMs = end,
                NearestMillimeters = nearest,
                FarthestCoreMillimeters = _mount - 100,
                HeightMillimeters = _mount - nearest,
                Samples = samples,
                Origin = onset > start ? TargetOrigin.ValleySplit : origin,
                Episode = episode,
            };
            _events.Add((target.OnsetMs, zone, 0, target, 0));
            _events.Add((fallAt >= 0 ? fallAt : end, zone, stillAfter ? 2 : 1, target, stillMm));
        }

        public void Empty(int zone, long timeMs)
        {
            _events.Add((timeMs, zone, 3, default, 0));
        }

        public void Finish()
        {
            var present = new int[] { -1, -1 };
            var still = new int[] { -1, -1 };
            var stillMm = new int[] { 0, 0 };
            long now = _events.Min(e => e.Time);
            long end = _events.Max(e => e.Time) + 3000;
            // A split ends one target and opens the next on one sample: the fall goes first.
            var ordered = _events.OrderBy(e => e.Time).ThenBy(e => e.Kind == 0 ? 1 : 0).ToList();
            int next = 0;
            for (; now <= end; now += 36)
            {
                while (next < ordered.Count && ordered[next].Time <= now)
                {
                    var e = ordered[next++];
                    TargetSummary t = e.Target;
                    if (e.Kind == 0)
                    {
                        present[e.Zone] = t.Episode;
                        Pairing.OnTargetPresent(e.Zone, t.Episode, now);
                        Pairing.OnRise(e.Zone, t.StartMs, t.OnsetMs);
                    }
                    else if (e.Kind == 3)
                    {
                        still[e.Zone] = -1;
                        stillMm[e.Zone] = 0;
                        Pairing.OnNoTargetPresent(e.Zone, false, 0, 0, now);
                    }
                    else
                    {
                        present[e.Zone] = -1;
                        still[e.Zone] = e.Kind == 2 ? t.Episode : -1;
                        stillMm[e.Zone] = e.Kind == 2 ? e.StillMm : 0;
                        Pairing.OnNoTargetPresent(e.Zone, e.Kind == 2, stillMm[e.Zone], t.Episode, now);
                        Pairing.OnFall(e.Zone, t);
                    }
                }

                int zone = (int)(now / 36) % 2;
                if (present[zone] >= 0)
                {
                    Pairing.OnTargetPresent(zone, present[zone], now);
                }
                else
                {
                    Pairing.OnNoTargetPresent(zone, still[zone] >= 0, stillMm[zone], still[zone] >= 0 ? still[zone] : 0, now);
                }

                Pairing.Evaluate(now);
                if (Pairing.Entries + Pairing.Exits > 0 && FirstCountMs == long.MaxValue)
                {
                    FirstCountMs = now;
                }
            }
        }

        public string Describe() =>
            $"entries {Pairing.Entries} exits {Pairing.Exits} turnbacks {Pairing.TurnBacks} orphans {Pairing.Orphans} door {Pairing.DoorRejections} mismatch {Pairing.MismatchRejections}";
    }
}
