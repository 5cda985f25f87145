using System.Xml.Linq;

namespace EdgeSensor.Core.Tests.Firmware;

/// <summary>
/// The Visual Studio project (EdgeSensor.Firmware.nfproj + packages.config) must build what the csproj builds: the
/// nanoFramework project system does not glob, so every source must be listed, and the packages must be the ones,
/// at the versions, that the csproj's NanoLibrary items name.
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
            Assert.IsTrue(hintPaths.Contains($"packages\\{package}.{version}\\lib\\{assembly}.dll"), $"{assembly} {version} not referenced by the nfproj");
            Assert.AreEqual(version, packageVersions.GetValueOrDefault(package), $"packages.config version of {package}");
        }

        Assert.AreEqual(libraries.Select(l => l.Attribute("PackageId")!.Value).Distinct().Count() + 1, packageVersions.Count, "packages.config has CoreLibrary and exactly the csproj's packages");
    }
}
