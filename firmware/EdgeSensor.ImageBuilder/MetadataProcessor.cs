using System.Diagnostics;

namespace EdgeSensor.ImageBuilder;

/// <summary>Runs the nanoFramework metadata processor (a .NET command-line tool) to turn one assembly into a .pe.</summary>
internal sealed class MetadataProcessor(string processorPath)
{
    /// <summary>
    /// Converts <paramref name="assembly"/> into <paramref name="pePath"/>, with one --hint per reference, unless
    /// the .pe there was made from the same inputs (a stamp in <paramref name="cacheDirectory"/> records them): libraries rarely change.
    /// </summary>
    /// <exception cref="BuildError">The processor exited with a non-zero code or wrote no .pe.</exception>
    public void Convert(ImageAssembly assembly, string pePath, string cacheDirectory)
    {
        var stampPath = Path.Combine(cacheDirectory, assembly.Name + ".pe.inputs");
        var stamp = Stamp(assembly);
        if (File.Exists(pePath) && File.Exists(stampPath) && File.ReadAllText(stampPath) == stamp)
        {
            return;
        }
        File.Delete(stampPath);
        Run(assembly, pePath);
        File.WriteAllText(stampPath, stamp);
    }

    // What the output depends on: the processor and every input assembly (path, size, time), and the options.
    private string Stamp(ImageAssembly assembly)
    {
        static string Of(string path)
        {
            var file = new FileInfo(path);
            return $"{file.FullName}|{file.Length}|{file.LastWriteTimeUtc.Ticks}";
        }
        return string.Join("\n", new[] { Of(processorPath), Of(assembly.DllPath), assembly.IsCoreLibrary ? "--core" : "" }
            .Concat(assembly.References.Select(r => r.Name + "=" + Of(r.DllPath))));
    }

    private void Run(ImageAssembly assembly, string pePath)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(processorPath);
        start.ArgumentList.Add(assembly.DllPath);
        start.ArgumentList.Add(pePath);
        if (assembly.IsCoreLibrary)
        {
            start.ArgumentList.Add("--core");
        }
        foreach (var reference in assembly.References)
        {
            start.ArgumentList.Add("--hint");
            start.ArgumentList.Add(reference.Name);
            start.ArgumentList.Add(reference.DllPath);
        }

        using var process = Process.Start(start)
            ?? throw new BuildError(ErrorCodes.MetadataProcessor, processorPath, "could not start the metadata processor");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !File.Exists(pePath))
        {
            var said = string.Join(" ", (output + " " + error.Result).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            throw new BuildError(ErrorCodes.MetadataProcessor, assembly.DllPath,
                $"the metadata processor failed on '{assembly.Name}' (exit code {process.ExitCode}): {said}");
        }
    }
}
