using EdgeSensor.Simulator.Commands;
using EdgeSensor.Simulator.Reporting;

namespace EdgeSensor.Simulator.Tests.Reporting;

[TestClass]
public sealed class ReportFileTests
{
    private string _folder = null!;

    [TestInitialize]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "edgesensor-report-" + Guid.NewGuid().ToString("N")));

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestMethod]
    public void TheDefaultName_IsNeverWrittenOver_TheNextFreeNameIsTaken()
    {
        string first = Path.Combine(_folder, "edgesensor-run-report.html");
        File.WriteAllText(first, "an older report");
        File.WriteAllText(Path.Combine(_folder, "edgesensor-run-report-2.html"), "another");
        var stderr = new StringWriter();

        Assert.IsTrue(ReportFile.Emit(null, first, p => File.WriteAllText(p, "new"), stderr));

        Assert.AreEqual("an older report", File.ReadAllText(first));
        string third = Path.Combine(_folder, "edgesensor-run-report-3.html");
        Assert.AreEqual("new", File.ReadAllText(third));
        Assert.AreEqual($"report: {third}", stderr.ToString().TrimEnd());
    }

    // Alone: a plain run keeps its default 10 s for the consumer to connect to the embedded broker, and the accuracy
    // runs of other test classes, in parallel on all cores, could starve the broker's accept loop that long (seen twice
    // on two cores: "the consumer could not connect to the broker ... within 10 s").
    [TestMethod]
    [DoNotParallelize]
    [Timeout(60_000, CooperativeCancellation = true)]
    public void APlainRun_WritesItsReport_IntoTheCurrentFolder()
    {
        // The tests' current folder is a scratch folder (DefaultReportFolder), so this leaves nothing beside the binaries.
        var stderr = new StringWriter();

        int exit = Program.Run(["run", "--devices", "1", "--minutes", "1", "--live", "off"], new StringWriter(), stderr);

        Assert.AreEqual(ExitCodes.Ok, exit, stderr.ToString());
        string path = stderr.ToString().TrimEnd().Split('\n')[^1]["report: ".Length..];
        Assert.AreEqual(Directory.GetCurrentDirectory(), Path.GetDirectoryName(path));
        StringAssert.StartsWith(Path.GetFileName(path), "edgesensor-run-report");
        Assert.IsTrue(File.Exists(path), path);
        File.Delete(path);
    }

    [TestMethod]
    public void ANamedPath_IsWritten_EvenOverAnOldFile()
    {
        string named = Path.Combine(_folder, "mine.html");
        File.WriteAllText(named, "old");
        var stderr = new StringWriter();

        Assert.IsTrue(ReportFile.Emit(named, "unused.html", p => File.WriteAllText(p, "new"), stderr));

        Assert.AreEqual("new", File.ReadAllText(named));
        StringAssert.EndsWith(stderr.ToString().TrimEnd(), named);
    }

    [TestMethod]
    public void ANamedPathInAMissingFolder_IsRefusedBeforeTheRun()
    {
        string missing = Path.Combine(_folder, "no-such-folder", "r.html");

        Assert.IsFalse(ReportFile.TryCheck(missing, out string error));
        StringAssert.Contains(error, "does not exist");
        Assert.IsFalse(ReportFile.TryCheck(_folder, out error), "a folder is not a report file");

        var stderr = new StringWriter();
        int exit = Program.Run(["run", "--devices", "1", "--minutes", "1", "--report", missing], new StringWriter(), stderr);
        Assert.AreEqual(ExitCodes.Usage, exit);
        StringAssert.Contains(stderr.ToString(), "--report");
    }
}
