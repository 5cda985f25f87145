using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// A door leaf standing open at the edge of a zone's footprint can hold the zone's reading at a still level just nearer
/// than the enter threshold, while the rest of the leaf holds the other zone at a shallow still level too. That level is
/// part of the scene, like one an empty zone settles on: the zone takes it for its floor instead of holding a long low
/// target through which the leaf's closing sweep would later pass unseen. A person standing in one zone does not leave
/// the other zone so near its floor.
/// </summary>
[TestClass]
public sealed class DoorClosingDetectorTests
{
    private const int Mount = 3000;

    [TestMethod]
    public void LevelJustInsideTheEnterThreshold_HeldForSeconds_WhileTheOtherZoneHoldsTheLeaf_BecomesTheFloor()
    {
        var (zone, rng, t) = Calibrated();
        int enterBelow = zone.Detector.EnterBelowMillimeters;
        zone.Detector.PeerHoldsStillLevel = true;

        // The leaf's tip stands at the footprint's edge: 20 mm nearer than the enter threshold, for 3 s.
        for (int i = 0; i < 43; i++, t += 70)
        {
            zone.Process(t, enterBelow - 20 + rng.Next(-15, 16), 0);
        }

        Assert.IsFalse(zone.Detector.HasTarget, "a level held since its rise, with the leaf in the other zone, is no target");
        Assert.AreEqual(enterBelow - 20, zone.BaselineMillimeters, 30, "the zone took the level for its floor");
    }

    [TestMethod]
    public void LevelJustInsideTheEnterThreshold_WithoutAStillLevelInTheOtherZone_StaysATarget()
    {
        var (zone, rng, t) = Calibrated();
        int enterBelow = zone.Detector.EnterBelowMillimeters;
        int floor = zone.BaselineMillimeters;
        zone.Detector.PeerHoldsStillLevel = false;

        // The same level for 3 s, but the other zone is empty: a person may be standing at this zone's edge.
        var events = new List<ZoneEvent>();
        for (int i = 0; i < 43; i++, t += 70)
        {
            events.Add(zone.Process(t, enterBelow - 20 + rng.Next(-15, 16), 0));
        }

        CollectionAssert.DoesNotContain(events, ZoneEvent.Cancel);
        Assert.IsTrue(zone.Detector.HasTarget);
        Assert.AreEqual(floor, zone.BaselineMillimeters);
    }

    [TestMethod]
    public void ShallowBodyPassingInUnderASecond_StaysATarget()
    {
        var (zone, rng, t) = Calibrated();
        int enterBelow = zone.Detector.EnterBelowMillimeters;
        zone.Detector.PeerHoldsStillLevel = true;

        // A child's shallow blend: 0.8 s at a level just inside the threshold, then the floor.
        var events = new List<ZoneEvent>();
        for (int i = 0; i < 12; i++, t += 70)
        {
            events.Add(zone.Process(t, enterBelow - 40 + rng.Next(-15, 16), 0));
        }

        for (int i = 0; i < 10; i++, t += 70)
        {
            events.Add(zone.Process(t, Mount + rng.Next(-15, 16), 0));
        }

        CollectionAssert.DoesNotContain(events, ZoneEvent.Cancel);
        CollectionAssert.Contains(events, ZoneEvent.Fall);
        Assert.AreEqual(TargetOrigin.Floor, zone.FinishedTarget.Origin);
    }

    private static (ZoneChannel Zone, Random Rng, long T) Calibrated()
    {
        var zone = new ZoneChannel(new CounterSettings { MountHeightMillimeters = Mount });
        var rng = new Random(7);
        long t = 0;
        for (int i = 0; i < 60; i++, t += 70)
        {
            zone.Process(t, Mount + rng.Next(-15, 16), 0);
        }

        Assert.IsTrue(zone.IsCalibrated);
        return (zone, rng, t);
    }
}
