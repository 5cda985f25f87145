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

    [TestMethod]
    public void StepsOverStandsAndWalksBack_CountsNothing()
    {
        var failures = new List<string>();
        for (int seed = 1; seed <= 6; seed++)
        {
            var run = new CounterZoneScript(2200, FloorMm, Sigma, HalfPeriodMs, seed);
            run.Floor(4000);
            run.Both(1, 26, -2);
            run.Both(1, -21, 19);
            run.Both(1, 25, -32);
            run.Both(1, -25, -6);
            run.Both(1, -41, -5);
            run.Both(1, 141, 15);
            run.Both(1, 437, -23);
            run.Both(1, 977, 50);
            run.Both(1, 1305, -17);
            run.Both(1, 1542, 875);
            run.Both(1, 1575, 1511);
            run.Both(1, 1286, 1587);
            run.Both(1, AlternatingZoneScript.Invalid, 1419);
            run.Both(1, 17, 1085);
            run.Both(1, AlternatingZoneScript.Invalid, 1085);
            run.Both(1, 5, 1061);
            run.Both(1, -8, 1062);
            run.Both(1, -26, 1065);
            run.Both(1, 3, 1068);
            run.Both(1, 27, 1063);
            run.Both(1, -76, 1066);
            run.Both(1, 36, 1080);
            run.Both(1, 16, 1060);
            run.Both(1, -52, 1079);
            run.Both(1, 28, 1052);
            run.Both(1, -2, 1050);
            run.Both(1, -15, 1072);
            run.Both(1, 47, 1078);
            run.Both(1, 4, 1068);
            run.Both(1, -15, 1053);
            run.Both(1, -33, 1071);
            run.Both(1, -45, 1124);
            run.Both(1, -29, 1465);
            run.Both(1, 466, 1580);
            run.Both(1, 1439, 1419);
            run.Both(1, 1580, 423);
            run.Both(1, 1459, -43);
            run.Both(1, 1145, -14);
            run.Both(1, 766, 19);
            run.Both(1, 217, -3);
            run.Both(1, 91, -24);
            run.Both(1, 18, -2);
            run.Both(1, 33, -47);
            run.Both(1, -60, -60);
            run.Both(1, 1, 11);
            run.Both(1, 0, 37);
            run.Floor(4000);

            if (run.Counter.Entries + run.Counter.Exits != 0)
            {
                failures.Add($"noise seed {seed}: {CounterHarness.Describe(run.Counter)}");
            }
        }

        Assert.AreEqual(0, failures.Count, string.Join("\n", failures));
    }
}
