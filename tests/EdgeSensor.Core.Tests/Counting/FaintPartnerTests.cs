using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// <see cref="FaintPartner"/>: a faint dip in the empty zone that meets a faint target of the other zone in walking order
/// is the same body's passage; a dip out of walking order, or beside a target that reads clearly (a body the other zone
/// would see clearly too), is not.
/// </summary>
[TestClass]
public sealed class FaintPartnerTests
{
    private const int FloorMm = 2950;
    private const int Sigma = 50;
    private const int HalfPeriodMs = 35;

    // A faint dip: about 2.3 sigma of the floor noise the zones measure here (their noise estimate comes out near 60 mm).
    private const int Dip = 140;

    [TestMethod]
    public void FaintDipJustBeforeAFaintTarget_IsItsPartner()
    {
        var run = new Run();
        run.Floor(3000);
        long dipStart = run.Now;
        run.Both(4, Dip, 0);
        run.Both(8, 0, 300);
        run.Floor(1000);
        Assert.AreEqual(1, run.Partner.Count, "one faint partner");
        Assert.AreEqual(1, run.Partner.FoundZone);
        // Dated where the dip was (a noisy floor reading just before it may open the window), and before the target.
        TargetSummary found = run.Partner.Found;
        Assert.IsTrue(found.StartMs >= dipStart - (2 * HalfPeriodMs) && found.OnsetMs < run.TargetOnsetMs, $"dip {found.StartMs}..{found.EndMs}, onset {found.OnsetMs}, target onset {run.TargetOnsetMs}");
    }

    [TestMethod]
    public void FaintDipJustAfterAFaintTarget_IsItsPartner()
    {
        var run = new Run();
        run.Floor(3000);
        run.Both(8, 0, 300);
        run.Both(4, Dip, 0);
        run.Floor(1000);
        Assert.AreEqual(1, run.Partner.Count, "one faint partner");
        Assert.AreEqual(1, run.Partner.FoundZone);
    }

    // A child crossed, seen in both zones (zone 0, then zone 1); its blend then fades in zone 0 for a moment. The zone-1
    // target already has its partner, so that dip is no body walking on from zone 1.
    [TestMethod]
    public void FaintDipAfterACrossingSeenInBothZones_IsNoPartner()
    {
        var run = new Run();
        run.Floor(3000);
        run.Both(8, 0, 300);
        run.Both(10, 300, 0);
        run.Both(4, 0, Dip);
        run.Floor(1000);
        Assert.AreEqual(0, run.Partner.Count);
    }

    // A body that reads 1.2 m above the floor in one zone reads clearly in the other too: a faint dip there is not it.
    [TestMethod]
    public void FaintDipBesideAClearTarget_IsNoPartner()
    {
        var run = new Run();
        run.Floor(3000);
        run.Both(4, Dip, 0);
        run.Both(8, 0, 1200);
        run.Floor(1000);
        Assert.AreEqual(0, run.Partner.Count);
    }

    // A dip a second before the target: the body would have been between the zones, where their footprints meet.
    [TestMethod]
    public void FaintDipLongBeforeTheTarget_IsNoPartner()
    {
        var run = new Run();
        run.Floor(3000);
        run.Both(4, Dip, 0);
        run.Floor(1000);
        run.Both(8, 0, 300);
        run.Floor(1000);
        Assert.AreEqual(0, run.Partner.Count);
    }

    // A door leaf standing at the edge of zone 1's footprint holds its readings 1.2 sigma nearer than the floor: a level
    // that stays, out of which no dip rises from a quiet floor.
    [TestMethod]
    public void DipOnAStandingLevel_IsNoPartner()
    {
        var run = new Run();
        run.Floor(3000);
        run.Both(40, 75, 0);
        run.Both(4, Dip, 0);
        run.Both(8, 0, 300);
        run.Floor(1000);
        Assert.AreEqual(0, run.Partner.Count);
    }

    private sealed class Run() : AlternatingZoneScript(FloorMm, Sigma, HalfPeriodMs, seed: 21)
    {
        private readonly ZoneChannel[] _zones =
        [
            new ZoneChannel(new CounterSettings { MountHeightMillimeters = 3000 }),
            new ZoneChannel(new CounterSettings { MountHeightMillimeters = 3000 }),
        ];

        public FaintPartner Partner { get; } = new();

        public long TargetOnsetMs { get; private set; }

        protected override int HeldFloor(int zone) => _zones[zone].IsCalibrated ? _zones[zone].BaselineMillimeters : 0;

        protected override void Feed(int zone, long timeMs, int reading)
        {
            ZoneEvent e = _zones[zone].Process(timeMs, reading, 0);
            if (e == ZoneEvent.Rise && zone == 0)
            {
                TargetOnsetMs = _zones[0].Detector.CurrentOnsetMs;
            }

            Partner.Observe(zone, timeMs, reading, true, _zones[zone], _zones[1 - zone], e);
        }
    }
}
