using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// Issue 9, footprint event surge: a tall child (1.30-1.36 m) walking right ahead of an adult. The child's head stands
/// above the 1.3 m the low-head rule stopped at, so that rule left it alone, and the adult's head comes in as a ramp over
/// three or more readings, too slow for the head-step split: child and adult were one target and one count. A level
/// held like a walker's head and a level at least 300 mm nearer reached by a short ramp is a taller follower at any
/// height of the first head; a vehicle's levels still stay one target.
/// </summary>
[TestClass]
public sealed class FpsurgeHeadHighChildTests
{
    private const int Floor = 2500;
    private const int Sigma = 25;

    // 1.32 m above the floor: head-high for the step rule, but reached and left by ramps.
    private const int ChildHead = Floor - 1320;

    private static readonly int[] RampIn = { 2200, 1900, 1600, 1350 };
    private static readonly int[] AdultRampIn = { 1080, 980, 900 };
    private static readonly int[] RampOut = { 1100, 1500, 1900, 2400 };

    [TestMethod]
    public void HeadHighChildThenAdultRampingIn_SplitsIntoTwoTargets()
    {
        var events = Run(RampIn, Level(ChildHead, 8), AdultRampIn, Level(820, 7), RampOut, Level(Floor, 10));

        Assert.AreEqual("Rise Split Fall", events.Names, events.Names);
        Assert.IsTrue(events.Finished[0].NearestMillimeters >= ChildHead - 20, $"the child's own head: {events.Finished[0].NearestMillimeters}");
        Assert.IsTrue(events.Finished[1].NearestMillimeters <= 830, "the adult's head");
    }

    [TestMethod]
    public void HeadHighLevelHeldAsLongAsAVehicle_ThenPusher_StaysOneTarget()
    {
        // Held 15 readings (~1 s): as long as a stroller and the reach to its handle take to pass, longer than a head.
        var events = Run(RampIn, Level(ChildHead, 15), AdultRampIn, Level(820, 7), RampOut, Level(Floor, 10));

        Assert.AreEqual("Rise Fall", events.Names);
    }

    [TestMethod]
    public void HoodThenHeadHighLevelThenPusher_StaysOneTarget()
    {
        // A hood 1.0 m high, then a brief level at 1.32 m, then the pusher: a level held before it makes it a vehicle's.
        var events = Run(RampIn, Level(1500, 10), Level(ChildHead, 4), AdultRampIn, Level(820, 7), RampOut, Level(Floor, 10));

        Assert.AreEqual("Rise Fall", events.Names);
    }

    [TestMethod]
    public void AdultLeaningUpFromShoulderLevel_SmallRise_StaysOneTarget()
    {
        // One adult whose head comes in slowly from a level 200 mm farther (a lean, a nod): under the 300 mm a taller
        // follower stands above the head ahead.
        var events = Run(RampIn, Level(ChildHead, 8), new[] { 1100, 1050 }, Level(980, 7), RampOut, Level(Floor, 10));

        Assert.AreEqual("Rise Fall", events.Names);
    }

    private static int[] Level(int distance, int samples) => DetectorScript.Level(distance, samples);

    private static DetectorScript.Recorded Run(params int[][] parts) => DetectorScript.Run(Floor, Sigma, parts);
}
