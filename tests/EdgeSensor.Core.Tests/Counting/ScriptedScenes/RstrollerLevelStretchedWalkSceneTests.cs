using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, two parents pushing strollers out one after the other under a 3.0 m mount (raster model, readings of the
/// simulator's inclusive-stroller scenario, seed 305 from 52.1 s). The inside zone (1) never clears between them: the
/// second hood, pushed in first, reads there as a low level (~450 mm up) that the zone holds as its background. The hood
/// then reaches zone 0, whose target rises out of the bare floor on those low readings, long before the pusher's head
/// (~1500 mm) comes. The head passes zone 1 first, rising out of the hood's level, then zone 0; so zone 0's target began
/// before and ended after zone 1's, which looked like someone standing in zone 0 and leaning over the line, and the second
/// stroller was not counted. It is the stretched walk (zone 0 read less than half its height when zone 1's target rose),
/// now also when zone 1's target rose out of a level that zone held since before zone 0's target began.
/// </summary>
[TestClass]
public sealed class RstrollerLevelStretchedWalkSceneTests
{
    private const int X = AlternatingZoneScript.Invalid;

    // Depths below the floor per read cycle (zone 1, zone 0).
    private static readonly int[,] RasterExits =
    {
        { 59, 7 }, { X, 36 }, { 309, X }, { 283, 0 }, { X, 35 }, { 753, 131 }, { 386, 143 }, { 357, X }, { 386, 356 },
        { 521, 390 }, { 634, 454 }, { 699, 429 }, { 860, 446 }, { 826, 655 }, { 681, 718 }, { 535, 843 },
        { 187, 882 }, { X, 807 }, { X, 602 }, { 163, 346 }, { 206, X }, { 177, X }, { 318, 23 }, { 265, X },
        { 263, 0 }, { 441, 23 }, { 436, 0 }, { 503, X }, { 418, X }, { 465, X }, { 515, X }, { 389, 217 },
        { 447, 301 }, { 358, 287 }, { 520, 341 }, { 359, 401 }, { 402, 408 }, { 573, 433 }, { 459, 427 },
        { 529, 477 }, { 575, 510 }, { 534, 487 }, { 605, 483 }, { 667, 414 }, { 794, 365 }, { 930, 369 }, { X, 422 },
        { 1266, 491 }, { 1370, 538 }, { 1462, 584 }, { 1505, 599 }, { 1473, 858 }, { 1342, 1079 }, { 1085, 1323 },
        { 721, 1435 }, { 313, 1500 }, { 8, 1476 }, { 0, 1401 }, { X, 1324 }, { 0, 1086 }, { 0, 856 }, { 30, 590 },
        { 5, 405 }, { 12, 94 }, { X, X }, { X, 75 }, { X, X }, { 27, 0 }, { 17, 22 }, { 0, 0 }, { 0, 71 }, { 0, 0 },
        { X, X }, { 0, 9 },
    };

    [TestMethod]
    public void RasterStrollerExits_SecondHeadRisesOutOfItsHoodsLevel_BothCounted()
    {
        var run = new CounterZoneScript(3000, 3042, 65, 35, seed: 4);
        run.Floor(4000);
        run.Play(RasterExits);
        run.Floor(4000);
        Assert.AreEqual(0, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(2, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }
}
