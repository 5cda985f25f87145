using EdgeSensor.Core.Lifecycle;

namespace EdgeSensor.Core.Tests.Lifecycle;

[TestClass]
public sealed class PublishDelayTests
{
    [TestMethod]
    public void ForDevice_IsStable_AndBelowTheCap()
    {
        for (ulong id = 1; id < 500; id++)
        {
            int delay = PublishDelay.ForDevice(id, 10000);
            Assert.IsTrue(delay is >= 0 and < 10000);
            Assert.AreEqual(delay, PublishDelay.ForDevice(id, 10000), "the same device always waits the same time");
        }
    }

    [TestMethod]
    public void ForDevice_SpreadsAFleetOfConsecutiveIdsEvenly()
    {
        // 1000 devices provisioned with consecutive ids, 10 one-second buckets: each should hold about 100.
        var buckets = new int[10];
        for (ulong id = 0x0123_0000_0000_0000; id < 0x0123_0000_0000_0000 + 1000; id++)
        {
            buckets[PublishDelay.ForDevice(id, 10000) / 1000]++;
        }

        foreach (int count in buckets)
        {
            Assert.IsTrue(count is > 60 and < 140, string.Join(",", buckets));
        }
    }

    [TestMethod]
    public void ForDevice_ZeroCap_PublishesAtOnce() => Assert.AreEqual(0, PublishDelay.ForDevice(42, 0));

    [TestMethod]
    public void Settings_RejectADelayCapAboveHalfTheWindow()
    {
        var settings = new PublisherSettings { PublishDelayCapMilliseconds = 6000 };
        Assert.IsFalse(settings.TryValidate(10, out string error));
        StringAssert.Contains(error, "PublishDelayCapMilliseconds");
        Assert.IsTrue(settings.TryValidate(60, out _));
    }
}
