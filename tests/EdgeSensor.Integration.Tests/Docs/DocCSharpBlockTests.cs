using System.Reflection;
using EdgeSensor.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EdgeSensor.Integration.Tests.Docs;

/// <summary>
/// Every C# block in README.md, docs/ and hardware/ that is not marked for the device compiles as a console app of its
/// own (top-level statements, the implicit usings of a new console project) against .NET 10, the SDK, the core and
/// Microsoft.Extensions.Hosting: what an integrator who pastes it into a new project with those packages gets.
/// </summary>
[TestClass]
public sealed class DocCSharpBlockTests
{
    private static readonly string[] ImplicitUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    ];

    [TestMethod]
    public void EveryDotNetBlock_Compiles()
    {
        var blocks = DocCodeBlocks.All(RepositoryRoot.Path).Where(b => !b.Firmware).ToList();
        Assert.IsGreaterThanOrEqualTo(4, blocks.Count, "the README and docs/sdk.md samples at least");

        var references = References();
        var failures = new List<string>();
        foreach (DocCodeBlock block in blocks)
        {
            string usings = string.Concat(ImplicitUsings.Select(u => $"global using global::{u};\n"));
            var trees = new[]
            {
                CSharpSyntaxTree.ParseText(usings, path: "ImplicitUsings.cs"),
                CSharpSyntaxTree.ParseText(block.Code, new CSharpParseOptions(LanguageVersion.Latest), path: block.ToString()),
            };
            var compilation = CSharpCompilation.Create(
                "DocBlock", trees, references,
                new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                failures.Add($"{block}: {string.Join("; ", errors.Take(3).Select(e => e.GetMessage()))}");
            }
        }

        Assert.IsEmpty(failures, "C# blocks in the docs that do not compile:\n" + string.Join('\n', failures));
    }

    private static List<MetadataReference> References()
    {
        // The framework, plus every assembly beside the tests: the SDK, the core, Microsoft.Extensions.Hosting and theirs.
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
        paths.AddRange(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"));
        return paths
            .Where(p => IsManaged(p))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))
            .ToList();
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
