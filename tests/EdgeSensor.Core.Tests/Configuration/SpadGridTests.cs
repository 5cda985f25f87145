using EdgeSensor.Core.Configuration;

namespace EdgeSensor.Core.Tests.Configuration;

[TestClass]
public sealed class SpadGridTests
{
    [TestMethod]
    [DataRow(128, 0, 0)]
    [DataRow(248, 15, 0)]
    [DataRow(135, 0, 7)]
    [DataRow(167, 4, 7)]
    [DataRow(199, 8, 7)]
    [DataRow(231, 12, 7)]
    [DataRow(255, 15, 7)]
    [DataRow(127, 0, 8)]
    [DataRow(120, 0, 15)]
    [DataRow(7, 15, 8)]
    [DataRow(0, 15, 15)]
    public void ColumnAndRow_FollowStsSpadMap(int spad, int column, int row)
    {
        Assert.AreEqual(column, SpadGrid.ColumnOf(spad));
        Assert.AreEqual(row, SpadGrid.RowOf(spad));
    }

    [TestMethod]
    public void EverySpad_HasItsOwnCell()
    {
        var cells = Enumerable.Range(0, 256).Select(s => (SpadGrid.ColumnOf(s), SpadGrid.RowOf(s))).ToHashSet();
        Assert.HasCount(256, cells);
        Assert.IsTrue(cells.All(c => c.Item1 is >= 0 and < 16 && c.Item2 is >= 0 and < 16));
    }

    [TestMethod]
    [DataRow(199, 16, 16, true)]
    [DataRow(167, 8, 16, true)]
    [DataRow(231, 8, 16, true)]
    [DataRow(239, 8, 16, false)]
    [DataRow(159, 8, 16, false)]
    [DataRow(198, 16, 16, false)]
    [DataRow(145, 4, 4, true)]
    [DataRow(128, 4, 4, false)]
    [DataRow(0, 1, 1, true)]
    public void RoiFits_OnlyInsideTheArray(int center, int width, int height, bool fits)
    {
        Assert.AreEqual(fits, SpadGrid.RoiFits(center, width, height));
    }
}
