namespace EdgeSensor.ImageBuilder;

/// <summary>
/// The nanoCLR's CRC-32: polynomial 0x04C11DB7, most significant bit first, no reflection, no final XOR,
/// seed given by the caller (0 for assembly headers). Same as SUPPORT_ComputeCRC in nf-interpreter
/// src/CLR/Core/nanoSupport_CRC32.c; its table is what <see cref="Table"/> computes.
/// </summary>
internal static class NanoCrc
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data, uint crc = 0)
    {
        foreach (var b in data)
        {
            crc = Table[((crc >> 24) ^ b) & 0xFF] ^ (crc << 8);
        }
        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var value = i << 24;
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 0x80000000) != 0 ? (value << 1) ^ 0x04C11DB7 : value << 1;
            }
            table[i] = value;
        }
        return table;
    }
}
