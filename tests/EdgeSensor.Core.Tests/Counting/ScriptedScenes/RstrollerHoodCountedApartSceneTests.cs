using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, a parent pushing a stroller in under a 3.0 m mount (raster model, readings of the simulator's inclusive-stroller
/// scenario, seed 1 at 234.4 s). Both zones see the hood as a low target (~850 mm up) and the pusher's head (~1050-1100 mm)
/// split off it at a valley that stays at the handle's height (~600 mm up: the forearms on the handle), one presence that
/// never cleared. Neither zone could merge them: zone 0's hood held the zone 1.45 times as long as the head, zone 1's
/// less long than the head (the zone's own width pads both times, and the pusher's slow rise over the handle lengthens the
/// head's), and the head stands less than 300 mm above the hood. So the hoods were paired and counted, and the heads counted
/// again. The heads split off the counted hoods in both zones at the very reading each hood ended, above a handle-high gap,
/// and in both zones the head was confirmed several read cycles after the valley (the reach from the handle to the head; a
/// person walking close behind another brings their head in right behind the gap): the pusher of the counted vehicle, one
/// crossing with it.
/// </summary>
[TestClass]
public sealed class RstrollerHoodCountedApartSceneTests
{
    private const int X = AlternatingZoneScript.Invalid;

    // Depths below the floor per read cycle (zone 1, zone 0): the hood reaches zone 0 first, the head follows in both.
    private static readonly int[,] RasterEntry =
    {
        { 76, 322 }, { 101, 289 }, { X, 409 }, { 0, 546 }, { 0, 635 }, { 0, 708 }, { X, 746 }, { X, 767 }, { 123, 818 },
        { 258, 881 }, { 332, 771 }, { 484, 762 }, { 604, 769 }, { 706, 771 }, { 706, 693 }, { 789, 681 }, { 843, 575 },
        { 841, 629 }, { 821, 732 }, { 759, 729 }, { 654, 869 }, { 736, 1000 }, { 702, 1066 }, { 698, 1056 }, { 699, 1108 },
        { 724, 1031 }, { 736, 799 }, { 902, 502 }, { 1057, X }, { 1065, 38 }, { X, 63 }, { 1045, 59 }, { 978, X },
        { 824, 0 }, { 636, 79 }, { 468, 74 }, { 185, 0 }, { 96, 40 }, { X, 0 }, { 0, X }, { X, 0 }, { 23, 10 }, { 0, 0 },
        { 52, 0 }, { 0, 0 }, { 0, 89 },
    };

    [TestMethod]
    public void RasterStrollerEntry_HoodPairedApartFromItsPusher_CountedOnce()
    {
        var run = new CounterZoneScript(3000, 3055, 45, 35, seed: 3);
        run.Floor(4000);
        run.Play(RasterEntry);
        run.Floor(4000);
        Assert.AreEqual(1, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }
}
