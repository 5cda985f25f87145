using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// The pairing stage in a dense one-way flow under a high mount, where people read low enough to be held back as a
/// possible stroller ahead of its pusher: a target waiting in that hold is the other side of the crossing as much as a
/// queued or open one, and a poorly fitting oldest target must not be paired before it shows up in the queue.
/// Inside zone 1: zone 0 to zone 1 is an entry.
/// </summary>
[TestClass]
public sealed class SurgeHeldLeadTests
{
    [TestMethod]
    public void FaintStrayAheadOfAPersonHeldBack_DoesNotLockTheFlowIntoExits()
    {
        // event-surge, raster 3.0 m, seed 3, 118-128 s: a person reading barely above the floor (300 mm in zone 0,
        // 280 mm in zone 1), then five people entering about 1.6 s apart, each reading 670-880 mm (a blended head under
        // a 3.0 m mount, below the 1150 mm of a pushed object, so each is held back for the pair gap). The faint one's
        // zone-1 side began in the read cycle of the next person's zone-0 side: paired with it, the door rule took the two
        // for a leaf appearing at once, the next person's zone-1 side was left over, and every later person's zone-1 side
        // paired with the following person's zone-0 side as an exit.
        var run = new PairingScript(mount: 3000);
        run.Target(0, start: 118333, end: 118893, nearest: 2729, episode: 34, height: 300);
        run.Target(0, start: 118963, end: 119173, nearest: 2850, episode: 35, height: 179);
        run.Target(1, start: 119628, end: 120118, nearest: 2772, episode: 24, height: 278);
        run.Target(0, start: 119663, end: 120853, nearest: 2291, episode: 36, height: 738);
        run.Target(1, start: 120608, end: 121728, nearest: 2291, episode: 25, height: 759);
        run.Target(0, start: 121273, end: 122533, nearest: 2215, episode: 37, height: 814);
        run.Target(1, start: 122288, end: 123478, nearest: 2207, episode: 26, height: 843);
        run.Target(0, start: 122953, end: 124143, nearest: 2255, episode: 38, height: 774);
        run.Target(1, start: 123898, end: 125018, nearest: 2298, episode: 27, height: 752);
        run.Target(0, start: 124563, end: 125683, nearest: 2364, episode: 39, height: 665);
        run.Target(1, start: 125438, end: 126698, nearest: 2380, episode: 28, height: 670);
        run.Target(0, start: 126103, end: 127363, nearest: 2229, episode: 40, height: 800);
        run.Target(1, start: 127048, end: 128308, nearest: 2166, episode: 29, height: 884);
        run.FinishTicking();

        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
        Assert.IsTrue(run.Pairing.Entries >= 5, run.Describe());
    }

    [TestMethod]
    public void StrollerHeldBackBeforeItsPusher_IsStillOneCrossing()
    {
        // A stroller's hood (low) then its pusher, split apart in both zones, entering: the hold must still merge each
        // zone's hood with its pusher, so waiting on a held-back target cannot count the vehicle on its own.
        var run = new PairingScript(mount: 3000);
        run.Target(0, start: 91453, end: 92363, nearest: 2222, episode: 16, height: 821);
        run.Target(1, start: 91908, end: 92748, nearest: 2204, episode: 16, height: 839);
        run.Target(0, start: 92363, end: 92923, nearest: 1850, episode: 16, height: 1193, onset: 92573);
        run.Target(1, start: 92748, end: 93238, nearest: 1845, episode: 16, height: 1198, onset: 92818);
        run.FinishTicking();

        Assert.AreEqual(1, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }
    [TestMethod]
    public void LoitererSwayingPieceHeldBack_DoesNotTurnTheStayIntoExits()
    {
        // loiter, raster 3.0 m, seed 3, 303-313 s: someone entering stops under the sensor in zone 0 for 8 s; their
        // presence there splits at valleys into pieces (a sway), each low enough to be held back. A held piece split off
        // the one before is the same body, no new person: waiting on it dropped the first piece as left over and paired
        // the rest against zone 1's reading of the stay as exits.
        var run = new PairingScript(mount: 3000);
        run.Target(0, start: 303133, end: 303903, nearest: 2229, episode: 54, height: 813);
        run.Target(1, start: 303588, end: 304778, nearest: 2627, episode: 17, height: 416);
        run.Target(0, start: 303903, end: 304953, nearest: 2383, episode: 54, height: 659, onset: 303973);
        run.Target(0, start: 305023, end: 309293, nearest: 2313, episode: 54, height: 729, origin: TargetOrigin.Background);
        run.Target(0, start: 309293, end: 309643, nearest: 2345, episode: 54, height: 697, onset: 309573);
        run.Target(1, start: 304848, end: 312408, nearest: 2499, episode: 18, height: 544);
        run.Target(0, start: 312373, end: 312513, nearest: 2222, episode: 54, height: 820, origin: TargetOrigin.Background);
        run.FinishTicking();

        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }
}
