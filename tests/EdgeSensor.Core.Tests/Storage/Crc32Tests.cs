using EdgeSensor.Core.Storage;

namespace EdgeSensor.Core.Tests.Storage;

[TestClass]
public sealed class Crc32Tests
{
    [TestMethod]
    public void CheckValueMatchesTheCatalogue()
    {
        // The standard check value of CRC-32/ISO-HDLC over "123456789".
        Assert.AreEqual(0xCBF43926u, Crc32.Compute("123456789"u8.ToArray(), 0, 9));
    }

    [TestMethod]
    public void MatchesZlibOnASentenceAndAnOffsetSlice()
    {
        byte[] data = "xxThe quick brown fox jumps over the lazy dogyy"u8.ToArray();
        Assert.AreEqual(0x414FA339u, Crc32.Compute(data, 2, data.Length - 4));
        Assert.AreEqual(0u, Crc32.Compute(data, 3, 0));
    }
}
