namespace EdgeSensor.Simulator.Tests.Commands;

/// <summary>Runs the simulator's command line in-process and captures what it prints, for the command tests.</summary>
internal static class SimulatorCli
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A file with <paramref name="content"/> in the test run's folder, named with <paramref name="extension"/>.</summary>
    public static string TempFile(TestContext context, string content, string extension)
    {
        string path = Path.Combine(context.TestRunDirectory ?? Path.GetTempPath(), $"{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content);
        return path;
    }
}
