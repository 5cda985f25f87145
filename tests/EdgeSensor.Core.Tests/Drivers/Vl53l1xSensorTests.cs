using EdgeSensor.Core.Drivers.Vl53l1x;

namespace EdgeSensor.Core.Tests.Drivers;

[TestClass]
public sealed class Vl53l1xSensorTests
{
    [TestMethod]
    public void DefaultConfiguration_Is91BytesAt0x2D_InOneTransaction()
    {
        var bus = ScriptedRegisterBus.BootedDevice();
        var sensor = new Vl53l1xSensor(bus);

        Assert.IsTrue(sensor.TryWriteDefaultConfiguration());

        Assert.HasCount(1, bus.Writes);
        Assert.AreEqual(0x2D, bus.Writes[0].Index);
        Assert.HasCount(91, bus.Writes[0].Data);
        Assert.AreEqual(0xC7, bus.Registers[0x7F], "ROI centre 199");
        Assert.AreEqual(0xFF, bus.Registers[0x80], "ROI 16 × 16");
        Assert.AreEqual(0x00, bus.Registers[0x87], "ranging stopped");
        Assert.AreEqual(0x01, bus.Registers[0x30], "interrupt active high");
        Assert.AreEqual(0x0A, bus.Registers[0x4B], "long distance mode");
    }

    [TestMethod]
    public void Boot_IsBit0OfFirmwareSystemStatus()
    {
        var bus = new ScriptedRegisterBus();
        var sensor = new Vl53l1xSensor(bus);
        Assert.IsTrue(sensor.TryIsBooted(out bool booted));
        Assert.IsFalse(booted);
        bus.Registers[0xE5] = 0x01;
        Assert.IsTrue(sensor.TryIsBooted(out booted));
        Assert.IsTrue(booted);
        Assert.AreEqual((0xE5, 1), bus.Reads[^1]);
    }

    [TestMethod]
    public void ModelId_IsRead16BitsBigEndian()
    {
        var sensor = new Vl53l1xSensor(ScriptedRegisterBus.BootedDevice());
        Assert.IsTrue(sensor.TryReadModelId(out int id));
        Assert.AreEqual(Vl53l1xSensor.ExpectedModelId, id);
    }

    [TestMethod]
    [DataRow(DistanceMode.Long, 33, 0x0060, 0x006E)]
    [DataRow(DistanceMode.Long, 100, 0x01CC, 0x01EA)]
    [DataRow(DistanceMode.Short, 15, 0x001D, 0x0027)]
    [DataRow(DistanceMode.Short, 33, 0x00D6, 0x006E)]
    public void TimingBudget_WritesTheModesTimeouts(DistanceMode mode, int budget, int a, int b)
    {
        var bus = ScriptedRegisterBus.BootedDevice();
        var sensor = new Vl53l1xSensor(bus);
        Assert.IsTrue(sensor.TrySetDistanceMode(mode));
        Assert.IsTrue(sensor.TrySetTimingBudget(budget));
        Assert.AreEqual(a, bus.Word(0x5E));
        Assert.AreEqual(b, bus.Word(0x61));
        Assert.AreEqual(budget, Vl53l1xSensor.TimingBudgetFromTimeoutA(mode, (ushort)a));
    }

    [TestMethod]
    public void TimingBudget_Of15_IsRejectedInLongMode()
    {
        var sensor = new Vl53l1xSensor(ScriptedRegisterBus.BootedDevice());
        Assert.IsTrue(sensor.TrySetDistanceMode(DistanceMode.Long));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => sensor.TrySetTimingBudget(15));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => sensor.TrySetTimingBudget(34));
    }

    [TestMethod]
    public void DistanceMode_Short_WritesStsShortModeRegisters()
    {
        var bus = ScriptedRegisterBus.BootedDevice();
        Assert.IsTrue(new Vl53l1xSensor(bus).TrySetDistanceMode(DistanceMode.Short));
        Assert.AreEqual(0x14, bus.Registers[0x4B]);
        Assert.AreEqual(0x07, bus.Registers[0x60]);
        Assert.AreEqual(0x05, bus.Registers[0x63]);
        Assert.AreEqual(0x38, bus.Registers[0x69]);
        Assert.AreEqual(0x0705, bus.Word(0x78));
        Assert.AreEqual(0x0606, bus.Word(0x7A));
    }

    [TestMethod]
    public void InterMeasurement_IsMillisecondsTimesClockTimes1075Thousandths()
    {
        var bus = ScriptedRegisterBus.BootedDevice();
        bus.SetWord(0xDE, 0xFC00 | 0x0123); // only bits 9..0 count
        Assert.IsTrue(new Vl53l1xSensor(bus).TrySetInterMeasurement(37));
        uint ticks = (uint)((bus.Registers[0x6C] << 24) | (bus.Registers[0x6D] << 16) | (bus.Registers[0x6E] << 8) | bus.Registers[0x6F]);
        Assert.AreEqual((uint)(0x0123 * 37 * 1075 / 1000), ticks);
    }

    [TestMethod]
    public void DataReady_FollowsTheInterruptPolarity()
    {
        var bus = ScriptedRegisterBus.BootedDevice();
        var sensor = new Vl53l1xSensor(bus);
        Assert.IsTrue(sensor.TryWriteDefaultConfiguration());
        bus.Registers[0x31] = 0x02;
        Assert.IsTrue(sensor.TryIsDataReady(out bool ready));
        Assert.IsFalse(ready, "bit 1 alone is not data ready");
        bus.Registers[0x31] = 0x03;
        Assert.IsTrue(sensor.TryIsDataReady(out ready));
        Assert.IsTrue(ready);
    }

    [TestMethod]
    [DataRow(9, Vl53l1xRangeStatus.Valid)]
    [DataRow(6, Vl53l1xRangeStatus.SigmaFail)]
    [DataRow(4, Vl53l1xRangeStatus.SignalFail)]
    [DataRow(8, Vl53l1xRangeStatus.MinRangeClipped)]
    [DataRow(5, Vl53l1xRangeStatus.OutOfBounds)]
    [DataRow(3, Vl53l1xRangeStatus.HardwareFail)]
    [DataRow(19, Vl53l1xRangeStatus.NoWrapCheckFail)]
    [DataRow(7, Vl53l1xRangeStatus.WrapAround)]
    [DataRow(12, Vl53l1xRangeStatus.CrosstalkSignalFail)]
    [DataRow(18, Vl53l1xRangeStatus.Synchronisation)]
    [DataRow(22, Vl53l1xRangeStatus.MergedPulse)]
    [DataRow(23, Vl53l1xRangeStatus.LackOfSignal)]
    [DataRow(13, Vl53l1xRangeStatus.MinRangeFail)]
    [DataRow(0, Vl53l1xRangeStatus.Unknown)]
    [DataRow(0xE9, Vl53l1xRangeStatus.Valid)] // only bits 4..0 are the status
    public void Result_MapsTheRawStatusAsStsTable(int raw, Vl53l1xRangeStatus expected)
    {
        var bus = ScriptedRegisterBus.BootedDevice();
        bus.Latch(raw, 1234);
        Assert.IsTrue(new Vl53l1xSensor(bus).TryReadResult(out int distance, out Vl53l1xRangeStatus status));
        Assert.AreEqual(expected, status);
        Assert.AreEqual(1234, distance);
        Assert.AreEqual((0x89, 15), bus.Reads[^1], "status and distance in one transaction");
    }

    [TestMethod]
    public void Result_OnABusError_IsNoDistance()
    {
        var bus = ScriptedRegisterBus.BootedDevice();
        bus.Latch(9, 1234);
        bus.FailWhen = (_, _) => true;
        Assert.IsFalse(new Vl53l1xSensor(bus).TryReadResult(out int distance, out Vl53l1xRangeStatus status));
        Assert.AreEqual(0, distance);
        Assert.AreEqual(Vl53l1xRangeStatus.BusError, status);
    }

    [TestMethod]
    public void StartRanging_ClearsTheInterruptFirst()
    {
        var bus = ScriptedRegisterBus.BootedDevice();
        Assert.IsTrue(new Vl53l1xSensor(bus).TryStartRanging());
        CollectionAssert.AreEqual(new[] { 0x86, 0x87 }, bus.Writes.Select(w => w.Index).ToArray());
        Assert.AreEqual(0x40, bus.Registers[0x87]);
    }
}
