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

    private sealed class Run
    {
        private readonly ZoneChannel[] _zones = new ZoneChannel[2];
        private readonly Random _rng = new(21);

        public Run()
        {
            var settings = new CounterSettings { MountHeightMillimeters = 3000 };
            _zones[0] = new ZoneChannel(settings);
            _zones[1] = new ZoneChannel(settings);
        }

        public FaintPartner Partner { get; } = new();

        public long Now { get; private set; }

        public long TargetOnsetMs { get; private set; }

        public void Floor(int ms)
        {
            Both(ms / (2 * HalfPeriodMs), 0, 0, noisy: true);
        }

        // Samples of zone 1 then zone 0 in turn: zone 1 depth1 mm nearer than the floor, zone 0 depth0 mm.
        public void Both(int samples, int depth1, int depth0, bool noisy = false)
        {
            for (int i = 0; i < samples; i++)
            {
                Feed(1, depth1, noisy);
                Feed(0, depth0, noisy);
            }
        }

        private void Feed(int zone, int depth, bool noisy)
        {
            Now += HalfPeriodMs;
            // Scripted readings are measured from the floor the zone holds (its boot estimate is off the true floor by a
            // little noise), so that a dip is as deep against it as the script says.
            int reading = noisy || !_zones[zone].IsCalibrated ? FloorMm - depth + Gaussian() : _zones[zone].BaselineMillimeters - depth;
            ZoneEvent e = _zones[zone].Process(Now, reading, 0);
            if (e == ZoneEvent.Rise && zone == 0)
            {
                TargetOnsetMs = _zones[0].Detector.CurrentOnsetMs;
            }

            Partner.Observe(zone, Now, reading, true, _zones[zone], _zones[1 - zone], e);
        }

        private int Gaussian()
        {
            return (int)(Sigma * StandardNormal.Next(_rng));
        }
    }
}
