using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// Issue 9, children in mixed traffic: what the pairing makes of a child's crossing when the zones also report a stray
/// reading around it.
/// </summary>
[TestClass]
public sealed class MixedChildPairingTests
{
    [TestMethod]
    public void OneReadingInTheOriginZoneAfterAChildCrossed_IsNoReturn()
    {
        // mixed, footprint model, 3.0 m, seed 2, 119.9 s: a child (1.0 m) entered, zone 0 then zone 1. A single reading
        // in zone 0 (2.3 m away, 0.1 s after the child left zone 1) was taken for the child coming back: a turn-back, the
        // child not counted. Walking back over the line takes a head's passage through the zone, never one reading.
        var run = new PairingScript(mount: 3000);
        run.Target(0, start: 118333, end: 119243, nearest: 1957, episode: 16, height: 1038);
        run.Target(1, start: 119068, end: 119978, nearest: 1971, episode: 9, height: 997);
        run.Target(0, start: 120083, end: 120153, nearest: 2300, episode: 17, height: 695, samples: 1);
        run.Finish();

        Assert.AreEqual(1, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.TurnBacks, run.Describe());
    }
}
