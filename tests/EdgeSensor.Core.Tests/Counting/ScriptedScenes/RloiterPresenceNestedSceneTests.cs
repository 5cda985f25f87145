using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, raster loiter at 2.5 m: a person walks in through zone 0, stands straddling the line (head over zone 0, a
/// shoulder's blend over zone 1) and goes back out through zone 0. Zone 0's presence is cut into pieces (a floor-born
/// target, a valley split, then a target born out of its background as they leave); zone 1 holds one long, low target.
/// The last zone-0 piece alone is not around zone 1's target, and paired with it as an exit. Judged by zone 0's whole
/// presence (from the body's arrival), zone 1's target is nested in it: no crossing.
/// Mount 2.5 m, inside zone 1. Depths are how much nearer than the floor a zone reads (X: an invalid reading).
/// </summary>
[TestClass]
public sealed class RloiterPresenceNestedSceneTests
{
    private const int MountMm = 2500;
    private const int FloorMm = 2540;
    private const int Sigma = 25;
    private const int HalfPeriodMs = 35;
    private const int X = AlternatingZoneScript.Invalid;

    // Loiter, raster, 2.5 m, seed 3, 301.0-314.4 s: read cycles (zone 1, zone 0).
    private static readonly int[,] StandAndBack =
    {
        { 0, 0 }, { 9, 0 }, { 6, 0 }, { 40, 13 }, { 0, 0 }, { 15, 37 }, { 37, 45 }, { 0, 0 },
        { X, 0 }, { 0, 0 }, { 68, 0 }, { 0, 36 }, { 9, 1 }, { 18, X }, { 0, 0 }, { 15, 19 },
        { 11, 34 }, { 0, 0 }, { 0, 0 }, { 0, 18 }, { 0, 0 }, { 26, 19 }, { 75, 0 }, { X, 0 },
        { 18, 0 }, { 0, 104 }, { 0, 0 }, { 0, 70 }, { 38, 9 }, { 0, 142 }, { 0, 253 }, { 15, 572 },
        { 6, 848 }, { 0, 1133 }, { 0, 1232 }, { 162, 1129 }, { 596, 1064 }, { 611, 1079 }, { 617, 1091 }, { 617, 1061 },
        { 620, 1056 }, { 565, 1078 }, { 610, 1046 }, { 569, 1062 }, { 618, 1062 }, { 604, 1084 }, { 592, 1074 }, { 594, 1078 },
        { 638, 1088 }, { 603, 1056 }, { 575, 1053 }, { 593, 1094 }, { 642, 1090 }, { 608, 1120 }, { 523, 1094 }, { 574, 1098 },
        { 590, 1075 }, { 612, 1109 }, { 592, 1083 }, { 632, 1075 }, { 565, 1055 }, { 661, 1101 }, { 623, 1115 }, { 650, 1111 },
        { 653, 1073 }, { 644, 1097 }, { 586, 1087 }, { 632, 1063 }, { 622, 1063 }, { 631, 1095 }, { 625, 1105 }, { 594, 1068 },
        { 548, 1083 }, { 590, 1069 }, { 604, 1068 }, { 578, 1105 }, { 626, 1061 }, { 574, 1070 }, { 616, 1057 }, { 596, 1067 },
        { 646, 1081 }, { 619, 1051 }, { 626, 1042 }, { 626, 1081 }, { 591, 1060 }, { 584, 1091 }, { 600, 1075 }, { 635, 1062 },
        { 621, 1082 }, { 595, 1060 }, { 641, 1072 }, { 642, 1085 }, { 587, 1064 }, { 607, 1090 }, { 645, 1090 }, { 642, 1094 },
        { 588, 1107 }, { 574, 1090 }, { 611, 1071 }, { 656, 1101 }, { 588, 1121 }, { 612, 1082 }, { 647, 1090 }, { 608, 1033 },
        { 622, 1072 }, { 642, 1081 }, { 629, 1088 }, { 652, 1068 }, { 627, 1100 }, { 662, 1080 }, { 652, 1044 }, { 594, 1104 },
        { 714, 1106 }, { 618, 1081 }, { 607, 1106 }, { 609, 1102 }, { 547, 1083 }, { 565, 1080 }, { 653, 1113 }, { 631, 1091 },
        { 592, 1074 }, { 607, 1093 }, { 608, 1047 }, { 669, 1079 }, { 617, 1101 }, { 571, 1065 }, { 606, 1072 }, { 664, 1086 },
        { 611, 1051 }, { 578, 1055 }, { 650, 1052 }, { 625, 1081 }, { 641, 1062 }, { 611, 1099 }, { 640, 1051 }, { 592, 1089 },
        { 626, 1069 }, { 632, 1052 }, { 620, 1101 }, { 611, 1098 }, { 574, 1042 }, { 598, 1119 }, { 609, 1107 }, { 599, 1078 },
        { 638, 1103 }, { 620, 1081 }, { 583, 1073 }, { 654, 1074 }, { 614, 1079 }, { 610, 1078 }, { 610, 1084 }, { 617, 1053 },
        { 633, 1091 }, { 612, 1070 }, { 539, 1098 }, { 634, 1083 }, { 609, 1054 }, { 607, 1120 }, { 590, 1099 }, { 573, 1078 },
        { 274, 1206 }, { 9, 1198 }, { 0, 1011 }, { 0, 739 }, { 0, 449 }, { 0, 166 }, { 46, 65 }, { 0, 0 },
        { 0, 5 }, { 0, 0 }, { 95, 0 }, { 0, 0 }, { 0, 0 }, { 0, 35 }, { 18, 0 }, { 0, 0 },
        { 1, 0 }, { 0, 0 }, { 0, 0 }, { 0, 16 }, { 13, 16 }, { 0, 0 }, { 0, 0 }, { 41, 0 },
        { 0, 0 }, { 0, 0 }, { 10, 0 }, { 0, 47 }, { 0, 34 }, { 13, 0 }
    };

    [TestMethod]
    public void StraddlerGoesBackThroughZone0_CountsNothing()
    {
        var run = new CounterZoneScript(MountMm, FloorMm, Sigma, HalfPeriodMs, seed: 3);
        run.Floor(4000);
        run.Play(StandAndBack);
        run.Floor(4000);

        Assert.AreEqual(0, run.Counter.Entries + run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }
}
