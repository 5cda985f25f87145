using EdgeSensor.Simulator.Population;
using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Sensors;

namespace EdgeSensor.Simulator.Tests.Physics;

/// <summary>
/// The footprint model and the door leaf: a flat slab makes a distance with its top edge only. Fully open, the 900 mm leaf
/// stands along the walking line with its inner face at |y| = 425 mm, which the zone's outermost rays (tan 13.5° = 0.2401)
/// first graze 1770 mm below the sensor at any mount; its top edge (2030 mm) is outside the pyramid below 3.8 m.
/// </summary>
[TestClass]
public sealed class DoorLeafFootprintTests
{
    private static readonly TofZoneGeometry[] Zones = TofZoneGeometry.TwoZones(27);

    [TestMethod]
    [DataRow(2800, 0)]
    [DataRow(2800, 1)]
    [DataRow(3000, 0)]
    [DataRow(3000, 1)]
    public void OpenLeafWithNobody_ReadsTheFloor(int mount, int zone)
    {
        // Before: 1770 mm from the sensor (1030 mm high at 2.8 m, 1230 mm at 3.0 m), a grazing corner of the leaf's face.
        Scene scene = WithLeaf(mount, Math.PI / 2);
        Assert.AreEqual(0, scene.HighestSurface(Zones[zone], 500), 1e-6);
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(1)]
    public void ChildUnderTheZoneBesideTheOpenLeaf_ReadsTheirHeadAt3m(int zone)
    {
        // A 1.1 m child as BodyFactory builds one (head 0.056 × 0.045 × stature semi-axes, shoulders at 0.82 × stature),
        // under the zone's centre (6.75° along: 1900 mm below the sensor at the head, x = ±225 mm).
        Body child = new(PopulationGroup.Child, 1100, 1.0,
            [new BodyPart(0, 0, 61.6, 49.5, 1100), new BodyPart(0, 0, 71.5, 132, 902)]);
        Scene scene = WithLeaf(3000, Math.PI / 2, TestScenes.Standing(1, child, zone == 0 ? -225 : 225, 0, 0, 1000));
        Assert.AreEqual(1100, scene.HighestSurface(Zones[zone], 500), 1e-6, "before: 1230, the leaf's grazed face");
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(1)]
    public void SeatedHeadUnderTheZoneBesideTheOpenLeaf_ReadsItsTopAt3m(int zone)
    {
        // A wheelchair user seated low: head top 1200 mm (BodyFactory draws 1300 ± 65), head 95 × 78 semi-axes, shoulders
        // 290 mm lower, the chair's wheels at 760 mm.
        Body seated = new(PopulationGroup.Wheelchair, 1200, 1.0,
            [new BodyPart(0, 0, 95, 78, 1200), new BodyPart(0, 0, 120, 235, 910), new BodyPart(-40, 0, 300, 330, 760)]);
        Scene scene = WithLeaf(3000, Math.PI / 2, TestScenes.Standing(1, seated, zone == 0 ? -215 : 215, 0, 0, 1000));
        Assert.AreEqual(1200, scene.HighestSurface(Zones[zone], 500), 1e-6, "before: 1230, the leaf's grazed face");
    }

    [TestMethod]
    [DataRow(2800)]
    [DataRow(3000)]
    public void SwingingLeaf_ItsTopEdgeCrossingThePyramid_IsStillSeen(int mount)
    {
        // Half open (45°): the leaf runs from the hinge (700, -450) to (64, 186) and crosses zone 1's pyramid at its top
        // (970 mm below a 3.0 m sensor the footprint is 0..233 mm along, ±233 mm across).
        Scene scene = WithLeaf(mount, Math.PI / 4);
        Assert.AreEqual(2030, scene.HighestSurface(Zones[1], 500), 1e-6);
    }

    [TestMethod]
    public void BodyPartBesideTheOpenLeaf_IsStillSeenLowerDownItsSide()
    {
        // Body parts keep the side rule (a rounded head's flank faces the sensor): a 1700 mm head-sized part whose near
        // edge is 200 mm out is inside zone 1 where depth × tan 13.5° >= 200 (833 mm below a 2.4 m sensor, 1567 mm high).
        Scene scene = WithLeaf(2400, Math.PI / 2, TestScenes.Standing(1, TestScenes.Block(1700), 300, 0, 0, 1000));
        Assert.AreEqual(2400 - 200 / Math.Tan(13.5 * Math.PI / 180), scene.HighestSurface(Zones[1], 500), 2);
    }

    private static Scene WithLeaf(int mount, double angle, params Person[] persons)
    {
        var door = new DoorLeaf { WidthMillimeters = 900 };
        var scene = new Scene(1000, mount, 900, persons, door);
        door.AngleTrack = Enumerable.Repeat(angle, 101).ToArray();
        return scene;
    }
}
