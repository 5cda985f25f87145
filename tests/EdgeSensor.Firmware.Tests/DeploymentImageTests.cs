using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace EdgeSensor.Firmware.Tests;

/// <summary>The Release deployment image, walked as the nanoCLR walks its deployment region at boot.</summary>
[TestClass]
public sealed class DeploymentImageTests
{
    private static byte[] Image() => File.ReadAllBytes(Path.Combine(FirmwareBuild.RequireImage(), FirmwareBuild.ImageName));

    private static Dictionary<string, byte[]> PeFiles() =>
        Directory.EnumerateFiles(FirmwareBuild.RequireImage(), "*.pe")
            .ToDictionary(p => Path.GetFileNameWithoutExtension(p), File.ReadAllBytes, StringComparer.Ordinal);

    [TestMethod]
    public void TheScanFindsEveryPeBackToBackWithValidChecksums_MscorlibFirst_TheAppLast()
    {
        var image = Image();
        var pe = PeFiles();

        var found = NanoImageScanner.Scan(image);

        Assert.HasCount(pe.Count, found, "one assembly per .pe in the image directory");
        var names = found.Select(f => pe.Single(p => p.Value.AsSpan().SequenceEqual(image.AsSpan(f.Offset, f.Size))).Key).ToList();
        CollectionAssert.AreEquivalent(pe.Keys.ToList(), names, "each .pe is found exactly once, byte for byte");
        Assert.AreEqual("mscorlib", names[0]);
        Assert.AreEqual("EdgeSensor.Firmware", names[^1]);
        var expectedOffset = 0;
        foreach (var assembly in found)
        {
            Assert.AreEqual(expectedOffset, assembly.Offset, "assemblies follow each other, each padded to 4 bytes");
            expectedOffset += (assembly.Size + 3) & ~3;
        }
        Assert.AreEqual(expectedOffset, image.Length, "nothing after the last assembly");
    }

    [TestMethod]
    public void TheImageHoldsEveryAssemblyTheAppReferences_Transitively()
    {
        FirmwareBuild.RequireImage();
        var byName = FirmwareBuild.References().Append(Path.Combine(FirmwareBuild.Project, "bin", "Release", "EdgeSensor.Firmware.dll"))
            .ToDictionary(p => ReadIdentity(p).Name, p => p, StringComparer.Ordinal);
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(["EdgeSensor.Firmware"]);
        while (pending.TryPop(out var name))
        {
            if (needed.Add(name))
            {
                Assert.IsTrue(byName.ContainsKey(name), $"'{name}' is referenced but not among the build's references");
                foreach (var reference in ReadIdentity(byName[name]).References)
                {
                    pending.Push(reference);
                }
            }
        }

        CollectionAssert.AreEquivalent(needed.ToList(), PeFiles().Keys.ToList(), "the image is exactly the app's reference closure");
        CollectionAssert.IsSubsetOf(new[] { "mscorlib", "EdgeSensor.Firmware" }, needed.ToList());
    }

    [TestMethod]
    public void MscorlibIsTheCoreLibraryPackagesOwnPe()
    {
        var packageMscorlib = FirmwareBuild.References().Single(p => Path.GetFileName(p) == "mscorlib.dll");
        var packagePe = Path.ChangeExtension(packageMscorlib, ".pe");

        CollectionAssert.AreEqual(File.ReadAllBytes(packagePe), PeFiles()["mscorlib"]);
    }

    [TestMethod]
    public void ACorruptedAssemblyIsSkippedAndTheRestStillLoad()
    {
        var image = Image();
        var found = NanoImageScanner.Scan(image);
        var victim = found[0];

        image[victim.Offset + victim.Size / 2] ^= 0x5A; // inside its tables: header still good, assembly CRC not
        var after = NanoImageScanner.Scan(image);

        CollectionAssert.AreEqual(found.Skip(1).Select(a => a.Offset).ToList(), after.Select(a => a.Offset).ToList(),
            "the bad assembly is skipped and the scan resumes right after it");
    }

    private static (string Name, IReadOnlyList<string> References) ReadIdentity(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        return (md.GetString(md.GetAssemblyDefinition().Name),
            md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList());
    }
}
