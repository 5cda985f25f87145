using System.Buffers.Binary;

namespace EdgeSensor.Firmware.Tests;

/// <summary>An assembly the scan accepted: where it starts and how long it is (unpadded).</summary>
internal sealed record ScannedAssembly(int Offset, int Size, Version Version);

/// <summary>
/// Written for the tests independently of the image builder: walks a deployment image as the nanoCLR walks its
/// deployment region at boot (nf-interpreter src/CLR/Startup/CLRStartup.cpp, ContiguousBlockAssemblies, and
/// CLR_RECORD_ASSEMBLY::GoodHeader/GoodAssembly in src/CLR/Core/TypeSystem.cpp).
/// </summary>
internal static class NanoImageScanner
{
    private const int HeaderSize = 124; // sizeof(CLR_RECORD_ASSEMBLY)

    public static IReadOnlyList<ScannedAssembly> Scan(byte[] image)
    {
        var found = new List<ScannedAssembly>();
        var index = 0;
        while (image.Length - index >= HeaderSize)
        {
            var header = image.AsSpan(index, HeaderSize);
            if (!GoodHeader(header))
            {
                index += HeaderSize; // the runtime reads the next header right after this one
                continue;
            }
            var total = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[(40 + 15 * 4)..]); // startOfTables[TBL_EndOfAssembly]
            var padded = (total + 3) & ~3;
            if (total < HeaderSize || image.Length - index < padded)
            {
                break;
            }
            var assemblyCrc = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
            if (Crc(image.AsSpan(index + HeaderSize, total - HeaderSize)) == assemblyCrc)
            {
                var version = new Version(Word(header, 28), Word(header, 30), Word(header, 32), Word(header, 34));
                found.Add(new ScannedAssembly(index, total, version));
            }
            index += padded;
        }
        return found;
    }

    private static bool GoodHeader(ReadOnlySpan<byte> header)
    {
        var copy = header.ToArray();
        var headerCrc = BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(8));
        copy.AsSpan(8, 4).Clear();
        return Crc(copy) == headerCrc
            && Word(header, 38) == 1                       // c_CLR_StringTable_Version
            && header[..7].SequenceEqual("NFMRK1\0"u8);    // c_MARKER_ASSEMBLY_V1
    }

    private static int Word(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt16LittleEndian(data[offset..]);

    // SUPPORT_ComputeCRC (src/CLR/Core/nanoSupport_CRC32.c) bit by bit: polynomial 0x04C11DB7, MSB first, seed 0, no final XOR.
    internal static uint Crc(ReadOnlySpan<byte> data)
    {
        uint crc = 0;
        foreach (var b in data)
        {
            crc ^= (uint)b << 24;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
        }
        return crc;
    }
}
