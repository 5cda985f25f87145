using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Sensors;

namespace EdgeSensor.Simulator.Tests.Physics;

/// <summary>
/// The raster model's incidence term (Lambert's cosine law): a matt surface returns in proportion to the cosine of the
/// angle between the ray and its normal, so a vertical face grazed by the near-vertical rays returns little, while a flat
/// top seen from straight above returns as before.
/// </summary>
[TestClass]
public sealed class RasterIncidenceTests
{
    private static readonly double TanHalf = Math.Tan(13.5 * Math.PI / 180);

    [TestMethod]
    public void AnOpenLeafAlongTheWalkingLine_MovesZone1LessThan290mmAt3m()
    {
        // Leaf 900 mm, fully open, nobody about; mount 3.0 m. Its posts stand at y = −450 (radius 25), so its face is the
        // vertical plane |y| = 425 mm, normal across the walking line.
        //   Rays that reach it: |ty|·3000 ≥ 425, i.e. |ty| ≥ 0.142: the outer 3 of the 16 rows (centres 12.66°, 10.97°,
        //   9.28° across) × 8 columns = at most 24 of zone 1's 128 rays; the other 104 reach the floor.
        //   A ray (tx, ty, −1) meets the face at cos(incidence) = |ty| / √(1 + tx² + ty²) ≤ tan 12.66° / √(1 + tan² 12.66°)
        //   = 0.2246 / 1.025 = 0.219, at range ≥ 425 · √(1/ty² + 1) ≥ 425 · √(1/0.2246² + 1) = 1939 mm.
        //   A floor ray: cos(incidence) = cos α, range = 3000 / cos α ≥ 3000, α ≤ the corner ray's 17.6° (cos α ≥ 0.953).
        //   Signal ∝ reflectance · cos(incidence) · cos⁴α / range²: a leaf ray ≤ 0.5 · 0.219 / 1939², a floor ray
        //   ≥ 0.3 · 0.953⁷ / 3000², so a leaf ray weighs at most 1.22 floor rays and the leaf's share of the signal is at
        //   most 24 · 1.22 / (24 · 1.22 + 104) = 22 %.
        //   The reading, a signal-weighted mean, is then ≥ 0.78 · 3000 + 0.22 · 1939 = 2766 mm; the bare floor reads
        //   3053 mm (radial), so the leaf moves the zone by less than 3053 − 2766 ≈ 290 mm.
        // Without the incidence term (every face returning as if seen face-on) the leaf's share is about 40 % and it moves
        // the zone by 330 mm (docs/simulator.md, Door; diagnosis of s35).
        var door = new DoorLeaf { WidthMillimeters = 900 };
        var scene = new Scene(1000, 3000, 900, [], door);
        door.AngleTrack = [Math.PI / 2];
        var floorOnly = new Scene(1000, 3000, 900, [], null);
        var model = new RasterZoneModel(27);
        double floor = model.Range(floorOnly, 1, 500), leaf = model.Range(scene, 1, 500);
        Assert.IsGreaterThan(2766, leaf);
        Assert.IsLessThan(290, floor - leaf, $"the open leaf moves zone 1 from {floor:F0} to {leaf:F0} mm");
        Assert.IsGreaterThan(0, floor - leaf, "the leaf still pulls the zone a little nearer");
    }

    [TestMethod]
    public void AVerticalFaceGrazed_ReturnsLessThanTheSameFaceSeenFromAbove()
    {
        // The open leaf's face (normal across, (0, 1)) met by the ray (0.1, −0.2, −1): cos(incidence) = 0.2 / √1.05. The
        // leaf's flat top met by the same ray returns cos = 1 / √1.05: the face returns 0.2 of what the top does. The post
        // stands for part of a flat leaf, so its side takes the leaf's normal, not its own round one's.
        var post = new SceneSolid(0.1 * 2250, -450, 25, 25, 2030, SolidKind.DoorLeaf, 0, 1);
        double depth = RasterZoneModel.HitDepth(3000, 0.1, -0.2, post, 3000);
        Assert.IsLessThan(3000, depth, "the ray meets the post");
        Assert.IsGreaterThan(3000 - 2030, depth, "below the leaf's top: its side");
        Assert.AreEqual(0.2 / Math.Sqrt(1.05), RasterZoneModel.IncidenceCosine(3000, 0.1, -0.2, post, depth), 1e-9);
        Assert.AreEqual(1 / Math.Sqrt(1.05), RasterZoneModel.IncidenceCosine(3000, 0.1, -0.2, post, 3000 - 2030), 1e-9, "its top");

        // A body part's side faces outward from its axis: a part centred 300 mm along, 100 mm round, 1700 mm high, met
        // by the ray (0.1, 0, −1) on its near wall at x = 200 (depth 2000, 400 mm up): normal (−1, 0, 0), cos = 0.1 / √1.01.
        var part = new SceneSolid(300, 0, 100, 100, 1700, SolidKind.BodyPart);
        Assert.AreEqual(2000, RasterZoneModel.HitDepth(2400, 0.1, 0, part, 2400), 1e-6);
        Assert.AreEqual(0.1 / Math.Sqrt(1.01), RasterZoneModel.IncidenceCosine(2400, 0.1, 0, part, 2000), 1e-9);
    }

    [TestMethod]
    public void AFlatTopOrACrownStraightBelow_ReturnsAsSeenFaceOn()
    {
        var post = new SceneSolid(0, 0, 25, 25, 2030, SolidKind.DoorLeaf, 1, 0);
        Assert.AreEqual(1, RasterZoneModel.IncidenceCosine(3000, 0, 0, post, 3000 - 2030), 1e-12, "a flat top");
        var head = new SceneSolid(0, 0, 98, 79, 1750, SolidKind.BodyPart);
        Assert.AreEqual(1, RasterZoneModel.IncidenceCosine(2400, 0, 0, head, RasterZoneModel.HitDepth(2400, 0, 0, head, 2400)), 1e-9,
            "a dome's crown");
        // Off the crown the dome tilts: at 0.6 of the half-width across (cap 79 mm = the half-width, a hemi-ellipsoid),
        // the normal leans 36.9° (sin = 0.6), so a vertical ray returns cos 36.9° = 0.8.
        var rim = head with { CentreY = 0.6 * 79 };
        double d = RasterZoneModel.HitDepth(2400, 0, 0, rim, 2400);
        Assert.AreEqual(0.8, RasterZoneModel.IncidenceCosine(2400, 0, 0, rim, d), 1e-3);
    }

    [TestMethod]
    public void TheBareFloor_ReadsItsCos6OverCos7Mean_WithinHalfAMillimetreOfTheReadingWithoutTheTerm()
    {
        // Floor ray at angle α off the axis: range h / cos α, signal ∝ cos α (incidence) · cos⁴α / range² ∝ cos⁷α, so the
        // zone reads h · Σ cos⁶α / Σ cos⁷α (without the incidence term: h · Σ cos⁵α / Σ cos⁶α). The floor's rays are all
        // within 18° of its normal, so the term barely moves it: a flat surface below reads as before.
        const double pitch = 27.0 / 16 * Math.PI / 180;
        foreach (int mount in new[] { 2200, 3000 })
        {
            double c5 = 0, c6 = 0, c7 = 0;
            for (int column = 8; column < 16; column++)
            {
                for (int row = 0; row < 16; row++)
                {
                    double tx = Math.Tan(-13.5 * Math.PI / 180 + (column + 0.5) * pitch), ty = Math.Tan(-13.5 * Math.PI / 180 + (row + 0.5) * pitch);
                    double cos = 1 / Math.Sqrt(1 + tx * tx + ty * ty);
                    c5 += Math.Pow(cos, 5);
                    c6 += Math.Pow(cos, 6);
                    c7 += Math.Pow(cos, 7);
                }
            }

            double reading = new RasterZoneModel(27).Range(new Scene(1000, mount, 900, [], null), 1, 500);
            Assert.AreEqual(mount * c6 / c7, reading, 0.01);
            Assert.AreEqual(mount * c5 / c6, reading, 0.5);
            Assert.IsLessThan(mount * (1 + TanHalf * TanHalf), reading);
        }
    }
}
