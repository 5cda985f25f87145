using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace EdgeSensor.NanoCheck;

/// <summary>
/// Decodes signatures into readable type names and records, while decoding, the shapes the
/// nanoFramework cannot represent: multidimensional arrays, pointers, generic instantiations.
/// </summary>
internal sealed class SignatureShapes(MetadataReader reader, ISet<string> allowedGenericDelegates)
    : ISignatureTypeProvider<string, object?>, ICustomAttributeTypeProvider<string>
{
    private readonly List<(string Rule, string Message)> _problems = [];
    private readonly HashSet<string> _mscorlibTypes = new(StringComparer.Ordinal);

    /// <summary>Problems seen since the last <see cref="TakeProblems"/>.</summary>
    public List<(string Rule, string Message)> TakeProblems()
    {
        var taken = new List<(string Rule, string Message)>(_problems);
        _problems.Clear();
        return taken;
    }

    public string GetArrayType(string elementType, ArrayShape shape)
    {
        var name = $"{elementType}[{new string(',', Math.Max(shape.Rank - 1, 0))}]";
        _problems.Add((Rules.MultidimensionalArray,
            $"multidimensional array '{name}': the metadata processor has no support for multidimensional arrays; use a jagged or flat array"));
        return name;
    }

    public string GetPointerType(string elementType)
    {
        _problems.Add((Rules.Pointer, $"pointer type '{elementType}*': the metadata processor rejects pointer types"));
        return elementType + "*";
    }

    public string GetFunctionPointerType(MethodSignature<string> signature)
    {
        _problems.Add((Rules.Pointer, "function pointer: the nanoFramework has no function pointers"));
        return "delegate*";
    }

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
    {
        var name = $"{genericType}<{string.Join(", ", typeArguments)}>";
        if (!(_mscorlibTypes.Contains(genericType) && allowedGenericDelegates.Contains(genericType)))
        {
            _problems.Add((Rules.GenericInstantiation,
                $"generic instantiation '{name}': the nanoFramework 1.17 runtime does not support generics (only mscorlib's generic delegates are tolerated)"));
        }
        return name;
    }

    public string GetGenericMethodParameter(object? genericContext, int index) => $"!!{index}";

    public string GetGenericTypeParameter(object? genericContext, int index) => $"!{index}";

    public string GetByReferenceType(string elementType) => $"ref {elementType}";

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

    public string GetPinnedType(string elementType) => $"pinned {elementType}";

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
    {
        PrimitiveTypeCode.Boolean => "System.Boolean",
        PrimitiveTypeCode.Byte => "System.Byte",
        PrimitiveTypeCode.SByte => "System.SByte",
        PrimitiveTypeCode.Char => "System.Char",
        PrimitiveTypeCode.Int16 => "System.Int16",
        PrimitiveTypeCode.UInt16 => "System.UInt16",
        PrimitiveTypeCode.Int32 => "System.Int32",
        PrimitiveTypeCode.UInt32 => "System.UInt32",
        PrimitiveTypeCode.Int64 => "System.Int64",
        PrimitiveTypeCode.UInt64 => "System.UInt64",
        PrimitiveTypeCode.Single => "System.Single",
        PrimitiveTypeCode.Double => "System.Double",
        PrimitiveTypeCode.IntPtr => "System.IntPtr",
        PrimitiveTypeCode.UIntPtr => "System.UIntPtr",
        PrimitiveTypeCode.Object => "System.Object",
        PrimitiveTypeCode.String => "System.String",
        PrimitiveTypeCode.TypedReference => "System.TypedReference",
        PrimitiveTypeCode.Void => "System.Void",
        _ => typeCode.ToString(),
    };

    public string GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind) =>
        Names.Of(metadata, handle);

    public string GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind)
    {
        var name = Names.Of(metadata, handle);
        if (Names.AssemblyOf(metadata, handle) == "mscorlib")
        {
            _mscorlibTypes.Add(name);
        }
        return name;
    }

    public string GetTypeFromSpecification(MetadataReader metadata, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        metadata.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    // Custom attribute arguments: only what the metadata processor serializes matters here.
    public string GetSystemType() => "System.Type";

    public bool IsSystemType(string type) => type == "System.Type";

    public string GetTypeFromSerializedName(string name) => name;

    public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

    public MetadataReader Reader => reader;
}
