using System.Reflection;

namespace EdgeSensor.Firmware.Tests;

/// <summary>Where the Release firmware build put its image and the arguments it ran its tools with.</summary>
internal static class FirmwareBuild
{
    public const string ImageName = "edgesensor-firmware.bin";

    /// <summary>The command that rebuilds the image (and with -p:UpdateFirmwareDoc=true also the doc's size table).</summary>
    public const string BuildCommand = "dotnet build firmware/EdgeSensor.Firmware -c Release";

    public static string Root => RepositoryRoot.Path;

    public static string Project => Path.Combine(Root, "firmware", "EdgeSensor.Firmware");

    public static string ImageDirectory => Path.Combine(Project, "bin", "Release", "image");

    public static string Intermediate => Path.Combine(Project, "obj", "Release");

    /// <summary>The image directory; fails when it should exist, inconclusive where the libraries are absent.</summary>
    public static string RequireImage()
    {
        if (File.Exists(Path.Combine(ImageDirectory, ImageName)))
        {
            return ImageDirectory;
        }
        var available = typeof(FirmwareBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Any(a => a.Key == "NanoLibrariesAvailable" && a.Value == "true");
        if (!available)
        {
            Assert.Inconclusive("the nanoFramework libraries are not on this machine, so the firmware image is not built");
        }
        Assert.Fail($"{Path.Combine(ImageDirectory, ImageName)} is missing; build it with: {BuildCommand}");
        return "";
    }

    /// <summary>The reference paths the build gave the image builder (obj/Release/nanoimage.rsp): what the app compiles against.</summary>
    public static IReadOnlyList<string> References()
    {
        RequireImage();
        var lines = File.ReadAllLines(Path.Combine(Intermediate, "nanoimage.rsp"));
        return lines.Select((line, i) => (line, i)).Where(l => l.line == "--reference" && l.i + 1 < lines.Length)
            .Select(l => lines[l.i + 1]).Distinct().ToList();
    }

    /// <summary>A build tool of firmware/ as the Release build ran it, e.g. "EdgeSensor.NanoCheck".</summary>
    public static string Tool(string name) => Path.Combine(Root, "firmware", name, "bin", "Release", "net10.0", name + ".dll");

    /// <summary>The value the build gave the image builder for <paramref name="option"/> (e.g. "--mdp").</summary>
    public static string ImageBuilderOption(string option)
    {
        RequireImage();
        var lines = File.ReadAllLines(Path.Combine(Intermediate, "nanoimage.rsp"));
        var index = Array.IndexOf(lines, option);
        Assert.IsTrue(index >= 0 && index + 1 < lines.Length, $"{option} not in nanoimage.rsp");
        return lines[index + 1];
    }
}
