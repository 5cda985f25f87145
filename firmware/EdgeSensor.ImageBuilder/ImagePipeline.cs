namespace EdgeSensor.ImageBuilder;

/// <summary>Resolve, convert, check mscorlib, write and re-scan the image, report sizes.</summary>
internal static class ImagePipeline
{
    /// <summary>Runs every step; returns the lines to print. Throws <see cref="BuildError"/> on the first failure.</summary>
    public static IReadOnlyList<string> Run(Options options)
    {
        var log = new List<string>();
        var outDir = Path.GetFullPath(options.OutputDirectory);
        Directory.CreateDirectory(outDir);
        var cacheDir = Path.GetFullPath(options.CacheDirectory ?? outDir);
        Directory.CreateDirectory(cacheDir);
        // A failed build must not leave the previous image behind as if it were this one.
        File.Delete(Path.Combine(outDir, options.ImageName));
        File.Delete(Path.Combine(outDir, "size-report.md"));
        var assemblies = ReferenceResolver.Resolve(options.App, options.References);
        var current = assemblies.Select(a => PePath(outDir, a)).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Directory.EnumerateFiles(outDir, "*.pe").Where(p => !current.Contains(p)))
        {
            File.Delete(stale); // an assembly the app no longer needs
            File.Delete(Path.ChangeExtension(stale, ".pdbx"));
            File.Delete(Path.Combine(cacheDir, Path.GetFileName(stale) + ".inputs"));
        }
        var processor = new MetadataProcessor(Path.GetFullPath(options.MetadataProcessor));
        Parallel.ForEach(assemblies, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            a => processor.Convert(a, PePath(outDir, a), cacheDir));

        var core = assemblies.FirstOrDefault(a => a.IsCoreLibrary)
            ?? throw new BuildError(ErrorCodes.Unresolved, options.App, "the app's references do not lead to mscorlib, so it cannot run on the nanoCLR");
        if (!File.ReadAllBytes(PePath(outDir, core)).AsSpan().SequenceEqual(File.ReadAllBytes(options.CorePe)))
        {
            throw new BuildError(ErrorCodes.CoreLibraryDiffers, PePath(outDir, core),
                $"mscorlib converted with --core differs from the package's {options.CorePe}: the metadata processor is not the one the runtime's mscorlib was built with");
        }
        log.Add($"firmware image: mscorlib.pe converted here is byte-identical to the package's mscorlib.pe");

        var peFiles = assemblies.Select(a => File.ReadAllBytes(PePath(outDir, a))).ToList();
        var image = DeploymentImage.Build(peFiles);
        Verify(image, assemblies, peFiles, Path.Combine(outDir, options.ImageName));
        if (image.Length > DeploymentArea.Size)
        {
            throw new BuildError(ErrorCodes.TooLarge, Path.Combine(outDir, options.ImageName),
                $"the image is {image.Length} bytes; the {DeploymentArea.Board} deployment partition holds {DeploymentArea.Size}");
        }
        File.WriteAllBytes(Path.Combine(outDir, options.ImageName), image);

        var sizes = assemblies.Select((a, i) => new PeSize(a.Name, a.Version, peFiles[i].Length, (int)NanoAssemblyHeader.Read(peFiles[i])!.ByteCodeSize)).ToList();
        var report = SizeReport.Render(sizes, image.Length, options.ImageName, options.Configuration);
        File.WriteAllText(Path.Combine(outDir, "size-report.md"), report);
        if (options.Document is { } doc)
        {
            File.WriteAllText(doc, SizeReport.Insert(File.ReadAllText(doc), report, doc));
            log.Add($"firmware image: size report written into {doc}");
        }
        log.Add($"firmware image: {Path.Combine(outDir, options.ImageName)}: {assemblies.Count} assemblies, {image.Length} bytes, "
            + $"{100.0 * image.Length / DeploymentArea.Size:F1} % of the {DeploymentArea.Board} deployment partition");
        return log;
    }

    // The image must load exactly the assemblies written, in order, each with good CRCs.
    private static void Verify(byte[] image, IReadOnlyList<ImageAssembly> assemblies, IReadOnlyList<byte[]> peFiles, string imagePath)
    {
        var found = DeploymentImage.Scan(image);
        var offset = 0;
        for (var i = 0; i < assemblies.Count; i++)
        {
            var expected = assemblies[i];
            var match = i < found.Count ? found[i] : null;
            // A name from the runtime's built-in string table (mscorlib, System.Threading) cannot be read here;
            // the bytes found must then be the very .pe written.
            if (match is null || match.Offset != offset || match.Size != peFiles[i].Length
                || (match.Name is not null && match.Name != expected.Name)
                || !image.AsSpan(offset, peFiles[i].Length).SequenceEqual(peFiles[i])
                || match.Version.Major != expected.Version.Major || match.Version.Minor != expected.Version.Minor)
            {
                throw new BuildError(ErrorCodes.ImageScan, imagePath,
                    $"scanning the image as the nanoCLR does did not find '{expected.Name}' at offset {offset} ({found.Count} assemblies found)");
            }
            offset += DeploymentImage.Pad(peFiles[i].Length);
        }
        if (found.Count != assemblies.Count)
        {
            throw new BuildError(ErrorCodes.ImageScan, imagePath, $"scanning the image found {found.Count} assemblies, {assemblies.Count} were written");
        }
    }

    private static string PePath(string outDir, ImageAssembly assembly) => Path.Combine(outDir, assembly.Name + ".pe");
}
