using System.Text.Json;
using EdgeSensor.Simulator;
using EdgeSensor.Simulator.Commands;

namespace EdgeSensor.Simulator.Tests.Emulation;

/// <summary>The board's path end to end: emulated VL53L1X and PIR → our driver and a GPIO input → SensorNode →
/// sealed reports over MQTT on the embedded broker → opened by the SDK.</summary>
[TestClass]
public sealed class DriverFleetRunTests
{
    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void Run_ThroughTheDriver_OpensEveryReport_AndCountsTheCrowd()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int exit = Program.Run(["run", "--devices", "2", "--minutes", "4", "--seed", "4", "--scenario", "single-file", "--sensors", "driver", "--disclosure", "none", "--weaken-privacy", "--json"], stdout, stderr);

        Assert.AreEqual(ExitCodes.Ok, exit, stderr.ToString());
        using JsonDocument doc = JsonDocument.Parse(stdout.ToString());
        JsonElement root = doc.RootElement;
        Assert.AreEqual("driver", root.GetProperty("sensors").GetString());
        Assert.IsTrue(root.GetProperty("ok").GetBoolean());
        Assert.AreEqual(8, root.GetProperty("opened").GetInt64(), "two devices, four 60-second windows each");
        long counted = root.GetProperty("openedEntries").GetInt64() + root.GetProperty("openedExits").GetInt64();
        long truth = root.GetProperty("truthEntries").GetInt64() + root.GetProperty("truthExits").GetInt64();
        Assert.IsGreaterThan(10, truth, "people crossed");
        Assert.IsLessThanOrEqualTo(Math.Max(2, truth / 10), Math.Abs(counted - truth), $"counted {counted} of {truth} crossings through the driver");
    }

    [TestMethod]
    public void Sensors_MustBeTraceOrDriver()
    {
        var stderr = new StringWriter();
        Assert.AreEqual(ExitCodes.Usage, Program.Run(["run", "--sensors", "spi"], new StringWriter(), stderr));
        StringAssert.Contains(stderr.ToString(), "--sensors must be trace or driver");
    }
}
