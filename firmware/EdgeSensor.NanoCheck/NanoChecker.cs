using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace EdgeSensor.NanoCheck;

/// <summary>What a check found, and how much it looked at.</summary>
internal sealed record CheckResult(IReadOnlyList<Finding> Findings, int TypesChecked, int MethodsChecked);

/// <summary>
/// Inspects an assembly built against the nanoFramework mscorlib for what compiles there but the
/// nanoFramework 1.17 runtime or its metadata processor (MDP) rejects. README.md lists the rules.
/// </summary>
internal sealed class NanoChecker
{
    /// <summary>The only assembly the portable core may reference.</summary>
    public static readonly IReadOnlyList<string> DefaultAllowedReferences = ["mscorlib"];

    /// <summary>Generic delegates mscorlib 1.17.11 declares; tolerated so code may name them (docs/nanoframework.md; the core itself avoids them).</summary>
    public static readonly IReadOnlyList<string> MscorlibGenericDelegates =
        ["System.Action`1", "System.Action`2", "System.Func`1", "System.Func`2", "System.Func`3", "System.EventHandler`1"];

    // The MDP skips these attributes (nanoTablesContext.IgnoringAttributes), so their arguments never reach the device.
    private static readonly HashSet<string> IgnoredAttributes = new(StringComparer.Ordinal)
    {
        "System.Reflection.AssemblyFileVersionAttribute", "System.Runtime.InteropServices.ComVisibleAttribute",
        "System.Runtime.InteropServices.GuidAttribute", "System.ParamArrayAttribute", "System.SerializableAttribute",
        "System.NonSerializedAttribute", "System.Runtime.InteropServices.StructLayoutAttribute",
        "System.Runtime.InteropServices.OutAttribute", "System.Runtime.CompilerServices.ExtensionAttribute",
        "System.Runtime.CompilerServices.MethodImplAttribute", "System.Runtime.CompilerServices.NullableAttribute",
        "System.Runtime.CompilerServices.NullableContextAttribute", "System.Runtime.CompilerServices.InternalsVisibleToAttribute",
        "System.Runtime.CompilerServices.IndexerNameAttribute", "System.Runtime.CompilerServices.RefSafetyRulesAttribute",
        "System.Diagnostics.DebuggableAttribute", "System.Diagnostics.DebuggerBrowsableAttribute",
        "System.Diagnostics.DebuggerHiddenAttribute", "System.Diagnostics.DebuggerNonUserCodeAttribute",
        "System.Diagnostics.DebuggerStepThroughAttribute", "System.Diagnostics.DebuggerDisplayAttribute",
        "System.AttributeUsageAttribute", "System.CLSCompliantAttribute", "System.FlagsAttribute", "System.ObsoleteAttribute",
        "System.Diagnostics.ConditionalAttribute", "System.ComponentModel.EditorBrowsableAttribute",
        "System.Reflection.DefaultMemberAttribute", "System.MTAThreadAttribute", "System.STAThreadAttribute",
    };

    // What the MDP serializes for custom attribute arguments (nanoSignaturesTable.WriteAttributeArgumentValue).
    private static readonly HashSet<string> SerializableAttributeArguments = new(StringComparer.Ordinal)
    {
        "System.Boolean", "System.SByte", "System.Byte", "System.Int16", "System.UInt16", "System.Int32", "System.UInt32",
        "System.Int64", "System.UInt64", "System.Single", "System.Double", "System.Char", "System.String", "System.Type",
        "System.Object[]",
    };

    private static readonly HashSet<string> StateMachineAttributes = new(StringComparer.Ordinal)
    {
        "System.Runtime.CompilerServices.AsyncStateMachineAttribute",
        "System.Runtime.CompilerServices.IteratorStateMachineAttribute",
        "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute",
    };

    // Opcodes the nanoCLR interpreter (NETMF lineage) has no implementation for.
    private static readonly HashSet<ILOpCode> UnsupportedOpCodes =
    [
        ILOpCode.Arglist, ILOpCode.Cpblk, ILOpCode.Initblk, ILOpCode.Jmp, ILOpCode.Calli, ILOpCode.Ckfinite,
        ILOpCode.Localloc, ILOpCode.Mkrefany, ILOpCode.Refanytype, ILOpCode.Refanyval,
    ];

    private const int MaxMethodsPerKind = 255; // nanoTypeDefinitionTable: virtual, instance and static counts are bytes

    private readonly IReadOnlyList<AllowedReference> _allowedReferences;

    /// <param name="allowedReferences">Simple names or full identities (see <see cref="AllowedReference"/>);
    /// null allows only <see cref="DefaultAllowedReferences"/>.</param>
    /// <exception cref="ArgumentException">An entry is not an assembly name.</exception>
    public NanoChecker(IEnumerable<string>? allowedReferences = null)
    {
        _allowedReferences = (allowedReferences ?? DefaultAllowedReferences).Select(AllowedReference.Parse).ToList();
    }

    /// <summary>Checks the assembly; <paramref name="pdbPath"/> (portable PDB) adds file and line to findings.</summary>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    public CheckResult Check(string assemblyPath, string? pdbPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException($"{assemblyPath} is not a .NET assembly (no metadata)");
        }
        using var locator = new SourceLocator(pdbPath);
        var run = new Run(pe, pe.GetMetadataReader(), locator, _allowedReferences);
        run.CheckAll();
        return new CheckResult(run.Findings, run.Types, run.Methods);
    }

    private sealed class Run(PEReader pe, MetadataReader md, SourceLocator locator, IReadOnlyList<AllowedReference> allowedReferences)
    {
        private readonly SignatureShapes _shapes = new(md, new HashSet<string>(MscorlibGenericDelegates, StringComparer.Ordinal));
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public List<Finding> Findings { get; } = [];
        public int Types { get; private set; }
        public int Methods { get; private set; }

        public void CheckAll()
        {
            foreach (var handle in md.AssemblyReferences)
            {
                CheckReference(md.GetAssemblyReference(handle));
            }
            CheckAttributes(EntityHandle.AssemblyDefinition, null, null, null);
            foreach (var type in md.TypeDefinitions)
            {
                CheckType(type);
            }
        }

        private void CheckReference(AssemblyReference reference)
        {
            var identity = reference.GetAssemblyName();
            var name = identity.Name ?? "";
            var version = identity.Version ?? new Version(0, 0, 0, 0);
            var token = identity.GetPublicKeyToken() ?? [];
            if (allowedReferences.Any(a => a.Allows(name, version, token)))
            {
                return;
            }
            var sameName = allowedReferences.Where(a => a.Name == name).ToList();
            var text = $"{name}, Version={version}, PublicKeyToken={AllowedReference.Token(token)}";
            Add(Rules.AssemblyReference, sameName.Count > 0
                    ? $"references assembly '{text}': only '{string.Join("' or '", sameName)}' is allowed under that name (another build of it is not what the device runs)"
                    : $"references assembly '{name}': only {string.Join(", ", allowedReferences.Select(a => a.Name).Distinct())} may be referenced (the device has nothing else)",
                null, null, null);
        }

        private void CheckType(TypeDefinitionHandle handle)
        {
            var type = md.GetTypeDefinition(handle);
            var typeName = Names.Of(md, handle);
            if (typeName == "<Module>")
            {
                return;
            }
            Types++;
            SourceLocation? Where() => locator.ForType(md, handle);

            if (type.GetGenericParameters().Count > 0)
            {
                Add(Rules.GenericType, $"generic type definition '{typeName}': the nanoFramework 1.17 runtime does not support generics",
                    typeName, null, Where());
            }
            if (!type.BaseType.IsNil)
            {
                Names.Of(md, type.BaseType, _shapes);
                Report(typeName, null, Where());
            }
            foreach (var impl in type.GetInterfaceImplementations())
            {
                Names.Of(md, md.GetInterfaceImplementation(impl).Interface, _shapes);
                Report(typeName, null, Where());
            }
            CheckAttributes(handle, typeName, null, Where());

            foreach (var fieldHandle in type.GetFields())
            {
                var field = md.GetFieldDefinition(fieldHandle);
                var fieldName = md.GetString(field.Name);
                field.DecodeSignature(_shapes, null);
                Report(typeName, fieldName, Where());
                CheckAttributes(fieldHandle, typeName, fieldName, Where());
            }

            int virtuals = 0, instances = 0, statics = 0;
            foreach (var methodHandle in type.GetMethods())
            {
                var attributes = md.GetMethodDefinition(methodHandle).Attributes;
                if ((attributes & MethodAttributes.Static) != 0) statics++;
                else if ((attributes & MethodAttributes.Virtual) != 0) virtuals++;
                else instances++;
                CheckMethod(methodHandle, typeName);
            }
            foreach (var (kind, count) in new[] { ("virtual", virtuals), ("instance", instances), ("static", statics) })
            {
                if (count > MaxMethodsPerKind)
                {
                    Add(Rules.MethodCount,
                        $"{count} {kind} methods in one type: the metadata processor allows at most {MaxMethodsPerKind}; split the type",
                        typeName, null, Where());
                }
            }
        }

        private void CheckMethod(MethodDefinitionHandle handle, string typeName)
        {
            Methods++;
            var method = md.GetMethodDefinition(handle);
            var name = md.GetString(method.Name);
            var where = locator.ForMethod(handle) ?? locator.ForType(md, method.GetDeclaringType());

            if (method.GetGenericParameters().Count > 0)
            {
                Add(Rules.GenericMethod, $"generic method definition '{name}': the nanoFramework 1.17 runtime does not support generics",
                    typeName, name, where);
            }
            method.DecodeSignature(_shapes, null);
            Report(typeName, name, where);

            foreach (var attributeHandle in method.GetCustomAttributes())
            {
                var attributeName = AttributeTypeName(md.GetCustomAttribute(attributeHandle));
                if (StateMachineAttributes.Contains(attributeName))
                {
                    Add(Rules.StateMachine,
                        $"'{name}' compiles to a state machine ({attributeName}): async/await and iterators do not run on the nanoFramework",
                        typeName, name, where);
                }
            }
            CheckAttributes(handle, typeName, name, where);
            foreach (var parameter in method.GetParameters())
            {
                CheckAttributes(parameter, typeName, name, where);
            }

            if ((method.Attributes & MethodAttributes.PinvokeImpl) != 0
                || (method.ImplAttributes & MethodImplAttributes.InternalCall) != 0)
            {
                Add(Rules.NativeCode,
                    $"'{name}' is implemented in native code (P/Invoke or internal call): the device firmware has no such native method",
                    typeName, name, where);
            }
            if (method.RelativeVirtualAddress == 0)
            {
                return;
            }
            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(_shapes, null);
                Report(typeName, name, where);
            }
            foreach (var instruction in ILScanner.Read(body))
            {
                if (UnsupportedOpCodes.Contains(instruction.OpCode))
                {
                    Add(Rules.UnsupportedInstruction,
                        $"'{name}' uses the IL instruction '{instruction.OpCode.ToString().ToLowerInvariant()}', which the nanoCLR interpreter does not implement",
                        typeName, name, where);
                }
                if (instruction.Token != 0)
                {
                    InspectToken(instruction.Token, typeName, name, where);
                    Report(typeName, name, where);
                }
            }
        }

        // Decodes whatever a token in IL refers to, so generic instantiations, pointers and
        // multidimensional arrays used only inside bodies are found too.
        private void InspectToken(int token, string typeName, string memberName, SourceLocation? where)
        {
            if ((token >> 24) == 0x70)
            {
                return; // ldstr: a user string, not a metadata entity
            }
            var handle = MetadataTokens.EntityHandle(token);
            switch (handle.Kind)
            {
                case HandleKind.TypeSpecification:
                    md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(_shapes, null);
                    break;
                case HandleKind.MethodSpecification:
                    var spec = md.GetMethodSpecification((MethodSpecificationHandle)handle);
                    var arguments = spec.DecodeSignature(_shapes, null);
                    InspectToken(MetadataTokens.GetToken(spec.Method), typeName, memberName, where);
                    Add(Rules.GenericInstantiation,
                        $"call to generic method instantiation '{MemberName(spec.Method)}<{string.Join(", ", arguments)}>': the nanoFramework 1.17 runtime does not support generics",
                        typeName, memberName, where);
                    break;
                case HandleKind.MemberReference:
                    var member = md.GetMemberReference((MemberReferenceHandle)handle);
                    if (member.Parent.Kind == HandleKind.TypeSpecification)
                    {
                        md.GetTypeSpecification((TypeSpecificationHandle)member.Parent).DecodeSignature(_shapes, null);
                    }
                    if (member.GetKind() == MemberReferenceKind.Field)
                    {
                        member.DecodeFieldSignature(_shapes, null);
                    }
                    else
                    {
                        member.DecodeMethodSignature(_shapes, null);
                    }
                    break;
            }
        }

        private string MemberName(EntityHandle method) => method.Kind switch
        {
            HandleKind.MethodDefinition => Names.MethodName(md, (MethodDefinitionHandle)method),
            HandleKind.MemberReference => md.GetString(md.GetMemberReference((MemberReferenceHandle)method).Name),
            _ => method.Kind.ToString(),
        };

        private void CheckAttributes(EntityHandle owner, string? typeName, string? memberName, SourceLocation? where)
        {
            foreach (var handle in md.GetCustomAttributes(owner))
            {
                var attribute = md.GetCustomAttribute(handle);
                var attributeName = AttributeTypeName(attribute);
                if (IgnoredAttributes.Contains(attributeName))
                {
                    continue;
                }
                var parameters = attribute.Constructor.Kind == HandleKind.MethodDefinition
                    ? md.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).DecodeSignature(_shapes, null).ParameterTypes
                    : md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).DecodeMethodSignature(_shapes, null).ParameterTypes;
                Report(typeName, memberName, where);
                foreach (var parameter in parameters)
                {
                    if (!SerializableAttributeArguments.Contains(parameter))
                    {
                        Add(Rules.AttributeArgument,
                            $"attribute '{attributeName}' takes a '{parameter}' argument: the metadata processor serializes only primitives, string, Type and object[] and drops the rest",
                            typeName, memberName, where);
                    }
                }
            }
        }

        private string AttributeTypeName(CustomAttribute attribute)
        {
            EntityHandle type = attribute.Constructor.Kind == HandleKind.MethodDefinition
                ? md.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType()
                : md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            return Names.Of(md, type, _shapes);
        }

        // Turns what the signature decoder noticed into findings against the current member.
        private void Report(string? typeName, string? memberName, SourceLocation? where)
        {
            foreach (var (rule, message) in _shapes.TakeProblems())
            {
                Add(rule, message, typeName, memberName, where);
            }
        }

        private void Add(string rule, string message, string? typeName, string? memberName, SourceLocation? where)
        {
            if (_seen.Add($"{rule}|{message}|{typeName}|{memberName}"))
            {
                Findings.Add(new Finding(rule, message, typeName, memberName, where));
            }
        }
    }
}
