using EdgeSensor.Cli.Commands;

namespace EdgeSensor.Cli.Tests;

/// <summary>Errors are in words an operator reads: no .NET type names, and durations written as people write them.</summary>
[TestClass]
public sealed class ErrorWordsTests
{
    [TestMethod]
    [DataRow("tail", "--duration", "5x", "--duration: '5x' is not a duration")]
    [DataRow("tail", "--count", "x", "--count: 'x' is not a whole number")]
    [DataRow("tail", "--port", "abc", "--port: 'abc' is not a whole number")]
    [DataRow("provision", "--mount-height", "tall", "--mount-height: 'tall' is not a whole number")]
    public async Task BadValues_AreNamedInWords_NotAsDotNetTypes(string command, string option, string value, string expected)
    {
        using var cli = new CliHarness();

        var (code, output) = await cli.RunAsync(command, option, value);

        Assert.AreEqual(ExitCodes.Usage, code, output);
        StringAssert.Contains(output, expected);
        Assert.DoesNotContain("System.", output, "no .NET type name");
        Assert.DoesNotContain("   at ", output, "no stack trace");
    }

    [TestMethod]
    public async Task Tail_SaysWhereItConnects_AndWhyEachAttemptFailed()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("provision", "--site", "r", "--keystore", cli.KeyStorePath, "--broker-host", "h", "--wifi-ssid", "lab", "--wifi-open", "--out", Path.Combine(cli.Directory, "b.json"));

        var (code, output) = await cli.RunAsync("tail", "--keystore", cli.KeyStorePath, "--port", "1", "--duration", "2s");

        Assert.AreEqual(ExitCodes.Broker, code, output);
        StringAssert.Contains(output, "Connecting to localhost:1 ...");
        StringAssert.Contains(output, "connect attempt 1 failed: ");
        StringAssert.Contains(output, "Connection refused");
        StringAssert.Contains(output, "; retrying in ");
        StringAssert.Contains(output, "Could not connect to localhost:1 before stopping.");
        Assert.DoesNotContain("Exception", output, "no .NET type name");
    }

    [TestMethod]
    [DataRow("30s", 30)]
    [DataRow("5m", 300)]
    [DataRow("2h", 7200)]
    [DataRow("1h30m", 5400)]
    [DataRow("1d", 86400)]
    [DataRow("250ms", 0.25)]
    [DataRow("00:05:00", 300)]
    public void Durations_ReadAsPeopleWriteThem(string text, double seconds)
    {
        Assert.IsTrue(DurationArgument.TryParse(text, out TimeSpan value), text);
        Assert.AreEqual(TimeSpan.FromSeconds(seconds), value);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("5")]
    [DataRow("m")]
    [DataRow("5 m")]
    [DataRow("-5m")]
    [DataRow("5mm")]
    [DataRow("999999999999d")]
    public void NotDurations_AreRefused(string text)
    {
        Assert.IsFalse(DurationArgument.TryParse(text, out _), text);
    }
}
