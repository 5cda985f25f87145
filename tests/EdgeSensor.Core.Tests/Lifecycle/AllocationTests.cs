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
}
