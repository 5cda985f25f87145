namespace EdgeSensor.Repository.Tests;

/// <summary>The repository's root: the nearest directory above the test binaries that holds EdgeSensor.sln.</summary>
internal static class RepositoryRoot
{
    public const string SolutionFile = "EdgeSensor.sln";

    private static readonly Lazy<string> s_path = new(Find);

    public static string Path => s_path.Value;

    private static string Find()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null)
        {
            if (File.Exists(System.IO.Path.Combine(directory, SolutionFile)))
            {
                return directory;
            }

            directory = System.IO.Path.GetDirectoryName(directory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        }

        throw new InvalidOperationException($"no {SolutionFile} above {AppContext.BaseDirectory}");
    }
}
