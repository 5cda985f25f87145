namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, raster loiter at 2.2 m (seed 303, 499.5-510.0 s): a person walks out over the line and stops across it, and
/// stands there for 20 s (they go out at 520.6 s). Zone 1, where they came from, settles on them as a still level in
/// the presence their target began; zone 0, where they stand, holds them as a target for 3.4 s (they sway, so the zone
/// does not settle on them until 506.4 s). The crossing must wait for the zones to judge it as a stander's: someone who
/// stopped across the line stands in the zone they crossed into too, and a target held there this long (longer than a
/// walker's body takes to pass a zone) is that, whether or not the zone has settled yet. Waiting for the zone to settle,
/// the exit was confirmed at 506.2 s, while they stood. Depths are how much nearer than the floor a zone reads (X: an
/// invalid reading); read cycles (zone 1, zone 0).
/// </summary>
[TestClass]
public sealed class RloiterStoodAsTargetSceneTests
{
    private const int X = AlternatingZoneScript.Invalid;

    private static readonly int[,] StandingAcross =
    {
        { 67, -16 }, { 50, 1 }, { -28, -6 }, { -30, -7 }, { 18, -19 }, { 33, -37 }, { -19, 11 }, { -27, 12 },
        { 43, 71 }, { 100, 25 }, { 353, 10 }, { 761, 21 }, { 1109, 0 }, { 1371, 11 }, { 1508, 1095 }, { 1481, 1480 },
        { 1200, 1365 }, { 1200, 1375 }, { 1207, 1360 }, { 1185, 1368 }, { 1191, 1362 }, { 1208, 1377 }, { 1208, 1386 }, { 1229, 1399 },
        { 1229, 1423 }, { 1251, 1430 }, { 1285, 1436 }, { 1283, 1468 }, { 1299, 1480 }, { 1323, 1508 }, { 1341, 1517 }, { 1365, 1533 },
        { 1386, 1539 }, { 1418, 1571 }, { 1427, 1593 }, { 1451, 1596 }, { 1473, 1606 }, { 1471, 1604 }, { 1484, 1610 }, { 1470, 1618 },
        { 1480, 1613 }, { 1470, 1601 }, { 1461, 1592 }, { 1469, 1586 }, { 1446, 1576 }, { 1424, 1571 }, { 1411, 1550 }, { 1390, 1535 },
        { 1369, 1514 }, { 1356, 1503 }, { 1330, 1479 }, { 1294, 1452 }, { 1282, 1446 }, { 1270, 1425 }, { 1240, 1402 }, { 1237, 1394 },
        { 1215, 1377 }, { 1221, 1373 }, { 1206, 1366 }, { 1220, 1366 }, { 1192, 1372 }, { 1182, 1359 }, { 1214, 1357 }, { 1204, 1384 },
        { 1216, 1384 }, { 1226, 1398 }, { 1225, 1410 }, { 1245, 1424 }, { 1260, 1455 }, { 1289, 1464 }, { 1316, 1485 }, { 1334, 1497 },
        { 1340, 1517 }, { 1374, 1537 }, { 1394, 1559 }, { 1412, 1572 }, { 1422, 1591 }, { 1461, 1593 }, { 1460, 1586 }, { 1463, 1607 },
        { 1476, 1611 }, { 1472, 1617 }, { 1477, 1609 }, { 1471, 1613 }, { 1461, 1598 }, { 1480, 1602 }, { 1454, 1593 }, { 1438, 1584 },
        { 1416, 1563 }, { 1417, 1546 }, { 1397, 1532 }, { 1368, 1518 }, { 1353, 1503 }, { 1330, 1478 }, { 1307, 1451 }, { 1284, 1435 },
        { 1265, 1427 }, { 1247, 1411 }, { 1224, 1395 }, { 1207, 1388 }, { 1214, 1384 }, { 1198, 1378 }, { 1206, 1369 }, { 1207, 1370 },
        { 1188, 1358 }, { 1196, 1365 }, { 1190, 1372 }, { 1202, 1398 }, { 1237, 1413 }, { 1219, 1417 }, { 1249, 1428 }, { 1279, 1441 },
        { 1290, 1457 }, { 1297, 1494 }, { 1325, 1508 }, { 1352, 1523 }, { 1382, 1537 }, { 1391, 1562 }, { 1404, 1571 }, { 1418, 1589 },
        { 1448, 1587 }, { 1451, 1601 }, { 1462, 1609 }, { 1474, 1613 }, { 1460, 1616 }, { 1479, 1619 }, { 1476, 1605 }, { 1480, 1600 },
        { 1464, 1594 }, { 1450, 1584 }, { 1445, 1597 }, { 1428, 1568 }, { 1424, 1554 }, { 1397, 1526 }, { 1370, 1510 }, { 1336, 1507 },
        { 1315, 1458 }, { 1299, 1458 }, { 1265, 1434 }, { 1260, 1421 }, { 1250, 1403 }, { 1221, 1377 }, { 1163, 1379 }, { 1230, 1383 },
        { 1216, 1374 }, { 1208, 1366 }, { 1186, 1364 }, { 1205, 1358 }, { 1208, 1375 },
    };

    [TestMethod]
    public void StoodAcrossTheLineHeldAsATarget_NothingCountedWhileTheyStand()
    {
        var run = new CounterZoneScript(2200, 2235, 26, 35, seed: 2);
        run.Floor(4000);
        run.Play(StandingAcross);

        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Entries, CounterHarness.Describe(run.Counter));
    }
}
