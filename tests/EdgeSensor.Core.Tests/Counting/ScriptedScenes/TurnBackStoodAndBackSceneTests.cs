using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, raster turn-back at 2.2 m (turn-back scene, fresh seed 506 at 271.0-273.4 s): a person steps from zone 1
/// over the line into zone 0, stands there (zone 0 settles on their still level) and walks straight back. Their step out
/// is a crossing held; walking back, their zone-0 target rises off the still level they stood on in the same read cycle
/// as zone 1 sees them again, so the door rule (appeared at once) refused the way back and the held crossing was
/// confirmed: an exit counted for nobody. A pair refused that way whose target in the crossing's destination zone rose out
/// of that crossing's own presence, with heads as near as the crossing's (a leaf's edge reads otherwise), is the person
/// going back (CrossingStateMachine.IsHeadBack). Depths are how much nearer than the floor a zone reads, as recorded.
/// </summary>
[TestClass]
public sealed class TurnBackStoodAndBackSceneTests
{
    private const int FloorMm = 2240;
    private const int Sigma = 33;
    private const int HalfPeriodMs = 35;

    private const int X = AlternatingZoneScript.Invalid;

    // Recorded read cycles (zone 1, zone 0), depths below the floor.
    private static readonly int[,] StoodAndBack =
    {
        { 26, -2 }, { -21, 19 }, { 25, -32 }, { -25, -6 }, { -41, -5 }, { 141, 15 }, { 437, -23 }, { 977, 50 },
        { 1305, -17 }, { 1542, 875 }, { 1575, 1511 }, { 1286, 1587 }, { X, 1419 }, { 17, 1085 }, { X, 1085 },
        { 5, 1061 }, { -8, 1062 }, { -26, 1065 }, { 3, 1068 }, { 27, 1063 }, { -76, 1066 }, { 36, 1080 }, { 16, 1060 },
        { -52, 1079 }, { 28, 1052 }, { -2, 1050 }, { -15, 1072 }, { 47, 1078 }, { 4, 1068 }, { -15, 1053 },
        { -33, 1071 }, { -45, 1124 }, { -29, 1465 }, { 466, 1580 }, { 1439, 1419 }, { 1580, 423 }, { 1459, -43 },
        { 1145, -14 }, { 766, 19 }, { 217, -3 }, { 91, -24 }, { 18, -2 }, { 33, -47 }, { -60, -60 }, { 1, 11 },
        { 0, 37 },
    };

    [TestMethod]
    public void StepsOverStandsAndWalksBack_CountsNothing()
    {
        var failures = new List<string>();
        for (int seed = 1; seed <= 6; seed++)
        {
            var run = new CounterZoneScript(2200, FloorMm, Sigma, HalfPeriodMs, seed);
            run.Floor(4000);
            run.Play(StoodAndBack);
            run.Floor(4000);

            if (run.Counter.Entries + run.Counter.Exits != 0)
            {
                failures.Add($"noise seed {seed}: {CounterHarness.Describe(run.Counter)}");
            }
        }

        Assert.AreEqual(0, failures.Count, string.Join("\n", failures));
    }
}
