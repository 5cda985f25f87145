using EdgeSensor.Tests.Shared;

namespace EdgeSensor.Firmware.Tests.Docs;

/// <summary>
/// The C# blocks of the docs marked <c>&lt;!-- compiles against: firmware --&gt;</c> compile as C# 9 against the
/// nanoFramework mscorlib and libraries the firmware build resolved, as the firmware itself does.
/// (The other blocks compile against .NET: tests/EdgeSensor.Integration.Tests/Docs/DocCSharpBlockTests.cs.)
/// </summary>
[TestClass]
public sealed class DocFirmwareBlockTests
{
    [TestMethod]
    public void EveryFirmwareBlock_CompilesAgainstTheNanoFrameworkLibraries()
    {
        FirmwareBuild.RequireImage();
        var blocks = DocCodeBlocks.All(FirmwareBuild.Root).Where(b => b.Firmware).ToList();
        Assert.IsGreaterThanOrEqualTo(1, blocks.Count, "hardware/wiring.md's I2C set-up at least");

        var failures = new List<string>();
        foreach (DocCodeBlock block in blocks)
        {
            var (dll, errors) = PlantedApp.CompileLibrary("DocBlock", block.Code);
            if (dll is null)
            {
                failures.Add($"{block}: {string.Join("; ", errors.Take(3))}");
            }
        }

        Assert.IsEmpty(failures, "device C# blocks in the docs that do not compile:\n" + string.Join('\n', failures));
    }
}
