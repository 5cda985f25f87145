namespace EdgeSensor.Repository.Tests.References;

[TestClass]
public sealed class RepositoryReferenceTests
{
    [TestMethod]
    public void EveryReferenceInDocsAndComments_ResolvesInsideTheRepository()
    {
        IReadOnlyList<BrokenReference> broken = ReferenceScanner.ScanRepository(RepositoryRoot.Path);

        Assert.IsEmpty(
            broken,
            $"{broken.Count} reference(s) a reader of a clone cannot follow (link the file in the repository, or cite a public URL):{Environment.NewLine}"
            + string.Join(Environment.NewLine, broken));
    }

    [TestMethod]
    public void TheBuildInputAllowance_IsStillTheOneInUse()
    {
        string props = File.ReadAllText(Path.Combine(RepositoryRoot.Path, BuildInputAllowance.File));

        StringAssert.Contains(props, BuildInputAllowance.Text, "the allowance no longer matches the build file: narrow or remove it");
    }

    [TestMethod]
    public void TheScan_ReadsDocsCodeBuildFilesAndScripts()
    {
        var files = new RepositoryIndex(RepositoryRoot.Path).SourceFiles().ToDictionary(f => f.RelativePath, f => f.Kind);

        Assert.AreEqual(SourceKind.Markdown, files["README.md"]);
        Assert.AreEqual(SourceKind.Markdown, files["docs/architecture.md"]);
        Assert.AreEqual(SourceKind.CSharp, files["simulator/EdgeSensor.Simulator/Program.cs"]);
        Assert.AreEqual(SourceKind.BuildXml, files[BuildInputAllowance.File]);
        Assert.AreEqual(SourceKind.Shell, files[".ci/run"]);
        Assert.AreEqual(SourceKind.Shell, files[".editorconfig"]);
        Assert.IsFalse(files.Keys.Any(f => f.Contains("/bin/", StringComparison.Ordinal) || f.Contains("/obj/", StringComparison.Ordinal)), "build output is not scanned");
    }
}
