using System.Buffers.Binary;
using EdgeSensor.Core.Bytes;

namespace EdgeSensor.Core.Tests.Bytes;

[TestClass]
public sealed class LittleEndianTests
{
    [TestMethod]
    public void WriteUInt32_KnownValue_LeastSignificantByteFirst()
    {
        var buffer = new byte[6];
        LittleEndian.WriteUInt32(buffer, 1, 0x11223344u);
        CollectionAssert.AreEqual(new byte[] { 0, 0x44, 0x33, 0x22, 0x11, 0 }, buffer);
    }

    [TestMethod]
    public void ReadWrite_RandomValues_MatchBinaryPrimitives()
    {
        var random = new Random(20261124);
        var buffer = new byte[16];
        for (int i = 0; i < 10_000; i++)
        {
            ulong value = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40);
            int offset = random.Next(0, 9);

            LittleEndian.WriteUInt64(buffer, offset, value);
            Assert.AreEqual(value, BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(offset)));
            Assert.AreEqual(value, LittleEndian.ReadUInt64(buffer, offset));

            LittleEndian.WriteUInt32(buffer, offset, (uint)value);
            Assert.AreEqual((uint)value, BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset)));
            Assert.AreEqual((uint)value, LittleEndian.ReadUInt32(buffer, offset));

            LittleEndian.WriteUInt16(buffer, offset, (ushort)value);
            Assert.AreEqual((ushort)value, BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(offset)));
            Assert.AreEqual((ushort)value, LittleEndian.ReadUInt16(buffer, offset));
        }
    }

    [TestMethod]
    [DataRow(-1)]
    [DataRow(5)]
    [DataRow(int.MaxValue)]
    public void ReadUInt32_OutOfRange_Throws(int offset)
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => LittleEndian.ReadUInt32(new byte[8], offset));
    }

    [TestMethod]
    public void WriteUInt16_NullBuffer_Throws()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => LittleEndian.WriteUInt16(null!, 0, 1));
    }
}
