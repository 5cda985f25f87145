using System.Globalization;
using System.Text;

namespace EdgeSensor.ImageBuilder;

/// <summary>One row of the size report.</summary>
internal sealed record PeSize(string Name, Version Version, int Bytes, int ByteCodeBytes);

/// <summary>
/// The size report: each .pe with its byte code against the per-assembly limit, their total and the image against
/// the ESP32 deployment partition, as Markdown.
/// The build writes it next to the image and, when asked, between the markers in docs/firmware.md.
/// </summary>
internal static class SizeReport
{
    public const string BeginMarker = "<!-- size-report:begin -->";
    public const string EndMarker = "<!-- size-report:end -->";

    public static string Render(IReadOnlyList<PeSize> files, int imageBytes, string imageName, string configuration)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"{configuration} build, {files.Count} assemblies in load order (the app last):"));
        text.AppendLine();
        text.AppendLine(Invariant($"| assembly | version | .pe bytes | byte code bytes (of {NanoAssemblyHeader.MaxByteCodeBytes:N0}) |"));
        text.AppendLine("|---|---|---:|---:|");
        foreach (var file in files)
        {
            text.AppendLine(Invariant($"| {file.Name} | {file.Version} | {file.Bytes:N0} | {file.ByteCodeBytes:N0} ({100.0 * file.ByteCodeBytes / NanoAssemblyHeader.MaxByteCodeBytes:F0} %) |"));
        }
        text.AppendLine(Invariant($"| **total** | | **{files.Sum(f => f.Bytes):N0}** | |"));
        text.AppendLine();
        text.AppendLine("| deployment | bytes |");
        text.AppendLine("|---|---:|");
        text.AppendLine(Invariant($"| `{imageName}` (each .pe padded to 4 bytes) | {imageBytes:N0} |"));
        text.AppendLine(Invariant($"| deployment partition, {DeploymentArea.Board} (0x{DeploymentArea.Offset:X6}, size 0x{DeploymentArea.Size:X6}) | {DeploymentArea.Size:N0} |"));
        text.AppendLine(Invariant($"| used | {100.0 * imageBytes / DeploymentArea.Size:F1} % |"));
        text.AppendLine(Invariant($"| free | {DeploymentArea.Size - imageBytes:N0} |"));
        return text.ToString();
    }

    /// <summary>Replaces what stands between the markers in <paramref name="document"/> with <paramref name="report"/>.</summary>
    /// <exception cref="BuildError">The markers are missing or out of order.</exception>
    public static string Insert(string document, string report, string documentPath)
    {
        var begin = document.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = document.IndexOf(EndMarker, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new BuildError(ErrorCodes.Document, documentPath, $"the size report goes between '{BeginMarker}' and '{EndMarker}', which were not found in this order");
        }
        var head = document[..(begin + BeginMarker.Length)];
        return head + "\n" + report.ReplaceLineEndings("\n") + document[end..];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
