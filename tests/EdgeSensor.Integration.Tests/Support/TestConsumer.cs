using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Sinks;

namespace EdgeSensor.Integration.Tests.Support;

/// <summary>Starts test consumers: an <see cref="EdgeSensorClient"/> pumping into a sink, as a consumer process would.</summary>
internal static class TestConsumer
{
    public static EdgeSensorClientOptions Options(int port, string? group = null)
    {
        var options = new EdgeSensorClientOptions
        {
            Host = "127.0.0.1",
            Port = port,
            SharedGroup = group,
            ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        options.Sites.Add("north-gate");
        return options;
    }

    /// <summary>A consumer storing into the SQLite file at <paramref name="databasePath"/> (`store --db`).</summary>
    public static Task<TestConsumer<SqliteReportSink>> StartAsync(EdgeSensorClientOptions options, IDeviceKeyStore keys, string databasePath) =>
        TestConsumer<SqliteReportSink>.StartAsync(options, keys, () => SqliteReportSink.Open(databasePath));

    /// <summary>A consumer storing into PostgreSQL (`store --postgres`).</summary>
    public static Task<TestConsumer<PostgresReportSink>> StartPostgresAsync(EdgeSensorClientOptions options, IDeviceKeyStore keys, string connectionString) =>
        TestConsumer<PostgresReportSink>.StartAsync(options, keys, () => new PostgresReportSink(connectionString));
}

/// <summary>One running consumer; disposing it stops the client, drains the pump into the sink and closes both.</summary>
internal sealed class TestConsumer<TSink> : IAsyncDisposable
    where TSink : IReportSink, IAsyncDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly Task _pumpTask;

    private TestConsumer(EdgeSensorClient client, TSink sink)
    {
        Client = client;
        Sink = sink;
        Pump = new ReportPump([sink]);
        _pumpTask = Pump.RunAsync(client.Reports, _cts.Token);
    }

    public EdgeSensorClient Client { get; }

    public TSink Sink { get; }

    public ReportPump Pump { get; }

    public static async Task<TestConsumer<TSink>> StartAsync(EdgeSensorClientOptions options, IDeviceKeyStore keys, Func<TSink> openSink)
    {
        var client = new EdgeSensorClient(options, keys);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await client.StartAsync(timeout.Token);
        return new TestConsumer<TSink>(client, openSink());
    }

    public async ValueTask DisposeAsync()
    {
        await Client.StopAsync();
        try
        {
            await _pumpTask.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
        }

        await _cts.CancelAsync();
        await Client.DisposeAsync();
        await Sink.DisposeAsync();
        _cts.Dispose();
    }
}
