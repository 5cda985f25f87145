using EdgeSensor.Core.Device;
using EdgeSensor.Core.Lifecycle;
using EdgeSensor.Core.Sealing;
using EdgeSensor.Core.Tests.Device;

namespace EdgeSensor.Core.Tests.Lifecycle;

[TestClass]
public sealed class SensorNodeReportsTests
{
    [TestMethod]
    public void TryConfirm_RemovesOnlyTheReportThatWasPublished()
    {
        var node = new SensorNode(NodeRig.Settings(10, outboxCapacity: 1), NodeRig.Provision(NodeRig.NewStore(1), NodeRig.RootKey()), null);
        var reports = new SensorNodeReports(node, new object());
        var walk = WalkScript.Every(3000, 10);
        walk.Run(node, 0, 10_001, NodeRig.StartUnix);
        var inFlight = new byte[ReportSealer.SealedLength];
        Assert.AreEqual(inFlight.Length, reports.PeekReport(inFlight, 0));

        walk.Run(node, 10_001, 20_101, NodeRig.StartUnix); // the full outbox drops the report in flight
        Assert.AreEqual(1u, node.OutboxDrops);
        Assert.IsFalse(reports.TryConfirm(inFlight, inFlight.Length), "its successor was never published");
        Assert.AreEqual(1, node.PendingReports);

        var next = new byte[ReportSealer.SealedLength];
        reports.PeekReport(next, 0);
        Assert.IsTrue(reports.TryConfirm(next, next.Length));
        Assert.AreEqual(0, node.PendingReports);
    }
}
