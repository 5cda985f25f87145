using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// A zone channel reports how far the still level it holds lies (what the held crossing compares across the two zones),
/// and nothing while it holds none.
/// </summary>
[TestClass]
public sealed class HeldStillLevelChannelTests
{
    private const int Mount = 3000;

    [TestMethod]
    public void PersonWhoStops_LeavesAStillLevelAtTheDistanceTheZoneReads()
    {
        var zone = new ZoneChannel(new CounterSettings { MountHeightMillimeters = Mount });
        var rng = new Random(5);
        long t = 0;
        for (int i = 0; i < 60; i++, t += 70)
        {
            zone.Process(t, Mount + rng.Next(-15, 16), 0);
        }

        Assert.IsTrue(zone.IsCalibrated);
        Assert.AreEqual(0, zone.StillLevelMillimeters, "an empty floor is no still level");

        // The head passes (1.4 m away), then the person stands: the zone settles on their blend with the floor, 2.2 m away.
        for (int i = 0; i < 8; i++, t += 70)
        {
            zone.Process(t, 1400 + rng.Next(-15, 16), 0);
        }

        for (int i = 0; i < 40; i++, t += 70)
        {
            zone.Process(t, 2200 + rng.Next(-15, 16), 0);
        }

        Assert.AreEqual(DetectorState.Background, zone.Detector.State);
        Assert.AreEqual(2200, zone.StillLevelMillimeters, 30);

        // They walk on: the floor again, and the level is gone.
        for (int i = 0; i < 20; i++, t += 70)
        {
            zone.Process(t, Mount + rng.Next(-15, 16), 0);
        }

        Assert.AreEqual(0, zone.StillLevelMillimeters);
    }
}
