using EdgeSensor.Core.Lifecycle;
using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Tests.Privacy;

namespace EdgeSensor.Core.Tests.Lifecycle;

[TestClass]
public sealed class ReportPublisherTests
{
    private const string Topic = "edgesensor/north-gate/0123456789abcdef/report";

    [TestMethod]
    public void Report_IsConfirmedOnlyByThePubackOfItsOwnMessageId()
    {
        var (queue, transport, publisher) = Rig(publishDelay: 0);
        queue.Add(2);

        publisher.Step(0);
        Assert.AreEqual(1, transport.Published.Count);
        Assert.AreEqual(Topic, transport.Published[0].Topic);
        Assert.AreEqual(PublisherState.AwaitingAcknowledgement, publisher.State);

        transport.Deliver(transport.Published[0].Id + 100);
        publisher.Step(10);
        Assert.AreEqual(0, queue.Confirmed, "a PUBACK for another id confirms nothing");

        transport.Deliver(transport.Published[0].Id);
        publisher.Step(20);
        Assert.AreEqual(1, queue.Confirmed);
        Assert.AreEqual(1L, publisher.Published);

        publisher.Step(30);
        Assert.AreEqual(2, transport.Published.Count);
        Assert.AreEqual(2, transport.Published[1].Payload[0], "the next report goes out after the first is confirmed");
    }

    [TestMethod]
    public void ReportDroppedWhileInFlight_DoesNotConfirmItsUnsentSuccessor()
    {
        var (queue, transport, publisher) = Rig(publishDelay: 0);
        queue.Add(2);
        publisher.Step(0);
        queue.DropOldest(); // a window sealed into a full outbox while report 1 waited for its PUBACK
        transport.Deliver(transport.Published[0].Id);
        publisher.Step(10);

        Assert.AreEqual(0, queue.Confirmed, "report 2 was never sent");
        publisher.Step(20);
        Assert.AreEqual(2, transport.Published[^1].Payload[0], "report 2 goes out next");
        transport.Deliver(transport.Published[^1].Id);
        publisher.Step(30);
        Assert.AreEqual(1, queue.Confirmed);
    }

    [TestMethod]
    public void FailedDelivery_KeepsTheReport_AndRetriesTheSameBytes()
    {
        var (queue, transport, publisher) = Rig(publishDelay: 0);
        queue.Add();
        publisher.Step(0);
        transport.Deliver(transport.Published[0].Id, delivered: false);
        publisher.Step(10);
        Assert.AreEqual(0, queue.Confirmed);
        Assert.AreEqual(1L, publisher.Retries);

        for (long t = 20; t < 5000; t += 10)
        {
            publisher.Step(t);
        }

        Assert.AreEqual(2, transport.Published.Count, "retried once after the backoff");
        CollectionAssert.AreEqual(transport.Published[0].Payload, transport.Published[1].Payload);
        Assert.AreNotEqual(transport.Published[0].Id, transport.Published[1].Id);
    }

    [TestMethod]
    public void MissingPuback_DropsTheSession_ReconnectsAndResends()
    {
        var (queue, transport, publisher) = Rig(publishDelay: 0);
        queue.Add();
        publisher.Step(0);
        publisher.Step(29_999);
        Assert.AreEqual(PublisherState.AwaitingAcknowledgement, publisher.State);
        publisher.Step(30_000);
        Assert.AreEqual(PublisherState.Disconnected, publisher.State);
        Assert.AreEqual(1, transport.Disconnects);

        for (long t = 30_010; t < 40_000; t += 10)
        {
            publisher.Step(t);
        }

        Assert.AreEqual(2, transport.ConnectAttempts);
        Assert.AreEqual(2, transport.Published.Count);
        transport.Deliver(transport.Published[0].Id);
        publisher.Step(40_000);
        Assert.AreEqual(0, queue.Confirmed, "the late PUBACK of the first attempt is not the one awaited");
        transport.Deliver(transport.Published[1].Id);
        publisher.Step(40_010);
        Assert.AreEqual(1, queue.Confirmed);
    }

    [TestMethod]
    public void ConnectFailures_BackOffExponentially_WithFullJitter()
    {
        var (queue, transport, publisher) = Rig(publishDelay: 0, random: new SplitMix64Random(11));
        transport.ConnectSucceeds = false;
        var attempts = new List<long>();
        int seen = 0;
        for (long t = 0; t < 3_600_000; t += 10)
        {
            publisher.Step(t);
            if (transport.ConnectAttempts != seen)
            {
                seen = transport.ConnectAttempts;
                attempts.Add(t);
            }
        }

        long[] gaps = attempts.Zip(attempts.Skip(1), (a, b) => b - a).ToArray();
        for (int i = 0; i < gaps.Length; i++)
        {
            long ceiling = Math.Min(300_000, 1000L << i);
            Assert.IsTrue(gaps[i] <= ceiling + 10, $"gap {i} = {gaps[i]} above its ceiling {ceiling}");
        }

        Assert.IsTrue(gaps.Skip(10).Average() > 100_000, "the wait grows to the 5-minute cap (mean 150 s with full jitter)");
        Assert.IsTrue(publisher.ConsecutiveFailures > 10);
    }

    [TestMethod]
    public void FreshReport_WaitsForTheDevicesPublishDelay()
    {
        var (queue, transport, publisher) = Rig(publishDelay: 3700);
        publisher.Step(0);
        queue.Add();
        publisher.OnReportSealed(60_000);
        for (long t = 60_000; t < 63_700; t += 10)
        {
            publisher.Step(t);
        }

        Assert.AreEqual(0, transport.Published.Count);
        publisher.Step(63_700);
        Assert.AreEqual(1, transport.Published.Count);
    }

    [TestMethod]
    public void RefusedPublish_ReconnectsAndLosesNothing()
    {
        var (queue, transport, publisher) = Rig(publishDelay: 0);
        queue.Add(3);
        transport.PublishSucceeds = false;
        publisher.Step(0);
        Assert.AreEqual(PublisherState.Disconnected, publisher.State);
        transport.PublishSucceeds = true;
        transport.AutoAcknowledge = true;
        for (long t = 10; t < 10_000; t += 10)
        {
            publisher.Step(t);
        }

        Assert.AreEqual(3, queue.Confirmed);
        Assert.AreEqual(0, queue.Count);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, transport.Published.Select(p => p.Payload[0]).ToArray(), "oldest first");
    }

    private static (FakeReportQueue, FakeTransport, ReportPublisher) Rig(int publishDelay, IRandomSource? random = null)
    {
        var queue = new FakeReportQueue();
        var transport = new FakeTransport();
        var publisher = new ReportPublisher(queue, transport, Topic, publishDelay, new PublisherSettings(), random ?? new ScriptedRandom(uint.MaxValue));
        return (queue, transport, publisher);
    }
}
