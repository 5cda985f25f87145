using System.Diagnostics;
using EdgeSensor.Tests.Shared;

namespace EdgeSensor.Cli.Tests.Packaging;

/// <summary>
/// The README's install commands, run as written but into a private folder: `dotnet pack` makes the tool package and
/// `dotnet tool install` installs it from there; the installed `edgesensor` answers `--help`.
/// </summary>
[TestClass]
public sealed class ToolInstallTests
{
    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void PackedTool_Installs_AndExplainsItself()
    {
        string root = RepositoryRoot.Path;
        string work = Directory.CreateTempSubdirectory("edgesensor-tool-").FullName;
        try
        {
            string packages = Path.Combine(work, "packages");
            string tools = Path.Combine(work, "tools");
            Run(root, "dotnet", "pack", "sdk/EdgeSensor.Cli", "-c", "Release", "-o", packages);
            Run(root, "dotnet", "tool", "install", "EdgeSensor.Tool", "--tool-path", tools, "--add-source", packages);

            string help = Run(root, Path.Combine(tools, "edgesensor"), "--help");
            foreach (string command in new[] { "provision", "devices", "tail", "store", "export", "open" })
            {
                StringAssert.Contains(help, command, $"the installed tool lists '{command}'");
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Run(string directory, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, $"{file} {string.Join(' ', args)}:\n{output}{error.Result}");
        return output;
    }
}
