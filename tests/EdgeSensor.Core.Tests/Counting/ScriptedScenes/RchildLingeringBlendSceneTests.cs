using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// A child lingering at the edge of a zone mounted high reads as a blend that flickers between the floor and a little
/// nearer, never a level of its own. The empty zone must not take one stray reading of that blend for a new floor: a
/// floor left a child's depth too near hides the next children who pass under it. A real new floor (a cabinet taken away)
/// holds all its readings at its level and is still taken.
/// </summary>
[TestClass]
public sealed class RchildLingeringBlendSceneTests
{
    private const int Mount = 2500;
    private const int Noise = 45;
    private const long SampleMs = 70;

    // The floor's readings over one cycle (mm farther than the floor; 1 sigma ~ 45 mm), and the child's blend at the edge:
    // 70 mm nearer on average, flickering between nearly the floor and 2.7 sigma nearer, never three readings deep enough
    // for a weak dip.
    private static readonly int[] FloorCycle = { -60, 20, -25, 55, 0, -40, 35, -10, 60, -55, 15, -30, 45, -5, 25, -45 };
    private static readonly int[] BlendCycle = { -30, -100, -50, -120, -20, -90, -60, -110 };

    [TestMethod]
    public void ChildLingeringAtTheEdge_LeavesTheFloorWhereItWas_AndTheNextChildIsSeen()
    {
        var zone = new ZoneChannel(new CounterSettings { MountHeightMillimeters = Mount });
        long t = FeedCycle(zone, 0, FloorCycle, 96);
        Assert.IsTrue(zone.IsCalibrated);
        int floor = zone.BaselineMillimeters;

        // The child steps to the footprint's edge (one reading 150 mm nearer), lingers for 2.1 s, and one reading of the
        // blend strays 180 mm nearer (past the exit delta) before the child walks away.
        zone.Process(t, Mount - 150, 0);
        t += SampleMs;
        t = FeedCycle(zone, t, BlendCycle, 30);
        zone.Process(t, Mount - 180, 0);
        t += SampleMs;
        t = FeedCycle(zone, t, FloorCycle, 32);

        Assert.IsFalse(zone.IsOccupied, "the blend never built a target");
        Assert.AreEqual(floor, zone.BaselineMillimeters, 20, "a flickering blend is no new floor");

        // The next child walks through: 0.6 s of a blend 200 mm nearer than the floor (4.4 sigma).
        bool rose = false;
        for (int i = 0; i < 9; i++, t += SampleMs)
        {
            rose |= zone.Process(t, Mount - 200 + FloorCycle[i] / 2, 0) == ZoneEvent.Rise;
        }

        Assert.IsTrue(rose, "the next child under the zone is seen");
    }

    [TestMethod]
    public void CabinetTakenAway_TheFloorBehindItIsTaken()
    {
        // A low cabinet 400 mm high stands under the zone at boot, and is taken away: every reading now at the floor, 400 mm farther.
        var zone = new ZoneChannel(new CounterSettings { MountHeightMillimeters = Mount });
        long t = FeedCycle(zone, 0, FloorCycle, 64, Mount - 400);
        Assert.AreEqual(Mount - 400, zone.BaselineMillimeters, Noise);

        FeedCycle(zone, t, FloorCycle, 64);

        Assert.AreEqual(1, zone.Rebaselines, $"floor {zone.BaselineMillimeters}, occupied {zone.IsOccupied}");
        Assert.AreEqual(Mount, zone.BaselineMillimeters, 3 * Noise);
        Assert.IsFalse(zone.IsOccupied);
    }

    private static long FeedCycle(ZoneChannel zone, long t, int[] cycle, int samples)
    {
        return FeedCycle(zone, t, cycle, samples, Mount);
    }

    private static long FeedCycle(ZoneChannel zone, long t, int[] cycle, int samples, int floor)
    {
        for (int i = 0; i < samples; i++, t += SampleMs)
        {
            zone.Process(t, floor + cycle[i % cycle.Length], 0);
        }

        return t;
    }
}
