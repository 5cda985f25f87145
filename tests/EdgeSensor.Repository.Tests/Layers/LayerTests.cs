using System.Text;
using System.Text.RegularExpressions;

namespace EdgeSensor.Repository.Tests;

/// <summary>
/// The folders of each project form layers, and a folder may use only folders of lower layers, so the
/// pipeline reads one way (docs/architecture.md). The table below is the one home of that order: the test
/// checks the sources against it and draws docs/layers.svg from it.
/// </summary>
[TestClass]
public sealed class LayerTests
{
    /// <summary>Per project: its source folder, its root namespace, and its folders from the bottom layer up.</summary>
    internal static readonly LayeredProject[] Projects =
    {
        new("firmware/EdgeSensor.Core", "EdgeSensor.Core", new[]
        {
            new[] { "Bytes", "Crypto", "Reports", "Filtering", "Drivers" },
            new[] { "Storage" },
            new[] { "Counting", "Aggregation", "Privacy", "Keys", "WireFormat" },
            new[] { "Sealing", "Outbox" },
            new[] { "Device" },
            new[] { "Configuration" },
            new[] { "Lifecycle" },
        }),
        new("sdk/EdgeSensor.Sdk", "EdgeSensor.Sdk", new[]
        {
            new[] { "Reports", "Topics", "Keys" },
            new[] { "Opening", "KeyStore" },
            new[] { "Diagnostics", "Provisioning" },
            new[] { "Client" },
            new[] { "Sinks" },
            new[] { "Occupancy" },
            new[] { "Hosting" },
        }),
        new("simulator/EdgeSensor.Simulator", "EdgeSensor.Simulator", new[]
        {
            new[] { "Randomness", "Traces" },
            new[] { "Population", "Replay" },
            new[] { "Scenes" },
            new[] { "Sensors" },
            new[] { "Scenarios" },
            new[] { "Emulation" },
            new[] { "Faults" },
            new[] { "Fleet", "Accuracy", "Privacy" },
            new[] { "Reporting", "Live" },
            new[] { "Commands" },
        }),
    };

    [TestMethod]
    public void EveryFolder_UsesOnlyFoldersOfLowerLayers()
    {
        var problems = new List<string>();
        foreach (LayeredProject project in Projects)
        {
            problems.AddRange(project.FindUpwardReferences(RepositoryRoot.Path));
        }

        Assert.AreEqual(0, problems.Count, "Layer violations (a folder may use only folders of lower layers; the order is in LayerTests.Projects):\n" + string.Join("\n", problems));
    }

    [TestMethod]
    public void LayerTest_FindsAnUpwardReference()
    {
        string dir = Directory.CreateTempSubdirectory("layers").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "Low"));
            Directory.CreateDirectory(Path.Combine(dir, "High"));
            File.WriteAllText(Path.Combine(dir, "Low", "A.cs"), "using X.High;\nnamespace X.Low { class A { } }\n");
            File.WriteAllText(Path.Combine(dir, "High", "B.cs"), "using X.Low;\nnamespace X.High { class B { } }\n");
            var project = new LayeredProject(".", "X", new[] { new[] { "Low" }, new[] { "High" } });

            List<string> problems = project.FindUpwardReferences(dir).ToList();

            Assert.AreEqual(1, problems.Count, string.Join("\n", problems));
            StringAssert.Contains(problems[0], "Low/A.cs:1");
            StringAssert.Contains(problems[0], "uses High");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public void LayersDiagram_IsDrawnFromTheTable()
    {
        string path = Path.Combine(RepositoryRoot.Path, "docs", "layers.svg");
        string expected = LayersDiagram.Draw(Projects);
        if (Environment.GetEnvironmentVariable("EDGESENSOR_WRITE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.IsTrue(File.Exists(path), "docs/layers.svg is missing: run EDGESENSOR_WRITE_DOCS=1 dotnet test tests/EdgeSensor.Repository.Tests --filter LayerTests");
        Assert.AreEqual(expected, File.ReadAllText(path), "docs/layers.svg differs from LayerTests.Projects: run EDGESENSOR_WRITE_DOCS=1 dotnet test tests/EdgeSensor.Repository.Tests --filter LayerTests");
    }
}

internal sealed record LayeredProject(string Folder, string RootNamespace, string[][] Layers)
{
    private int RankOf(string folder)
    {
        for (int i = 0; i < Layers.Length; i++)
        {
            if (Array.IndexOf(Layers[i], folder) >= 0)
            {
                return i;
            }
        }

        return -1;
    }

    public IEnumerable<string> FindUpwardReferences(string repositoryRoot)
    {
        string projectDir = Path.Combine(repositoryRoot, Folder);
        var reference = new Regex(@"\b" + Regex.Escape(RootNamespace) + @"\.([A-Z]\w*)\b");
        foreach (string dir in Directory.GetDirectories(projectDir).OrderBy(d => d, StringComparer.Ordinal))
        {
            string folder = Path.GetFileName(dir);
            if (folder is "bin" or "obj" || !Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories).Any())
            {
                continue;
            }

            int rank = RankOf(folder);
            if (rank < 0)
            {
                yield return $"{Folder}/{folder}/: not in any layer (add it to LayerTests.Projects)";
                continue;
            }

            foreach (string file in Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                string[] lines = File.ReadAllLines(file);
                for (int i = 0; i < lines.Length; i++)
                {
                    string code = StripComment(lines[i]);
                    foreach (Match m in reference.Matches(code))
                    {
                        string used = m.Groups[1].Value;
                        int usedRank = RankOf(used);
                        if (used != folder && usedRank >= rank)
                        {
                            string relative = Path.GetRelativePath(repositoryRoot, file).Replace('\\', '/');
                            yield return $"{relative}:{i + 1}: {folder} (layer {rank}) uses {used} (layer {usedRank})";
                        }
                    }
                }
            }
        }
    }

    private static string StripComment(string line)
    {
        int at = line.IndexOf("//", StringComparison.Ordinal);
        return at < 0 ? line : line[..at];
    }
}

/// <summary>Draws the layer table as an SVG: one row per layer, bottom layer at the bottom.</summary>
internal static class LayersDiagram
{
    private const int BoxWidth = 130, BoxHeight = 30, Gap = 10, RowGap = 14, Margin = 20, TitleHeight = 28;

    public static string Draw(IEnumerable<LayeredProject> projects)
    {
        var body = new StringBuilder();
        int x = Margin, height = 0;
        foreach (LayeredProject project in projects)
        {
            int widest = project.Layers.Max(l => l.Length);
            int width = widest * (BoxWidth + Gap) - Gap;
            int rows = project.Layers.Length;
            int projectHeight = TitleHeight + rows * (BoxHeight + RowGap);
            body.Append($"  <text x=\"{x}\" y=\"{Margin + 16}\" class=\"title\">{project.Folder}/</text>\n");
            for (int layer = 0; layer < rows; layer++)
            {
                int y = Margin + TitleHeight + (rows - 1 - layer) * (BoxHeight + RowGap);
                string[] folders = project.Layers[layer];
                int rowWidth = folders.Length * (BoxWidth + Gap) - Gap;
                int left = x + (width - rowWidth) / 2;
                for (int i = 0; i < folders.Length; i++)
                {
                    int bx = left + i * (BoxWidth + Gap);
                    body.Append($"  <rect x=\"{bx}\" y=\"{y}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"4\" class=\"l{layer % 4}\"/>\n");
                    body.Append($"  <text x=\"{bx + BoxWidth / 2}\" y=\"{y + 20}\" text-anchor=\"middle\">{folders[i]}/</text>\n");
                }
            }

            height = Math.Max(height, projectHeight);
            x += width + 3 * Margin;
        }

        int totalWidth = x - 2 * Margin;
        int totalHeight = height + 2 * Margin + 18;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + totalWidth + "\" height=\"" + totalHeight + "\" font-family=\"sans-serif\" font-size=\"13\">\n"
            + "  <!-- Generated by tests/EdgeSensor.Repository.Tests/LayerTests.cs from its layer table; do not edit by hand. -->\n"
            + "  <style>.title{font-weight:bold}.l0{fill:#dbeafe;stroke:#1e3a8a}.l1{fill:#dcfce7;stroke:#14532d}.l2{fill:#fef9c3;stroke:#713f12}.l3{fill:#fce7f3;stroke:#831843}</style>\n"
            + "  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
            + body
            + $"  <text x=\"{Margin}\" y=\"{totalHeight - 10}\" font-size=\"11\">A folder uses only folders in rows below it.</text>\n"
            + "</svg>\n";
    }
}
