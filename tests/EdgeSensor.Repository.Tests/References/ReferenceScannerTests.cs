namespace EdgeSensor.Repository.Tests.References;

/// <summary>The scanner on small planted trees: each kind of broken reference is found with its line, and sound ones pass.</summary>
[TestClass]
public sealed class ReferenceScannerTests
{
    private string _root = null!;

    [TestInitialize]
    public void CreateTree()
    {
        _root = Directory.CreateTempSubdirectory("es-refs-").FullName;
        Write("EdgeSensor.sln", string.Empty);
        Write("docs/guide.md", "# Guide\n");
        Write("docs/other.md", "# Other\n");
        Write("firmware/Core/Counting/Counter.cs", "namespace X { }\n");
        Write("firmware/Core/README.md", "# Core\n");
        Write("firmware/build/NanoFramework.Libraries.props", "<Project />\n");
    }

    [TestCleanup]
    public void DeleteTree() => Directory.Delete(_root, recursive: true);

    [TestMethod]
    public void MarkdownLinks_ToMissingFiles_AreReportedWithTheirLine()
    {
        var broken = Scan("docs/page.md", "# Page\n\nSee [guide](guide.md), [other](other.md#other), [site](https://example.org/x.md).\n[gone](missing.md) and [up](../../outside.md)\n");

        Assert.HasCount(2, broken, string.Join("; ", broken));
        Assert.AreEqual(4, broken[0].Line);
        Assert.AreEqual("missing.md", broken[0].Reference);
        Assert.AreEqual("../../outside.md", broken[1].Reference);
        StringAssert.Contains(broken[1].Reason, "leaves the repository");
    }

    [TestMethod]
    public void LinkAnchors_MustNameAHeading()
    {
        Write("docs/target.md", "# Target\n\n## Mount height\n\n```sh\n# not a heading\n```\n\n## SDK open + verify (issue 4)\n## Mount height\n");

        var broken = Scan("docs/page.md", "# Page\n\n## Here\n\n[a](target.md#mount-height) [b](target.md#sdk-open--verify-issue-4) [c](target.md#mount-height-1) [d](#here)\n[e](target.md#not-a-heading) [f](#nowhere)\n");

        CollectionAssert.AreEquivalent(new[] { "target.md#not-a-heading", "#nowhere" }, broken.Select(b => b.Reference).ToArray(), string.Join("; ", broken));
        Assert.IsTrue(broken.All(b => b.Line == 6));
    }

    [TestMethod]
    public void CodeSpansAndProse_NamingRepositoryPaths_MustExist()
    {
        var broken = Scan("docs/page.md", "Sources: `firmware/Core/Counting/`, firmware/Core/Counting/Counter.cs and `docs/guide.md`.\nAlso `firmware/Core/Drivers/` and docs/nope.md.\n");

        CollectionAssert.AreEquivalent(new[] { "firmware/Core/Drivers/", "docs/nope.md" }, broken.Select(b => b.Reference).ToArray(), string.Join("; ", broken));
        Assert.IsTrue(broken.All(b => b.Line == 2));
    }

    [TestMethod]
    public void AFolderTable_ListsOnlyFoldersThatExist()
    {
        var broken = Scan("firmware/Core/README2.md", "| `Counting/` | counting |\n| `Drivers/` | drivers |\n| `../build/` | build |\n| `Counting/Counter` | a type named without .cs |\n");

        Assert.HasCount(1, broken, string.Join("; ", broken));
        Assert.AreEqual("Drivers/", broken[0].Reference);
        Assert.AreEqual(2, broken[0].Line);
    }

    [TestMethod]
    public void CommandsTopicsPlaceholdersAndSystemPaths_AreNotPaths()
    {
        var broken = Scan(
            "docs/page.md",
            "`edgesensor/sim/+/report`, `edgesensor/#`, `dotnet run -- run`, `t_ms:x_mm`, `<file.csv>`, `I:\\config.json`, `/dev/ttyUSB0`, `./keys.json`, `tests/*.csv`, `firmware/Core/bin/Release/image/`, `Filtering/MedianFilter`, [the README.md](https://example.org/README.md)\n");

        Assert.IsEmpty(broken, string.Join("; ", broken));
    }

    [TestMethod]
    public void FencedBlocks_AreSkippedForPaths_ButNotForOutsideMentions()
    {
        string design = "DESIGN" + ".md";
        var broken = Scan("docs/page.md", $"```sh\ncat docs/nothing-here.md\n```\n\n```text\nsee {design}\n```\n");

        Assert.HasCount(1, broken, string.Join("; ", broken));
        Assert.AreEqual(6, broken[0].Line);
        StringAssert.Contains(broken[0].Reason, "docs/design.md");
    }

    [TestMethod]
    public void OutsideMentions_AreReported_InDocsAndInCodeComments_NotInCodeOrStrings()
    {
        string factSheet = "nF" + " §4";
        string parent = "../" + "shared/x";
        var doc = Scan("docs/page.md", $"The pin is from the sheet ({factSheet}).\nKit in `{parent}`.\n");
        var code = Scan(
            "firmware/Core/Counting/Other.cs",
            $"namespace X\n{{\n    // the sheet says so ({factSheet})\n    /* see {parent} */\n    class C {{ string s = \"{factSheet} {parent}\"; string u = \"https://x.org/a\"; }} // docs/guide.md\n}}\n");

        Assert.IsTrue(doc.Any(b => b.Line == 1 && b.Reference.StartsWith("nF", StringComparison.Ordinal)), string.Join("; ", doc));
        Assert.IsTrue(doc.Any(b => b.Line == 2 && b.Reason.Contains("outside the repository", StringComparison.Ordinal)), string.Join("; ", doc));
        CollectionAssert.AreEqual(new[] { 3, 4 }, code.Select(b => b.Line).ToArray(), string.Join("; ", code));
    }

    [TestMethod]
    public void BuildFiles_AllowExactlyTheKitDefault()
    {
        string allowed = $"<Project><PropertyGroup><NanoFrameworkKitDir>$([System.IO.Path]::GetFullPath('{BuildInputAllowance.Text}'))</NanoFrameworkKitDir></PropertyGroup></Project>\n";
        string other = "<!-- libraries in ../" + "shared/kit -->\n<X>../" + "shared/other</X>\n";

        Assert.IsEmpty(Scan(BuildInputAllowance.File, allowed));
        var elsewhere = Scan("firmware/Core/Other.props", allowed);
        var anotherUse = Scan(BuildInputAllowance.File, allowed + other);

        Assert.IsNotEmpty(elsewhere, "the same text in another file is not allowed");
        CollectionAssert.AreEqual(new[] { 2, 3 }, anotherUse.Select(b => b.Line).ToArray(), string.Join("; ", anotherUse));
    }

    [TestMethod]
    public void ShellComments_AreChecked()
    {
        var broken = Scan(".ci/run", "#!/usr/bin/env bash\n# runs with ../" + "shared beside it\necho \"# not a comment ${#x[@]}\"\n");

        Assert.HasCount(1, broken, string.Join("; ", broken));
        Assert.AreEqual(2, broken[0].Line);
    }

    [TestMethod]
    public void TheMessageNamesFileAndLine()
    {
        var broken = Scan("docs/page.md", "line one\n[x](nowhere.md)\n");

        StringAssert.StartsWith(broken.Single().ToString(), "docs/page.md:2: 'nowhere.md': ");
    }

    private IReadOnlyList<BrokenReference> Scan(string relativePath, string text)
    {
        Write(relativePath, text);
        var scanner = new ReferenceScanner(new RepositoryIndex(_root));
        SourceKind kind = RepositoryIndex.KindOf(relativePath) ?? throw new AssertFailedException($"{relativePath} is not a scanned kind");
        return scanner.ScanFile(relativePath, kind, text);
    }

    private void Write(string relativePath, string text)
    {
        string full = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}
