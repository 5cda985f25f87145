using EdgeSensor.Simulator.Randomness;
using EdgeSensor.Simulator.Scenarios;
using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Sensors;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Tests.Physics;

/// <summary>
/// The zones' region of interest: both coverage models look through it, and a reading's noise and reach follow its SPAD
/// count (shot noise: σ ∝ 1/√SPADs; reach ∝ SPADs^¼), while the default two 8 × 16 halves keep the model's figures.
/// </summary>
[TestClass]
public sealed class ZoneRoiTests
{
    private static readonly ZoneRoi Narrow = new(8, 8, 167, 231);

    private static TofSensorModel Model(ZoneRoi roi, CoverageModel coverage = CoverageModel.Footprint) =>
        new(new TofSensorOptions { Roi = roi, Coverage = coverage });

    [TestMethod]
    public void DefaultRoi_KeepsTheModelsNoiseReachAndZones()
    {
        TofSensorModel model = Model(ZoneRoi.PeopleCounting);
        // (2 + 3·2.4²) mm indoors-dark at 33 ms, 4 m reach: the figures docs/simulator.md states for the 8 × 16 zones.
        Assert.AreEqual(2 + 3 * 2.4 * 2.4, model.NoiseSigma(2400), 1e-12);
        Assert.AreEqual(4000, model.MaxRangeMillimeters, 1e-12);
        TofZoneGeometry[] halves = TofZoneGeometry.TwoZones(27);
        for (int zone = 0; zone < 2; zone++)
        {
            model.Zones[zone].Footprint(2400, out double a0, out double a1, out double a2, out double a3);
            halves[zone].Footprint(2400, out double b0, out double b1, out double b2, out double b3);
            Assert.AreEqual((b0, b1, b2, b3), (a0, a1, a2, a3), $"zone {zone}");
        }
    }

    [TestMethod]
    [DataRow(8, 16, 1.0)]
    [DataRow(8, 8, 1.4142135623730951)]
    [DataRow(8, 12, 1.1547005383792515)]
    [DataRow(4, 4, 2.8284271247461903)]
    public void Noise_GrowsAsOneOverTheRootOfTheSpadCount_ReachShrinksAsItsFourthRoot(int width, int height, double noiseFactor)
    {
        var roi = new ZoneRoi(width, height, 167, 231);
        TofSensorModel model = Model(roi), reference = Model(ZoneRoi.PeopleCounting);
        foreach (double d in new[] { 700.0, 2400, 3000 })
        {
            Assert.AreEqual(noiseFactor * reference.NoiseSigma(d), model.NoiseSigma(d), 1e-9, $"σ at {d} mm, {width}x{height}");
        }

        // σ at range ∝ d²/√N: the default zone's σ at its reach R is reached at R·(N/128)^¼.
        double reach = reference.MaxRangeMillimeters * Math.Pow(width * height / 128.0, 0.25);
        Assert.AreEqual(reach, model.MaxRangeMillimeters, 1e-9);
        Assert.AreEqual(reference.NoiseSigma(reference.MaxRangeMillimeters) - 2, model.NoiseSigma(reach) - 2 * noiseFactor, 1e-6,
            "the d² term of σ at each zone's reach is the same");
    }

    [TestMethod]
    public void NarrowRoi_FailsMoreOftenOnAFarFloor()
    {
        // Floor at 3.0 m in the dark: the 8 × 16 zone reaches 4 m (d/R 0.75, signal fail 0.001 + 0.9·0.375² = 12.8 %);
        // an 8 × 8 zone reaches 4 m·½^¼ = 3.36 m (d/R 0.89, 48.0 %).
        Assert.AreEqual(0.128, FailShare(ZoneRoi.PeopleCounting), 0.01);
        Assert.AreEqual(0.480, FailShare(Narrow), 0.015);
    }

    private static double FailShare(ZoneRoi roi)
    {
        TofSensorModel model = Model(roi);
        var rng = new Rng(3);
        int failed = 0;
        const int draws = 20_000;
        for (int i = 0; i < draws; i++)
        {
            model.Measure(3000, rng, out _, out int status);
            failed += status == TofRangeStatus.SignalFail ? 1 : 0;
        }

        return (double)failed / draws;
    }

    [TestMethod]
    public void NarrowRoi_FootprintIsNarrowerAcross_InTheFootprintModel()
    {
        Model(Narrow).Zones[1].Footprint(2400, out double x0, out double x1, out double y0, out double y1);
        double half = 2400 * Math.Tan(6.75 * Math.PI / 180);
        Assert.AreEqual((0.0, 2400 * Math.Tan(13.5 * Math.PI / 180), -half, half), (x0, x1, y0, y1));

        // A 1700 mm block 350..550 mm off the centre line, under zone 1: the 8 × 16 zone sees its side from 1458 mm below
        // the sensor (0.24·d reaches 350 mm), the 8 × 8 one (284 mm across at the floor) never; both see a centred one's top.
        Scene scene = OffCentreBlock();
        Assert.AreEqual(2400 - 350 / Math.Tan(13.5 * Math.PI / 180), scene.HighestSurface(Model(ZoneRoi.PeopleCounting).Zones[1], 500), 1);
        Assert.AreEqual(0, scene.HighestSurface(Model(Narrow).Zones[1], 500), "the narrow zone reads the floor");
        Assert.AreEqual(1700, TestScenes.Of(1000, CentredBlock()).HighestSurface(Model(Narrow).Zones[1], 500), 1e-6);
    }

    [TestMethod]
    public void NarrowRoi_FootprintIsNarrowerAcross_InTheRasterModel()
    {
        var wide = new RasterZoneModel(27);
        var narrow = new RasterZoneModel(27, Narrow);
        Scene floor = TestScenes.Of(1000), scene = OffCentreBlock();
        Assert.IsLessThan(wide.Range(floor, 1, 500) - 10, wide.Range(scene, 1, 500), "the 8 × 16 zone sees the block");
        Assert.AreEqual(narrow.Range(floor, 1, 500), narrow.Range(scene, 1, 500), 1e-9, "the 8 × 8 zone sees only floor");
        // Its rays lie nearer the axis, so the bare floor reads nearer along them; a centred block fills more of it.
        Assert.IsLessThan(wide.Range(floor, 1, 500), narrow.Range(floor, 1, 500));
        Scene centred = TestScenes.Of(1000, CentredBlock());
        Assert.IsLessThan(wide.Range(centred, 1, 500) - 100, narrow.Range(centred, 1, 500), "a head fills more of a narrower zone");
    }

    [TestMethod]
    public void ARunWithARoi_SamplesThroughIt_AndSaysSo()
    {
        ScenarioDefinition single = ScenarioSuite.All.First(s => s.Name == "single-file") with { DurationSeconds = 60 };
        SimulationVariant widened = SimulationVariant.Widened(CoverageModel.Raster, 2800);
        Trace wide = ScenarioRunner.Generate(single, 5, widened, out _);
        Trace narrow = ScenarioRunner.Generate(single, 5, widened with { Roi = Narrow }, out _);
        Assert.AreEqual("raster 2.8 m roi 8x8", (widened with { Roi = Narrow }).Label);
        Assert.AreEqual("raster 2.8 m", widened.Label);
        Assert.AreEqual("8x8", narrow.Metadata["roi"]);
        Assert.IsNull(wide.Metadata["roi"], "the default ROI's traces keep their header");
        // The floor before anyone arrives: the narrow zone's readings scatter more (σ × √2 and more signal fails).
        Assert.IsGreaterThan(Spread(wide) * 1.2, Spread(narrow));
    }

    private static double Spread(Trace trace)
    {
        double[] floor = [.. trace.Records.Where(r => r.Kind == TraceKind.Tof && r.Status == 0 && r.TimeMs < 8000 && r.Channel == 1).Select(r => (double)r.Value)];
        double mean = floor.Average();
        return Math.Sqrt(floor.Sum(v => (v - mean) * (v - mean)) / floor.Length);
    }

    private static Person CentredBlock() => TestScenes.Standing(2, TestScenes.Block(1700), 100, 0, 0, 1000);

    private static Scene OffCentreBlock() => TestScenes.Of(1000, TestScenes.Standing(1, TestScenes.Block(1700), 290, 450, 0, 1000));
}
