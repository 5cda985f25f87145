using EdgeSensor.Core.Lifecycle;
using EdgeSensor.Core.Tests.Privacy;

namespace EdgeSensor.Core.Tests.Lifecycle;

[TestClass]
public sealed class ExponentialBackoffTests
{
    [TestMethod]
    public void NextDelay_WithoutJitter_DoublesUpToTheCap()
    {
        var backoff = new ExponentialBackoff(1000, 10000, null);
        int[] delays = Enumerable.Range(0, 6).Select(_ => backoff.NextDelayMilliseconds()).ToArray();
        CollectionAssert.AreEqual(new[] { 1000, 2000, 4000, 8000, 10000, 10000 }, delays);
        Assert.AreEqual(6, backoff.Failures);
    }

    [TestMethod]
    public void NextDelay_WithFullJitter_StaysWithinTheCeiling_AndSpreadsOverIt()
    {
        var random = new SplitMix64Random(5);
        var seen = new List<int>();
        for (int run = 0; run < 2000; run++)
        {
            var backoff = new ExponentialBackoff(1000, 64000, random);
            for (int failure = 0; failure < 4; failure++)
            {
                int ceiling = backoff.CeilingMilliseconds;
                int delay = backoff.NextDelayMilliseconds();
                Assert.IsTrue(delay >= 0 && delay <= ceiling, $"{delay} outside 0..{ceiling}");
                if (failure == 3)
                {
                    seen.Add(delay);
                }
            }
        }

        // Full jitter: uniform over 0..8000 at the fourth failure, so the mean is near 4000 and both ends occur.
        Assert.AreEqual(4000, seen.Average(), 300);
        Assert.IsTrue(seen.Min() < 500 && seen.Max() > 7500);
    }

    [TestMethod]
    public void Reset_StartsOverAtTheBase()
    {
        var backoff = new ExponentialBackoff(500, 60000, null);
        backoff.NextDelayMilliseconds();
        backoff.NextDelayMilliseconds();
        backoff.Reset();
        Assert.AreEqual(0, backoff.Failures);
        Assert.AreEqual(500, backoff.NextDelayMilliseconds());
    }

    [TestMethod]
    public void ManyFailures_NeverOverflow()
    {
        var backoff = new ExponentialBackoff(1, 86_400_000, null);
        int last = 0;
        for (int i = 0; i < 200; i++)
        {
            last = backoff.NextDelayMilliseconds();
        }

        Assert.AreEqual(86_400_000, last);
    }

    [TestMethod]
    public void Constructor_RejectsABaseAboveTheCap() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ExponentialBackoff(2000, 1000, null));
}
