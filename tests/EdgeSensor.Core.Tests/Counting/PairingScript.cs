using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// Plays zone targets, as the detectors report them, into the pairing stage alone: each target's rise at its onset
/// and its fall at its end (or later, when the detector reports it later). The pairing tests write down the targets
/// of a traced failure and assert what the pairing made of them.
/// </summary>
internal sealed class PairingScript
{
    // One zone is ranged every other read cycle of about 36 ms (two zones, 33 ms timing budget plus overhead).
    private const int CycleMs = 36;
    private const int ZoneSampleMs = 2 * CycleMs;

    // How long the pairing keeps being asked after the last event, so held crossings are settled.
    private const int SettleMs = 3000;

    private readonly int _mount;
    private readonly List<Event> _events = new();

    public PairingScript(int mount = 2500, int timingBudgetMs = 33)
    {
        _mount = mount;
        Pairing = new CrossingStateMachine(new CounterSettings { MountHeightMillimeters = mount, InsideZone = 1, TimingBudgetMilliseconds = timingBudgetMs });
    }

    private enum Kind
    {
        Rise,
        Fall,
        FallOntoStillLevel,
        Empty,
        Head,
    }

    public CrossingStateMachine Pairing { get; }

    /// <summary>When the first crossing was counted (long.MaxValue while none was).</summary>
    public long FirstCountMs { get; private set; } = long.MaxValue;

    /// <summary>
    /// One target of <paramref name="zone"/>. Give its nearest reading or its height above the floor (the other follows
    /// from the mount). A target split off the one before it in its zone has its onset after its start and starts where
    /// that one ended. <paramref name="reportedAt"/>: when its fall reaches the pairing stage, if later than its end (a
    /// target closed at a valley is reported when the next head is confirmed, a still level 0.8 s after it began);
    /// <paramref name="stillAfter"/>: the zone holds a still level after it, <paramref name="stillMm"/> away (0: not known);
    /// <paramref name="settled"/>: the target ended by settling on that level (the detector's plateau rule).
    /// While open it reports its nearest reading as come so far: from its rise, unless <paramref name="headAt"/> says when
    /// that came (before it, it reports <paramref name="earlyNearest"/>). <paramref name="coreStart"/>: where its core began
    /// (<see cref="TargetSummary.CoreStartMs"/>; 0, not measured, unless given).
    /// </summary>
    public void Target(int zone, long start, long end, int nearest = -1, int episode = 1, int height = -1, long onset = -1,
        TargetOrigin? origin = null, long reportedAt = -1, int samples = -1, bool stillAfter = false, int stillMm = 0,
        long headAt = -1, int earlyNearest = 0, bool settled = false, long coreStart = 0)
    {
        if (nearest < 0 && height < 0)
        {
            throw new ArgumentException("give the target's nearest reading or its height");
        }

        var target = new TargetSummary
        {
            StartMs = start,
            OnsetMs = onset >= 0 ? onset : start,
            EndMs = end,
            NearestMillimeters = nearest >= 0 ? nearest : _mount - height,
            FarthestCoreMillimeters = _mount - 100,
            HeightMillimeters = height >= 0 ? height : _mount - nearest,
            Samples = samples >= 0 ? samples : (int)((end - start) / ZoneSampleMs),
            Origin = origin ?? (onset > start ? TargetOrigin.ValleySplit : TargetOrigin.Floor),
            Episode = episode,
            SettledOnStillLevel = settled,
            CoreStartMs = coreStart,
        };
        if (headAt > target.OnsetMs)
        {
            TargetSummary early = target;
            early.NearestMillimeters = earlyNearest;
            _events.Add(new Event(target.OnsetMs, zone, Kind.Rise, early, 0));
            _events.Add(new Event(headAt, zone, Kind.Head, target, 0));
        }
        else
        {
            _events.Add(new Event(target.OnsetMs, zone, Kind.Rise, target, 0));
        }

        _events.Add(new Event(reportedAt > end ? reportedAt : end, zone, stillAfter ? Kind.FallOntoStillLevel : Kind.Fall, target, stillAfter ? stillMm : 0));
    }

    /// <summary>The still level <paramref name="zone"/> held went away at <paramref name="timeMs"/> (the floor again).</summary>
    public void Empty(int zone, long timeMs)
    {
        _events.Add(new Event(timeMs, zone, Kind.Empty, default, 0));
    }

    /// <summary>
    /// Plays the events in time order and asks the pairing stage after each moment, as the counter does per sample; a
    /// split ends one target and opens the next on one sample, so the fall goes first and the stage is asked once both are in.
    /// </summary>
    public void Finish()
    {
        List<Event> ordered = Ordered();
        long last = 0;
        for (int i = 0; i < ordered.Count; i++)
        {
            Event e = ordered[i];
            Apply(e, e.Time);
            if (i + 1 < ordered.Count && ordered[i + 1].Time == e.Time && ordered[i + 1].Zone == e.Zone)
            {
                continue;
            }

            Evaluate(e.Time);
            last = e.Time;
        }

        for (long t = last; t <= last + SettleMs; t += 100)
        {
            Evaluate(t);
        }
    }

    /// <summary>
    /// Plays the events read cycle by read cycle: each cycle one zone also says again what it holds (a target, a still
    /// level or nothing), as the counter does after every sample; for the rules that watch a zone between events.
    /// </summary>
    public void FinishTicking()
    {
        var present = new[] { -1, -1 };
        var nearest = new[] { 0, 0 };
        var still = new[] { -1, -1 };
        var stillMm = new[] { 0, 0 };
        List<Event> ordered = Ordered();
        long end = ordered[^1].Time + SettleMs;
        int next = 0;
        for (long now = ordered[0].Time; now <= end; now += CycleMs)
        {
            while (next < ordered.Count && ordered[next].Time <= now)
            {
                Event e = ordered[next++];
                Apply(e, now);
                if (e.Kind == Kind.Rise || e.Kind == Kind.Head)
                {
                    present[e.Zone] = e.Target.Episode;
                    nearest[e.Zone] = e.Target.NearestMillimeters;
                }
                else
                {
                    present[e.Zone] = e.Kind == Kind.Empty ? present[e.Zone] : -1;
                    still[e.Zone] = e.Kind == Kind.FallOntoStillLevel ? e.Target.Episode : -1;
                    stillMm[e.Zone] = e.StillMm;
                }
            }

            int zone = (int)(now / CycleMs) % 2;
            if (present[zone] >= 0)
            {
                Pairing.OnTargetPresent(zone, present[zone], nearest[zone], now);
            }
            else
            {
                Pairing.OnNoTargetPresent(zone, still[zone] >= 0, stillMm[zone], still[zone] >= 0 ? still[zone] : 0, now);
            }

            Evaluate(now);
        }
    }

    public string Describe() =>
        $"entries {Pairing.Entries} exits {Pairing.Exits} splits {Pairing.SpanSplits} turnbacks {Pairing.TurnBacks} orphans {Pairing.Orphans} door {Pairing.DoorRejections} mismatch {Pairing.MismatchRejections} merges {Pairing.PushedObjectMerges}";

    private List<Event> Ordered() => _events.OrderBy(e => e.Time).ThenBy(e => e.Kind == Kind.Rise ? 1 : 0).ToList();

    private void Apply(Event e, long now)
    {
        switch (e.Kind)
        {
            case Kind.Rise:
                Pairing.OnTargetPresent(e.Zone, e.Target.Episode, e.Target.NearestMillimeters, now);
                Pairing.OnRise(e.Zone, e.Target.StartMs, e.Target.OnsetMs, e.Target.Origin == TargetOrigin.ValleySplit);
                break;
            case Kind.Head:
                Pairing.OnTargetPresent(e.Zone, e.Target.Episode, e.Target.NearestMillimeters, now);
                break;
            case Kind.Empty:
                Pairing.OnNoTargetPresent(e.Zone, false, 0, 0, now);
                break;
            default:
                Pairing.OnNoTargetPresent(e.Zone, e.Kind == Kind.FallOntoStillLevel, e.StillMm, e.Target.Episode, now);
                Pairing.OnFall(e.Zone, e.Target);
                break;
        }
    }

    private void Evaluate(long timeMs)
    {
        Pairing.Evaluate(timeMs);
        if (Pairing.Entries + Pairing.Exits > 0 && FirstCountMs == long.MaxValue)
        {
            FirstCountMs = timeMs;
        }
    }

    private readonly record struct Event(long Time, int Zone, Kind Kind, TargetSummary Target, int StillMm);
}
