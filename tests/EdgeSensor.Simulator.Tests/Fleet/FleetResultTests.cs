using EdgeSensor.Simulator.Fleet;

namespace EdgeSensor.Simulator.Tests.Fleet;

[TestClass]
public sealed class FleetResultTests
{
    [TestMethod]
    public void Ok_OnlyWhenEverySealedReportWasOpened_AndNothingRejected()
    {
        Assert.IsTrue(Result(Device(sealedReports: 5, opened: 5)).Ok);
        Assert.IsFalse(Result(Device(sealedReports: 5, opened: 4)).Ok, "one report lost");
        Assert.AreEqual(1, Result(Device(sealedReports: 5, opened: 4)).Lost);
        Assert.IsFalse(Result(Device(sealedReports: 5, opened: 5, rejected: 1)).Ok, "a rejection fails the run");
        Assert.IsFalse(Result(Device(sealedReports: 5, opened: 5, sealFailures: 1)).Ok, "a window that was never sealed is lost too");
        Assert.IsFalse(Result(Device(sealedReports: 5, opened: 5), unattributed: 1).Ok, "a malformed payload on the site's topics");
    }

    [TestMethod]
    public void Summary_PrintsOpenedEngineAndTruth_PerDeviceAndInTotal()
    {
        var output = new StringWriter();

        FleetSummary.WriteTable(output, Result(Device(sealedReports: 5, opened: 5), Device(sealedReports: 5, opened: 5)));

        string text = output.ToString();
        StringAssert.Contains(text, "10/11/12");
        StringAssert.Contains(text, "20/22/24");
        StringAssert.Contains(text, "result: OK");
    }

    private static FleetResult Result(params FleetDeviceResult[] devices) => Result(devices, 0);

    private static FleetResult Result(FleetDeviceResult device, int unattributed) => Result([device], unattributed);

    private static FleetResult Result(FleetDeviceResult[] devices, int unattributed) => new()
    {
        Scenario = "mixed", Seed = 1, SimulatedMinutes = 5, WindowSeconds = 60, Disclosure = "none", Broker = "embedded", Speed = "max",
        Devices = devices, WallSeconds = 1, UnattributedRejections = unattributed,
    };

    private static FleetDeviceResult Device(int sealedReports, int opened, int rejected = 0, int sealFailures = 0) => new()
    {
        DeviceId = "0000000000000001", Sealed = sealedReports, Published = sealedReports, PublishRetries = 0, OutboxDrops = 0, SealFailures = sealFailures,
        Opened = opened, Rejected = rejected, OpenedEntries = 10, OpenedExits = 10, EngineEntries = 11, EngineExits = 11, TruthEntries = 12, TruthExits = 12,
        NoisedReports = 0, SuppressedReports = 0,
    };
}
