using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// A low target held back as a possible pushed object (a stroller ahead of its pusher) is let go as soon as the target
/// following it in its zone shows, by how near it has come so far, that it is no pusher. Inside zone 1: zone 1 to zone 0
/// is an exit.
/// </summary>
[TestClass]
public sealed class LeadReleaseTests
{
    [TestMethod]
    public void SeatedPersonFollowedByAnotherSeatedPerson_IsCountedWithoutWaitingForTheSecond()
    {
        // inclusive-wheelchair, footprint, 2.5 m, seed 4, at 234-240 s: two wheelchair users leave close behind each other.
        // The first (1143 mm) is low enough to be a stroller, so each zone holds it back for the target behind it; the second
        // (1230 mm) splits off it with no floor between them, but comes only 90 mm nearer than the first. Before, the first
        // waited until the second had all but passed the zone and was counted 2.7 s after it crossed.
        var run = new PairingScript(2500);
        run.Target(1, start: 234148, end: 236458, height: 1143, episode: 19);
        run.Target(0, start: 234883, end: 237263, height: 1145, episode: 19);
        run.Target(1, start: 236458, onset: 236668, end: 238488, height: 1225, episode: 19);
        run.Target(0, start: 237263, onset: 237333, end: 239153, height: 1230, episode: 19, stillAfter: true, stillMm: 2208);
        run.Empty(0, 239433);
        run.FinishTicking();

        Assert.AreEqual(2, run.Pairing.Exits, run.Describe());
        Assert.AreEqual(0, run.Pairing.PushedObjectMerges, run.Describe());
        Assert.IsTrue(run.FirstCountMs <= 236751 + 2000, $"first exit counted at {run.FirstCountMs}, crossed at 236751");
    }

    [TestMethod]
    public void StrollerSeenBriefly_WaitsForItsPushersHead()
    {
        // inclusive-stroller, raster, 2.5 m, seed 103, at 150-152 s: the zone sees the stroller (894 mm) for only 560 ms,
        // and the pusher's head (462 mm taller) 350 ms after the pusher split off it, later than half the stroller's time.
        // Until the head came, the pusher read no nearer than the stroller. Letting the stroller go at half its time would
        // count it as a person of its own; the pusher's head comes within an arm's reach, so it is waited for. (Zone 1
        // copies zone 0, 400 ms later.)
        var run = new PairingScript(2500);
        for (int zone = 0; zone < 2; zone++)
        {
            long lag = zone * 400;
            run.Target(zone, start: 150533 + lag, end: 151093 + lag, height: 894, episode: 7);
            run.Target(zone, start: 151093 + lag, onset: 151163 + lag, end: 151533 + lag, height: 1356, episode: 7,
                headAt: 151443 + lag, earlyNearest: 2500 - 894);
        }

        run.FinishTicking();

        Assert.AreEqual(1, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
        Assert.AreEqual(2, run.Pairing.PushedObjectMerges, run.Describe());
    }
}
