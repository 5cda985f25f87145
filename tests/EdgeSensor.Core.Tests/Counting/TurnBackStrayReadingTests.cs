using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// Issue 9, turn-backs counted: a person crosses into zone 1, stands there, and comes back over the line. One stray
/// reading in zone 0 (a single sample, 900 mm farther than the person's head) while they stand was taken for the next
/// person following, which confirmed the entry; their return then counted an exit. Copied (times, distances) from the
/// simulator's raster-model turn-back scenario at 2.8 m, seed 2. Inside zone 1: zone 0 then zone 1 is an entry.
/// </summary>
[TestClass]
public sealed class TurnBackStrayReadingTests
{
    [TestMethod]
    public void OneStrayReadingInTheOriginWhileThePersonStandsPastTheLine_DoesNotConfirmTheCrossing()
    {
        var run = new PairingScript(mount: 2800);
        run.Target(0, start: 48473, end: 49103, nearest: 1716, episode: 2, samples: 9);
        run.Target(1, start: 48928, end: 50118, nearest: 1723, episode: 4, reportedAt: 50188, samples: 18);
        run.Target(1, start: 50118, onset: 50188, end: 50538, nearest: 1723, episode: 4, samples: 6, stillAfter: true);
        run.Target(0, start: 50363, end: 50433, nearest: 2621, episode: 3, samples: 1);
        run.Target(0, start: 50503, end: 51063, nearest: 1729, episode: 4, samples: 8);
        run.FinishTicking();

        Assert.AreEqual(0, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }
}
