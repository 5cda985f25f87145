using EdgeSensor.Core.Device;
using EdgeSensor.Core.Lifecycle;
using EdgeSensor.Core.Reports;
using EdgeSensor.Core.Sealing;
using EdgeSensor.Core.Storage;
using EdgeSensor.Core.Tests.Device;
using EdgeSensor.Core.Tests.Privacy;

namespace EdgeSensor.Core.Tests.Lifecycle;

/// <summary>
/// The whole device on fakes, as the firmware wires it: boot, then the sampling loop and the publisher over a
/// broker that goes away for a while, then a reboot. Everything that reaches the "broker" must be a sealed report
/// that opens with the root key, every window must arrive exactly once, oldest first.
/// </summary>
[TestClass]
public sealed class DeviceLifetimeTests
{
    private const int WindowSeconds = 10;

    [TestMethod]
    public void BrokerOutageAndReboot_EveryWindowArrivesOnce_InOrder_AndOnlySealed()
    {
        byte[] root = NodeRig.RootKey(9);
        var store = NodeRig.NewStore(16);
        var transport = new FakeTransport { AutoAcknowledge = true };
        var wall = new FakeWallClock { TimeAfterSync = NodeRig.StartUnix };

        // First life: 0..60 s; the broker goes away at 15 s and is still away when the power is cut.
        long now = Boot(store, (byte[])root.Clone(), wall, out SensorNode node);
        RunLife(node, transport, wall, now, now + 60_000, t => transport.BrokerUp = t < 15_000, out long end);

        // Power cut with reports possibly still queued, then a second life on the same flash.
        transport.IsConnected = false;
        wall.NowUnixSeconds = NodeRig.StartUnix + 70; // the RTC kept time across the reboot
        wall.TimeAfterSync = 0;
        long now2 = Boot(store, NodeRig.RootKey(9), wall, out SensorNode second);
        Assert.AreEqual(1, second.RebootCount);
        RunLife(second, transport, wall, now2, now2 + 40_000, _ => transport.BrokerUp = true, out _);

        var opener = new CoreReportOpener(root);
        var report = new WindowReport();
        var starts = new List<uint>();
        var sequences = new HashSet<ulong>();
        foreach (var (topic, payload, _) in transport.Published)
        {
            Assert.AreEqual("edgesensor/lobby/0123456789abcdef/report", topic);
            Assert.AreEqual(ReportSealer.SealedLength, payload.Length);
            Assert.IsTrue(opener.TryOpen(payload, payload.Length, report), "only sealed reports leave the device");
            if (sequences.Add(CoreReportOpener.SequenceOf(payload)))
            {
                starts.Add(report.WindowStartUnixSeconds);
            }
        }

        // 50..60 never closed (the power went at 59.98 s) and the device was off until 70: that gap is the outage.
        CollectionAssert.AreEqual(new uint[] { 0, 10, 20, 30, 40, 70, 80, 90 }, starts.Select(s => s - NodeRig.StartUnix).ToArray(), "every closed window once, oldest first");
        Assert.IsTrue(second.RestoredReports >= 3, $"{second.RestoredReports} reports came back from flash");
        Assert.IsTrue(transport.Published.Count - starts.Count <= 1, "at most one report sent again (the one in flight at the cut)");
    }

    private static long Boot(InMemoryNonVolatileStore store, byte[] root, FakeWallClock wall, out SensorNode node)
    {
        var steps = new NodeBootSteps(store, root);
        var boot = new BootSequence(new BootSettings(), steps, new FakeWifi(), wall, new RecordingIndicator(), new SplitMix64Random(3));
        long t = 0;
        while (!boot.IsFinished)
        {
            boot.Step(t);
            t += 100;
        }

        Assert.AreEqual(BootStage.Ready, boot.Stage, boot.Detail);
        node = steps.Node!;
        return t;
    }

    private static void RunLife(SensorNode node, FakeTransport transport, FakeWallClock wall, long from, long until, Action<long> broker, out long end)
    {
        var gate = new object();
        var publisher = new ReportPublisher(new SensorNodeReports(node, gate), transport, "edgesensor/lobby/0123456789abcdef/report", PublishDelay.ForDevice(NodeRig.DeviceId, 2000), new PublisherSettings(), new SplitMix64Random(8));
        var tof = new FakeTof();
        var loop = new SamplingLoop(node, gate, tof, new FakePir(), wall, publisher, new RecordingIndicator(), SamplingLoop.DefaultStallMilliseconds, from);
        uint unixAtFrom = wall.NowUnixSeconds;
        for (end = from; end < until; end += 20)
        {
            broker(end - from);
            wall.NowUnixSeconds = unixAtFrom + (uint)((end - from) / 1000);
            loop.RunPass(end);
            publisher.Step(end);
        }
    }

    /// <summary>The firmware's steps with the configuration already in hand: NodeStarter over the test store.</summary>
    private sealed class NodeBootSteps(INonVolatileStore store, byte[] root) : IBootSteps
    {
        public SensorNode? Node { get; private set; }

        public DeviceStatus LoadConfiguration(out string detail)
        {
            detail = string.Empty;
            return DeviceStatus.Running;
        }

        public DeviceStatus StartNode(uint nowUnixSeconds, out string detail)
        {
            DeviceStatus status = NodeStarter.TryStart(NodeRig.Settings(WindowSeconds, 16), store, null, root, nowUnixSeconds, out SensorNode? node, out detail);
            Node = node;
            return status;
        }

        public bool TryStartSensors(out string detail)
        {
            detail = string.Empty;
            return true;
        }
    }
}
