using System.Diagnostics;

namespace EdgeSensor.NanoCheck.Tests;

/// <summary>The checker's arguments, and the checker run as a process the way the firmware build runs it.</summary>
[TestClass]
public sealed class CommandLineTests
{
    private static string ResponseFile(params string[] lines)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("nanocheck-rsp-").FullName, "args.rsp");
        File.WriteAllLines(path, lines);
        return path;
    }

    [TestMethod]
    public void ResponseFileAddsAllowedReferences()
    {
        var rsp = ResponseFile("# comment", "", "--allow-reference", "Vendor.Gpio, Version=1.2.0.0, Culture=neutral, PublicKeyToken=null");

        Assert.IsTrue(CommandLine.TryParse(["app.dll", "@" + rsp], out var commandLine, out var error), error);

        Assert.AreEqual("app.dll", commandLine!.Assembly);
        Assert.AreEqual("app.pdb", commandLine.Pdb);
        CollectionAssert.AreEqual(new[] { "mscorlib", "Vendor.Gpio, Version=1.2.0.0, Culture=neutral, PublicKeyToken=null" }, commandLine.AllowedReferences.ToArray());
    }

    [TestMethod]
    public void MissingResponseFileInvalidIdentityAndStrayArgumentsAreUsageErrors()
    {
        Assert.IsFalse(CommandLine.TryParse(["app.dll", "@/no/such/file.rsp"], out _, out var error));
        StringAssert.Contains(error, "response file not found");
        Assert.IsFalse(CommandLine.TryParse(["app.dll", "--allow-reference", "X, Version=bad"], out _, out error));
        StringAssert.Contains(error, "--allow-reference");
        Assert.IsFalse(CommandLine.TryParse(["app.dll", "other.dll"], out _, out _));
        Assert.IsFalse(CommandLine.TryParse(["--pdb", "x.pdb"], out _, out error));
        StringAssert.Contains(error, "no assembly");
    }

    [TestMethod]
    public void TheCheckerProcessFailsOnAReferenceOutsideTheResponseFile()
    {
        var lib = PlantedAssembly.LibraryForNano("Vendor.Gpio", "namespace Vendor { public static class Pin { public static int Read() { return 1; } } }");
        var dll = PlantedAssembly.CompileForNano("namespace Planted { public static class U { public static int R() { return Vendor.Pin.Read(); } } }", false, lib);

        var (exit, output) = RunChecker(dll, "@" + ResponseFile("--allow-reference", "Vendor.I2c"));
        Assert.AreEqual(1, exit, output);
        StringAssert.Contains(output, "error NANO005: references assembly 'Vendor.Gpio'");

        (exit, output) = RunChecker(dll, "@" + ResponseFile("--allow-reference", "Vendor.Gpio, Version=0.0.0.0, Culture=neutral, PublicKeyToken=null"));
        Assert.AreEqual(0, exit, output);
    }

    private static (int Exit, string Output) RunChecker(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(NanoChecker).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
