using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace EdgeSensor.NanoCheck.Tests;

/// <summary>Compiles a small source file into a temporary assembly (with portable PDB) for the checker to inspect.</summary>
internal static class PlantedAssembly
{
    public const string SourceFile = "Planted.cs";

    private static readonly string NanoMscorlib = Path.Combine(AppContext.BaseDirectory, "nano", "mscorlib.dll");

    /// <summary>Against the nanoFramework mscorlib, as the compile gate builds the core.</summary>
    public static string CompileForNano(string source, bool allowUnsafe = false, params MetadataReference[] extra) =>
        Compile(source, allowUnsafe, [MetadataReference.CreateFromFile(NanoMscorlib), .. extra]);

    /// <summary>Against this test's own .NET runtime: for what the nano mscorlib cannot even compile (async, iterators).</summary>
    public static string CompileForDotNet(string source)
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        return Compile(source, false, [.. platform]);
    }

    /// <summary>A referenced assembly (not mscorlib) that planted code can depend on.</summary>
    public static MetadataReference LibraryForNano(string name, string source)
    {
        var path = Compile(source, false, [MetadataReference.CreateFromFile(NanoMscorlib)], name);
        return MetadataReference.CreateFromFile(path);
    }

    private static string Compile(string source, bool allowUnsafe, MetadataReference[] references, string? name = null)
    {
        name ??= "Planted" + Guid.NewGuid().ToString("N")[..8];
        var tree = CSharpSyntaxTree.ParseText(SourceText.From(source, System.Text.Encoding.UTF8), new CSharpParseOptions(LanguageVersion.CSharp9), SourceFile);
        var compilation = CSharpCompilation.Create(name, [tree], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: allowUnsafe,
                nullableContextOptions: NullableContextOptions.Disable));
        var directory = Directory.CreateTempSubdirectory("nanocheck-").FullName;
        var dll = Path.Combine(directory, name + ".dll");
        using (var peStream = File.Create(dll))
        using (var pdbStream = File.Create(Path.ChangeExtension(dll, ".pdb")))
        {
            var result = compilation.Emit(peStream, pdbStream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
            if (!result.Success)
            {
                Assert.Fail("planted source did not compile: " + string.Join(Environment.NewLine, errors));
            }
        }
        return dll;
    }
}
