using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// Issue 9, a child walking right ahead of an adult in a surge, seen by a zone that reports the highest surface anywhere
/// in it: the child's head holds a level below the height the head-step split asks of a head (1.3 m), and the adult's
/// head, far taller, comes in as a ramp (their upper body entering the footprint) rather than a switch within a sample.
/// No valley shows, so child and adult were one target and one count. A flat level held like a walker's head, taller
/// than anything pushed, then a level at least a stroller-to-pusher rise nearer, is two people; a stroller's hood and
/// handle, or one adult's own entry ramp, stays one target.
/// </summary>
[TestClass]
public sealed class ChildAheadOfTallerTests
{
    private const int Floor = 2500;
    private const int Sigma = 25;
    private const int PeriodMs = DetectorScript.PeriodMs;
    private const int FloorSamples = DetectorScript.FloorSamples;

    private static readonly int[] ChildRampIn = { 2200, 1950, 1700, 1500 };
    private static readonly int[] AdultRampIn = { 1100, 950, 780 };
    private static readonly int[] RampOut = { 900, 1400, 1900, 2400 };

    [TestMethod]
    public void ChildThenAdultRampingIn_SplitsIntoTwoTargets()
    {
        var events = Run(ChildRampIn, Level(1290, 8), AdultRampIn, Level(650, 7), RampOut, Level(Floor, 10));

        Assert.AreEqual("Rise Split Fall", events.Names);
        Assert.IsTrue(events.Finished[0].NearestMillimeters >= 1270, $"the child's own head level, not the adult's: {events.Finished[0].NearestMillimeters}");
        Assert.IsTrue(events.Finished[1].NearestMillimeters <= 660, "the adult's head");
    }

    [TestMethod]
    public void ChildThenAdultRampingIn_FollowerDatedFromTheRampNotItsLevel()
    {
        // The adult came into the zone when the reading left the child's level (the first ramp sample), not when their
        // own level had held for a head's samples: the other zone's target is compared with that time.
        var events = Run(ChildRampIn, Level(1290, 8), AdultRampIn, Level(650, 7), RampOut, Level(Floor, 10));

        const long rampMs = (FloorSamples + 4 + 8) * PeriodMs;
        Assert.AreEqual("Rise Split Fall", events.Names);
        Assert.AreEqual(rampMs, events.Finished[0].EndMs, "the child ends where the ramp begins");
        Assert.AreEqual(rampMs, events.Finished[1].StartMs);
        Assert.AreEqual(rampMs, events.Finished[1].OnsetMs);
    }

    [TestMethod]
    public void StrollerHoodThenPusherRampingIn_StaysOneTarget()
    {
        // A hood and handle 1.0 m above the floor, then the pusher's forearms, shoulders and head: the pairing stage's to
        // join as one vehicle and its pusher, never split here into a second person.
        var events = Run(ChildRampIn, Level(1500, 12), AdultRampIn, Level(650, 7), RampOut, Level(Floor, 10));

        Assert.AreEqual("Rise Fall", events.Names);
    }

    [TestMethod]
    public void StrollerHandleAsHighAsAChildThenPusher_StaysOneTarget()
    {
        // A handle with the pusher's forearms on it reads 1.2 m above the floor, as high as a child's head, but a stroller
        // holds that level as long as it takes to pass (15 samples, ~1 s), longer than a child's head does.
        var events = Run(ChildRampIn, Level(1290, 15), AdultRampIn, Level(650, 7), RampOut, Level(Floor, 10));

        Assert.AreEqual("Rise Fall", events.Names);
    }

    [TestMethod]
    public void NoisyStrollerHandleThenPusher_StaysOneTarget()
    {
        // The same long level, cut by the ranging noise into short pieces: the last piece alone lasts like a child's head,
        // but the level has been held since its first reading.
        var handle = new[] { 1290, 1280, 1300, 1285, 1370, 1290, 1280, 1300, 1285, 1370, 1290, 1280, 1300, 1285, 1295 };
        var events = Run(ChildRampIn, handle, AdultRampIn, Level(650, 7), RampOut, Level(Floor, 10));

        Assert.AreEqual("Rise Fall", events.Names);
    }

    [TestMethod]
    public void StrollerHoodThenHandleThenPusher_StaysOneTarget()
    {
        // A hood 1.07 m high, then the handle with the pusher's forearms 1.2 m high for a few samples (as brief as a
        // child's head), then the pusher: the handle level came after another level, which a child's head never does.
        var events = Run(ChildRampIn, Level(1430, 10), Level(1300, 4), AdultRampIn, Level(700, 7), RampOut, Level(Floor, 10));

        Assert.AreEqual("Rise Fall", events.Names);
    }

    [TestMethod]
    public void AdultThenStrollerHoodThenHandleThenPusher_HandleIsNoChild()
    {
        // An adult walks ahead of a stroller: the zone holds the adult's head, then the stroller's hood (1.05 m), then,
        // after the valley split at the hood, the handle (1.2 m, as brief as a child's head), then the pusher. The target
        // split off at the hood began out of a level held there, not out of a gap down towards the floor between two
        // bodies, so its first level is the vehicle's handle, not a child's head: only the adult and the stroller's unit.
        var events = Run(
            ChildRampIn, Level(790, 6), new[] { 1100 }, Level(1445, 9), new[] { 1470 }, Level(1320, 7), new[] { 1200, 1050, 950 }, Level(895, 7),
            RampOut, Level(Floor, 10));

        Assert.AreEqual("Rise Split Fall", events.Names);
    }

    [TestMethod]
    public void HandleRisingOutOfTheHoodHeldAsBackground_IsNoChild()
    {
        // Two people close behind each other (a valley between them), then the stroller's hood, farther than that valley:
        // the zone holds the hood as its background once the second person has left, and the handle then rises out of
        // it (after ~1 s, as long as a vehicle takes to pass), not from the floor or a gap between bodies. The handle must
        // not become a target of its own.
        var events = Run(
            ChildRampIn, Level(790, 6), new[] { 1170 }, Level(790, 6), Level(1455, 14), Level(1320, 7), new[] { 1200, 1050, 950 },
            Level(895, 7), RampOut, Level(Floor, 10));

        Assert.IsFalse(events.Finished.Any(f => f.NearestMillimeters >= 1250 && f.NearestMillimeters <= 1340), events.Names);
    }

    [TestMethod]
    public void WheelchairUserAfterAFootrestValleyThenAdult_SplitsIntoTwoTargets()
    {
        // The person ahead leaves, the zone holds the wheelchair's footrest (0.3 m above the floor) for a few samples,
        // then the seated user's head (1.25 m) and, close behind, a taller adult: the footrest is no stroller hood, so
        // the user's head is a head a taller follower splits from (the other zone splits the two too, and a split in one
        // zone only lost both people to a height mismatch).
        var events = Run(
            ChildRampIn, Level(790, 6), new[] { 1400 }, Level(2200, 5), new[] { 1800 }, Level(1250, 7), new[] { 1000 }, Level(700, 7),
            RampOut, Level(Floor, 10));

        Assert.AreEqual("Rise Split Split Fall", events.Names);
    }

    [TestMethod]
    public void WheelchairUserFromTheFloorAfterAHeldFootrestThenAdult_SplitsIntoTwoTargets()
    {
        // The zone rises from the floor to the wheelchair's footrest (0.3 m) held for a few samples, then the seated
        // user's head and a taller adult close behind: the footrest is no level that makes the user's head a vehicle's.
        var events = Run(Level(2200, 6), new[] { 1800 }, Level(1250, 7), new[] { 1000 }, Level(700, 7), RampOut, Level(Floor, 10));

        Assert.AreEqual("Rise Split Fall", events.Names);
    }

    [TestMethod]
    public void AdultsOwnEntryRamp_StaysOneTarget()
    {
        // Chest, shoulders, then the crown: a ramp with no level held as long as a head.
        var events = Run(ChildRampIn, new[] { 1300, 1250, 1150, 1000, 850, 700 }, Level(650, 7), RampOut, Level(Floor, 10));

        Assert.AreEqual("Rise Fall", events.Names);
    }

    private static int[] Level(int distance, int samples) => DetectorScript.Level(distance, samples);

    private static DetectorScript.Recorded Run(params int[][] parts) => DetectorScript.Run(Floor, Sigma, parts);
}
