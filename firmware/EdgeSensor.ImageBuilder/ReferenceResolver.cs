using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace EdgeSensor.ImageBuilder;

/// <summary>
/// Finds every assembly the app needs on the device: the app's assembly references, their references and so
/// on, each resolved among the build's resolved reference paths (never a hand-kept list). The result is in
/// load order: each assembly after everything it references, the app last.
/// </summary>
internal static class ReferenceResolver
{
    private sealed record Identity(string Name, Version Version, string Path, IReadOnlyList<(string Name, Version Version)> References);

    /// <exception cref="BuildError">A reference is not among the candidates, or its version cannot satisfy the nanoCLR.</exception>
    public static IReadOnlyList<ImageAssembly> Resolve(string appPath, IEnumerable<string> candidatePaths)
    {
        var candidates = new Dictionary<string, Identity>(StringComparer.Ordinal);
        foreach (var path in candidatePaths.Select(System.IO.Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            var identity = Read(path);
            if (candidates.TryGetValue(identity.Name, out var other) && other.Version != identity.Version)
            {
                throw new BuildError(ErrorCodes.VersionMismatch, path,
                    $"two versions of '{identity.Name}' among the references: {other.Version} ({other.Path}) and {identity.Version}");
            }
            candidates.TryAdd(identity.Name, identity);
        }

        var app = Read(System.IO.Path.GetFullPath(appPath));
        var ordered = new List<ImageAssembly>();
        var done = new Dictionary<string, ImageAssembly>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        Visit(app, candidates, done, visiting, ordered);
        return ordered;
    }

    private static ImageAssembly Visit(Identity identity, Dictionary<string, Identity> candidates,
        Dictionary<string, ImageAssembly> done, HashSet<string> visiting, List<ImageAssembly> ordered)
    {
        if (done.TryGetValue(identity.Name, out var existing))
        {
            return existing;
        }
        if (!visiting.Add(identity.Name))
        {
            throw new BuildError(ErrorCodes.Unresolved, identity.Path, $"'{identity.Name}' is part of a reference cycle");
        }
        var references = new List<ImageAssembly>();
        foreach (var (name, version) in identity.References.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            if (!candidates.TryGetValue(name, out var target))
            {
                throw new BuildError(ErrorCodes.Unresolved, identity.Path,
                    $"'{identity.Name}' references '{name}' {version}, which is not among the build's resolved references; add the nanoFramework library that ships it (NanoLibrary item)");
            }
            // The nanoCLR binds an assembly reference by name, major and minor version
            // (nf-interpreter src/CLR/Core/TypeSystem.cpp, CLR_RT_TypeSystem::FindAssembly with fExact=false).
            if (target.Version.Major != version.Major || target.Version.Minor != version.Minor)
            {
                throw new BuildError(ErrorCodes.VersionMismatch, identity.Path,
                    $"'{identity.Name}' references '{name}' {version}, but the build resolved {target.Version} ({target.Path}); the device binds only the same major.minor version");
            }
            references.Add(Visit(target, candidates, done, visiting, ordered));
        }
        visiting.Remove(identity.Name);
        var assembly = new ImageAssembly(identity.Name, identity.Version, identity.Path, references);
        done.Add(identity.Name, assembly);
        ordered.Add(assembly);
        return assembly;
    }

    private static Identity Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new BuildError(ErrorCodes.Unresolved, path, "assembly not found");
        }
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                throw new BuildError(ErrorCodes.Unresolved, path, "not a .NET assembly (no metadata)");
            }
            var md = pe.GetMetadataReader();
            var definition = md.GetAssemblyDefinition();
            var references = md.AssemblyReferences
                .Select(h => md.GetAssemblyReference(h))
                .Select(r => (md.GetString(r.Name), r.Version))
                .ToList();
            return new Identity(md.GetString(definition.Name), definition.Version, path, references);
        }
        catch (BadImageFormatException e)
        {
            throw new BuildError(ErrorCodes.Unresolved, path, $"not a readable .NET assembly ({e.Message})");
        }
    }
}
