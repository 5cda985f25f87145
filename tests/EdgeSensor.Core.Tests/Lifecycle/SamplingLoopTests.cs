using EdgeSensor.Core.Device;
using EdgeSensor.Core.Lifecycle;
using EdgeSensor.Core.Reports;
using EdgeSensor.Core.Sealing;
using EdgeSensor.Core.Tests.Device;

namespace EdgeSensor.Core.Tests.Lifecycle;

[TestClass]
public sealed class SamplingLoopTests
{
    [TestMethod]
    public void SilentTofSensor_IsReportedInHealth_AndNeverCountedAsPeople()
    {
        byte[] root = NodeRig.RootKey();
        var node = new SensorNode(NodeRig.Settings(), NodeRig.Provision(NodeRig.NewStore(), root), null);
        var tof = new FakeTof();
        var clock = new FakeWallClock { NowUnixSeconds = NodeRig.StartUnix };
        var indicator = new RecordingIndicator();
        var loop = new SamplingLoop(node, new object(), tof, null, clock, null, indicator, SamplingLoop.DefaultStallMilliseconds, 0);

        // Calibrate on a quiet floor, then the sensor goes silent for the rest of the first window and all of the next.
        for (long t = 0; t < 25_000; t += 20)
        {
            tof.Silent = t >= 3000;
            clock.NowUnixSeconds = NodeRig.StartUnix + (uint)(t / 1000);
            loop.RunPass(t);
        }

        Assert.AreEqual(0, node.Counter.Entries + node.Counter.Exits, "a dead sensor counts nobody");
        Assert.IsTrue(loop.TofStalled);
        Assert.IsTrue(loop.NoResponseSamples >= 40);
        CollectionAssert.Contains(indicator.Statuses, DeviceStatus.SensorFault);

        var buffer = new byte[ReportSealer.SealedLength];
        var report = new WindowReport();
        var opener = new CoreReportOpener(root);
        Assert.IsTrue(opener.TryOpen(buffer, node.PeekReport(buffer, 0), report));
        node.ConfirmPublished();
        Assert.IsTrue(opener.TryOpen(buffer, node.PeekReport(buffer, 0), report));
        Assert.AreEqual(1000, report.InvalidSamplePermille, "the whole second window is invalid rangings");
        Assert.AreEqual(CalibrationState.Degraded, report.CalibrationState);
        Assert.AreEqual(0, report.Entries + report.Exits);
    }

    [TestMethod]
    public void HealthySensor_CalibratesThenRuns_AndPirChangesAreFedOnce()
    {
        var node = new SensorNode(NodeRig.Settings(), NodeRig.Provision(NodeRig.NewStore(), NodeRig.RootKey()), null);
        var pir = new FakePir();
        var indicator = new RecordingIndicator();
        var clock = new FakeWallClock { NowUnixSeconds = NodeRig.StartUnix };
        var loop = new SamplingLoop(node, new object(), new FakeTof(), pir, clock, null, indicator, 1000, 0);
        for (long t = 0; t < 2000; t += 20)
        {
            pir.Level = t is >= 500 and < 1500 ? 1 : 0;
            loop.RunPass(t);
        }

        CollectionAssert.AreEqual(new[] { DeviceStatus.Calibrating, DeviceStatus.Running }, indicator.Statuses);
        Assert.AreEqual(1L, node.Counter.PirMotionOnsets);
        Assert.AreEqual(1000L, node.Counter.PirActiveMilliseconds, 40);
    }

    [TestMethod]
    public void SealedWindow_HoldsThePublisherForTheDevicesDelay()
    {
        var node = new SensorNode(NodeRig.Settings(), NodeRig.Provision(NodeRig.NewStore(), NodeRig.RootKey()), null);
        var gate = new object();
        var transport = new FakeTransport { AutoAcknowledge = true };
        var publisher = new ReportPublisher(new SensorNodeReports(node, gate), transport, "t", 2500, new PublisherSettings(), new Privacy.SplitMix64Random(1));
        var clock = new FakeWallClock { NowUnixSeconds = NodeRig.StartUnix };
        var loop = new SamplingLoop(node, gate, new FakeTof(), null, clock, publisher, new RecordingIndicator(), 1000, 0);
        long sealedAt = -1;
        long publishedAt = -1;
        for (long t = 0; t < 15_000 && publishedAt < 0; t += 20)
        {
            clock.NowUnixSeconds = NodeRig.StartUnix + (uint)(t / 1000);
            if (loop.RunPass(t) && sealedAt < 0)
            {
                sealedAt = t;
            }

            publisher.Step(t);
            if (transport.Published.Count > 0)
            {
                publishedAt = t;
            }
        }

        Assert.AreEqual(10_000L, sealedAt);
        Assert.AreEqual(12_500L, publishedAt);
        publisher.Step(publishedAt + 20);
        Assert.AreEqual(0, node.PendingReports, "confirmed on its PUBACK");
    }
}
