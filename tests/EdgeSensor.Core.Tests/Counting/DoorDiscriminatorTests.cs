using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>The door discriminator on hand-made target pairs (figures from traced raster-model door scenes).</summary>
[TestClass]
public sealed class DoorDiscriminatorTests
{
    private static readonly DoorDiscriminator Door = new(new CounterSettings { MountHeightMillimeters = 2800, InsideZone = 1 });

    [TestMethod]
    public void LeafEnteringInTurnButSettlingInOneReadCycle_IsADoor()
    {
        // Swung in 0.6 s apart, stopped 36 ms apart: one rigid leaf coming to rest in both zones.
        Assert.IsTrue(Door.IsDoor(Target(4209, 4857, 1194, 1601), Target(3525, 4893, 987, 1821)));
    }

    [TestMethod]
    public void WalkerLeavingTheZonesByTheLagTheyEnteredWith_IsNoDoor()
    {
        Assert.IsFalse(Door.IsDoor(Target(3000, 3700, 1100, 1700), Target(3300, 4000, 1120, 1680)));
    }

    [TestMethod]
    public void SplitOffTailConfirmedInTheCycleAnotherBodyAppeared_IsNoDoor()
    {
        // RayScene queue of two wheelchairs at 3.0 m: the first chair's tail splits off in zone 1 (valley top 5973 ms,
        // confirmed 6045 ms) as the second chair appears in zone 0 (6081 ms). A split's onset is a confirmation, not an
        // appearance, so it says nothing about both zones seeing something appear at once.
        TargetSummary tail = Target(6045, 6189, 1943, 1067);
        tail.StartMs = 5973;
        tail.Origin = TargetOrigin.ValleySplit;
        tail.Samples = 3;
        Assert.IsFalse(Door.IsDoor(Target(6081, 6729, 2033, 968), tail));
    }

    [TestMethod]
    public void CoresInOneReadCycle_TellALeafOnlyWhereAHeadTakesLongerToCrossTheZones()
    {
        // A leaf's top edge at rest under a 2.8 m mount reads about 1.1 m away: a head that near the sensor takes 165 ms at a
        // brisk 1.6 m/s to pass from one zone into the other, more than three readings (115 ms).
        Assert.IsTrue(Door.StepOutlastsReadCycle(1100));

        // Under a 2.5 m mount it reads about 0.6 m away, as near as a tall walker's crown: 90 ms, within a read cycle.
        Assert.IsFalse(Door.StepOutlastsReadCycle(600));
    }

    private static TargetSummary Target(long onset, long end, int nearest, int height) => new()
    {
        StartMs = onset,
        OnsetMs = onset,
        EndMs = end,
        NearestMillimeters = nearest,
        FarthestCoreMillimeters = nearest + 400,
        HeightMillimeters = height,
        Samples = 10,
    };
}
