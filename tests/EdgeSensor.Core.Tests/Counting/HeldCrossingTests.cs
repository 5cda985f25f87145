using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// A held crossing against a person who walks past the line, stops, and comes back (neither way counts) or walks on
/// (counted when they go), and against a door leaf that stands open where the person went (counted at once). The
/// sequences are copied (times, distances) from the simulator's raster-model traces. Inside zone 1: zone 0 to zone 1
/// is an entry.
/// </summary>
[TestClass]
public sealed class HeldCrossingTests
{
    [TestMethod]
    public void PersonWhoStopsPastTheLine_IsHeldUntilTheyComeBack()
    {
        // 2.2 m, seed 1 at 244.8 s: an exit (tops 712/732 mm). In zone 0 the person stops: the zone settles on a still
        // level (their body blended with the floor) and dates the target's end back to where it began (243913), but
        // reports it only after watching it (244713). Then they lean and walk back: a target out of that level, paired
        // with zone 1 as an entry. Before, the exit was confirmed as the level was reported and the way back counted.
        var run = new Run(2200);
        run.Target(1, start: 243318, end: 243808, nearest: 712, episode: 17, samples: 7);
        run.Target(0, start: 243633, end: 243913, nearest: 732, episode: 19, samples: 17, fallAt: 244713, stillAfter: true);
        run.Target(0, start: 244823, end: 245103, nearest: 708, episode: 19, samples: 5, origin: TargetOrigin.Background);
        run.Target(1, start: 244928, end: 245488, nearest: 699, episode: 18, samples: 8);
        run.Finish();

        Assert.AreEqual(0, run.Pairing.Entries + run.Pairing.Exits, run.Describe());
    }

    [TestMethod]
    public void PersonWhoStopsPastTheLineAndWalksOn_IsCountedWhenTheyGo()
    {
        // The same exit, but the person walks on: the still level goes 6 s later (the zone empties at 250000). The exit
        // counts once, after the level went and not while they stood.
        var run = new Run(2200);
        run.Target(1, start: 243318, end: 243808, nearest: 712, episode: 17, samples: 7);
        run.Target(0, start: 243633, end: 243913, nearest: 732, episode: 19, samples: 17, fallAt: 244713, stillAfter: true);
        run.Empty(0, 250000);
        run.Finish();

        Assert.AreEqual(1, run.Pairing.Exits, run.Describe());
        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.IsTrue(run.FirstCountMs >= 250000, $"counted at {run.FirstCountMs} ms, while the person still stood");
    }

    [TestMethod]
    public void DoorLeafStandingOpenWhereThePersonWent_DoesNotDelayTheCount()
    {
        // Door scenario, 2.8 m, seed 1 at 76.4 s: the leaf swings into zone 1 ahead of the person (1115 mm) and the person's
        // head splits off it (1723 mm); after they pass, zone 1 holds the open leaf as a still level for 5 s. That level
        // was there before the person: it is not them standing. The entry must count within 2 s of the crossing.
        var run = new Run(2800);
        run.Target(0, start: 74303, end: 74653, nearest: 1212, episode: 13, samples: 5);
        run.Target(1, start: 73918, end: 75108, nearest: 1115, episode: 5, samples: 16, fallAt: 75808);
        run.Target(0, start: 75563, end: 76123, nearest: 1738, episode: 14, samples: 8);
        run.Target(1, start: 75108, end: 76298, nearest: 1723, episode: 5, samples: 7, onset: 75808, stillAfter: true);
        run.Empty(1, 81100);
        run.Finish();

        Assert.AreEqual(1, run.Pairing.Entries, run.Describe());
        Assert.IsTrue(run.FirstCountMs <= 76362 + 2000, $"counted at {run.FirstCountMs} ms");
    }

    [TestMethod]
    public void StillLevelInBothZones_IsALeafNotAPersonStanding()
    {
        // A leaf standing open along the walking line settles into both zones as a still level just as the person leaves
        // them (2.5 m); it stays for 4 s. A person stopped past the line stands in one zone only; this is not them, and
        // the entry (crossed at about 10700 ms) must count within 2 s.
        var run = new Run(2500);
        run.Target(0, start: 10000, end: 10600, nearest: 800, episode: 1, samples: 8, fallAt: 11400, stillAfter: true);
        run.Target(1, start: 10300, end: 10900, nearest: 810, episode: 1, samples: 8, fallAt: 11700, stillAfter: true);
        run.Empty(0, 15000);
        run.Empty(1, 15000);
        run.Finish();

        Assert.AreEqual(1, run.Pairing.Entries, run.Describe());
        Assert.IsTrue(run.FirstCountMs <= 10700 + 2000, $"counted at {run.FirstCountMs} ms");
    }

    /// <summary>
    /// Feeds targets to the pairing stage in time order, as the zone channels report them: rise at onset, fall at the
    /// sample that ended the target (later than its end for a split or a still level), and between samples the zone's
    /// presence, still level or empty floor every 72 ms. Evaluates after each sample.
    /// </summary>
    private sealed class Run
    {
        private readonly int _mount;
        private readonly List<(long Time, int Zone, int Kind, TargetSummary Target)> _events = new();

        public Run(int mount)
        {
            _mount = mount;
            Pairing = new CrossingStateMachine(new CounterSettings { MountHeightMillimeters = mount, InsideZone = 1 });
        }

        public CrossingStateMachine Pairing { get; }

        public long FirstCountMs { get; private set; } = long.MaxValue;

        public void Target(int zone, long start, long end, int nearest, int episode, int samples, long onset = -1, long fallAt = -1, bool stillAfter = false, TargetOrigin origin = TargetOrigin.Floor)
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
            _events.Add((target.OnsetMs, zone, 0, target));
            _events.Add((fallAt >= 0 ? fallAt : end, zone, stillAfter ? 2 : 1, target));
        }

        public void Empty(int zone, long timeMs)
        {
            _events.Add((timeMs, zone, 3, default));
        }

        public void Finish()
        {
            var present = new int[] { -1, -1 };
            var still = new int[] { -1, -1 };
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
                        Pairing.OnNoTargetPresent(e.Zone, false, 0, now);
                    }
                    else
                    {
                        present[e.Zone] = -1;
                        still[e.Zone] = e.Kind == 2 ? t.Episode : -1;
                        Pairing.OnNoTargetPresent(e.Zone, e.Kind == 2, t.Episode, now);
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
                    Pairing.OnNoTargetPresent(zone, still[zone] >= 0, still[zone] >= 0 ? still[zone] : 0, now);
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
