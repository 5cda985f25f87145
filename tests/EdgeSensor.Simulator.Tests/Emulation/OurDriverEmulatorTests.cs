using EdgeSensor.Core.Drivers.Vl53l1x;
using EdgeSensor.Simulator.Emulation;
using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Sensors;
using EdgeSensor.Simulator.Tests.Physics;

namespace EdgeSensor.Simulator.Tests.Emulation;

[TestClass]
public sealed class OurDriverEmulatorTests
{
    [TestMethod]
    public void Emulator_BootsAfter1_2Milliseconds()
    {
        var clock = new SimulatedClock();
        var sensor = new Vl53l1xSensor(new I2cDeviceBus(new Vl53l1xEmulator(TestScenes.Of(1000), new TofSensorOptions(), 1, clock)));
        Assert.IsTrue(sensor.TryIsBooted(out bool booted));
        Assert.IsFalse(booted);
        clock.Advance(1.2);
        Assert.IsTrue(sensor.TryIsBooted(out booted));
        Assert.IsTrue(booted);
    }

    [TestMethod]
    public void Ranger_ProgramsWhatItWasAsked()
    {
        var harness = new OurDriverHarness(TestScenes.Of(10_000), 1);
        harness.Start(new RangingCase("x", () => TestScenes.Of(10_000), 50, 8, 16, 167, 231));
        harness.Next();
        Assert.AreEqual(50, harness.Emulator.TimingBudgetMilliseconds);
        Assert.AreEqual(54, harness.Emulator.InterMeasurementMilliseconds, 0.01);
        Assert.AreEqual(DistanceMode.Long, harness.Emulator.DistanceMode);
    }

    [TestMethod]
    public void Readings_ComeOneBudgetApart_FromTheStart()
    {
        var harness = new OurDriverHarness(TestScenes.Of(10_000), 1);
        harness.Start(new RangingCase("x", () => TestScenes.Of(10_000), 33, 8, 16, 167, 231));
        double started = harness.Clock.NowMilliseconds;
        Reading first = harness.Next(), second = harness.Next();
        Assert.AreEqual(started + 33, first.TimeMs, 2, "the first range ends one budget after the start");
        Assert.AreEqual(37, second.TimeMs - first.TimeMs, 1.01, "the inter-measurement period (budget + 4 ms) from start to start");
    }

    [TestMethod]
    public void WalkingIn_IsSeenByZone0_BeforeZone1()
    {
        // A 1700 mm block walking from outside (x = -1500) to inside (x = +1500) in 3 s.
        Scene scene = TestScenes.Of(5000, TestScenes.Walking(1, TestScenes.Block(1700), -1500, 1500, 500, 3500));
        var harness = new OurDriverHarness(scene, 3);
        harness.Start(new RangingCase("walk", () => scene, 33, 8, 16, 167, 231));
        double[] firstSeen = [double.NaN, double.NaN];
        for (int i = 0; i < 120; i++)
        {
            Reading r = harness.Next();
            if (r.Status == TofRangeStatus.Valid && r.DistanceMillimeters < 1500 && double.IsNaN(firstSeen[r.Zone]))
            {
                firstSeen[r.Zone] = r.TimeMs;
            }
        }

        Assert.IsFalse(double.IsNaN(firstSeen[0]) || double.IsNaN(firstSeen[1]), "both zones saw the head");
        Assert.IsLessThan(firstSeen[1], firstSeen[0], "outside zone first");
    }

    [TestMethod]
    public void ABusErrorOnTheEmulator_IsAnInvalidStatus_NeverADistance()
    {
        var harness = new OurDriverHarness(TestScenes.Of(10_000), 1);
        harness.Start(new RangingCase("x", () => TestScenes.Of(10_000), 33, 8, 16, 167, 231));
        harness.Next();
        harness.Emulator.FailNextTransactions = 1000;
        Reading r = harness.Next();
        Assert.AreEqual((int)Vl53l1xRangeStatus.BusError, r.Status);
        Assert.AreEqual(0, r.DistanceMillimeters);
        harness.Emulator.FailNextTransactions = 0;
        for (int i = 0; i < 4; i++)
        {
            r = harness.Next();
        }

        Assert.AreEqual(TofRangeStatus.Valid, r.Status, "ranging resumes once the bus is back");
    }

    [TestMethod]
    public void Emulator_DropsNoResult_WhileTheHostHasNotCleared()
    {
        var clock = new SimulatedClock();
        var emulator = new Vl53l1xEmulator(TestScenes.Of(10_000), new TofSensorOptions(), 1, clock);
        var sensor = new Vl53l1xSensor(new I2cDeviceBus(emulator));
        clock.Advance(2);
        Assert.IsTrue(sensor.TryWriteDefaultConfiguration());
        Assert.IsTrue(sensor.TrySetTimingBudget(33));
        Assert.IsTrue(sensor.TryStartRanging());
        clock.Advance(500);
        Assert.IsTrue(emulator.InterruptLine);
        Assert.AreEqual(1L, emulator.RangesCompleted, "the device waits for the clear before the next range");
        Assert.IsTrue(sensor.TryClearInterrupt());
        clock.Advance(33);
        Assert.AreEqual(2L, emulator.RangesCompleted);
    }
}
