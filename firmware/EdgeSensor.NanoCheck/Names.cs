using System.Reflection.Metadata;

namespace EdgeSensor.NanoCheck;

/// <summary>Readable full names for metadata handles.</summary>
internal static class Names
{
    public static string Of(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var name = reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return Of(reader, declaring) + "+" + name;
        }
        var ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public static string Of(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        var name = reader.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return Of(reader, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
        }
        var ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>The name of the assembly a type reference resolves to, or null if it is not another assembly.</summary>
    public static string? AssemblyOf(MetadataReader reader, TypeReferenceHandle handle)
    {
        var scope = reader.GetTypeReference(handle).ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
        {
            scope = reader.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
        }
        return scope.Kind == HandleKind.AssemblyReference
            ? reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name)
            : null;
    }

    public static string Of(MetadataReader reader, EntityHandle type, SignatureShapes shapes) => type.Kind switch
    {
        HandleKind.TypeDefinition => Of(reader, (TypeDefinitionHandle)type),
        HandleKind.TypeReference => shapes.GetTypeFromReference(reader, (TypeReferenceHandle)type, 0),
        HandleKind.TypeSpecification => reader.GetTypeSpecification((TypeSpecificationHandle)type).DecodeSignature(shapes, null),
        _ => type.Kind.ToString(),
    };

    public static string MethodName(MetadataReader reader, MethodDefinitionHandle handle) =>
        reader.GetString(reader.GetMethodDefinition(handle).Name);
}
