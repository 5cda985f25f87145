using System.Xml.Linq;

namespace EdgeSensor.Core.Tests.Firmware;

/// <summary>
/// The Visual Studio projects (firmware/EdgeSensor.Firmware.sln: the app's EdgeSensor.Firmware.nfproj + packages.config
/// and the two core assemblies' .nfproj files) must build what the csprojs build: the nanoFramework project system does
/// not glob, so every app source must be listed, the packages must be the ones, at the versions, that the csproj's
/// NanoLibrary items name, and the core must be the same two assemblies, from the same source lists, as the image's.
/// </summary>
[TestClass]
public sealed class FirmwareProjectTests
{
    private static readonly string s_firmware = Path.Combine(RepositoryRoot.Path, "firmware", "EdgeSensor.Firmware");

    [TestMethod]
    public void Nfproj_ListsEverySourceOfTheFirmware()
    {
        XDocument nfproj = XDocument.Load(Path.Combine(s_firmware, "EdgeSensor.Firmware.nfproj"));
        var listed = nfproj.Descendants().Where(e => e.Name.LocalName == "Compile")
            .Select(e => e.Attribute("Include")!.Value.Replace('\\', '/'))
            .ToHashSet();
        var sources = Directory.EnumerateFiles(s_firmware, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(s_firmware, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal));
        foreach (string source in sources)
        {
            Assert.IsTrue(listed.Contains(source), $"{source} is missing from EdgeSensor.Firmware.nfproj");
        }
    }

    [TestMethod]
    public void NfprojAndPackagesConfig_ReferenceTheCsprojLibrariesAtTheSameVersions()
    {
        XDocument csproj = XDocument.Load(Path.Combine(s_firmware, "EdgeSensor.Firmware.csproj"));
        XDocument nfproj = XDocument.Load(Path.Combine(s_firmware, "EdgeSensor.Firmware.nfproj"));
        XDocument packages = XDocument.Load(Path.Combine(s_firmware, "packages.config"));
        var hintPaths = nfproj.Descendants().Where(e => e.Name.LocalName == "HintPath").Select(e => e.Value).ToHashSet();
        var packageVersions = packages.Descendants("package").ToDictionary(p => p.Attribute("id")!.Value, p => p.Attribute("version")!.Value);
        var libraries = csproj.Descendants().Where(e => e.Name.LocalName == "NanoLibrary").ToList();
        Assert.IsTrue(libraries.Count >= 10);
        foreach (XElement library in libraries)
        {
            string assembly = library.Attribute("Include")!.Value;
            string package = library.Attribute("PackageId")!.Value;
            string version = library.Attribute("VersionOverride")!.Value;
            Assert.IsTrue(hintPaths.Contains($"..\\packages\\{package}.{version}\\lib\\{assembly}.dll"), $"{assembly} {version} not referenced by the nfproj");
            Assert.AreEqual(version, packageVersions.GetValueOrDefault(package), $"packages.config version of {package}");
        }

        Assert.AreEqual(libraries.Select(l => l.Attribute("PackageId")!.Value).Distinct().Count() + 1, packageVersions.Count, "packages.config has CoreLibrary and exactly the csproj's packages");
    }

    [TestMethod]
    public void CoreNfprojs_BuildTheImagesTwoCoreAssembliesFromTheGatesSourceLists()
    {
        string firmware = Path.GetDirectoryName(s_firmware)!;
        foreach (string gate in new[] { "EdgeSensor.Core.Counting.Nano", "EdgeSensor.Core.Nano" })
        {
            XDocument csproj = XDocument.Load(Path.Combine(firmware, gate, gate + ".csproj"));
            XDocument nfproj = XDocument.Load(Path.Combine(firmware, gate, gate + ".nfproj"));
            Assert.AreEqual(Value(csproj, "AssemblyName"), Value(nfproj, "AssemblyName"), $"{gate}: the .nfproj builds another assembly than the gate");
            Assert.AreEqual("true", Value(nfproj, "Optimize"), $"{gate}: unoptimised Debug byte code passes the per-assembly limit");
            Assert.IsTrue(Imports(nfproj).Contains(@"..\build\CoreCountingSources.props"), $"{gate}: the .nfproj must take the counting sources from the one list");
            var compile = Items(nfproj, "Compile");
            Assert.AreEqual(Items(csproj, "Compile").Single(), compile.Single(), $"{gate}: the .nfproj and the gate select the sources differently");
        }

        var app = XDocument.Load(Path.Combine(s_firmware, "EdgeSensor.Firmware.nfproj"));
        CollectionAssert.AreEquivalent(
            new[] { @"..\EdgeSensor.Core.Nano\EdgeSensor.Core.Nano.nfproj", @"..\EdgeSensor.Core.Counting.Nano\EdgeSensor.Core.Counting.Nano.nfproj" },
            app.Descendants().Where(e => e.Name.LocalName == "ProjectReference").Select(e => e.Attribute("Include")!.Value).ToArray());
        Assert.IsFalse(Imports(app).Any(i => i.EndsWith(".projitems", StringComparison.Ordinal)), "the app must not compile the core into itself");
        string solution = File.ReadAllText(Path.Combine(firmware, "EdgeSensor.Firmware.sln"));
        foreach (string project in new[] { @"EdgeSensor.Firmware\EdgeSensor.Firmware.nfproj", @"EdgeSensor.Core.Nano\EdgeSensor.Core.Nano.nfproj", @"EdgeSensor.Core.Counting.Nano\EdgeSensor.Core.Counting.Nano.nfproj" })
        {
            StringAssert.Contains(solution, $"\"{project}\"");
        }
    }

    private static string? Value(XDocument project, string property) =>
        project.Descendants().FirstOrDefault(e => e.Name.LocalName == property)?.Value;

    private static HashSet<string> Imports(XDocument project) =>
        project.Descendants().Where(e => e.Name.LocalName == "Import").Select(e => e.Attribute("Project")!.Value).ToHashSet();

    // "Include=@(NanoCountingSource)" or "Remove=@(NanoCountingSource)": the one Compile item each core project declares.
    private static List<string> Items(XDocument project, string item) =>
        project.Descendants().Where(e => e.Name.LocalName == item)
            .Select(e => e.Attribute("Include") is { } include ? "Include=" + include.Value : "Remove=" + e.Attribute("Remove")!.Value)
            .ToList();
}
