using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace EdgeSensor.Firmware.Tests;

/// <summary>
/// A file planted in the app goes through the firmware build's two gates: the compile against the nanoFramework
/// mscorlib and libraries the build resolved (obj/Release/nanoimage.rsp), then EdgeSensor.NanoCheck with the
/// allow-list the build wrote (obj/Release/nanocheck-app.rsp), run as a process exactly as the build runs it.
/// </summary>
[TestClass]
public sealed class PlantedAppFileTests
{
    private const string PlantedFile = "Planted.cs";

    [TestMethod]
    public void SystemMathFailsTheCompileByName()
    {
        var (dll, errors) = Compile("""
            namespace EdgeSensor.Firmware
            {
                public static class Program
                {
                    public static void Main() { int level = System.Math.Abs(-3); level++; }
                }
            }
            """);

        Assert.IsNull(dll);
        Assert.IsTrue(errors.Any(e => e.Contains("error CS0234") && e.Contains("'Math'") && e.Contains(PlantedFile + "(5,")),
            string.Join(Environment.NewLine, errors));
    }

    [TestMethod]
    public void AGenericClassFailsTheCheckerByName()
    {
        var (dll, errors) = Compile("""
            namespace EdgeSensor.Firmware
            {
                public sealed class Slot<T> { public T Value; public T Get() { return Value; } }
                public static class Program
                {
                    public static void Main() { Slot<int> slot = new Slot<int>(); slot.Value = 1; }
                }
            }
            """);
        Assert.IsNotNull(dll, string.Join(Environment.NewLine, errors));

        var (exit, output) = RunCheckerAsTheBuildDoes(dll);

        Assert.AreEqual(1, exit, output);
        StringAssert.Contains(output, PlantedFile + "(3,");
        StringAssert.Contains(output, "error NANO001: generic type definition 'EdgeSensor.Firmware.Slot`1'");
    }

    [TestMethod]
    public void AnAppUsingTheCoreAndTheNanoLibrariesPasses()
    {
        var (dll, errors) = Compile("""
            namespace EdgeSensor.Firmware
            {
                public static class Program
                {
                    public static void Main()
                    {
                        string names = typeof(EdgeSensor.Core.Device.SensorNode).Name + typeof(nanoFramework.M2Mqtt.MqttClient).Name
                            + typeof(System.Device.Gpio.GpioController).Name + typeof(System.Device.I2c.I2cDevice).Name;
                        if (names.Length == 0) { throw new System.InvalidOperationException(); }
                    }
                }
            }
            """);
        Assert.IsNotNull(dll, string.Join(Environment.NewLine, errors));

        var (exit, output) = RunCheckerAsTheBuildDoes(dll);

        Assert.AreEqual(0, exit, output);
    }

    [TestMethod]
    public void AReferenceTheBuildDidNotResolveIsNamed()
    {
        var vendor = CompileLibrary("Vendor.Sensors", "namespace Vendor { public static class Probe { public static int Read() { return 1; } } }");
        var (dll, errors) = Compile("""
            namespace EdgeSensor.Firmware
            {
                public static class Program { public static void Main() { int v = Vendor.Probe.Read(); v++; } }
            }
            """, vendor);
        Assert.IsNotNull(dll, string.Join(Environment.NewLine, errors));

        var (exit, output) = RunCheckerAsTheBuildDoes(dll);

        Assert.AreEqual(1, exit, output);
        StringAssert.Contains(output, "error NANO005: references assembly 'Vendor.Sensors'");
    }

    private static (string? Dll, IReadOnlyList<string> Errors) Compile(string source, params MetadataReference[] extra)
    {
        var references = FirmwareBuild.References().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).Concat(extra);
        return Emit("EdgeSensor.Firmware", source, OutputKind.ConsoleApplication, references);
    }

    private static MetadataReference CompileLibrary(string name, string source)
    {
        var mscorlib = FirmwareBuild.References().Single(p => Path.GetFileName(p) == "mscorlib.dll");
        var (dll, errors) = Emit(name, source, OutputKind.DynamicallyLinkedLibrary, [MetadataReference.CreateFromFile(mscorlib)]);
        Assert.IsNotNull(dll, string.Join(Environment.NewLine, errors));
        return MetadataReference.CreateFromFile(dll);
    }

    // As the firmware project compiles: C# 9, no standard library, nullable off, portable PDB for file and line.
    private static (string? Dll, IReadOnlyList<string> Errors) Emit(string name, string source, OutputKind kind, IEnumerable<MetadataReference> references)
    {
        var tree = CSharpSyntaxTree.ParseText(SourceText.From(source, System.Text.Encoding.UTF8),
            new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: ["NANOFRAMEWORK_1_0"]), PlantedFile);
        var compilation = CSharpCompilation.Create(name, [tree], references,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Disable));
        var dll = Path.Combine(Directory.CreateTempSubdirectory("planted-app-").FullName, name + (kind == OutputKind.ConsoleApplication ? ".exe" : ".dll"));
        EmitResult result;
        using (var peStream = File.Create(dll))
        using (var pdbStream = File.Create(Path.ChangeExtension(dll, ".pdb")))
        {
            result = compilation.Emit(peStream, pdbStream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        }
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        return (result.Success ? dll : null, errors);
    }

    private static (int Exit, string Output) RunCheckerAsTheBuildDoes(string dll)
    {
        var checker = Path.Combine(FirmwareBuild.Root, "firmware", "EdgeSensor.NanoCheck", "bin", "Release", "net10.0", "EdgeSensor.NanoCheck.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { checker, dll, "--pdb", Path.ChangeExtension(dll, ".pdb"), "@" + Path.Combine(FirmwareBuild.Intermediate, "nanocheck-app.rsp") })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
