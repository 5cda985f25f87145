using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// The pairing stage in a dense one-way flow where one zone kept a slow, low body (a stroller's hood) as part of a long
/// target that the head pushing it only reached later, while the other zone took the hood for its background and saw
/// the head alone. The head's target there lies within the long one in time, yet it is no touch across the line: the
/// long target's own head had not yet come when it rose. Inside zone 1: zone 0 to zone 1 is an entry.
/// </summary>
[TestClass]
public sealed class FplockHeadArrivalTests
{
    [TestMethod]
    public void HeadWithinALongHoodTarget_DoesNotLockTheFlowIntoExits()
    {
        // event-surge, footprint 2.5 m, seed 5, 219-229 s: zone 0 settled on a stroller's hood (about 1430 mm away) as a
        // still level, so its pusher's head (906 mm) rose out of that background alone; zone 1 held hood and head as one
        // target from 220.6 s to 222.7 s, reading 1428 mm until the head came at 222.0 s. Dropped as a sway nested in the
        // long target, the head's zone-0 side left the long target to pair with the next person's zone-0 side as an exit,
        // and every later person's zone-1 side paired with the following person's zone-0 side: 8 missed, 6 false exits.
        var run = new PairingScript(mount: 2500);
        run.Target(0, start: 219623, end: 220323, nearest: 841, episode: 62, origin: TargetOrigin.Background, reportedAt: 221163,
            stillAfter: true, stillMm: 1430, settled: true);
        run.Target(1, start: 220078, end: 220638, nearest: 836, episode: 56, origin: TargetOrigin.Background, reportedAt: 220708);
        run.Target(0, start: 221513, end: 222213, nearest: 906, episode: 62, origin: TargetOrigin.Background);
        run.Target(1, start: 220638, end: 222668, nearest: 904, episode: 56, onset: 220708, headAt: 221968, earlyNearest: 1428);
        run.Target(0, start: 222353, end: 223123, nearest: 903, episode: 62, origin: TargetOrigin.Background);
        run.Target(1, start: 222738, end: 223578, nearest: 896, episode: 56, origin: TargetOrigin.Background);
        run.Target(0, start: 223263, end: 223963, nearest: 870, episode: 62, origin: TargetOrigin.Background);
        run.Target(1, start: 223718, end: 224418, nearest: 867, episode: 56, origin: TargetOrigin.Background);
        run.Target(0, start: 224173, end: 225013, nearest: 934, episode: 62, origin: TargetOrigin.Background);
        run.Target(1, start: 224698, end: 225538, nearest: 936, episode: 56, origin: TargetOrigin.Background);
        run.Target(0, start: 225223, end: 225993, nearest: 869, episode: 62, origin: TargetOrigin.Background);
        run.Target(1, start: 225678, end: 226518, nearest: 872, episode: 56, origin: TargetOrigin.Background);
        run.Target(0, start: 226133, end: 226903, nearest: 838, episode: 62, origin: TargetOrigin.Background);
        run.Target(1, start: 226518, end: 227428, nearest: 838, episode: 56, onset: 226588);
        run.Target(0, start: 226973, end: 227813, nearest: 767, episode: 62, origin: TargetOrigin.Background);
        run.Target(1, start: 227498, end: 228338, nearest: 765, episode: 56, origin: TargetOrigin.Background);
        run.Target(0, start: 227883, end: 228723, nearest: 873, episode: 62, origin: TargetOrigin.Background);
        run.Target(1, start: 228408, end: 229248, nearest: 880, episode: 56, origin: TargetOrigin.Background);
        run.FinishTicking();

        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
        Assert.IsTrue(run.Pairing.Entries >= 7, run.Describe());
    }

    [TestMethod]
    public void ShoulderLeaningOverTheLine_IsStillNoCrossing()
    {
        // Someone standing in zone 1 with their head in view all along leans a shoulder over the line: zone 0 sees a short
        // target lower than the head, within zone 1's target in time. That touch is no side of a crossing.
        var run = new PairingScript(mount: 2500);
        run.Target(1, start: 10000, end: 14000, nearest: 850, episode: 3);
        run.Target(0, start: 11500, end: 12200, nearest: 1200, episode: 4);
        run.FinishTicking();

        Assert.AreEqual(0, run.Pairing.Entries + run.Pairing.Exits, run.Describe());
    }
}
