using EdgeSensor.Core.Drivers.Vl53l1x;

namespace EdgeSensor.Core.Tests.Drivers;

[TestClass]
public sealed class Vl53l1xZoneRangerTests
{
    [TestMethod]
    public void Boot_WaitsForTheBootState_ThenConfiguresAndStarts()
    {
        var bus = ScriptedRegisterBus.BootedDevice();
        bus.Registers[0xE5] = 0;
        var ranger = new Vl53l1xZoneRanger(new Vl53l1xSensor(bus), new ZoneRangerSettings());

        Assert.IsFalse(ranger.TryRead(0, out _, out _, out _));
        Assert.IsFalse(ranger.TryRead(1, out _, out _, out _));
        Assert.AreEqual(ZoneRangerState.Booting, ranger.State);
        Assert.IsEmpty(bus.Writes, "nothing is written before the device has booted");

        bus.Registers[0xE5] = 1;
        Assert.IsFalse(ranger.TryRead(2, out _, out _, out _));
        Assert.AreEqual(ZoneRangerState.Calibrating, ranger.State);
        Assert.AreEqual(0x2D, bus.Writes[0].Index, "the default configuration first");
        Assert.AreEqual(0x40, bus.Registers[0x87], "then a first range (VHV calibration)");

        bus.Latch(9, 2400);
        Assert.IsFalse(ranger.TryRead(40, out _, out _, out _), "the calibration range is not a reading");
        Assert.AreEqual(ZoneRangerState.Ranging, ranger.State);
        Assert.AreEqual(0x09, bus.Registers[0x08], "VHV: two bounds");
        Assert.AreEqual(0x0060, bus.Word(0x5E), "33 ms in long mode");
        Assert.AreEqual(0xF7, bus.Registers[0x80], "8 × 16 ROI");
        Assert.AreEqual(167, bus.Registers[0x7F], "zone 0 first");
        Assert.AreEqual(0x40, bus.Registers[0x87], "ranging");
    }

    [TestMethod]
    public void Boot_GivesUp_AfterTheTimeout()
    {
        var bus = new ScriptedRegisterBus();
        var ranger = new Vl53l1xZoneRanger(new Vl53l1xSensor(bus), new ZoneRangerSettings { BootTimeoutMilliseconds = 100 });
        for (long t = 0; t <= 200; t += 10)
        {
            Assert.IsFalse(ranger.TryRead(t, out _, out _, out _));
        }

        Assert.AreEqual(ZoneRangerState.Failed, ranger.State);
        Assert.AreEqual(ZoneRangerFailure.BootTimeout, ranger.Failure);
    }

    [TestMethod]
    public void Boot_GivesUp_WhenTheBusKeepsFailing()
    {
        var bus = ScriptedRegisterBus.BootedDevice();
        bus.FailWhen = (index, _) => index != 0xE5;
        var ranger = new Vl53l1xZoneRanger(new Vl53l1xSensor(bus), new ZoneRangerSettings { BootTimeoutMilliseconds = 100 });
        for (long t = 0; t <= 200; t += 10)
        {
            Assert.IsFalse(ranger.TryRead(t, out _, out _, out _));
        }

        Assert.AreEqual(ZoneRangerFailure.BootTimeout, ranger.Failure);
        Assert.IsGreaterThan(10L, ranger.BusErrors);
        ranger.Restart();
        bus.FailWhen = null;
        ranger.TryRead(300, out _, out _, out _);
        Assert.AreEqual(ZoneRangerState.Calibrating, ranger.State, "Restart tries again");
    }

    [TestMethod]
    public void Boot_RejectsAnotherModel()
    {
        var bus = ScriptedRegisterBus.BootedDevice();
        bus.SetWord(0x010F, 0xEEAA);
        var ranger = new Vl53l1xZoneRanger(new Vl53l1xSensor(bus), new ZoneRangerSettings());
        Assert.IsFalse(ranger.TryRead(0, out _, out _, out _));
        Assert.AreEqual(ZoneRangerFailure.WrongModel, ranger.Failure);
        Assert.IsEmpty(bus.Writes);
    }

    [TestMethod]
    public void Ranging_AlternatesZones_SwitchingTheRoiBeforeClearing()
    {
        var bus = ScriptedRegisterBus.BootedDevice();
        var ranger = Started(bus);
        bus.Writes.Clear();

        var readings = new List<(int Zone, int Distance, int Status)>();
        for (int i = 0; i < 4; i++)
        {
            Assert.IsFalse(ranger.TryRead(100 + i * 40, out _, out _, out _), "nothing before data ready");
            bus.Latch(9, 2000 + i);
            Assert.IsTrue(ranger.TryRead(120 + i * 40, out int zone, out int distance, out int status));
            readings.Add((zone, distance, status));
        }

        CollectionAssert.AreEqual(
            new[] { (0, 2000, 0), (1, 2001, 0), (0, 2002, 0), (1, 2003, 0) },
            readings.ToArray());
        CollectionAssert.AreEqual(
            new[] { 0x7F, 0x86, 0x7F, 0x86, 0x7F, 0x86, 0x7F, 0x86 },
            bus.Writes.Select(w => w.Index).ToArray(), "next ROI centre, then interrupt clear");
        CollectionAssert.AreEqual(
            new byte[] { 231, 1, 167, 1, 231, 1, 167, 1 },
            bus.Writes.Select(w => w.Data[0]).ToArray());
    }

    [TestMethod]
    public void Ranging_ReportsTheDriversStatus_NotTheRawCode()
    {
        var bus = ScriptedRegisterBus.BootedDevice();
        var ranger = Started(bus);
        bus.Latch(4, 0);
        Assert.IsTrue(ranger.TryRead(100, out _, out int distance, out int status));
        Assert.AreEqual((int)Vl53l1xRangeStatus.SignalFail, status);
        Assert.AreEqual(0, distance);
    }

    [TestMethod]
    public void Ranging_AFailedResultRead_IsAnInvalidStatus_NeverADistance()
    {
        var bus = ScriptedRegisterBus.BootedDevice();
        var ranger = Started(bus);
        bus.Latch(9, 1700);
        bus.FailWhen = (index, isRead) => isRead && index == 0x89;

        Assert.IsTrue(ranger.TryRead(100, out int zone, out int distance, out int status));

        Assert.AreEqual(0, zone);
        Assert.AreEqual(0, distance);
        Assert.AreEqual((int)Vl53l1xRangeStatus.BusError, status);
        Assert.AreEqual(1L, ranger.BusErrors);
        Assert.AreEqual(1, ranger.CurrentZone, "the sequence goes on with the other zone");
    }

    [TestMethod]
    public void Ranging_ADeadBus_IsReportedOncePerBudget_NotPerPoll()
    {
        var bus = ScriptedRegisterBus.BootedDevice();
        var ranger = Started(bus);
        bus.FailWhen = (_, _) => true;
        int reports = 0;
        for (long t = 100; t < 430; t += 5)
        {
            if (ranger.TryRead(t, out _, out int distance, out int status))
            {
                reports++;
                Assert.AreEqual((int)Vl53l1xRangeStatus.BusError, status);
                Assert.AreEqual(0, distance);
            }
        }

        Assert.IsTrue(reports is >= 9 and <= 11, $"about one per 33 ms over 330 ms, was {reports}");
    }

    [TestMethod]
    public void Ranging_AFailedClear_IsRetriedBeforeTheNextPoll_SoNoResultIsRepeated()
    {
        var bus = ScriptedRegisterBus.BootedDevice();
        var ranger = Started(bus);
        bus.Latch(9, 1500);
        bus.FailWhen = (index, isRead) => !isRead && index == 0x86;
        Assert.IsTrue(ranger.TryRead(100, out _, out _, out _));
        Assert.IsFalse(ranger.TryRead(105, out _, out _, out _), "latched result not read twice while the clear fails");
        bus.FailWhen = null;
        Assert.IsFalse(ranger.TryRead(110, out _, out _, out _), "cleared now; nothing new yet");
        bus.Latch(9, 1600);
        Assert.IsTrue(ranger.TryRead(140, out int zone, out int distance, out _));
        Assert.AreEqual((1, 1600), (zone, distance));
    }

    [TestMethod]
    public void Ranging_RestartsTheDevice_WhenResultsStop()
    {
        var bus = ScriptedRegisterBus.BootedDevice();
        var ranger = Started(bus);
        for (long t = 100; t < 1300; t += 10)
        {
            ranger.TryRead(t, out _, out _, out _);
        }

        Assert.AreEqual(1, ranger.Restarts);
        Assert.AreNotEqual(ZoneRangerState.Ranging, ranger.State);
    }

    [TestMethod]
    public void Ranging_AllocatesNothingPerRead()
    {
        var bus = ScriptedRegisterBus.BootedDevice();
        bus.Log = false;
        var ranger = Started(bus);
        long before = GC.GetAllocatedBytesForCurrentThread();
        int readings = 0;
        for (int i = 0; i < 2000; i++)
        {
            bus.Registers[0x31] = 0x03;
            if (ranger.TryRead(100 + i, out _, out _, out _))
            {
                readings++;
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.AreEqual(2000, readings);
        Assert.AreEqual(0L, allocated, "no allocation per reading");
    }

    [TestMethod]
    public void Settings_AreValidated()
    {
        var sensor = new Vl53l1xSensor(new ScriptedRegisterBus());
        Assert.ThrowsExactly<ArgumentException>(() => new Vl53l1xZoneRanger(sensor, new ZoneRangerSettings { TimingBudgetMilliseconds = 15 }));
        Assert.ThrowsExactly<ArgumentException>(() => new Vl53l1xZoneRanger(sensor, new ZoneRangerSettings { RoiWidth = 2 }));
        Assert.ThrowsExactly<ArgumentException>(() => new Vl53l1xZoneRanger(sensor, new ZoneRangerSettings { Zone1RoiCenter = 256 }));
        Assert.ThrowsExactly<ArgumentException>(() => new Vl53l1xZoneRanger(sensor, new ZoneRangerSettings { InterMeasurementMilliseconds = 20 }));
    }

    // Boots, calibrates and returns a ranger whose first range (zone 0) is under way at t = 40.
    private static Vl53l1xZoneRanger Started(ScriptedRegisterBus bus)
    {
        var ranger = new Vl53l1xZoneRanger(new Vl53l1xSensor(bus), new ZoneRangerSettings());
        ranger.TryRead(0, out _, out _, out _);
        bus.Latch(9, 2400);
        ranger.TryRead(40, out _, out _, out _);
        Assert.AreEqual(ZoneRangerState.Ranging, ranger.State);
        return ranger;
    }
}
