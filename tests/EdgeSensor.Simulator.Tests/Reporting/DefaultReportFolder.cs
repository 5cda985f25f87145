namespace EdgeSensor.Simulator.Tests.Reporting;

/// <summary>
/// <c>run</c> without <c>--report</c> writes edgesensor-run-report.html into the current folder and never over an old
/// one, so every test run used to leave another numbered report beside the test binaries. The tests run in a scratch
/// folder of their own instead, deleted at the end; the product's default is unchanged (ReportFileTests checks it).
/// </summary>
[TestClass]
public static class DefaultReportFolder
{
    private static string? _folder;
    private static string? _previous;

    [AssemblyInitialize]
    public static void UseScratchFolder(TestContext context)
    {
        _ = context;
        _previous = Directory.GetCurrentDirectory();
        _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "edgesensor-simulator-tests-" + Guid.NewGuid().ToString("N"))).FullName;
        Directory.SetCurrentDirectory(_folder);
    }

    [AssemblyCleanup]
    public static void DeleteScratchFolder()
    {
        if (_previous is not null)
        {
            Directory.SetCurrentDirectory(_previous);
        }

        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
