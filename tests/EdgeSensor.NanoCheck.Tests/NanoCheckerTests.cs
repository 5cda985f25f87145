namespace EdgeSensor.NanoCheck.Tests;

[TestClass]
public sealed class NanoCheckerTests
{
    private static CheckResult Check(string assembly, params string[] allowedReferences) =>
        new NanoChecker(allowedReferences.Length == 0 ? null : allowedReferences).Check(assembly, Path.ChangeExtension(assembly, ".pdb"));

    private static Finding Single(CheckResult result, string rule)
    {
        var matching = result.Findings.Where(f => f.Rule == rule).ToList();
        Assert.HasCount(1, matching, $"expected one {rule}; got: {string.Join(" | ", result.Findings.Select(f => f.Format("x")))}");
        return matching[0];
    }

    [TestMethod]
    public void CleanPortableCodePasses()
    {
        var dll = PlantedAssembly.CompileForNano("""
            using System;
            namespace Clean
            {
                public interface ISink { void Put(int value); }
                public enum Mode : byte { Off, On }
                public delegate void Changed(int value);
                public struct Sample { public long TimeMs; public int Distance; }
                public sealed class Counter : ISink
                {
                    private readonly int[] _window = new int[] { 1, 2, 3 };
                    private readonly int[][] _jagged = new int[2][];
                    public event Changed OnChanged;
                    public int Total { get; private set; }
                    public Mode Mode { get; set; } = Mode.On;
                    public void Put(int value)
                    {
                        Action<int> log = v => Total += v;   // mscorlib's generic delegate: tolerated
                        log(value + _window[0]);
                        _jagged[0] = _window;
                        OnChanged?.Invoke(Total);
                        try { if (value < 0) throw new ArgumentOutOfRangeException(nameof(value)); }
                        catch (ArgumentException e) when (e.Message != null) { Total = 0; }
                        var text = "total " + Total.ToString();
                        Total += text.Length > 1000 ? 1 : 0;
                    }
                }
            }
            """);

        var result = Check(dll);

        Assert.IsEmpty(result.Findings, string.Join(" | ", result.Findings.Select(f => f.Format(dll))));
        Assert.IsGreaterThanOrEqualTo(5, result.TypesChecked);
        Assert.IsGreaterThan(3, result.MethodsChecked);
    }

    [TestMethod]
    public void GenericTypeDefinitionIsNamedWithItsFile()
    {
        var dll = PlantedAssembly.CompileForNano("""
            namespace Planted
            {
                public sealed class Box<T> { public T Value; public T Get() { return Value; } }
            }
            """);

        var finding = Single(Check(dll), "NANO001");

        Assert.AreEqual("Planted.Box`1", finding.TypeName);
        Assert.AreEqual(PlantedAssembly.SourceFile, finding.Location?.File);
        Assert.AreEqual(3, finding.Location?.Line);
        StringAssert.StartsWith(finding.Format(dll), "Planted.cs(3,1): error NANO001: generic type definition 'Planted.Box`1'");
    }

    [TestMethod]
    public void GenericMethodDefinitionAndItsCallAreNamed()
    {
        var dll = PlantedAssembly.CompileForNano("""
            namespace Planted
            {
                public static class Util
                {
                    public static T First<T>(T[] items) { return items[0]; }
                    public static int Use() { return First(new int[] { 4 }); }
                }
            }
            """);

        var result = Check(dll);

        Assert.AreEqual("First", Single(result, "NANO002").MemberName);
        var call = Single(result, "NANO003");
        Assert.AreEqual("Use", call.MemberName);
        StringAssert.Contains(call.Message, "First<System.Int32>");
    }

    [TestMethod]
    public void GenericInstantiationInsideAMethodBodyIsNamed()
    {
        var lib = PlantedAssembly.LibraryForNano("mscorlib.Extra", """
            namespace Lib { public sealed class Holder<T> { public T Item; } }
            """);
        var dll = PlantedAssembly.CompileForNano("""
            namespace Planted
            {
                public static class User
                {
                    public static int Read() { var h = new Lib.Holder<int>(); return h.Item; }
                }
            }
            """, false, lib);

        var result = Check(dll, "mscorlib", "mscorlib.Extra");

        var finding = Single(result, "NANO003");
        Assert.AreEqual("Planted.User", finding.TypeName);
        Assert.AreEqual("Read", finding.MemberName);
        Assert.AreEqual(5, finding.Location?.Line);
    }

    [TestMethod]
    public void GenericDelegateOfOurOwnIsNotTolerated()
    {
        var dll = PlantedAssembly.CompileForNano("""
            namespace Planted
            {
                public delegate T Maker<T>();
                public static class User { public static Maker<int> M() { return () => 1; } }
            }
            """);

        var result = Check(dll);

        Assert.AreEqual("Planted.Maker`1", Single(result, "NANO001").TypeName);
        Assert.IsTrue(result.Findings.Any(f => f.Rule == "NANO003" && f.Message.Contains("Planted.Maker`1<System.Int32>")));
    }

    [TestMethod]
    public void AsyncMethodIsReportedAsStateMachine()
    {
        var dll = PlantedAssembly.CompileForDotNet("""
            using System.Threading.Tasks;
            namespace Planted
            {
                public static class Work { public static async Task<int> Later() { await Task.Yield(); return 1; } }
            }
            """);

        var result = Check(dll);

        var finding = Single(result, "NANO004");
        Assert.AreEqual("Later", finding.MemberName);
        StringAssert.Contains(finding.Message, "AsyncStateMachineAttribute");
        Assert.IsTrue(result.Findings.Any(f => f.Rule == "NANO005"), "the .NET runtime assembly is not allowed either");
    }

    [TestMethod]
    public void IteratorIsReportedAsStateMachine()
    {
        var dll = PlantedAssembly.CompileForDotNet("""
            namespace Planted
            {
                public static class Seq { public static System.Collections.IEnumerable Numbers() { yield return 1; } }
            }
            """);

        var finding = Single(Check(dll), "NANO004");

        Assert.AreEqual("Numbers", finding.MemberName);
        StringAssert.Contains(finding.Message, "IteratorStateMachineAttribute");
    }

    [TestMethod]
    public void ReferenceToAnotherAssemblyIsNamed()
    {
        var lib = PlantedAssembly.LibraryForNano("Vendor.Gpio", "namespace Vendor { public static class Pin { public static int Read() { return 1; } } }");
        var dll = PlantedAssembly.CompileForNano("namespace Planted { public static class U { public static int R() { return Vendor.Pin.Read(); } } }", false, lib);

        var finding = Single(Check(dll), "NANO005");

        StringAssert.Contains(finding.Message, "'Vendor.Gpio'");
        Assert.IsEmpty(Check(dll, "mscorlib", "Vendor.Gpio").Findings, "an allowed reference passes");
    }

    [TestMethod]
    public void MultidimensionalArrayIsNamed()
    {
        var dll = PlantedAssembly.CompileForNano("""
            namespace Planted
            {
                public sealed class Grid
                {
                    private int[,] _cells = new int[2, 2];
                    public int At(int x, int y) { return _cells[x, y]; }
                }
            }
            """);

        var findings = Check(dll).Findings.Where(f => f.Rule == "NANO006").ToList();

        Assert.IsTrue(findings.Any(f => f.MemberName == "_cells"), "the field");
        Assert.IsTrue(findings.Any(f => f.MemberName == "At"), "the use in a body");
        StringAssert.Contains(findings[0].Message, "System.Int32[,]");
    }

    [TestMethod]
    public void PointersAndStackallocAreNamed()
    {
        var dll = PlantedAssembly.CompileForNano("""
            namespace Planted
            {
                public static unsafe class Raw
                {
                    public static int Sum() { int* p = stackalloc int[4]; p[0] = 1; return p[0]; }
                }
            }
            """, allowUnsafe: true);

        var result = Check(dll);

        Assert.AreEqual("Sum", result.Findings.First(f => f.Rule == "NANO007").MemberName);
        StringAssert.Contains(Single(result, "NANO011").Message, "localloc");
    }

    [TestMethod]
    public void NativeMethodIsNamed()
    {
        var dll = PlantedAssembly.CompileForNano("""
            using System.Runtime.CompilerServices;
            namespace Planted
            {
                public static class Native
                {
                    [MethodImpl(MethodImplOptions.InternalCall)]
                    public static extern int ReadRegister(int address);
                }
            }
            """);

        Assert.AreEqual("ReadRegister", Single(Check(dll), "NANO008").MemberName);
    }

    [TestMethod]
    public void AttributeWithEnumArgumentIsNamed()
    {
        var dll = PlantedAssembly.CompileForNano("""
            using System;
            namespace Planted
            {
                public enum Level { Low, High }
                public sealed class TagAttribute : Attribute
                {
                    public TagAttribute(Level level, string name) { }
                }
                [Tag(Level.High, "x")]
                public sealed class Tagged { }
            }
            """);

        var finding = Single(Check(dll), "NANO009");

        Assert.AreEqual("Planted.Tagged", finding.TypeName);
        StringAssert.Contains(finding.Message, "'Planted.Level'");
    }

    [TestMethod]
    public void TooManyStaticMethodsInOneTypeIsNamed()
    {
        var methods = string.Concat(Enumerable.Range(0, 256).Select(i => $"public static int M{i}() {{ return {i}; }}\n"));
        var dll = PlantedAssembly.CompileForNano($"namespace Planted {{ public static class Big {{ {methods} }} }}");

        var finding = Single(Check(dll), "NANO010");

        Assert.AreEqual("Planted.Big", finding.TypeName);
        StringAssert.Contains(finding.Message, "256 static methods");
    }

    [TestMethod]
    public void TheRealCoreBuiltForTheNanoFrameworkPasses()
    {
        var root = RepositoryRoot.Path;
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var counting = Path.Combine(root, "firmware", "EdgeSensor.Core.Counting.Nano", "bin", configuration, "nano", "EdgeSensor.Core.Counting.dll");
        var core = Path.Combine(root, "firmware", "EdgeSensor.Core.Nano", "bin", configuration, "nano", "EdgeSensor.Core.dll");

        // The device's core is two assemblies (byte code per assembly is limited); the upper may reference the lower only.
        var countingResult = Check(counting);
        var coreResult = Check(core, "mscorlib", "EdgeSensor.Core.Counting");
        var coreAlone = Check(core);

        Assert.IsEmpty(countingResult.Findings, string.Join(" | ", countingResult.Findings.Select(f => f.Format(counting))));
        Assert.IsEmpty(coreResult.Findings, string.Join(" | ", coreResult.Findings.Select(f => f.Format(core))));
        Assert.IsGreaterThan(0, countingResult.TypesChecked);
        Assert.IsGreaterThan(0, coreResult.TypesChecked);
        Assert.AreEqual("NANO005", Single(coreAlone, "NANO005").Rule, "the core references the counting assembly");
    }
}
