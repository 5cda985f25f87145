using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace EdgeSensor.NanoCheck;

/// <summary>Maps methods and types to source lines through the assembly's portable PDB (if present).</summary>
internal sealed class SourceLocator : IDisposable
{
    // Roslyn records the documents of types that have no method bodies (enums, interfaces) under this id.
    private static readonly Guid TypeDefinitionDocuments = new("932E74BC-DBA9-4478-8D46-0F32A7BAB3D3");

    private readonly MetadataReaderProvider? _provider;
    private readonly MetadataReader? _pdb;

    public SourceLocator(string? pdbPath)
    {
        if (pdbPath is null || !File.Exists(pdbPath))
        {
            return;
        }
        _provider = MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(pdbPath));
        _pdb = _provider.GetMetadataReader();
    }

    public SourceLocation? ForMethod(MethodDefinitionHandle method)
    {
        if (_pdb is null)
        {
            return null;
        }
        var info = _pdb.GetMethodDebugInformation(method.ToDebugInformationHandle());
        foreach (var point in info.GetSequencePoints())
        {
            if (!point.IsHidden)
            {
                return new SourceLocation(_pdb.GetString(_pdb.GetDocument(point.Document).Name), point.StartLine);
            }
        }
        return null;
    }

    public SourceLocation? ForType(MetadataReader assembly, TypeDefinitionHandle type)
    {
        if (_pdb is null)
        {
            return null;
        }
        foreach (var method in assembly.GetTypeDefinition(type).GetMethods())
        {
            if (ForMethod(method) is { } location)
            {
                return location;
            }
        }
        foreach (var handle in _pdb.GetCustomDebugInformation(type))
        {
            var info = _pdb.GetCustomDebugInformation(handle);
            if (_pdb.GetGuid(info.Kind) != TypeDefinitionDocuments)
            {
                continue;
            }
            var blob = _pdb.GetBlobReader(info.Value);
            if (blob.RemainingBytes > 0)
            {
                var document = MetadataTokens.DocumentHandle(blob.ReadCompressedInteger());
                return new SourceLocation(_pdb.GetString(_pdb.GetDocument(document).Name), 1);
            }
        }
        return null;
    }

    public void Dispose() => _provider?.Dispose();
}
