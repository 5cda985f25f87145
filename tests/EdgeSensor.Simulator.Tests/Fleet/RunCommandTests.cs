using System.Text.Json;
using EdgeSensor.Core.Reports;
using EdgeSensor.Simulator.Commands;
using EdgeSensor.Simulator.Fleet;

namespace EdgeSensor.Simulator.Tests.Fleet;

[TestClass]
public sealed class RunCommandTests
{
    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public void Run_OverTheEmbeddedBroker_OpensEveryReport_WithTheEnginesCounts()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int exit = Program.Run(["run", "--devices", "2", "--minutes", "3", "--seed", "4", "--disclosure", "none", "--weaken-privacy", "--json"], stdout, stderr);

        Assert.AreEqual(ExitCodes.Ok, exit, stderr.ToString());
        using JsonDocument doc = JsonDocument.Parse(stdout.ToString());
        JsonElement root = doc.RootElement;
        Assert.IsTrue(root.GetProperty("ok").GetBoolean());
        Assert.AreEqual(6, root.GetProperty("published").GetInt64(), "two devices, three 60-second windows each");
        Assert.AreEqual(6, root.GetProperty("opened").GetInt64());
        Assert.AreEqual(0, root.GetProperty("rejected").GetInt64());
        Assert.AreEqual(0, root.GetProperty("lost").GetInt64());
        Assert.IsTrue(root.GetProperty("engineEntries").GetInt64() + root.GetProperty("engineExits").GetInt64() > 0, "people were counted");
        foreach (JsonElement device in root.GetProperty("devices").EnumerateArray())
        {
            Assert.AreEqual(device.GetProperty("engineEntries").GetInt64(), device.GetProperty("openedEntries").GetInt64(), "without disclosure control the opened totals are the engine's");
            Assert.AreEqual(device.GetProperty("engineExits").GetInt64(), device.GetProperty("openedExits").GetInt64());
            Assert.AreEqual(3, device.GetProperty("opened").GetInt32());
        }

        Assert.AreEqual(2, root.GetProperty("devices").GetArrayLength());
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task DifferentialPrivacyRun_WithWindowsUnder900Seconds_IsRefusedLikeTheDevice()
    {
        // The device's differential privacy is person-level (mode 3): each window is a noised cell, at least 900 s.
        var options = new FleetOptions { Devices = 2, Minutes = 2, WindowSeconds = 30, Disclosure = DisclosureMode.DifferentialPrivacy, EpsilonMilli = 500 };

        Assert.IsFalse(options.TryValidate(out string error));
        StringAssert.Contains(error, "at least 900");
        await Assert.ThrowsExactlyAsync<ArgumentException>(() => FleetRunner.RunAsync(options, null, TestContext.CancellationToken));
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task UnreachableBroker_FailsTheRun_WithAClearMessage()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now
        var options = new FleetOptions { Devices = 1, Minutes = 1, BrokerHost = "127.0.0.1", BrokerPort = port, ConnectTimeout = TimeSpan.FromSeconds(1) };

        var ex = await Assert.ThrowsExactlyAsync<FleetException>(() => FleetRunner.RunAsync(options, null, TestContext.CancellationToken));

        StringAssert.Contains(ex.Message, $"127.0.0.1:{port}");
    }

    [TestMethod]
    [DataRow("--devices", "0")]
    [DataRow("--disclosure", "dp:0")]
    [DataRow("--disclosure", "suppress:0")]
    [DataRow("--broker", "host:99999")]
    [DataRow("--window-seconds", "7")]
    [DataRow("--speed", "warp")]
    [DataRow("--scenario", "nowhere")]
    [DataRow("--minutes", "-1")]
    public void BadOptions_AreUsageErrors(string option, string value)
    {
        var stderr = new StringWriter();

        int exit = Program.Run(["run", option, value], new StringWriter(), stderr);

        Assert.AreEqual(ExitCodes.Usage, exit);
        StringAssert.Contains(stderr.ToString(), "usage: run");
    }

    [TestMethod]
    public void Options_ParseTheDocumentedForms()
    {
        Assert.IsTrue(RunCommand.TryParse(["--broker", "mqtt.local:8883", "--disclosure", "suppress:7", "--speed", "realtime"], out FleetOptions? o, out bool json, out string error), error);
        Assert.AreEqual("mqtt.local", o.BrokerHost);
        Assert.AreEqual(8883, o.BrokerPort);
        Assert.AreEqual(DisclosureMode.SmallCountSuppression, o.Disclosure);
        Assert.AreEqual((ushort)7, o.SuppressionThreshold);
        Assert.IsTrue(o.Realtime);
        Assert.IsFalse(json);

        Assert.IsTrue(RunCommand.TryParse([], out o, out _, out error), error);
        Assert.AreEqual(3, o.Devices);
        Assert.AreEqual("mixed", o.Scenario);
        Assert.AreEqual(10.0, o.Minutes);
        Assert.IsNull(o.BrokerHost, "embedded by default");
        Assert.AreEqual(DisclosureMode.SmallCountSuppression, o.Disclosure, "private by default");
        Assert.AreEqual((ushort)5, o.SuppressionThreshold);
    }

    public TestContext TestContext { get; set; } = null!;
}
