using EdgeSensor.Core.Drivers.Vl53l1x;

namespace EdgeSensor.Core.Tests.Drivers;

[TestClass]
public sealed class Vl53l1xRoiTests
{
    // UM2555's SPAD map: 128 top left, 248 top right, 120 bottom left, 0 bottom right (pin 1); 199 the default
    // centre; 167 and 231 the centres of the left and right halves used for two-zone counting (UM2600).
    [TestMethod]
    [DataRow(0, 15, 128)]
    [DataRow(15, 15, 248)]
    [DataRow(0, 0, 120)]
    [DataRow(15, 0, 0)]
    [DataRow(8, 8, 199)]
    [DataRow(4, 8, 167)]
    [DataRow(12, 8, 231)]
    [DataRow(8, 7, 63)]
    [DataRow(0, 8, 135)]
    [DataRow(0, 7, 127)]
    public void SpadNumber_MatchesTheUm2555Map(int column, int row, int spad)
    {
        Assert.AreEqual(spad, Vl53l1xRoi.SpadNumber(column, row));
        Vl53l1xRoi.Position(spad, out int c, out int r);
        Assert.AreEqual((column, row), (c, r));
    }

    [TestMethod]
    public void Position_IsTheInverseOfSpadNumber_ForEverySpad()
    {
        var seen = new HashSet<int>();
        for (int spad = 0; spad < 256; spad++)
        {
            Vl53l1xRoi.Position(spad, out int column, out int row);
            Assert.AreEqual(spad, Vl53l1xRoi.SpadNumber(column, row));
            Assert.IsTrue(seen.Add(column * 16 + row), "each SPAD has its own position");
        }
    }

    [TestMethod]
    [DataRow(16, 16, 0xFF)]
    [DataRow(8, 16, 0xF7)]
    [DataRow(4, 4, 0x33)]
    [DataRow(16, 4, 0x3F)]
    [DataRow(6, 8, 0x75)]
    public void EncodeSize_PutsHeightInTheHighNibble(int width, int height, int encoded)
    {
        Assert.AreEqual((byte)encoded, Vl53l1xRoi.EncodeSize(width, height));
        Vl53l1xRoi.DecodeSize((byte)encoded, out int w, out int h);
        Assert.AreEqual((width, height), (w, h));
    }

    [TestMethod]
    public void EncodeSize_RejectsSidesOutside4To16()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Vl53l1xRoi.EncodeSize(3, 16));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Vl53l1xRoi.EncodeSize(8, 17));
    }

    [TestMethod]
    public void TwoZoneCentres_SplitTheArrayIntoItsHalves()
    {
        Vl53l1xRoi.Position(167, out int left, out _);
        Vl53l1xRoi.Position(231, out int right, out _);
        Assert.AreEqual(0, Vl53l1xRoi.FirstIndex(left, 8), "zone 0: columns 0..7");
        Assert.AreEqual(8, Vl53l1xRoi.FirstIndex(right, 8), "zone 1: columns 8..15");
        Assert.AreEqual(0, Vl53l1xRoi.FirstIndex(8, 16), "the default 16 × 16 ROI on SPAD 199 covers the array");
    }
}
