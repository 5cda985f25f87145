using EdgeSensor.Simulator.Emulation;
using EdgeSensor.Simulator.Sensors;
using EdgeSensor.Simulator.Tests.Physics;
using Iot.Device.Vl53L1X;

namespace EdgeSensor.Simulator.Tests.Emulation;

/// <summary>dotnet/iot's VL53L1X binding, which nobody here wrote, initialises and configures the emulator.</summary>
[TestClass]
public sealed class IotBindingTests
{
    [TestMethod]
    public void Binding_Initialises_AndReadsBackWhatItProgrammed()
    {
        var clock = new SimulatedClock();
        var emulator = new Vl53l1xEmulator(TestScenes.Of(10_000), new TofSensorOptions(), 1, clock);
        clock.Advance(2);

        using var sensor = new Vl53L1X(emulator, 500, false);
        Assert.AreEqual(BootState.Booted, sensor.BootState);
        Assert.AreEqual((ushort)0xEACC, sensor.SensorId);

        sensor.Precision = Precision.Long;
        sensor.TimingBudgetInMs = TimingBudget.Budget50;
        sensor.InterMeasurementInMs = 60;
        sensor.Roi = new Roi(8, 16);
        sensor.RoiCenter = 231;

        Assert.AreEqual(Precision.Long, sensor.Precision);
        Assert.AreEqual(TimingBudget.Budget50, sensor.TimingBudgetInMs);
        Assert.AreEqual(8, sensor.Roi.Width);
        Assert.AreEqual(16, sensor.Roi.Height);
        Assert.AreEqual((byte)231, sensor.RoiCenter);
        // Not checked: the inter-measurement period. The binding reads RESULT__OSC_CALIBRATE_VAL as 32 bits (0xDE..0xE1)
        // where ST's driver reads 16, so it scales by registers 0xE0..0xE1 instead (0 here); our driver's period is
        // checked in OurDriverEmulatorTests.

        sensor.StartRanging();
        Assert.IsTrue(sensor.IsRangingActive);
        clock.Advance(49);
        Assert.IsFalse(emulator.InterruptLine, "not before one 50 ms budget");
        clock.Advance(1);
        Assert.IsTrue(emulator.InterruptLine);
        Assert.AreEqual(50, emulator.TimingBudgetMilliseconds);
        Assert.AreEqual(2400, sensor.GetDistance().Millimeters, 150, "the floor");
        Assert.AreEqual(RangeStatus.NoError, sensor.RangeStatus);
        Assert.IsFalse(emulator.InterruptLine, "the read cleared the interrupt");
    }

    [TestMethod]
    public void Binding_ShortMode_IsDecodedByTheEmulator()
    {
        var clock = new SimulatedClock();
        var emulator = new Vl53l1xEmulator(TestScenes.Of(10_000), new TofSensorOptions(), 1, clock);
        clock.Advance(2);
        using var sensor = new Vl53L1X(emulator, 500, false);
        sensor.Precision = Precision.Short;
        sensor.TimingBudgetInMs = TimingBudget.Budget20;
        sensor.StartRanging();
        clock.Advance(25);
        Assert.AreEqual(Iot.Device.Vl53L1X.Precision.Short, sensor.Precision);
        Assert.AreEqual(EdgeSensor.Core.Drivers.Vl53l1x.DistanceMode.Short, emulator.DistanceMode);
        Assert.AreEqual(20, emulator.TimingBudgetMilliseconds);
    }
}
