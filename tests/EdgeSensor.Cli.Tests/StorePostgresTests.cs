using System.Globalization;
using EdgeSensor.Cli.Commands;
using EdgeSensor.Integration.Tests.Support;
using EdgeSensor.Sdk.KeyStore;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Sinks;
using EdgeSensor.Sdk.Topics;
using EdgeSensor.Simulator.Fleet;
using MQTTnet;
using MQTTnet.Protocol;
using Npgsql;

namespace EdgeSensor.Cli.Tests;

/// <summary><c>store --postgres</c> against the real PostgreSQL the fixture runs once for the test run.</summary>
[TestClass]
public sealed class StorePostgresTests
{
    /// <summary>Stops the run's shared PostgreSQL (every class's tests have finished by now).</summary>
    [AssemblyCleanup]
    public static Task StopSharedPostgresAsync() => PostgresServer.StopSharedAsync();

    private static PostgresServer Server => PostgresServer.SharedAsync().GetAwaiter().GetResult();

    [TestMethod]
    public async Task Store_IntoPostgres_ThroughABroker_StoresEveryReportOnce_AndNeverShowsThePassword()
    {
        using var cli = new CliHarness();
        DeviceRecord device;
        using (var store = FileDeviceKeyStore.Create(cli.KeyStorePath, cli.Secret))
        {
            device = store.Provision("north-gate");
        }

        string connectionString = await Server.CreateDatabaseAsync();
        await using var broker = await EmbeddedBroker.StartAsync(persistentSessions: true);
        Task subscribed = BrokerSubscriptions.FirstAsync(broker);
        var storing = cli.RunAsync("store", "--keystore", cli.KeyStorePath, "--postgres", connectionString, "--host", "127.0.0.1", "--port", broker.Port.ToString(CultureInfo.InvariantCulture), "--count", "8", "--duration", "00:00:30");

        using var publisher = new MqttClientFactory().CreateMqttClient();
        await publisher.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).Build());
        await subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        for (ulong s = 1; s <= 8; s++)
        {
            // Sequence 4 twice: a redelivery the database must absorb.
            ulong sequence = s == 8 ? 4 : s;
            byte[] payload = TestSealer.Seal(device.RootKey.Span, device.DeviceId, 0, sequence, DateTimeOffset.FromUnixTimeSeconds(1_700_000_040 + ((long)sequence * 60)));
            await publisher.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(ReportTopics.ForDevice("north-gate", device.DeviceId)).WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }

        var (code, output) = await storing.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.AreEqual(ExitCodes.Success, code, output);
        Assert.Contains("Password=********", output);
        Assert.DoesNotContain(Server.Password, output);
        await using var sink = new PostgresReportSink(connectionString);
        Assert.AreEqual(7L, await sink.CountAsync(), output);
    }

    [TestMethod]
    public async Task Store_WrongPassword_OneLineWithTheServersReason_ExitFailure()
    {
        using var cli = new CliHarness();
        Provision(cli);
        var wrong = new NpgsqlConnectionStringBuilder(Server.ConnectionString("postgres")) { Password = "wrong-4711" }.ConnectionString;

        var (code, output) = await cli.RunAsync("store", "--keystore", cli.KeyStorePath, "--postgres", wrong, "--port", "1", "--duration", "00:00:05");

        Assert.AreEqual(ExitCodes.Failure, code, output);
        Assert.AreEqual(1, output.Trim().Split('\n').Length, output);
        Assert.Contains("password authentication failed", output);
        Assert.Contains("Password=********", output);
        Assert.DoesNotContain("4711", output);
        Assert.DoesNotContain("   at ", output, "no stack trace");
    }

    [TestMethod]
    public async Task Store_NothingListening_OneLine_ExitFailure()
    {
        using var cli = new CliHarness();
        Provision(cli);
        string unreachable = $"Host=127.0.0.1;Port={FreePort.Next()};Database=x;Username=u;Password=secret-4711;Timeout=5";

        var (code, output) = await cli.RunAsync("store", "--keystore", cli.KeyStorePath, "--postgres", unreachable, "--port", "1", "--duration", "00:00:05");

        Assert.AreEqual(ExitCodes.Failure, code, output);
        Assert.AreEqual(1, output.Trim().Split('\n').Length, output);
        StringAssert.StartsWith(output.Trim(), "PostgreSQL Host=127.0.0.1");
        Assert.Contains("Failed to connect", output);
        Assert.DoesNotContain("4711", output);
        Assert.DoesNotContain("   at ", output, "no stack trace");
    }

    [TestMethod]
    [DataRow("Host=db;Password=secret-4711;Port=notaport")]
    [DataRow("Host=db;Password=secret-4711;Bogus=1")]
    [DataRow("secret-4711")]
    public async Task Store_MalformedConnectionString_IsAUsageError_WithoutEchoingIt(string connectionString)
    {
        using var cli = new CliHarness();
        Provision(cli);

        var (code, output) = await cli.RunAsync("store", "--keystore", cli.KeyStorePath, "--postgres", connectionString, "--port", "1", "--duration", "00:00:05");

        Assert.AreEqual(ExitCodes.Usage, code, output);
        Assert.AreEqual(1, output.Trim().Split('\n').Length, output);
        StringAssert.StartsWith(output.Trim(), "--postgres: Not a valid PostgreSQL connection string");
        Assert.DoesNotContain("4711", output);
    }

    [TestMethod]
    [DataRow("--db", "x.db", "--postgres", "Host=db")]
    [DataRow("--port", "1")]
    public async Task Store_NeedsExactlyOneDatabase(params string[] args)
    {
        using var cli = new CliHarness();
        Provision(cli);

        var (code, output) = await cli.RunAsync(["store", "--keystore", cli.KeyStorePath, .. args]);

        Assert.AreEqual(ExitCodes.Usage, code, output);
        Assert.Contains("store needs one database", output);
    }

    private static void Provision(CliHarness cli)
    {
        using var store = FileDeviceKeyStore.Create(cli.KeyStorePath, cli.Secret);
        store.Provision("north-gate");
    }
}
