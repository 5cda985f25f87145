using EdgeSensor.Simulator.Randomness;
using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Sensors;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Tests.Physics;

[TestClass]
public sealed class TofPhysicsTests
{
    [TestMethod]
    [DataRow(2400.0, 576.0)]
    [DataRow(3000.0, 720.0)]
    [DataRow(700.0, 168.0)]
    public void FootprintFollowsDepthAnd27DegreeFieldOfView(double depth, double expectedHalf)
    {
        // Half of a 27° field of view: tan(13.5°) = 0.2401; each zone is one half of the view along the walking line.
        TofZoneGeometry[] zones = TofZoneGeometry.TwoZones(27);
        zones[0].Footprint(depth, out double x0, out double x1, out double y0, out double y1);
        Assert.AreEqual(-expectedHalf, x0, 1);
        Assert.AreEqual(0, x1, 1e-9);
        Assert.AreEqual(2 * expectedHalf, y1 - y0, 2);
        zones[1].Footprint(depth, out x0, out x1, out _, out _);
        Assert.AreEqual(0, x0, 1e-9);
        Assert.AreEqual(expectedHalf, x1, 1);
    }

    [TestMethod]
    public void SensorVariation_ScalesTheNoiseAndWidensItsTail()
    {
        var rng = new Rng(5);
        for (int i = 0; i < 200; i++)
        {
            SensorVariation v = SensorVariation.Draw(rng);
            Assert.IsTrue(v.NoiseScale is >= SensorVariation.LeastNoiseScale and <= SensorVariation.MostNoiseScale, v.ToString());
            Assert.IsTrue(v.OutlierProbability is >= 0 and <= SensorVariation.MostOutlierProbability, v.ToString());
        }

        var plain = new TofSensorModel(new TofSensorOptions());
        var noisy = new TofSensorModel(new SensorVariation(1.5, 0.05).ApplyTo(new TofSensorOptions()));
        Assert.AreEqual(1.5 * plain.NoiseSigma(2400), noisy.NoiseSigma(2400), 1e-9);

        // Readings of the floor at 2.4 m: the share beyond 4 sigma is ~6e-5 for a normal distribution; with 5 % of the
        // readings drawn 5 times wider it is about 5 % x P(|z| > 0.8) = 2 %.
        static double FarShare(TofSensorModel model, double sigma)
        {
            var r = new Rng(11);
            int valid = 0, far = 0;
            for (int i = 0; i < 20_000; i++)
            {
                model.Measure(2400, r, out int value, out int status);
                if (status == TofRangeStatus.Valid)
                {
                    valid++;
                    far += Math.Abs(value - 2400) > 4 * sigma ? 1 : 0;
                }
            }

            return far / (double)valid;
        }

        Assert.IsLessThan(0.002, FarShare(plain, plain.NoiseSigma(2400)));
        Assert.AreEqual(0.021, FarShare(noisy, noisy.NoiseSigma(2400)), 0.008);
    }

    [TestMethod]
    public void ReferenceNoise_LeavesTheRandomStreamAsItWas()
    {
        // A model without outliers draws exactly what it drew before they existed, so reference traces keep their bytes.
        var a = new Rng(3);
        var b = new Rng(3);
        new TofSensorModel(new TofSensorOptions()).Measure(2400, a, out int first, out _);
        new TofSensorModel(SensorVariation.Reference.ApplyTo(new TofSensorOptions())).Measure(2400, b, out int second, out _);
        Assert.AreEqual(first, second);
        Assert.AreEqual(a.NextDouble(), b.NextDouble());
    }

    [TestMethod]
    public void NearestSurfaceIsReported()
    {
        // Two people under zone 1 at once: the taller one is the nearest surface; zone 0 sees the floor.
        Scene scene = TestScenes.Of(1000,
            TestScenes.Standing(1, TestScenes.Block(1600), 150, -60, 0, 1000),
            TestScenes.Standing(2, TestScenes.Block(1800), 150, 60, 0, 1000));
        TofZoneGeometry[] zones = TofZoneGeometry.TwoZones(27);
        Assert.AreEqual(1800, scene.HighestSurface(zones[1], 500), 1e-6);
        Assert.AreEqual(0, scene.HighestSurface(zones[0], 500), 1e-6);
        Assert.AreEqual(0, scene.HighestSurface(zones[1], 1500), 1e-6, "nobody there after they left");
    }

    [TestMethod]
    public void BodyAtTheFootprintEdgeIsSeenLowerDown()
    {
        // Centre 300 mm out, 100 mm half length: its near edge at x = 200 is inside zone 1 only where
        // depth * tan(13.5°) >= 200, i.e. depth >= 833 mm: seen at 2400 - 833 = 1567 mm, not at its 1700 mm top.
        TofZoneGeometry zone = TofZoneGeometry.TwoZones(27)[1];
        double seen = zone.VisibleTop(2400, 300, 0, 100, 100, 1700);
        Assert.AreEqual(2400 - 200 / Math.Tan(13.5 * Math.PI / 180), seen, 2);
        Assert.AreEqual(-1, zone.VisibleTop(2400, 800, 0, 100, 100, 1700), "beyond the floor footprint (576 mm)");
        Assert.AreEqual(-1, zone.VisibleTop(2400, -300, 0, 100, 100, 1700), "zone 1 does not see the outside half");
    }

    [TestMethod]
    public void ZonesAreSampledAlternatelyOneTimingBudgetEach()
    {
        Scene scene = TestScenes.Of(2000);
        var rows = new List<TraceRecord>();
        new TofSensorModel(new TofSensorOptions { TimingBudgetMs = 33, MissingSampleProbability = 0 }).Sample(scene, new Rng(1), rows);
        Assert.IsGreaterThan(50, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.AreEqual(i % 2, rows[i].Channel);
            Assert.AreEqual(33 + i * 35L, rows[i].TimeMs, "33 ms budget + 2 ms switching per measurement");
        }

        // An empty scene reads the floor.
        double mean = rows.Where(r => r.Status == 0).Average(r => r.Value);
        Assert.AreEqual(2400, mean, 10);
    }

    [TestMethod]
    public void NoiseAndFailuresGrowWithDistanceAndAmbientLight()
    {
        var dark = new TofSensorModel(new TofSensorOptions { Ambient = 0 });
        var sun = new TofSensorModel(new TofSensorOptions { Ambient = 0.6 });
        Assert.IsGreaterThan(dark.NoiseSigma(700), dark.NoiseSigma(2400));
        Assert.IsGreaterThan(dark.NoiseSigma(2400), sun.NoiseSigma(2400));
        Assert.IsLessThan(dark.MaxRangeMillimeters, sun.MaxRangeMillimeters);

        static (double Sd, double Invalid) Measure(TofSensorModel model, double distance)
        {
            var rng = new Rng(5);
            var valid = new List<int>();
            int invalid = 0;
            for (int i = 0; i < 4000; i++)
            {
                model.Measure(distance, rng, out int value, out int status);
                if (status == TofRangeStatus.Valid)
                {
                    valid.Add(value);
                }
                else
                {
                    invalid++;
                }
            }

            double mean = valid.Average();
            Assert.AreEqual(distance, mean, 15, "valid readings are unbiased");
            return (Math.Sqrt(valid.Average(v => (v - mean) * (v - mean))), invalid / 4000.0);
        }

        var darkFloor = Measure(dark, 2400);
        var sunFloor = Measure(sun, 2400);
        var sunHead = Measure(sun, 700);
        Assert.IsLessThan(0.01, darkFloor.Invalid);
        Assert.IsGreaterThan(0.3, sunFloor.Invalid, "sunlight swamps the weak floor return");
        Assert.IsLessThan(0.1, sunHead.Invalid, "a near head still ranges in sunlight");
        Assert.IsGreaterThan(darkFloor.Sd * 2, sunFloor.Sd);
    }
}
