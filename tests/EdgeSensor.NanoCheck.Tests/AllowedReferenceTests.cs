namespace EdgeSensor.NanoCheck.Tests;

/// <summary>
/// The firmware build allows the app exactly the references it resolved, as full identities; these tests prove
/// an identity pins name, version and key, and that a simple name keeps its old meaning.
/// </summary>
[TestClass]
public sealed class AllowedReferenceTests
{
    private const string VendorIdentity = "Vendor.Gpio, Version=1.2.0.0, Culture=neutral, PublicKeyToken=null";

    private static string PlantedUserOfVendorLibrary()
    {
        var lib = PlantedAssembly.LibraryForNano("Vendor.Gpio", """
            [assembly: System.Reflection.AssemblyVersion("1.2.0.0")]
            namespace Vendor { public static class Pin { public static int Read() { return 1; } } }
            """);
        return PlantedAssembly.CompileForNano("namespace Planted { public static class U { public static int R() { return Vendor.Pin.Read(); } } }", false, lib);
    }

    private static IReadOnlyList<Finding> Check(string dll, params string[] allowed) =>
        new NanoChecker(["mscorlib", .. allowed]).Check(dll, Path.ChangeExtension(dll, ".pdb")).Findings;

    [TestMethod]
    public void FullIdentityWithTheSameVersionAndKeyIsAllowed()
    {
        var dll = PlantedUserOfVendorLibrary();

        Assert.IsEmpty(Check(dll, VendorIdentity));
        Assert.IsEmpty(Check(dll, "Vendor.Gpio"), "a simple name allows any version, as before");
    }

    [TestMethod]
    public void AnotherVersionUnderAnAllowedNameIsNamed()
    {
        var dll = PlantedUserOfVendorLibrary();

        var findings = Check(dll, "Vendor.Gpio, Version=1.3.0.0, Culture=neutral, PublicKeyToken=null");

        var finding = findings.Single();
        Assert.AreEqual("NANO005", finding.Rule);
        StringAssert.Contains(finding.Message, "'Vendor.Gpio, Version=1.2.0.0, PublicKeyToken=null'");
        StringAssert.Contains(finding.Message, "Version=1.3.0.0");
    }

    [TestMethod]
    public void AnotherPublicKeyUnderAnAllowedNameIsNamed()
    {
        var dll = PlantedUserOfVendorLibrary();

        var findings = Check(dll, "Vendor.Gpio, Version=1.2.0.0, Culture=neutral, PublicKeyToken=c07d481e9758c731");

        Assert.AreEqual("NANO005", findings.Single().Rule, "an unsigned build of a signed library is not the device's library");
    }

    [TestMethod]
    public void AllowingOneLibraryDoesNotAllowAnother()
    {
        var dll = PlantedUserOfVendorLibrary();

        var finding = Check(dll, "Vendor.I2c, Version=1.2.0.0, Culture=neutral, PublicKeyToken=null").Single();

        Assert.AreEqual("NANO005", finding.Rule);
        StringAssert.Contains(finding.Message, "references assembly 'Vendor.Gpio'");
    }

    [TestMethod]
    public void AnInvalidIdentityIsRejected()
    {
        Assert.IsFalse(AllowedReference.TryParse("Vendor.Gpio, Version=one", out _, out var error));
        StringAssert.Contains(error, "Vendor.Gpio, Version=one");
        Assert.IsFalse(AllowedReference.TryParse("", out _, out _));
    }
}
