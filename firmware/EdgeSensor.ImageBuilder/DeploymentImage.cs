namespace EdgeSensor.ImageBuilder;

/// <summary>One assembly found by <see cref="DeploymentImage.Scan"/>.</summary>
/// <param name="Offset">Where it starts in the image (a multiple of 4).</param>
/// <param name="Size">Its size without padding.</param>
/// <param name="Name">Its name, or null when the name is a runtime built-in string (mscorlib).</param>
internal sealed record FoundAssembly(int Offset, int Size, string? Name, Version Version);

/// <summary>
/// The deployment image: the .pe files back to back, each padded with zeros to a multiple of 4 bytes, written
/// to the start of the deployment region. This is what the nanoFramework Visual Studio build writes as
/// &lt;app&gt;.bin (nf-Visual-Studio-extension Tools.BuildTasks-2019/GenerateBinaryOutputTask.cs: referenced
/// assemblies' .pe first, the app's last) and what `nanoff --deploy --image` flashes unchanged at the
/// deployment address.
/// </summary>
internal static class DeploymentImage
{
    public static byte[] Build(IEnumerable<byte[]> peFiles)
    {
        using var image = new MemoryStream();
        foreach (var pe in peFiles)
        {
            image.Write(pe);
            image.Write(new byte[Pad(pe.Length) - pe.Length]);
        }
        return image.ToArray();
    }

    /// <summary>
    /// Walks the image the way the nanoCLR loads the deployment region at boot (nf-interpreter
    /// src/CLR/Startup/CLRStartup.cpp, ContiguousBlockAssemblies): read a header; if it is not good, skip a
    /// header's length and try again; if it is, take the assembly rounded up to 4 bytes, keep it if its CRC
    /// is good, and go on right after it.
    /// </summary>
    public static IReadOnlyList<FoundAssembly> Scan(ReadOnlySpan<byte> image)
    {
        var found = new List<FoundAssembly>();
        var index = 0;
        while (image.Length - index >= NanoAssemblyHeader.Size)
        {
            var header = NanoAssemblyHeader.Read(image[index..])!;
            if (!header.IsGoodHeader())
            {
                index += NanoAssemblyHeader.Size;
                continue;
            }
            var padded = Pad((int)Math.Min(header.TotalSize, int.MaxValue - 3));
            if (image.Length - index < padded)
            {
                break; // the runtime's read fails here too
            }
            var assembly = image.Slice(index, padded);
            if (header.IsGoodAssembly(assembly))
            {
                found.Add(new FoundAssembly(index, (int)header.TotalSize, header.ReadName(assembly), header.Version));
            }
            index += padded;
        }
        return found;
    }

    /// <summary>ROUNDTOMULTIPLE(size, CLR_UINT32).</summary>
    public static int Pad(int size) => (size + 3) / 4 * 4;
}
