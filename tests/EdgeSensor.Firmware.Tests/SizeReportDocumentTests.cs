using System.Globalization;

namespace EdgeSensor.Firmware.Tests;

/// <summary>The size table in docs/firmware.md is the one the build produces for the current sources.</summary>
[TestClass]
public sealed class SizeReportDocumentTests
{
    private const string Begin = "<!-- size-report:begin -->";
    private const string End = "<!-- size-report:end -->";

    private static string BuildReport() => File.ReadAllText(Path.Combine(FirmwareBuild.RequireImage(), "size-report.md"));

    [TestMethod]
    public void DocsTableIsTheBuildsTable()
    {
        var report = BuildReport();
        var document = File.ReadAllText(Path.Combine(FirmwareBuild.Root, "docs", "firmware.md"));
        var begin = document.IndexOf(Begin, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        Assert.IsTrue(begin >= 0 && end > begin, $"docs/firmware.md has no '{Begin}' ... '{End}' section");

        var documented = document[(begin + Begin.Length)..end];

        Assert.AreEqual(Normalize(report), Normalize(documented),
            "docs/firmware.md's size table differs from the one the build produced (firmware/EdgeSensor.Firmware/bin/Release/image/size-report.md); "
            + $"regenerate it with: {FirmwareBuild.BuildCommand} -p:UpdateFirmwareDoc=true");
    }

    [TestMethod]
    public void ReportRowsAreTheActualFileSizes()
    {
        var directory = FirmwareBuild.RequireImage();
        var rows = BuildReport().Split('\n')
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Where(c => c.Length == 6 && Version.TryParse(c[2], out _))
            .ToDictionary(c => c[1], c => int.Parse(c[3], NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        var files = Directory.EnumerateFiles(directory, "*.pe").ToDictionary(p => Path.GetFileNameWithoutExtension(p)!, p => (int)new FileInfo(p).Length);

        CollectionAssert.AreEquivalent(files.ToList(), rows.ToList());
        var imageBytes = new FileInfo(Path.Combine(directory, FirmwareBuild.ImageName)).Length;
        StringAssert.Contains(BuildReport(), $"| {imageBytes.ToString("N0", CultureInfo.InvariantCulture)} |");
    }

    [TestMethod]
    public void ByteCodeColumnIsEachAssemblysMethodBodiesUnderTheLimit()
    {
        // The metadata processor refuses an assembly whose byte code reaches 64 KiB ("Byte code table overflow"), so the
        // column is each .pe's method bodies: more than nothing, less than the whole .pe and under the limit.
        var rows = BuildReport().Split('\n')
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Where(c => c.Length == 6 && Version.TryParse(c[2], out _))
            .ToList();
        Assert.IsTrue(rows.Count > 2, "the size report lists no assemblies");
        foreach (var row in rows)
        {
            var peBytes = int.Parse(row[3], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            var byteCode = int.Parse(row[4].Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            Assert.IsTrue(byteCode > 0 && byteCode < peBytes && byteCode < ushort.MaxValue, $"{row[1]}: byte code {byteCode} of a {peBytes}-byte .pe");
        }
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").Trim();
}
