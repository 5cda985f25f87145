using Microsoft.CodeAnalysis;

namespace EdgeSensor.Firmware.Tests;

/// <summary>
/// A file planted in the app goes through the firmware build's two gates: the compile against the nanoFramework
/// mscorlib and libraries the build resolved (obj/Release/nanoimage.rsp), then EdgeSensor.NanoCheck with the
/// allow-list the build wrote (obj/Release/nanocheck-app.rsp), run as a process exactly as the build runs it.
/// </summary>
[TestClass]
public sealed class PlantedAppFileTests
{
    private const string PlantedFile = PlantedApp.File;

    [TestMethod]
    public void SystemMathFailsTheCompileByName()
    {
        var (dll, errors) = Compile("""
            namespace EdgeSensor.Firmware
            {
                public static class Program
                {
                    public static void Main() { int level = System.Math.Abs(-3); level++; }
                }
            }
            """);

        Assert.IsNull(dll);
        Assert.IsTrue(errors.Any(e => e.Contains("error CS0234") && e.Contains("'Math'") && e.Contains(PlantedFile + "(5,")),
            string.Join(Environment.NewLine, errors));
    }

    [TestMethod]
    public void AGenericClassFailsTheCheckerByName()
    {
        var (dll, errors) = Compile("""
            namespace EdgeSensor.Firmware
            {
                public sealed class Slot<T> { public T Value; public T Get() { return Value; } }
                public static class Program
                {
                    public static void Main() { Slot<int> slot = new Slot<int>(); slot.Value = 1; }
                }
            }
            """);
        Assert.IsNotNull(dll, string.Join(Environment.NewLine, errors));

        var (exit, output) = RunCheckerAsTheBuildDoes(dll);

        Assert.AreEqual(1, exit, output);
        StringAssert.Contains(output, PlantedFile + "(3,");
        StringAssert.Contains(output, "error NANO001: generic type definition 'EdgeSensor.Firmware.Slot`1'");
    }

    [TestMethod]
    public void AnAppUsingTheCoreAndTheNanoLibrariesPasses()
    {
        var (dll, errors) = Compile("""
            namespace EdgeSensor.Firmware
            {
                public static class Program
                {
                    public static void Main()
                    {
                        string names = typeof(EdgeSensor.Core.Device.SensorNode).Name + typeof(nanoFramework.M2Mqtt.MqttClient).Name
                            + typeof(System.Device.Gpio.GpioController).Name + typeof(System.Device.I2c.I2cDevice).Name;
                        if (names.Length == 0) { throw new System.InvalidOperationException(); }
                    }
                }
            }
            """);
        Assert.IsNotNull(dll, string.Join(Environment.NewLine, errors));

        var (exit, output) = RunCheckerAsTheBuildDoes(dll);

        Assert.AreEqual(0, exit, output);
    }

    [TestMethod]
    public void AReferenceTheBuildDidNotResolveIsNamed()
    {
        var vendor = PlantedApp.Library("Vendor.Sensors", "namespace Vendor { public static class Probe { public static int Read() { return 1; } } }");
        var (dll, errors) = Compile("""
            namespace EdgeSensor.Firmware
            {
                public static class Program { public static void Main() { int v = Vendor.Probe.Read(); v++; } }
            }
            """, vendor);
        Assert.IsNotNull(dll, string.Join(Environment.NewLine, errors));

        var (exit, output) = RunCheckerAsTheBuildDoes(dll);

        Assert.AreEqual(1, exit, output);
        StringAssert.Contains(output, "error NANO005: references assembly 'Vendor.Sensors'");
    }

    private static (string? Dll, IReadOnlyList<string> Errors) Compile(string source, params MetadataReference[] extra) =>
        PlantedApp.Compile(source, extra);

    private static (int Exit, string Output) RunCheckerAsTheBuildDoes(string dll) =>
        PlantedApp.RunTool(FirmwareBuild.Tool("EdgeSensor.NanoCheck"), dll, "--pdb", Path.ChangeExtension(dll, ".pdb"),
            "@" + Path.Combine(FirmwareBuild.Intermediate, "nanocheck-app.rsp"));
}
