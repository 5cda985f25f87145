using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// Issue 9, children under a blending coverage model: a zone reports a signal-weighted mean of all it sees, so a child
/// who covers little of a zone mounted high reads only 2-5 sigma of the floor noise nearer than the floor, under the
/// single-reading threshold (5 sigma). A few readings that together lie well below the floor, rising out of a quiet
/// floor, are a body passing; a level that stays (a door leaf standing at the footprint's edge), the fading tail of a target
/// that just ended, or a lone outlier is not.
/// </summary>
[TestClass]
public sealed class DetectorWeakDipTests
{
    private const int Mount = 3000;
    private const int Floor = 2950;
    private const int Sigma = 40;
    private const int PeriodMs = 70;
    private const int Dips = 20;

    // A child passing a zone at 3.0 m: 10 samples (0.7 s) whose blend peaks 4 sigma below the floor (the single-reading
    // threshold is 5 sigma).
    private static readonly int[] ChildDip = { 40, 80, 120, 150, 160, 160, 150, 120, 80, 40 };

    [TestMethod]
    public void ShallowDipOfAPassingChild_OpensOneTargetEach()
    {
        int found = Passages(new Random(11), ChildDip, Dips);
        Assert.IsTrue(found >= Dips - 1, $"{found} of {Dips} children seen");
    }

    // The faintest children (2.8-3.0 m, raster model): 2 sigma below the floor for a whole passage of 10 readings, with
    // noise; three readings in a row averaging 2.5 sigma come in about half of them (9 of these 20 with the short window
    // alone), six averaging 1.75 sigma in most (16).
    [TestMethod]
    public void TwoSigmaPassage_OpensOneTargetEach_ThroughTheLongWindow()
    {
        int[] passage = { 2 * Sigma, 2 * Sigma, 2 * Sigma, 2 * Sigma, 2 * Sigma, 2 * Sigma, 2 * Sigma, 2 * Sigma, 2 * Sigma, 2 * Sigma };
        int found = Passages(new Random(16), passage, Dips);
        Assert.IsTrue(found >= 15, $"{found} of {Dips} children seen");
    }

    // A leaf standing at the footprint's edge holds the zone 35 mm nearer than the floor (under 1 sigma: still a quiet
    // floor); six readings 95 mm below the floor are then only 60 mm (1.5 sigma) below what the zone read just before.
    [TestMethod]
    public void LongDipOnTopOfAStandingLevel_OpensNothing()
    {
        var zone = Detector();
        long t = 0;
        for (int i = 0; i < 100; i++, t += PeriodMs)
        {
            Assert.AreNotEqual(ZoneEvent.Rise, zone.Update(t, Floor - (i < 60 ? 0 : 35)));
        }

        for (int i = 0; i < 6; i++, t += PeriodMs)
        {
            Assert.AreNotEqual(ZoneEvent.Rise, zone.Update(t, Floor - 95), $"reading {i} of the dip");
        }
    }

    // A door leaf swept through (a deep target), then stands open at the footprint's edge, 2 sigma nearer than the
    // floor for 10 s (half its readings 2.5 sigma or more below the floor): a level that stays is not a body passing.
    [TestMethod]
    public void EdgeStandingAfterATarget_OpensNothing()
    {
        var rng = new Random(12);
        var zone = Detector();
        long t = 0;
        int rises = 0;
        t = Feed(zone, rng, t, 60, 0, ref rises);
        t = Feed(zone, rng, t, 8, 1700, ref rises);
        Assert.AreEqual(1, rises, "the leaf's sweep");
        t = Feed(zone, rng, t, 140, 2 * Sigma, ref rises);
        t = Feed(zone, rng, t, 60, 0, ref rises);
        Assert.AreEqual(1, rises, "the standing edge and its going away are no targets");
    }

    // A body leaves a zone's footprint gradually: its blend fades from 2.5 sigma to the floor over 0.7 s after the
    // target ended. That tail is the same body.
    [TestMethod]
    public void FadingTailOfATarget_OpensNothing()
    {
        var rng = new Random(13);
        var zone = Detector();
        long t = 0;
        int rises = 0;
        for (int k = 0; k < 20; k++)
        {
            t = Feed(zone, rng, t, 60, 0, ref rises);
            t = Feed(zone, rng, t, 8, 1500, ref rises);
            foreach (int depth in new[] { 100, 95, 90, 85, 80, 70, 60, 45, 30, 15 })
            {
                t = Feed(zone, rng, t, 1, depth, ref rises);
            }
        }

        t = Feed(zone, rng, t, 60, 0, ref rises);
        Assert.AreEqual(20, rises, "one target per body, none for its tail");
    }

    // Stray readings (multipath, a sunlit speck, a ranging outlier): 0.5 % of the readings, each on its own, anywhere
    // between 2.5 sigma below the floor and the single-reading threshold. A stray reading is no body: with the depth each
    // reading may add capped, a stray needs the two readings beside it to average 2 sigma below the floor (0.2 %), so
    // about 1 in 150 strays at most builds a weak target, against about 1 in 30 if each reading counted in full.
    [TestMethod]
    public void StrayReadingsBelowTheFloor_OpenNothing()
    {
        var rng = new Random(14);
        var zone = Detector();
        long t = 0;
        int rises = 0;
        for (int i = 0; i < 30000; i++, t += PeriodMs)
        {
            int reading = Floor + Gaussian(rng, Sigma);
            if (rng.Next(200) == 0)
            {
                reading = rng.Next(zone.EnterBelowMillimeters + 5, Floor - (Sigma * 5 / 2));
            }

            rises += zone.Update(t, reading) == ZoneEvent.Rise ? 1 : 0;
        }

        Assert.IsTrue(rises <= 1, $"{rises} targets from 150 stray readings");
    }

    // The boot window (16 readings) may catch the floor noisier or quieter than it is; the zone keeps estimating the
    // floor noise while it is empty, so its thresholds follow the floor it actually sees.
    [TestMethod]
    public void NoiseEstimate_FollowsTheEmptyFloor_AfterAWrongBootWindow()
    {
        var rng = new Random(15);
        var zone = new ZoneChannel(new CounterSettings { MountHeightMillimeters = Mount });
        long t = 0;
        for (int i = 0; i < 16; i++, t += PeriodMs)
        {
            zone.Process(t, Floor + Gaussian(rng, 2 * Sigma), 0);
        }

        Assert.IsTrue(zone.IsCalibrated);
        for (int i = 0; i < 1500; i++, t += PeriodMs)
        {
            zone.Process(t, Floor + Gaussian(rng, Sigma), 0);
        }

        int noise = zone.NoiseMillimeters;
        Assert.IsTrue(noise >= Sigma * 85 / 100 && noise <= Sigma * 115 / 100, $"noise {noise} mm for a floor of sigma {Sigma} mm");
    }

    // Children passing one after another, each after 60 readings of floor and followed by 10: how many were seen. Each
    // opens one target at most, which has ended once the child has passed.
    private static int Passages(Random rng, int[] passage, int count)
    {
        var zone = Detector();
        long t = 0;
        int found = 0;
        for (int k = 0; k < count; k++)
        {
            int rises = 0;
            t = Feed(zone, rng, t, 60, 0, ref rises);
            foreach (int depth in passage)
            {
                t = Feed(zone, rng, t, 1, depth, ref rises);
            }

            t = Feed(zone, rng, t, 10, 0, ref rises);
            Assert.IsTrue(rises <= 1, $"dip {k}: {rises} targets for one child");
            Assert.IsFalse(zone.HasTarget, $"dip {k}: the target must end when the child has passed");
            found += rises;
        }

        return found;
    }

    // A zone at 3.0 m whose floor noise is known: single-reading threshold 5 sigma, weak depth 2.5 sigma.
    private static ZoneOccupancyDetector Detector()
    {
        var zone = new ZoneOccupancyDetector(200);
        zone.SetThresholds(Floor, 5 * Sigma, (10 * Sigma) / 3, Sigma);
        zone.SetWeakDip((5 * Sigma) / 2);
        return zone;
    }

    // Feeds <paramref name="samples"/> readings <paramref name="depth"/> mm nearer than the floor, with noise.
    private static long Feed(ZoneOccupancyDetector zone, Random rng, long t, int samples, int depth, ref int rises)
    {
        for (int i = 0; i < samples; i++, t += PeriodMs)
        {
            if (zone.Update(t, Floor - depth + Gaussian(rng, Sigma)) == ZoneEvent.Rise)
            {
                rises++;
            }
        }

        return t;
    }

    private static int Gaussian(Random rng, int sigma)
    {
        return (int)(StandardNormal.NextBounded(rng) * sigma);
    }
}
