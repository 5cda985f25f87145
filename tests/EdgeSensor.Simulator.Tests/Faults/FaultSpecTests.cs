using EdgeSensor.Simulator.Commands;
using EdgeSensor.Simulator.Faults;

namespace EdgeSensor.Simulator.Tests.Faults;

[TestClass]
public sealed class FaultSpecTests
{
    [TestMethod]
    [DataRow("broker-outage@10m+3m", FaultKind.BrokerOutage, 600_000L, 180_000L, 0L)]
    [DataRow("wifi-drop@5m+2m", FaultKind.WifiDrop, 300_000L, 120_000L, 0L)]
    [DataRow("reboot@12.5m", FaultKind.Reboot, 750_000L, FaultKinds.RebootBootMs, 0L)]
    [DataRow("power-cut@12.5m", FaultKind.PowerCut, 750_000L, FaultKinds.DefaultPowerCutMs, 0L)]
    [DataRow("power-cut@90s+30s", FaultKind.PowerCut, 90_000L, 30_000L, 0L)]
    [DataRow("clock-step@5m:+90s", FaultKind.ClockStep, 300_000L, 0L, 90_000L)]
    [DataRow("clock-step@1h:-1.5m", FaultKind.ClockStep, 3_600_000L, 0L, -90_000L)]
    [DataRow("sensor-dropout@20m+2m", FaultKind.SensorDropout, 1_200_000L, 120_000L, 0L)]
    public void GoodSpecs_Parse(string text, FaultKind kind, long atMs, long durationMs, long valueMs)
    {
        Assert.IsTrue(FaultSpec.TryParse(text, out FaultSpec spec, out string error), error);
        Assert.AreEqual(new FaultSpec(kind, atMs, durationMs, valueMs, text), spec);
    }

    [TestMethod]
    [DataRow("reboot", "expected KIND@AT")]
    [DataRow("meteor@5m", "unknown fault 'meteor'")]
    [DataRow("broker-outage@10m", "needs a duration")]
    [DataRow("reboot@5m+1m", "takes no duration")]
    [DataRow("clock-step@5m", "needs the step")]
    [DataRow("clock-step@5m:90s", "signed time")]
    [DataRow("wifi-drop@5m+2m:+1s", "takes no value")]
    [DataRow("reboot@5", "must be a number with s, m or h")]
    [DataRow("reboot@-5m", "must be a number with s, m or h")]
    [DataRow("wifi-drop@5m+0s", "must be above 0")]
    public void BadSpecs_AreRefused_InOneLine(string text, string expected)
    {
        Assert.IsFalse(FaultSpec.TryParse(text, out _, out string error));
        StringAssert.Contains(error, expected);
        StringAssert.Contains(error, $"--fault '{text}'");
        Assert.IsFalse(error.Contains('\n'));
    }

    [TestMethod]
    [DataRow("meteor@1m", "unknown fault")]
    [DataRow("reboot@10m", "at or after the run's end")]
    [DataRow("reboot@12m", "at or after the run's end")]
    [DataRow("sensor-dropout@1m", "needs a duration")]
    public void BadFault_ExitsWithUsage_WithoutAStackTrace(string spec, string expected)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int exit = Program.Run(["run", "--devices", "1", "--minutes", "10", "--fault", spec], stdout, stderr);

        Assert.AreEqual(ExitCodes.Usage, exit);
        StringAssert.Contains(stderr.ToString(), expected);
        Assert.IsFalse(stderr.ToString().Contains("   at ", StringComparison.Ordinal), stderr.ToString());
    }

    [TestMethod]
    public void BrokerOutage_OnAnExternalBroker_IsRefused()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int exit = Program.Run(["run", "--broker", "127.0.0.1:1", "--minutes", "10", "--fault", "broker-outage@1m+1m"], stdout, stderr);

        Assert.AreEqual(ExitCodes.Usage, exit);
        StringAssert.Contains(stderr.ToString(), "needs the embedded broker");
    }

    [TestMethod]
    public void SensorDropout_ThroughTheDrivers_IsRefused()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int exit = Program.Run(["run", "--sensors", "driver", "--minutes", "10", "--fault", "sensor-dropout@1m+1m"], stdout, stderr);

        Assert.AreEqual(ExitCodes.Usage, exit);
        StringAssert.Contains(stderr.ToString(), "--fault sensor-dropout needs --sensors trace");
    }

    [TestMethod]
    public void StepEnds_StopJustBeforeEachFaultsStartAndEnd()
    {
        Assert.IsTrue(FaultSchedule.TryParse(["wifi-drop@90s+45s"], out FaultSchedule schedule, out string error), error);

        long[] ends = schedule.StepEnds(60_000, 240_000, 20);

        CollectionAssert.AreEqual(new long[] { 59_980, 89_980, 119_980, 134_980, 179_980, 239_980, 240_000 }, ends);
        Assert.IsTrue(schedule.ActsOnFleetAt(90_000));
        Assert.IsTrue(schedule.ActsOnFleetAt(135_000));
        Assert.IsFalse(schedule.ActsOnFleetAt(120_000));
    }
}
