using EdgeSensor.Core.Device;
using EdgeSensor.Core.Lifecycle;
using EdgeSensor.Core.Tests.Privacy;

namespace EdgeSensor.Core.Tests.Lifecycle;

[TestClass]
public sealed class AllocationTests
{
    [TestMethod]
    public void SamplingPasses_WithWindowsSealedAndJournaled_AllocateNothing()
    {
        var node = new SensorNode(NodeRig.Settings(10, 8), NodeRig.Provision(NodeRig.NewStore(8), NodeRig.RootKey()), null);
        var clock = new FakeWallClock { NowUnixSeconds = NodeRig.StartUnix };
        var loop = new SamplingLoop(node, new object(), new FakeTof(), new FakePir(), clock, null, new RecordingIndicator(), 1000, 0);
        long t = 0;

        void Run(long until)
        {
            for (; t < until; t += 10)
            {
                clock.NowUnixSeconds = NodeRig.StartUnix + (uint)(t / 1000);
                loop.RunPass(t);
                if (node.PendingReports > 4)
                {
                    node.ConfirmPublished();
                }
            }
        }

        Run(120_000); // warm-up: calibration, status settled, every journal slot written once
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(720_000); // 60 000 passes, 60 windows sealed, journaled and confirmed
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Console.WriteLine($"{allocated} bytes over 60 000 passes");
        Assert.IsTrue(allocated < 4096, $"{allocated} bytes over 60 000 passes");
    }

    [TestMethod]
    public void PublishingReports_AllocatesNothingPerReport()
    {
        var node = new SensorNode(NodeRig.Settings(10, 8), NodeRig.Provision(NodeRig.NewStore(8), NodeRig.RootKey()), null);
        var gate = new object();
        var transport = new AckingTransport();
        var publisher = new ReportPublisher(new SensorNodeReports(node, gate), transport, "t", 0, new PublisherSettings(), new SplitMix64Random(4));
        var clock = new FakeWallClock { NowUnixSeconds = NodeRig.StartUnix };
        var loop = new SamplingLoop(node, gate, new FakeTof(), null, clock, publisher, new RecordingIndicator(), 1000, 0);
        long t = 0;

        void Run(long until)
        {
            for (; t < until; t += 10)
            {
                clock.NowUnixSeconds = NodeRig.StartUnix + (uint)(t / 1000);
                loop.RunPass(t);
                publisher.Step(t);
            }
        }

        Run(120_000);
        long published = publisher.Published;
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(720_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.AreEqual(60L, publisher.Published - published, "every window published and confirmed");
        Console.WriteLine($"{allocated} bytes over 60 reports published");
        Assert.IsTrue(allocated < 4096, $"{allocated} bytes over 60 reports published");
    }

    /// <summary>A broker that acknowledges at once and allocates nothing (one report in flight at a time).</summary>
    private sealed class AckingTransport : IMqttTransport
    {
        private int _pending = -1;
        private int _nextId = 1;

        public bool IsConnected { get; private set; }

        public bool TryConnect() => IsConnected = true;

        public void Disconnect() => IsConnected = false;

        public bool TryPublish(string topic, byte[] payload, out int messageId)
        {
            messageId = _pending = _nextId++;
            return true;
        }

        public bool TryTakeOutcome(out int messageId, out bool delivered)
        {
            messageId = _pending;
            delivered = _pending > 0;
            _pending = -1;
            return delivered;
        }
    }
}
