using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// Issue 9, close followers under a 3.0 m mount where a zone reports the highest surface anywhere in it: the zone's
/// footprint holds part of both people, so no valley shows between their heads; the reading holds one head's level and
/// switches within a sample to the other's. Two head-high levels, each held like a walker's head and a step apart that
/// one person's outline cannot make, are two targets; a walker's head and shoulders, a standing person's head at the
/// footprint's edge or a person leaning are one.
/// </summary>
[TestClass]
public sealed class DetectorSplitStepTests
{
    private const int Floor = 2990;
    private const int Sigma = 40;
    private const int PeriodMs = DetectorScript.PeriodMs;
    private const int FloorSamples = DetectorScript.FloorSamples;

    // The first sample of the second head: after the floor, the ramp in and 7 samples of the first head.
    private const long SecondHeadMs = (FloorSamples + 4 + 7) * PeriodMs;

    private static readonly int[] RampIn = { 2500, 2180, 1850, 1660 };
    private static readonly int[] RampOut = { 1580, 1900, 2300, 2700 };

    [TestMethod]
    public void TallerFollower_StepNearer_SplitsWhereTheSecondHeadBegins()
    {
        var events = Run(RampIn, Level(1385, 7), Level(1290, 7), RampOut, Level(Floor, 10));

        Assert.AreEqual("Rise Split Fall", events.Names);
        Assert.AreEqual(SecondHeadMs, events.Finished[0].EndMs, "first head ends where the second's level begins");
    }

    [TestMethod]
    public void TallerFollower_StepNearer_FirstTargetKeepsItsOwnHeadLevel()
    {
        // The split is decided once the nearer level has held like a head, so its samples were read into the first
        // target until then; the first person came only as near as their own head (1385 mm), not the follower's.
        var events = Run(RampIn, Level(1385, 7), Level(1290, 7), RampOut, Level(Floor, 10));

        Assert.AreEqual("Rise Split Fall", events.Names);
        Assert.AreEqual(1375, events.Finished[0].NearestMillimeters, "the first head's level (its lowest reading)");
        Assert.AreEqual(1280, events.Finished[1].NearestMillimeters);
    }

    [TestMethod]
    public void MuchTallerFollower_StepNearerByMoreThanAShoulderDrop_Splits()
    {
        // Two adults 270 mm apart in stature: more than a crown stands above its own shoulders, but a level that comes
        // nearer is never the same person's shoulders (they follow the head, farther), so the size of the step does not
        // matter when it is nearer.
        var events = Run(RampIn, Level(1400, 7), Level(1130, 7), RampOut, Level(Floor, 10));

        Assert.AreEqual("Rise Split Fall", events.Names);
        Assert.AreEqual(SecondHeadMs, events.Finished[0].EndMs, "first head ends where the second's level begins");
    }

    [TestMethod]
    public void ShorterFollower_StepFarther_SplitsWhenTheSecondHeadHasPassed()
    {
        var events = Run(RampIn, Level(1210, 7), Level(1345, 7), RampOut, Level(Floor, 10));

        Assert.AreEqual("Rise Split Fall", events.Names);
        Assert.AreEqual(SecondHeadMs, events.Finished[0].EndMs);
    }

    [TestMethod]
    public void ShorterFollower_StepFarther_DetectedWhenItsLevelHeldLikeAHead()
    {
        // The split is decided only when the farther level ends, but the second head was a head as soon as its level
        // had held for a head's samples: that is when it was detected, so it counts as seen passing, not as a piece
        // confirmed at its very end (a sway), and the pairing keeps it when the other zone splits the two later.
        var events = Run(RampIn, Level(1210, 7), Level(1345, 7), RampOut, Level(Floor, 10));

        Assert.AreEqual("Rise Split Fall", events.Names);
        Assert.AreEqual(SecondHeadMs + 3 * PeriodMs, events.Finished[1].OnsetMs, "onset at the level's fourth sample");
        Assert.IsTrue(TwoBodySpan.IsSeenPassing(events.Finished[1]));
    }

    [TestMethod]
    public void WalkersHeadThenShoulders_StaysOneTarget()
    {
        // Shoulders 260 mm below the crown: more than a step between two heads may be.
        var events = Run(RampIn, Level(1300, 6), Level(1560, 4), RampOut, Level(Floor, 10));

        Assert.AreEqual("Rise Fall", events.Names, events.Names);
    }

    [TestMethod]
    public void StandingPersonHeadAtTheFootprintsEdge_StaysOneTarget()
    {
        // The head leaves the footprint and its side, 140 mm below the crown, stays in view for seconds.
        var events = Run(RampIn, Level(1300, 4), Level(1440, 60), RampOut, Level(Floor, 10));

        Assert.AreEqual("Rise Fall", events.Names, events.Names);
    }

    private static int[] Level(int distance, int samples) => DetectorScript.Level(distance, samples);

    private static DetectorScript.Recorded Run(params int[][] parts) => DetectorScript.Run(Floor, Sigma, parts);
}
