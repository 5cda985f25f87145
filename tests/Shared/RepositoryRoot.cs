namespace EdgeSensor.Tests.Shared;

/// <summary>
/// The repository's root, found as the folder above the running tests that holds EdgeSensor.sln: for tests that read
/// the repository's own docs or build its projects. The one copy, linked into the test projects that need it.
/// </summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "EdgeSensor.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EdgeSensor.sln not found above the test folder " + AppContext.BaseDirectory);
    }
}
