using System.Buffers.Binary;
using System.Text;

namespace EdgeSensor.ImageBuilder;

/// <summary>
/// The header the metadata processor puts at the start of every .pe (CLR_RECORD_ASSEMBLY, nf-interpreter
/// src/CLR/Include/nanoCLR_Types.h): marker "NFMRK1", header and assembly CRCs, version, name, and the start
/// offset of each of the 16 tables, the last of which is the assembly's total size. Little-endian.
/// </summary>
internal sealed class NanoAssemblyHeader
{
    /// <summary>sizeof(CLR_RECORD_ASSEMBLY): 8 marker + 5×4 + 8 version + 2 name + 2 string table version + 16×4 tables + 4 + 16 padding.</summary>
    public const int Size = 124;

    private const int HeaderCrcOffset = 8;
    private const int AssemblyCrcOffset = 12;
    private const int VersionOffset = 28;
    private const int NameOffset = 36;
    private const int StringTableVersionOffset = 38;
    private const int TablesOffset = 40;
    private const int StringsTable = 11;      // TBL_Strings
    private const int SignaturesTable = 12;   // TBL_Signatures, the table after the strings
    private const int ByteCodeTable = 13;     // TBL_ByteCode, the method bodies
    private const int ResourcesFilesTable = 14; // TBL_ResourcesFiles, the table after the byte code
    private const int EndOfAssembly = 15;     // TBL_EndOfAssembly
    private const ushort StringTableVersion = 1; // c_CLR_StringTable_Version
    private static readonly byte[] Marker = "NFMRK1\0"u8.ToArray(); // c_MARKER_ASSEMBLY_V1 with its terminator

    private readonly byte[] _header;

    private NanoAssemblyHeader(byte[] header) => _header = header;

    /// <summary>Reads the header at the start of <paramref name="data"/>, or null when fewer than <see cref="Size"/> bytes remain.</summary>
    public static NanoAssemblyHeader? Read(ReadOnlySpan<byte> data) =>
        data.Length < Size ? null : new NanoAssemblyHeader(data[..Size].ToArray());

    public uint HeaderCrc => BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(HeaderCrcOffset));

    public uint AssemblyCrc => BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(AssemblyCrcOffset));

    public Version Version => new(Word(VersionOffset), Word(VersionOffset + 2), Word(VersionOffset + 4), Word(VersionOffset + 6));

    /// <summary>Size of the assembly in bytes, header included (startOfTables[TBL_EndOfAssembly]).</summary>
    public uint TotalSize => TableStart(EndOfAssembly);

    /// <summary>
    /// Bytes of the byte code table (every method body). The metadata processor addresses a body by a 16-bit offset
    /// into it, so it must stay under <see cref="MaxByteCodeBytes"/>.
    /// </summary>
    public uint ByteCodeSize => TableStart(ResourcesFilesTable) - TableStart(ByteCodeTable);

    /// <summary>The largest byte code table an assembly can have: its offsets are 16-bit (CLR_OFFSET).</summary>
    public const int MaxByteCodeBytes = ushort.MaxValue;

    /// <summary>CLR_RECORD_ASSEMBLY::GoodHeader: CRC of the header with headerCRC zeroed, string table version, marker.</summary>
    public bool IsGoodHeader()
    {
        var copy = (byte[])_header.Clone();
        copy.AsSpan(HeaderCrcOffset, 4).Clear();
        return NanoCrc.Compute(copy) == HeaderCrc
            && Word(StringTableVersionOffset) == StringTableVersion
            && _header.AsSpan(0, Marker.Length).SequenceEqual(Marker);
    }

    /// <summary>CLR_RECORD_ASSEMBLY::GoodAssembly: a good header, and the CRC of everything after it.</summary>
    public bool IsGoodAssembly(ReadOnlySpan<byte> assembly) =>
        IsGoodHeader() && TotalSize >= Size && assembly.Length >= TotalSize
        && NanoCrc.Compute(assembly[Size..(int)TotalSize]) == AssemblyCrc;

    /// <summary>
    /// The assembly's name from its own string table, or null when the name is one of the runtime's built-in
    /// strings (an index past the assembly's table: nf-interpreter src/CLR/Core/StringTable.cpp), as for mscorlib.
    /// </summary>
    public string? ReadName(ReadOnlySpan<byte> assembly)
    {
        var start = TableStart(StringsTable) + Word(NameOffset);
        var end = Math.Min(TableStart(SignaturesTable), (uint)assembly.Length);
        if (start >= end)
        {
            return null;
        }
        var text = assembly[(int)start..(int)end];
        var terminator = text.IndexOf((byte)0);
        return terminator < 0 ? null : Encoding.UTF8.GetString(text[..terminator]);
    }

    private ushort Word(int offset) => BinaryPrimitives.ReadUInt16LittleEndian(_header.AsSpan(offset));

    private uint TableStart(int table) => BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(TablesOffset + 4 * table));
}
