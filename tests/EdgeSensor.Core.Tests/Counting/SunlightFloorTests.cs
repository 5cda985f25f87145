using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// A floor at the edge of range (3.0 m in sunlight: nine floor readings in ten are signal fails, the valid ones spread by
/// about a hundred mm): what the few valid readings may and may not be taken for.
/// </summary>
[TestClass]
public sealed class SunlightFloorTests
{
    private const int Mount = 3000;
    private const int Floor = 3050;
    private const int SignalFail = 2;
    private const int PeriodMs = 70;

    // The floor's valid readings: every tenth reading, about 100 mm either side of it (a fixed pattern, so the boot noise
    // and the thresholds are the same on every run).
    private static readonly int[] FloorSpread = { -150, 120, -60, 180, -100, 40, 150, -170, 90, -30, 60, -120, 10, 130, -80, 20 };

    // A person passing under the enter threshold leaves three valid readings between fails, then the zone reads signal
    // fails for 2.5 s (the floor beyond range) and one more valid reading as deep. The rebaseline time passes with a
    // handful of valid readings in it, and their mean is no level: joined across the fails into a run held for that time,
    // they moved the zone's floor (here the floor's own noise on its far side did, 80 mm too far; in the simulator's seed
    // 1412 at 3.0 m a person's blend did, 600 mm too near, and the zone missed people for minutes). A new floor needs the
    // readings that put the run's mean within a quarter of the exit delta at three sigma (13 here).
    [TestMethod]
    public void Channel_PersonUnderTheThresholdBetweenSignalFails_IsNoNewFloor()
    {
        var zone = new ZoneChannel(new CounterSettings { MountHeightMillimeters = Mount });
        long t = FeedFloor(zone, 0, 400);
        Assert.IsTrue(zone.IsCalibrated, "the zone must calibrate on its floor");
        int baseline = zone.BaselineMillimeters;
        int personMm = baseline - (zone.EnterDeltaMillimeters * 3 / 4);
        foreach (int offset in new[] { 0, -20, 15 })
        {
            // Each valid reading of the person followed by two signal fails (a third of a body's readings fail here).
            zone.Process(t, personMm + offset, 0);
            zone.Process(t + PeriodMs, 0, SignalFail);
            zone.Process(t + (2 * PeriodMs), 0, SignalFail);
            t += 3 * PeriodMs;
        }

        for (int i = 0; i < 2500 / PeriodMs; i++)
        {
            zone.Process(t, 0, SignalFail);
            t += PeriodMs;
        }

        zone.Process(t, personMm, 0);
        t += PeriodMs;
        FeedFloor(zone, t, 100);
        Assert.AreEqual(0, zone.Rebaselines, $"baseline {zone.BaselineMillimeters}, was {baseline}");
        Assert.IsTrue(zone.BaselineMillimeters > baseline - 60, $"baseline {zone.BaselineMillimeters}, was {baseline}");
    }

    // The readings a new floor needs follow from the zone's noise: on a quiet floor (noise about 10 mm, the exit delta the
    // configured minimum) a few readings put the run's mean well within a quarter of the exit delta, so a floor that moved
    // 200 mm farther is taken within the rebaseline time even when four readings in five fail (a dark mat laid down).
    [TestMethod]
    public void Channel_QuietFloorMovedFartherBetweenSignalFails_IsTakenWithinTheRebaselineTime()
    {
        var settings = new CounterSettings { MountHeightMillimeters = Mount };
        var zone = new ZoneChannel(settings);
        int[] quiet = { -10, 8, -4, 12, -6, 2, 10, -12, 6, -2, 4, -8, 0, 9, -5, 1 };
        long t = 0;
        for (int i = 0; i < 64; i++, t += PeriodMs)
        {
            zone.Process(t, 2500 + quiet[i % quiet.Length], 0);
        }

        Assert.IsTrue(zone.IsCalibrated, "the zone must calibrate on its floor");
        long moved = t;
        for (int i = 0; zone.Rebaselines == 0 && i < 100; i++, t += PeriodMs)
        {
            zone.Process(t, i % 5 == 0 ? 2700 + quiet[i % quiet.Length] : 0, i % 5 == 0 ? 0 : SignalFail);
        }

        Assert.AreEqual(1, zone.Rebaselines, "the farther floor must be taken");
        Assert.IsLessThan(settings.RebaselineMilliseconds + 500, t - moved, $"taken after {t - moved} ms");
        Assert.IsTrue(zone.BaselineMillimeters > 2650, $"baseline {zone.BaselineMillimeters}");
    }

    // The boot window of a floor beyond range closes on the eighth valid floor reading, and eight readings give its noise
    // only to about +-40 %: here they happen to lie close together. The calibrator keeps collecting the floor's readings
    // and replaces the estimate from a full window.
    [TestMethod]
    public void Calibrator_FloorBeyondRange_RefinesItsNoiseOnAFullWindow()
    {
        var c = new ZoneCalibrator(16, 120, (Mount * 3) / 4);
        int[] close = { 3040, 3045, 3050, 3050, 3055, 3060, 3050, 3045 };
        bool done = false;
        foreach (int v in close)
        {
            c.Add(v);
            for (int i = 0; i < 9 && !done; i++)
            {
                done = c.AddSignalFail();
            }
        }

        Assert.IsTrue(done, "calibrated on the floor beyond range");
        Assert.IsLessThan(15, c.NoiseMillimeters, "the first estimate stands on eight close readings");
        Assert.IsTrue(c.IsRefining);

        var rng = new Random(5);
        bool refined = false;
        for (int i = 0; i < ZoneCalibrator.MaxSamples && !refined; i++)
        {
            refined = c.Refine(Floor + (int)(StandardNormal.NextBounded(rng) * 100));
        }

        Assert.IsTrue(refined, "refined once a full window of floor readings came");
        Assert.IsFalse(c.IsRefining);
        Assert.IsTrue(c.NoiseMillimeters > 75 && c.NoiseMillimeters < 130, $"noise {c.NoiseMillimeters}, sigma 100");
    }

    // Nine floor readings in ten fail, so an hour holds a tenth of the floor readings that could stray past the enter
    // threshold: the false-alarm rate an hour that 5 sigma buys on a floor that always ranges is bought here at 4.6
    // sigma (Q(z) = Q(5) * 8, the readings per valid one rounded down to whole doublings). The floor's first eight valid
    // readings span an interquartile range of 250 mm (boot noise 185 mm): the zone enters 851 mm nearer than its floor,
    // not 925 (in the simulator's sunlight at 3.0 m a zone whose readings of a passing adult lay 4.6-5 sigma deep saw
    // nothing while the other zone saw them).
    [TestMethod]
    public void Channel_FloorBeyondRange_EntersOnTheFalseAlarmRateOfItsFewValidReadings()
    {
        var zone = new ZoneChannel(new CounterSettings { MountHeightMillimeters = Mount });
        FeedFloor(zone, 0, 400);
        Assert.IsTrue(zone.IsCalibrated, "the zone must calibrate on its floor");
        const int BootNoise = 185;
        Assert.AreEqual((BootNoise * 46) / 10, zone.EnterDeltaMillimeters, "4.6 boot sigma");
        var dense = new ZoneChannel(new CounterSettings { MountHeightMillimeters = Mount });
        int[] quiet = { -10, 8, -4, 12, -6, 2, 10, -12, 6, -2, 4, -8, 0, 9, -5, 1 };
        for (int i = 0; i < 64; i++)
        {
            dense.Process(i * PeriodMs, 2500 + (quiet[i % quiet.Length] * 8), 0);
        }

        Assert.IsTrue(dense.IsCalibrated, "the dense zone must calibrate on its floor");
        Assert.AreEqual(5 * 77, dense.EnterDeltaMillimeters, "a floor that always ranges keeps 5 sigma (interquartile range 104 mm: 77)");
    }

    [TestMethod]
    public void Calibrator_FloorBeyondRange_CountsItsReadingsPerValidOne()
    {
        var c = new ZoneCalibrator(16, 120, (Mount * 3) / 4);
        Assert.AreEqual(1, c.ReadingsPerValid);
        bool done = false;
        for (int i = 0; !done && i < 400; i++)
        {
            done = i % 10 == 9 ? c.Add(Floor + FloorSpread[(i / 10) % FloorSpread.Length]) : c.AddSignalFail();
        }

        Assert.IsTrue(done, "calibrated on the floor beyond range");
        Assert.AreEqual(10, c.ReadingsPerValid, "nine fails for every valid reading");
        c.Reset();
        Assert.AreEqual(1, c.ReadingsPerValid);
    }

    private static long FeedFloor(ZoneChannel zone, long t, int readings)
    {
        for (int i = 0; i < readings; i++, t += PeriodMs)
        {
            if (i % 10 == 9)
            {
                zone.Process(t, Floor + FloorSpread[(i / 10) % FloorSpread.Length], 0);
            }
            else
            {
                zone.Process(t, 0, SignalFail);
            }
        }

        return t;
    }
}
