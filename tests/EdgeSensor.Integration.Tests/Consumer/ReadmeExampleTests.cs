using System.Reflection;
using System.Text.RegularExpressions;
using EdgeSensor.Integration.Tests.Support;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.KeyStore;
using EdgeSensor.Simulator.Fleet;
using EdgeSensor.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EdgeSensor.Integration.Tests.Consumer;

/// <summary>
/// Compiles the README's "Integrate (SDK)" example as written (only the broker address and the key
/// store path are pointed at the test's) and runs it against a real broker.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed partial class ReadmeExampleTests
{
    [TestMethod]
    public async Task ReadmeExample_CompilesAndPrintsReportsAndRejections()
    {
        string code = ReadExample();
        Assert.AreEqual(10, code.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, "the README promises ten lines");

        await using var broker = await EmbeddedBroker.StartAsync(persistentSessions: true);
        using var fleet = TestFleet.Create(1);
        string keyText = KeyStoreSecret.GenerateKeyText();
        string keysPath = Path.Combine(fleet.Directory, "readme-keys.json");
        using (var store = FileDeviceKeyStore.Create(keysPath, KeyStoreSecret.FromKey(Convert.FromBase64String(keyText))))
        {
            store.Add(fleet.Devices[0]);
        }

        string runnable = code
            .Replace("Host = \"broker.example\", UseTls = true", $"Host = \"127.0.0.1\", Port = {broker.Port}", StringComparison.Ordinal)
            .Replace("\"keys.json\"", "\"" + keysPath + "\"", StringComparison.Ordinal);
        Assert.AreNotEqual(code, runnable);
        var entryPoint = Compile(runnable);

        var output = new StringWriter();
        var originalOut = Console.Out;
        Environment.SetEnvironmentVariable(KeyStoreSecret.EnvironmentVariable, keyText);
        Console.SetOut(TextWriter.Synchronized(output));
        // Publish only once the example has subscribed (a connection alone is not enough).
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        broker.Server.ClientSubscribedTopicAsync += _ =>
        {
            subscribed.TrySetResult();
            return Task.CompletedTask;
        };
        try
        {
            _ = Task.Run(() => (Task)entryPoint.Invoke(null, [Array.Empty<string>()])!);
            using var publisher = await TestFleet.ConnectPublisherAsync(broker.Port);
            var device = fleet.Devices[0];
            await subscribed.Task.WaitAsync(TimeSpan.FromSeconds(20));
            await TestFleet.PublishAsync(publisher, device, TestFleet.Payload(device, 1));
            await TestFleet.PublishAsync(publisher, device, [0xFF]);
            string expected = $"north-gate {device.DeviceIdText}: +3 -1, inside 2";
            Assert.IsTrue(
                await Eventually.TrueAsync(() => output.ToString().Contains("rejected unsupported_version", StringComparison.Ordinal) && output.ToString().Contains(expected, StringComparison.Ordinal)),
                output.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Environment.SetEnvironmentVariable(KeyStoreSecret.EnvironmentVariable, null);
        }
    }

    internal static string ReadExample()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        int section = readme.IndexOf("## Integrate (SDK)", StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, section, "README has the Integrate (SDK) section");
        var match = CodeBlock().Match(readme, section);
        Assert.IsTrue(match.Success, "the section has a csharp block");
        return match.Groups[1].Value.Replace("\r", string.Empty, StringComparison.Ordinal);
    }

    private static MethodInfo Compile(string code)
    {
        // The usings a `dotnet new console` project gets implicitly.
        const string implicitUsings = "global using System; global using System.IO; global using System.Linq; global using System.Collections.Generic; global using System.Threading; global using System.Threading.Tasks; global using System.Net.Http;";
        _ = typeof(EdgeSensor.Sdk.Client.EdgeSensorClient);
        _ = typeof(MQTTnet.MqttClientFactory);
        var references = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && !string.IsNullOrEmpty(a.Location))
            .Select(a => MetadataReference.CreateFromFile(a.Location));
        var compilation = CSharpCompilation.Create(
            "ReadmeExample",
            [CSharpSyntaxTree.ParseText(implicitUsings), CSharpSyntaxTree.ParseText(code)],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToArray();
        Assert.IsTrue(result.Success, string.Join(Environment.NewLine, problems));
        Assert.IsEmpty(problems, string.Join(Environment.NewLine, problems));
        var assembly = Assembly.Load(stream.ToArray());
        return assembly.EntryPoint ?? throw new InvalidOperationException("no entry point");
    }

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
