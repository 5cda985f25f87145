using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace EdgeSensor.Firmware.Tests;

/// <summary>Compiles planted firmware sources as the firmware project does, and runs the build's tools on them.</summary>
internal static class PlantedApp
{
    public const string File = "Planted.cs";

    /// <summary>An app assembly compiled against exactly the references the Release build resolved, plus <paramref name="extra"/>.</summary>
    public static (string? Exe, IReadOnlyList<string> Errors) Compile(string source, params MetadataReference[] extra)
    {
        var references = FirmwareBuild.References().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).Concat(extra);
        return Emit("EdgeSensor.Firmware", source, OutputKind.ConsoleApplication, references);
    }

    /// <summary>A library against every reference the Release build resolved (mscorlib and the nanoFramework libraries).</summary>
    public static (string? Dll, IReadOnlyList<string> Errors) CompileLibrary(string name, string source)
    {
        var references = FirmwareBuild.References().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        return Emit(name, source, OutputKind.DynamicallyLinkedLibrary, references);
    }

    /// <summary>A library against the nano mscorlib only, e.g. a vendor assembly the build never resolved.</summary>
    public static MetadataReference Library(string name, string source)
    {
        var mscorlib = FirmwareBuild.References().Single(p => Path.GetFileName(p) == "mscorlib.dll");
        var (dll, errors) = Emit(name, source, OutputKind.DynamicallyLinkedLibrary, [MetadataReference.CreateFromFile(mscorlib)]);
        Assert.IsNotNull(dll, string.Join(Environment.NewLine, errors));
        return MetadataReference.CreateFromFile(dll);
    }

    /// <summary>Runs a .NET tool of the build (a dll) with the arguments; returns its exit code and all it printed.</summary>
    public static (int Exit, string Output) RunTool(string dll, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    // As the firmware project compiles: C# 9, no standard library, nullable off, portable PDB for file and line.
    private static (string? Path, IReadOnlyList<string> Errors) Emit(string name, string source, OutputKind kind, IEnumerable<MetadataReference> references)
    {
        var tree = CSharpSyntaxTree.ParseText(SourceText.From(source, System.Text.Encoding.UTF8),
            new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: ["NANOFRAMEWORK_1_0"]), File);
        var compilation = CSharpCompilation.Create(name, [tree], references,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Disable));
        var path = System.IO.Path.Combine(Directory.CreateTempSubdirectory("planted-app-").FullName,
            name + (kind == OutputKind.ConsoleApplication ? ".exe" : ".dll"));
        EmitResult result;
        using (var peStream = System.IO.File.Create(path))
        using (var pdbStream = System.IO.File.Create(System.IO.Path.ChangeExtension(path, ".pdb")))
        {
            result = compilation.Emit(peStream, pdbStream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        }
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        return (result.Success ? path : null, errors);
    }
}
