using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, a dense entry queue under a high mount (raster model, 2.8 m, 19 s of a simulated event-surge trace, seed 303:
/// fifteen people walk in, one of them pushing a stroller): the zones never see the bare floor between the walkers, so
/// each target rises out of the short level the gap behind the person ahead leaves (held 490 and 630 ms at 100.1 s).
/// A walker's two targets miss each other by a reading or two (zone 1's begins 105 ms after zone 0's ended), and the next
/// walker is already in zone 0 before zone 1's target ends. That next walker reads clearly unlike the first, whose two
/// targets read alike: one body, and the first walker counts. Before, only targets out of the bare floor were taken for
/// one whole body: the first walker's side in zone 0 was dropped as a stray, zone 1's paired with the next walker's the
/// wrong way round, and the queue counted 11 in and 1 out.
/// </summary>
[TestClass]
public sealed class RsurgeQueueGapPartnerSceneTests
{
    private const int MountMm = 2800;
    private const int FloorMm = 2851;
    private const int Sigma = 46;
    private const int HalfPeriodMs = 35;
    private const int X = AlternatingZoneScript.Invalid;

    // Depths below the floor per read cycle (zone 1, zone 0), from the trace (85.3-104.5 s).
    private static readonly int[,] Queue =
    {
        { -64, -60 }, { 2, 70 }, { -19, -48 }, { -46, -8 }, { 67, 26 }, { -30, 242 }, { 2, 424 }, { 21, 647 }, { -19,
        827 }, { -56, 1036 }, { 30, 1148 }, { -33, 1228 }, { -39, 1234 }, { 248, 1220 }, { 708, 1006 }, { 1021, 720 },
        { 1207, 330 }, { 1238, -18 }, { 1253, -34 }, { 1214, -55 }, { 1017, -34 }, { 851, -44 }, { 608, -59 }, { 392,
        -51 }, { 321, -11 }, { 138, -4 }, { -3, 1 }, { 34, 7 }, { -25, -5 }, { 34, 83 }, { 56, 32 }, { 31, 93 }, { 36,
        117 }, { 52, 180 }, { -30, 228 }, { X, 342 }, { -53, 460 }, { 41, 634 }, { -10, 714 }, { 100, 800 }, { -30, 829
        }, { -11, 882 }, { -39, 846 }, { 204, 760 }, { 304, 608 }, { 598, 498 }, { 734, 190 }, { 853, X }, { 867, 63 },
        { 864, 98 }, { 895, 216 }, { 774, 356 }, { 694, 557 }, { 559, 773 }, { 420, 974 }, { 206, 1143 }, { 186, 1238
        }, { 127, 1317 }, { 105, 1385 }, { 74, 1343 }, { 513, 1206 }, { 928, 1134 }, { 1163, 956 }, { 1298, 826 }, {
        1366, 817 }, { 1352, 913 }, { 1312, 971 }, { 1215, 913 }, { 1040, 880 }, { 897, 857 }, { 888, 684 }, { 895, 500
        }, { 933, 187 }, { 947, X }, { 906, 90 }, { 964, 231 }, { 899, 265 }, { 822, 458 }, { 737, 598 }, { 574, 718 },
        { 431, 862 }, { 240, 956 }, { 119, 928 }, { 71, 948 }, { 83, 936 }, { 294, 797 }, { 600, 608 }, { 741, 323 }, {
        903, 159 }, { 974, 126 }, { 933, 126 }, { 961, 242 }, { 921, 428 }, { 773, 473 }, { 622, 667 }, { 501, 891 }, {
        381, 993 }, { 208, 1072 }, { 26, 1104 }, { 121, 1118 }, { 195, 1070 }, { 419, 969 }, { 758, 834 }, { 918, 736
        }, { 1041, 581 }, { 1113, 576 }, { 1130, 637 }, { 1086, 673 }, { 927, 706 }, { 792, 775 }, { 738, 723 }, { 632,
        755 }, { 581, 707 }, { 580, 726 }, { 561, X }, { 573, 700 }, { 683, 680 }, { 716, 686 }, { 717, 722 }, { 778,
        801 }, { 751, 919 }, { 754, 1075 }, { 520, 1261 }, { 718, 1420 }, { 692, 1566 }, { 644, 1646 }, { 678, 1706 },
        { 840, 1699 }, { 1198, 1594 }, { 1477, 1344 }, { 1605, 1005 }, { 1701, 395 }, { 1693, 61 }, { 1634, 188 }, {
        1529, 302 }, { 1359, 472 }, { 1171, 714 }, { 914, 839 }, { 723, 1060 }, { 447, 1255 }, { 225, 1359 }, { 186,
        1403 }, { 66, 1414 }, { 346, 1355 }, { 754, 1189 }, { 1088, 936 }, { 1279, X }, { 1397, 139 }, { 1410, 162 }, {
        1379, 210 }, { 1296, 425 }, { 1155, 505 }, { 969, 778 }, { 795, 932 }, { 540, 1126 }, { 382, 1205 }, { 188,
        1314 }, { 66, 1328 }, { 73, 1290 }, { 490, 1205 }, { 865, 986 }, { 1128, 653 }, { 1222, 325 }, { 1345, 135 }, {
        1351, 255 }, { 1276, 503 }, { 1172, 517 }, { 1038, 740 }, { 898, 877 }, { 664, 1035 }, { 503, 1145 }, { 267,
        1157 }, { 155, 1136 }, { 272, 1038 }, { 509, 916 }, { 832, 692 }, { 1001, 434 }, { 1080, 97 }, { 1152, 3 }, {
        1159, X }, { 1083, 208 }, { 966, 282 }, { 826, 481 }, { 639, 582 }, { 511, 758 }, { 406, 882 }, { 183, 980 }, {
        109, 980 }, { 74, 1038 }, { 54, 1042 }, { 205, 923 }, { 610, 794 }, { 795, 696 }, { 908, 648 }, { 988, 852 }, {
        1045, 1023 }, { 1006, 1189 }, { 973, 1372 }, { 830, 1459 }, { 679, 1515 }, { 619, 1533 }, { 832, 1445 }, {
        1074, 1273 }, { 1335, 985 }, { 1456, 449 }, { 1546, 9 }, { 1502, 134 }, { 1447, 144 }, { 1327, 222 }, { 1169,
        376 }, { 956, 469 }, { 759, 644 }, { 514, 648 }, { 358, 689 }, { 174, 649 }, { 93, 736 }, { 51, 637 }, { 209,
        543 }, { X, 441 }, { 459, 345 }, { 591, 72 }, { 711, 31 }, { 726, 123 }, { 698, 201 }, { 729, 308 }, { 623, 455
        }, { 526, 647 }, { 466, 774 }, { 351, 894 }, { 192, 946 }, { 160, 977 }, { 111, 903 }, { 129, 959 }, { 370, 844
        }, { 614, 656 }, { 756, 394 }, { 932, 177 }, { 1014, X }, { 1031, 159 }, { 987, 257 }, { 900, 416 }, { 831, 617
        }, { 681, 877 }, { 575, 1104 }, { 349, 1275 }, { 224, 1364 }, { 108, 1467 }, { 150, 1464 }, { 309, 1401 }, {
        836, 1241 }, { 1136, 921 }, { 1354, 491 }, { 1491, -42 }, { 1475, -13 }, { 1439, -11 }, { 1345, -10 }, { 1166,
        51 }, { 905, 41 }, { 718, -65 }, { 551, -19 }, { 356, 131 }, { 207, -21 }, { 87, -12 }, { X, 30 }, { -22, -21
        }, { 5, X }, { 0, 36 }, { 0, -6 }, { 53, 20 }, { -34, 53 }, { 45, X }, { 69, 0 }, { 58, 3 }, { -10, -19 },
    };

    [TestMethod]
    public void QueueWalkersWhoseTargetsMissEachOther_AreCountedIn()
    {
        var run = new CounterZoneScript(MountMm, FloorMm, Sigma, HalfPeriodMs, seed: 3);
        run.Floor(4000);
        run.Play(Queue);
        run.Floor(4000);
        Assert.IsTrue(run.Counter.Entries >= 13, CounterHarness.Describe(run.Counter));
        Assert.IsTrue(run.Counter.Entries <= 15, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }
}
