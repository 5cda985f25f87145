using Microsoft.CodeAnalysis;

namespace EdgeSensor.Firmware.Tests;

/// <summary>
/// The image builder refuses, with an MSBuild error naming the problem and exit code 1, what would not load on the
/// device: an unresolved reference, a version the nanoCLR would not bind, a metadata processor that failed.
/// </summary>
[TestClass]
public sealed class ImageBuilderFailureTests
{
    private const string AppUsingVendor = """
        namespace EdgeSensor.Firmware
        {
            public static class Program { public static void Main() { int v = Vendor.Probe.Read(); v++; } }
        }
        """;

    private const string Vendor = "namespace Vendor { public static class Probe { public static int Read() { return 1; } } }";

    [TestMethod]
    public void AReferenceOutsideTheResolvedOnesIsNamed()
    {
        var app = CompileApp(AppUsingVendor, PlantedApp.Library("Vendor.Probe", Vendor));

        var (exit, output, outDir) = BuildImage(app, []);

        Assert.AreEqual(1, exit, output);
        StringAssert.Contains(output, "error NFIMG001: 'EdgeSensor.Firmware' references 'Vendor.Probe' 0.0.0.0, which is not among the build's resolved references");
        Assert.IsFalse(File.Exists(Path.Combine(outDir, "app.bin")));
    }

    [TestMethod]
    public void AnotherMajorOrMinorVersionIsRefused()
    {
        var compiledAgainst = PlantedApp.Library("Vendor.Probe", "[assembly: System.Reflection.AssemblyVersion(\"1.2.0.0\")]\n" + Vendor);
        var app = CompileApp(AppUsingVendor, compiledAgainst);
        var resolved = PlantedApp.Library("Vendor.Probe", "[assembly: System.Reflection.AssemblyVersion(\"1.3.0.0\")]\n" + Vendor);

        var (exit, output, _) = BuildImage(app, [resolved.Display!]);

        Assert.AreEqual(1, exit, output);
        StringAssert.Contains(output, "error NFIMG002: 'EdgeSensor.Firmware' references 'Vendor.Probe' 1.2.0.0, but the build resolved 1.3.0.0");
    }

    [TestMethod]
    public void AFailingMetadataProcessorFailsTheImage()
    {
        var app = CompileApp("namespace EdgeSensor.Firmware { public static class Program { public static void Main() { } } }");
        // Any .NET tool that exits non-zero on these arguments stands in for a processor that rejects the assembly.
        var failingProcessor = FirmwareBuild.Tool("EdgeSensor.NanoCheck");

        var (exit, output, outDir) = BuildImage(app, [], failingProcessor);

        Assert.AreEqual(1, exit, output);
        StringAssert.Contains(output, "error NFIMG003: the metadata processor failed on");
        StringAssert.Contains(output, "(exit code 2)");
        Assert.IsFalse(File.Exists(Path.Combine(outDir, "app.bin")));
    }

    private static string CompileApp(string source, params MetadataReference[] extra)
    {
        var (exe, errors) = PlantedApp.Compile(source, extra);
        Assert.IsNotNull(exe, string.Join(Environment.NewLine, errors));
        return exe;
    }

    private static (int Exit, string Output, string OutDir) BuildImage(string app, string[] extraReferences, string? processor = null)
    {
        var outDir = Directory.CreateTempSubdirectory("image-").FullName;
        var args = new List<string> { "--app", app };
        foreach (var reference in FirmwareBuild.References().Concat(extraReferences))
        {
            args.Add("--reference");
            args.Add(reference);
        }
        args.AddRange(["--mdp", processor ?? FirmwareBuild.ImageBuilderOption("--mdp"), "--core-pe", FirmwareBuild.ImageBuilderOption("--core-pe"),
            "--out", outDir, "--image", "app.bin", "--configuration", "Test"]);
        var (exit, output) = PlantedApp.RunTool(FirmwareBuild.Tool("EdgeSensor.ImageBuilder"), [.. args]);
        return (exit, output, outDir);
    }
}
