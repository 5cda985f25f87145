using EdgeSensor.Core.Crypto;

namespace EdgeSensor.Core.Tests.Crypto;

[TestClass]
public sealed class FixedTimeTests
{
    [TestMethod]
    public void AreEqual_EqualAndEachSingleDifference_Detected()
    {
        var a = new byte[] { 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
        var b = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
        Assert.IsTrue(FixedTime.AreEqual(a, 1, b, 0, 16));
        Assert.IsTrue(FixedTime.AreEqual(a, 0, b, 0, 0));
        for (int i = 0; i < 16; i++)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                b[i] ^= (byte)(1 << bit);
                Assert.IsFalse(FixedTime.AreEqual(a, 1, b, 0, 16), $"byte {i} bit {bit}");
                b[i] ^= (byte)(1 << bit);
            }
        }
    }

    [TestMethod]
    public void Clear_Range_ZeroesOnlyThatRange()
    {
        var buffer = new byte[] { 1, 2, 3, 4, 5 };
        FixedTime.Clear(buffer, 1, 3);
        CollectionAssert.AreEqual(new byte[] { 1, 0, 0, 0, 5 }, buffer);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => FixedTime.Clear(buffer, 3, 3));
        Assert.ThrowsExactly<ArgumentNullException>(() => FixedTime.AreEqual(null!, 0, buffer, 0, 1));
    }
}
