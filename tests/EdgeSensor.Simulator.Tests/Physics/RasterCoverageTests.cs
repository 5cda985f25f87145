using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Sensors;

namespace EdgeSensor.Simulator.Tests.Physics;

/// <summary>The raster coverage model (rays per SPAD cell, domed tops, signal-weighted range) on hand-built scenes.</summary>
[TestClass]
public sealed class RasterCoverageTests
{
    private static readonly double EdgeRay = Math.Sqrt(1 + 2 * Math.Pow(Math.Tan(13.5 * Math.PI / 180), 2));

    [TestMethod]
    public void EmptyFloor_ReadsTheMountAlongTheRays_TheSameInBothZones()
    {
        var model = new RasterZoneModel(27);
        Scene scene = TestScenes.Of(1000);
        double zone0 = model.Range(scene, 0, 500), zone1 = model.Range(scene, 1, 500);
        // Radial ranges: at least the mount height (the axis) and less than the corner rays' path.
        Assert.IsGreaterThan(2400, zone0);
        Assert.IsLessThan(2400 * EdgeRay, zone0);
        Assert.AreEqual(zone0, zone1, 1e-6, "the zones mirror each other");
    }

    [TestMethod]
    public void ABoardFillingTheZone_ReadsItsDepth()
    {
        // A slab 4 m across at 1000 mm: its dome sinks less than 10 mm within the zone's view at 1400 mm depth.
        var model = new RasterZoneModel(27);
        Scene scene = TestScenes.Of(1000, TestScenes.Standing(1, TestScenes.Block(1000, 2000, 2000), 0, 0, 0, 1000));
        double range = model.Range(scene, 1, 500);
        Assert.IsGreaterThan(1400, range);
        Assert.IsLessThan(1400 * EdgeRay, range);
    }

    [TestMethod]
    public void APartAtTheZoneEdge_ReadsFartherThanInTheFootprintModel()
    {
        // A head-sized part whose near edge is 150 mm past the line: inside zone 1's pyramid at its 1700 mm top (168 mm
        // there), so the footprint model reads its full height; only the last column of SPAD rays meets it, so the raster
        // model's signal-weighted range lies between it and the floor.
        Scene scene = TestScenes.Of(1000, TestScenes.Standing(1, TestScenes.Block(1700, 100, 80), 250, 0, 0, 1000));
        double footprint = 2400 - scene.HighestSurface(TofZoneGeometry.TwoZones(27)[1], 500);
        double raster = new RasterZoneModel(27).Range(scene, 1, 500);
        double floor = new RasterZoneModel(27).Range(TestScenes.Of(1000), 1, 500);
        Assert.AreEqual(700, footprint, 1);
        Assert.IsGreaterThan(footprint + 300, raster);
        Assert.IsLessThan(floor - 100, raster);
    }

    [TestMethod]
    public void APersonUnderTheZone_PullsTheReadingBetweenHeadAndFloor()
    {
        // Head 1750 mm, shoulders 1450 mm, centred under zone 1: nearer than the floor, farther than the crown.
        var body = new Population.Body(Population.PopulationGroup.Adult, 1750, 1.0,
            [new Population.BodyPart(0, 0, 98, 79, 1750), new Population.BodyPart(0, 0, 128, 250, 1450)]);
        Scene scene = TestScenes.Of(1000, TestScenes.Standing(1, body, 290, 0, 0, 1000));
        double range = new RasterZoneModel(27).Range(scene, 1, 500);
        Assert.IsGreaterThan(2400 - 1750, range);
        Assert.IsLessThan(2400 - 600, range);
        Assert.AreEqual(new RasterZoneModel(27).Range(TestScenes.Of(1000), 0, 500), new RasterZoneModel(27).Range(scene, 0, 500), 1e-6,
            "zone 0 does not see a person wholly under zone 1");
    }

    [TestMethod]
    public void DomedTop_IsLowerAtItsRimThanAtItsCrown()
    {
        // A vertical ray through the crown meets the top; one through 0.9 of the half-width meets the dome
        // cap · (1 − √(1 − 0.81)) lower, the cap being the smaller semi-axis (80 mm).
        var part = new SceneSolid(0, 0, 100, 80, 1700, SolidKind.BodyPart);
        var rim = part with { CentreY = 0.9 * 80 };
        Assert.AreEqual(700, RasterZoneModel.HitDepth(2400, 0, 0, part, 2400), 0.5);
        Assert.AreEqual(700 + 80 * (1 - Math.Sqrt(1 - 0.81)), RasterZoneModel.HitDepth(2400, 0, 0, rim, 2400), 0.5);
        Assert.AreEqual(2400, RasterZoneModel.HitDepth(2400, 0, 0, part with { CentreY = 200 }, 2400), "a ray beside the part misses it");
        var door = part with { Kind = SolidKind.DoorLeaf };
        Assert.AreEqual(700, RasterZoneModel.HitDepth(2400, 0, 0, door with { CentreY = 72 }, 2400), 0.5, "a door leaf is flat-topped");
    }
}
