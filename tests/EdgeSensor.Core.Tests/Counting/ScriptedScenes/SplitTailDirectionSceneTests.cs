using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, a stroller over the line (raster model, readings from a simulated trace): one zone holds the whole body as one
/// target, the other cuts it at a valley into two (the hood, then the pusher), and the second part reads no more than a
/// vehicle's rise taller, so the pushed-object rule leaves it apart (a wheelchair's chair and user, or the user and the
/// back of the chair, are cut alike). The first part ends before its partner in the other zone although it began after it; the
/// onset and end orders disagreed and the crossing was taken for a turn-back. The first part's presence goes on in the
/// part split off it at the very sample it ended: judged with that end, the orders agree, and the crossing counts once.
/// </summary>
[TestClass]
public sealed class SplitTailDirectionSceneTests
{
    private const int X = AlternatingZoneScript.Invalid;

    // Raster model, 3.0 m mount, seed 307 at 172.6 s, an entry (zone 0 to zone 1): zone 0 holds hood and pusher as one
    // target; zone 1 reads the hood ~700 mm deep, then the pusher ~930 mm after a shallow valley.
    private static readonly int[,] StrollerEntry =
    {
        { 0, 24 }, { 28, 13 }, { X, X }, { 0, 48 }, { 22, 80 }, { 1, 209 }, { 0, 320 }, { 9, 449 }, { 52, 564 }, { 0, 663 },
        { X, 740 }, { 178, 732 }, { X, 705 }, { 436, 682 }, { 593, 619 }, { 730, 604 }, { 750, 681 }, { 745, 868 },
        { 690, 894 }, { 663, 863 }, { 546, 743 }, { 743, 423 }, { 933, 0 }, { 925, 25 }, { 904, 0 }, { 780, 32 },
        { 488, 16 }, { 229, 7 }, { X, 0 }, { 48, 0 }, { 13, 11 }, { 0, 0 }, { 21, 21 },
    };

    // Raster model, 2.8 m mount, seed 103 at 109.2 s, an entry: zone 0 holds hood and pusher as one target; zone 1 reads
    // the hood, then the pusher after a valley, and the pair is decided while the pusher's part is still open in zone 1.
    private static readonly int[,] StrollerEntryDecidedEarly =
    {
        { 46, 9 }, { 33, 36 }, { 0, 215 }, { 0, 386 }, { 26, 521 }, { 49, 755 }, { 27, 792 }, { 210, 850 }, { 396, 877 },
        { 545, 828 }, { 710, 816 }, { 1020, 760 }, { 883, 762 }, { 898, 728 }, { 820, 771 }, { 730, 988 }, { 754, 1151 },
        { 740, 1136 }, { 736, 1027 }, { 1035, 482 }, { 1206, 0 }, { 1163, X }, { 1001, X }, { 710, 38 }, { 306, 0 },
        { 99, 125 }, { 0, 0 }, { 0, 40 }, { 38, 0 }, { 13, X }, { 20, X },
    };

    [TestMethod]
    public void RasterStrollerEntry_SplitInTheDestinationZone_CountedOnce()
    {
        var run = new CounterZoneScript(3000, 3056, 22, 35, seed: 307);
        run.Floor(4000);
        run.Play(StrollerEntry);
        run.Floor(4000);
        Assert.AreEqual(1, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    [TestMethod]
    public void RasterStrollerEntry_DecidedWhileTheRestIsOpen_CountedOnce()
    {
        var run = new CounterZoneScript(2800, 2836, 62, 35, seed: 103);
        run.Floor(4000);
        run.Play(StrollerEntryDecidedEarly);
        run.Floor(4000);
        Assert.AreEqual(1, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }
}
