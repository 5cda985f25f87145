using EdgeSensor.ImageBuilder;

// Exit codes: 0 image written and verified, 1 build error (printed in MSBuild's error format), 2 usage.
if (!Options.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine($"imagebuilder: {error}");
    Console.Error.WriteLine(Options.Usage);
    return 2;
}
try
{
    foreach (var line in ImagePipeline.Run(options))
    {
        Console.WriteLine(line);
    }
    return 0;
}
catch (BuildError e)
{
    Console.WriteLine(e.Format());
    return 1;
}
catch (AggregateException e) when (e.InnerExceptions.All(i => i is BuildError))
{
    foreach (var inner in e.InnerExceptions.Cast<BuildError>())
    {
        Console.WriteLine(inner.Format());
    }
    return 1;
}
catch (IOException e)
{
    Console.WriteLine($"{options.OutputDirectory}: error {ErrorCodes.FileAccess}: {e.Message}");
    return 1;
}
