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
