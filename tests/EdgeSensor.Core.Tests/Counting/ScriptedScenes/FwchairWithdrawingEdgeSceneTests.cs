using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, a wheelchair turning back at the line (readings from a simulated trace, footprint model, 2.2 m mount,
/// inclusive seed 101 at 128.3 s). The chair came into zone 1 (~600 mm), its front reached zone 0 (~320 mm) and went
/// back; as the chair left zone 1, zone 0 read one reading 145 mm above its floor. That lone reading, rising at zone 1's
/// last read cycle, was paired with zone 1's target as its destination side and an exit was counted. A body walking
/// over the line is in the destination zone for as long as its length takes to pass and reads there as high as it is.
/// </summary>
[TestClass]
public sealed class FwchairWithdrawingEdgeSceneTests
{
    // Depths below the floor per read cycle (zone 1, zone 0).
    private static readonly int[,] ChairTurningBack =
    {
        { -12, -5 }, { -16, -31 }, { -23, 5 }, { -6, -5 }, { 5, -14 }, { -1, -3 }, { 3, -12 }, { -32, -5 },
        { -24, 15 }, { -43, 8 }, { 2, 21 }, { -1, 24 }, { -8, -5 }, { 1, 13 }, { -6, 1 }, { -19, 4 }, { 38, -14 },
        { 8, -9 }, { 28, -20 }, { 9, -4 }, { 0, -25 }, { 12, 0 }, { 26, -11 }, { -4, 48 }, { -3, -32 }, { 43, 3 },
        { -7, -15 }, { -15, -29 }, { -2, 1 }, { 18, 32 }, { -3, -5 }, { 238, -21 }, { 325, -18 }, { 312, -38 },
        { 308, 1 }, { 508, 7 }, { 610, 20 }, { 586, 307 }, { 589, 280 }, { 602, 284 }, { 591, 328 }, { 567, 295 },
        { 588, 320 }, { 594, 317 }, { 573, 310 }, { 598, 294 }, { 581, 279 }, { 590, 276 }, { 586, 282 }, { 583, 285 },
        { 561, 322 }, { 598, 304 }, { 594, 329 }, { 604, 295 }, { 576, -13 }, { 581, 7 }, { 578, 15 }, { 320, 8 },
        { 307, -18 }, { 289, 13 }, { 307, -20 }, { 120, 151 }, { -21, 12 }, { -48, -9 }, { -3, 14 }, { -21, 23 },
        { 13, -17 }, { -43, 16 }, { -16, 7 }, { -26, AlternatingZoneScript.Invalid }, { -20, -12 }, { -11, 11 },
        { 7, 10 }, { 18, -19 }, { -10, -15 }, { 9, 4 }, { -11, 11 }, { -32, -11 }, { 10, -12 }, { 3, -17 }, { 23, -5 },
        { 18, 15 }, { -19, -48 }, { 1, 19 }, { -23, -34 }, { -4, -9 }, { 29, 19 }, { -18, -3 }, { 21, -24 },
        { 50, 15 }, { 4, 12 }, { -6, -6 }, { 2, 36 }, { 10, -23 }, { 18, 6 }, { 2, -26 }, { -6, -15 }, { -21, -30 },
    };

    [TestMethod]
    public void LoneLowReadingAsTheChairLeaves_NothingCounted()
    {
        var run = new CounterZoneScript(2200, 2196, 11, 35, seed: 101);
        run.Floor(4000);
        run.Play(ChairTurningBack);
        run.Floor(4000);
        Assert.AreEqual(0, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }
}
