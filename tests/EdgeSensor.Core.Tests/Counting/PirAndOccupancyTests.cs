using EdgeSensor.Core.Counting;
using EdgeSensor.Core.Filtering;
using EdgeSensor.Core.Reports;

namespace EdgeSensor.Core.Tests.Counting;

[TestClass]
public sealed class PirAndOccupancyTests
{
    [TestMethod]
    public void PirOnly_NeverCounts_ReportsPresenceAndActivity()
    {
        var counter = new PeopleCounter(new CounterSettings { TofFitted = false });
        Assert.AreEqual(CalibrationState.PirOnly, counter.CalibrationState);

        // Even ToF-looking samples of someone crossing are ignored: a PIR-only device never fakes a count.
        var scene = new SceneGenerator();
        scene.Walk(SceneGenerator.Adult(), 3000, -2500, 2500, 1.3);
        foreach (var s in scene.Run(9000, 1))
        {
            Assert.AreEqual(CrossingKind.None, counter.AddTofSample(s.TimeMs, s.Zone, s.DistanceMillimeters, s.RangeStatus));
        }

        counter.AddPirSample(4000, 0, 1);
        Assert.IsTrue(counter.PresenceDetected);
        counter.AddPirSample(7500, 0, 0);
        Assert.IsFalse(counter.PresenceDetected);
        counter.Tick(10000);

        Assert.AreEqual(0, counter.Entries);
        Assert.AreEqual(0, counter.Exits);
        Assert.AreEqual(0, counter.Occupancy);
        Assert.AreEqual(0L, counter.TotalTofSamples);
        Assert.AreEqual(3500L, counter.PirActiveMilliseconds);
        Assert.AreEqual(1L, counter.PirMotionOnsets);
        Assert.AreEqual(CalibrationState.PirOnly, counter.CalibrationState);
    }

    [TestMethod]
    public void PirActiveTime_GrowsWhileHigh_AndUnionsChannels()
    {
        var pir = new PirPresence(2000);
        pir.Add(1000, 0, 1);
        pir.Advance(1500);
        Assert.AreEqual(500L, pir.ActiveMilliseconds);
        pir.Add(1800, 1, 1);      // overlapping second sensor
        pir.Add(3000, 0, 0);
        Assert.IsTrue(pir.Active);
        pir.Add(4000, 1, 0);
        Assert.IsFalse(pir.Active);
        Assert.AreEqual(3000L, pir.ActiveMilliseconds); // 1000..4000, overlap counted once
        Assert.AreEqual(4000L, pir.QuietSince);
        pir.Add(4500, 1, 0);      // repeated low: no change
        Assert.AreEqual(3000L, pir.ActiveMilliseconds);
    }

    [TestMethod]
    public void AddPirSample_BadChannel_Throws()
    {
        var counter = new PeopleCounter(new CounterSettings());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => counter.AddPirSample(0, PirPresence.MaxChannels, 1));
    }

    [TestMethod]
    public void Occupancy_ExitsBeforeEntries_NeverNegative()
    {
        var scene = new SceneGenerator();
        scene.Walk(SceneGenerator.Adult(), 3000, 2500, -2500, 1.3);   // exit
        scene.Walk(SceneGenerator.Adult(), 9000, 2500, -2500, 1.3);   // exit
        scene.Walk(SceneGenerator.Adult(), 15000, -2500, 2500, 1.3);  // entry
        var counter = new PeopleCounter(new CounterSettings());
        int lowest = int.MaxValue;
        foreach (var s in scene.Run(21000, 2))
        {
            counter.AddTofSample(s.TimeMs, s.Zone, s.DistanceMillimeters, s.RangeStatus);
            lowest = Math.Min(lowest, counter.Occupancy);
        }

        counter.Tick(21400);
        Assert.AreEqual(2, counter.Exits);
        Assert.AreEqual(1, counter.Entries);
        Assert.AreEqual(0, lowest);
        Assert.AreEqual(1, counter.Occupancy);
    }

    [TestMethod]
    public void Occupancy_DriftReset_WhenToFAndPirAgreeEmptyLongEnough()
    {
        var settings = new CounterSettings { EmptyResetMilliseconds = 60000 };
        var scene = new SceneGenerator();
        for (int i = 0; i < 3; i++)
        {
            scene.Walk(SceneGenerator.Adult(), 3000 + i * 5000, -2500, 2500, 1.3);
        }

        var counter = new PeopleCounter(settings);
        counter.AddPirSample(0, 0, 0);
        counter.AddPirSample(3000, 0, 1);
        CounterHarness.Feed(counter, scene.Run(20000, 4));
        counter.AddPirSample(20000, 0, 0);
        Assert.AreEqual(3, counter.Occupancy);

        // PIR motion at 50 s restarts the quiet period; the reset comes 60 s after the last evidence of anyone.
        counter.Tick(50000);
        counter.AddPirSample(50000, 0, 1);
        counter.AddPirSample(52500, 0, 0);
        counter.Tick(110000);
        Assert.AreEqual(3, counter.Occupancy);
        counter.Tick(112600);
        Assert.AreEqual(0, counter.Occupancy);
        Assert.AreEqual(1, counter.OccupancyDriftResets);
        Assert.AreEqual(3, counter.Entries, "the counts themselves are never rewritten");
    }

    [TestMethod]
    public void Occupancy_NoPirFitted_NoDriftReset()
    {
        var scene = new SceneGenerator();
        scene.Walk(SceneGenerator.Adult(), 3000, -2500, 2500, 1.3);
        var counter = new PeopleCounter(new CounterSettings { EmptyResetMilliseconds = 10000 });
        CounterHarness.Feed(counter, scene.Run(9000, 5));
        counter.Tick(500000);
        Assert.AreEqual(1, counter.Occupancy);
    }

    [TestMethod]
    public void Presence_FollowsToFOccupancy()
    {
        var scene = new SceneGenerator();
        scene.Actors.Add(new Actor(SceneGenerator.Adult()).At(3000, -2500).MoveTo(0, 1.3).Wait(3000).MoveTo(2500, 1.3));
        var counter = new PeopleCounter(new CounterSettings());
        bool seen = false;
        foreach (var s in scene.Run(12000, 6))
        {
            counter.AddTofSample(s.TimeMs, s.Zone, s.DistanceMillimeters, s.RangeStatus);
            if (s.TimeMs > 6000 && s.TimeMs < 7500)
            {
                seen |= counter.PresenceDetected;
            }
        }

        Assert.IsTrue(seen);
        Assert.IsFalse(counter.PresenceDetected);
    }
}
