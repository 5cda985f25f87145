using EdgeSensor.Core.Lifecycle;

namespace EdgeSensor.Core.Tests.Lifecycle;

[TestClass]
public sealed class BootSequenceTests
{
    private const uint ValidUnix = 1_764_072_000;

    [TestMethod]
    public void Boot_RunsTheStagesInOrder_AndEndsReadyAndCalibrating()
    {
        var rig = new Rig();
        rig.Clock.TimeAfterSync = ValidUnix;

        long end = rig.RunUntilFinished();

        Assert.AreEqual(BootStage.Ready, rig.Boot.Stage);
        CollectionAssert.AreEqual(new[] { "configuration", "node", "sensors" }, rig.Steps.Calls);
        CollectionAssert.AreEqual(
            new[] { DeviceStatus.LoadingConfiguration, DeviceStatus.ConnectingWifi, DeviceStatus.WaitingForTime, DeviceStatus.StartingSensors, DeviceStatus.Calibrating },
            rig.Indicator.Statuses);
        Assert.AreEqual(ValidUnix, rig.Steps.NodeStartedAtUnix);
        Assert.IsTrue(end < 1000, "a healthy boot waits for nothing");
    }

    [TestMethod]
    public void MissingConfiguration_Halts_WithoutTouchingTheRadio_AndKeepsSayingWhy()
    {
        var rig = new Rig();
        rig.Steps.ConfigurationOutcome = DeviceStatus.ConfigurationMissing;

        rig.RunUntilFinished();
        Assert.AreEqual(BootStage.Halted, rig.Boot.Stage);
        Assert.AreEqual(DeviceStatus.ConfigurationMissing, rig.Indicator.Last);
        StringAssert.StartsWith(rig.Indicator.Lines[^1], "status 10 configuration-missing");
        Assert.AreEqual(0, rig.Wifi.Attempts);

        int shown = rig.Indicator.Lines.Count;
        for (long t = 0; t <= 65_000; t += 100)
        {
            rig.Boot.Step(rig.Now + t);
        }

        Assert.AreEqual(shown + 2, rig.Indicator.Lines.Count, "the line is repeated every 30 s for a late serial cable");
        Assert.AreEqual(BootStage.Halted, rig.Boot.Stage, "a halted device never goes on");
    }

    [TestMethod]
    public void InvalidConfiguration_HaltsWithItsOwnCode()
    {
        var rig = new Rig();
        rig.Steps.ConfigurationOutcome = DeviceStatus.ConfigurationInvalid;
        rig.RunUntilFinished();
        Assert.AreEqual(DeviceStatus.ConfigurationInvalid, rig.Boot.Status);
        Assert.AreEqual(BootStage.Halted, rig.Boot.Stage);
    }

    [TestMethod]
    public void Wifi_IsRetriedWithExponentialBackoff()
    {
        var rig = new Rig();
        rig.Wifi.FailuresBeforeSuccess = 4;
        rig.Clock.TimeAfterSync = ValidUnix;
        var attemptTimes = new List<long>();
        int attempts = 0;
        for (long t = 0; t < 200_000 && !rig.Boot.IsFinished; t += 10)
        {
            rig.Boot.Step(t);
            if (rig.Wifi.Attempts != attempts)
            {
                attempts = rig.Wifi.Attempts;
                attemptTimes.Add(t);
            }
        }

        Assert.AreEqual(5, attemptTimes.Count);
        long[] gaps = attemptTimes.Zip(attemptTimes.Skip(1), (a, b) => b - a).ToArray();
        CollectionAssert.AreEqual(new long[] { 2000, 4000, 8000, 16000 }, gaps, "no jitter source: the ceilings themselves");
        Assert.AreEqual(BootStage.Ready, rig.Boot.Stage);
    }

    [TestMethod]
    public void NoNodeIsStarted_BeforeTheClockIsValid()
    {
        var rig = new Rig();
        rig.Clock.NowUnixSeconds = 946_684_800; // RTC default after power-on, year 2000
        for (long t = 0; t < 120_000; t += 100)
        {
            rig.Boot.Step(t);
        }

        Assert.AreEqual(BootStage.WaitForTime, rig.Boot.Stage);
        CollectionAssert.DoesNotContain(rig.Steps.Calls, "node", "sealing needs a valid clock");
        Assert.AreEqual(4, rig.Clock.SyncRequests, "asked at connect, then every 30 s");

        rig.Clock.NowUnixSeconds = ValidUnix;
        rig.Boot.Step(120_000);
        rig.Boot.Step(120_010);
        CollectionAssert.Contains(rig.Steps.Calls, "node");
    }

    [TestMethod]
    public void LinkLostWhileWaitingForTime_RejoinsWifi()
    {
        var rig = new Rig();
        rig.Boot.Step(0);
        rig.Boot.Step(10);
        Assert.AreEqual(BootStage.WaitForTime, rig.Boot.Stage);
        rig.Wifi.IsConnected = false;
        rig.Boot.Step(20);
        Assert.AreEqual(BootStage.ConnectWifi, rig.Boot.Stage);
    }

    [TestMethod]
    public void NodeIsStartedOnlyWithWifiConnected_TheNoiseGeneratorIsSeededWithTheRadioOn()
    {
        var rig = new Rig();
        rig.Clock.TimeAfterSync = ValidUnix;
        rig.Boot.Step(0);
        rig.Boot.Step(10);
        rig.Boot.Step(20);
        Assert.AreEqual(BootStage.StartNode, rig.Boot.Stage);

        rig.Wifi.IsConnected = false;
        rig.Boot.Step(30);
        Assert.AreEqual(BootStage.ConnectWifi, rig.Boot.Stage);
        CollectionAssert.DoesNotContain(rig.Steps.Calls, "node", "the ESP32 RNG is a true RNG only with the radio on");

        rig.RunUntilFinished();
        Assert.AreEqual(BootStage.Ready, rig.Boot.Stage);
        CollectionAssert.Contains(rig.Steps.Calls, "node");
    }

    [TestMethod]
    public void UnusableStorage_Halts()
    {
        var rig = new Rig();
        rig.Clock.TimeAfterSync = ValidUnix;
        rig.Steps.NodeOutcome = DeviceStatus.StorageFailure;
        rig.RunUntilFinished();
        Assert.AreEqual(BootStage.Halted, rig.Boot.Stage);
        CollectionAssert.DoesNotContain(rig.Steps.Calls, "sensors");
    }

    [TestMethod]
    public void NonFatalStatusFromAStep_StillRefusesToRun()
    {
        var rig = new Rig();
        rig.Steps.ConfigurationOutcome = DeviceStatus.Calibrating;
        rig.RunUntilFinished();
        Assert.AreEqual(BootStage.Halted, rig.Boot.Stage);
        Assert.IsTrue(StatusCodes.IsFatal(rig.Boot.Status));
    }

    [TestMethod]
    public void SilentTofSensor_BootsIntoSensorFault()
    {
        var rig = new Rig();
        rig.Clock.TimeAfterSync = ValidUnix;
        rig.Steps.SensorsOutcome = false;
        rig.RunUntilFinished();
        Assert.AreEqual(BootStage.Ready, rig.Boot.Stage);
        Assert.IsFalse(rig.Boot.SensorsStarted);
        Assert.AreEqual(DeviceStatus.SensorFault, rig.Indicator.Last);
        StringAssert.Contains(rig.Indicator.Lines[^1], "no answer at 0x29");
    }

    private sealed class Rig
    {
        public FakeBootSteps Steps { get; } = new();

        public FakeWifi Wifi { get; } = new();

        public FakeWallClock Clock { get; } = new();

        public RecordingIndicator Indicator { get; } = new();

        public BootSequence Boot { get; }

        public long Now { get; private set; }

        public Rig() => Boot = new BootSequence(new BootSettings(), Steps, Wifi, Clock, Indicator, null);

        public long RunUntilFinished()
        {
            for (Now = 0; Now < 600_000 && !Boot.IsFinished; Now += 10)
            {
                Boot.Step(Now);
            }

            return Now;
        }
    }
}
