namespace EdgeSensor.ImageBuilder;

/// <summary>An assembly that goes into the image: its identity, the .dll it is converted from and what it references.</summary>
/// <param name="Name">Simple name (also the .pe file name).</param>
/// <param name="Version">AssemblyVersion.</param>
/// <param name="DllPath">The compiled assembly the metadata processor reads.</param>
/// <param name="References">Its assembly references, resolved to the assemblies of the image.</param>
internal sealed record ImageAssembly(string Name, Version Version, string DllPath, IReadOnlyList<ImageAssembly> References)
{
    /// <summary>mscorlib is converted with --core: the one assembly that defines the base types itself.</summary>
    public bool IsCoreLibrary => Name == "mscorlib";
}
