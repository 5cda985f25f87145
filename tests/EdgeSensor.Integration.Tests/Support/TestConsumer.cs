using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Sinks;

namespace EdgeSensor.Integration.Tests.Support;

/// <summary>An <see cref="EdgeSensorClient"/> pumping into a SQLite sink, as a consumer process would.</summary>
internal sealed class TestConsumer : IAsyncDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly Task _pumpTask;

    private TestConsumer(EdgeSensorClient client, SqliteReportSink sink)
    {
        Client = client;
        Sink = sink;
        Pump = new ReportPump([sink]);
        _pumpTask = Pump.RunAsync(client.Reports, _cts.Token);
    }

    public EdgeSensorClient Client { get; }

    public SqliteReportSink Sink { get; }

    public ReportPump Pump { get; }

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

    public static async Task<TestConsumer> StartAsync(EdgeSensorClientOptions options, IDeviceKeyStore keys, string databasePath)
    {
        var client = new EdgeSensorClient(options, keys);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await client.StartAsync(timeout.Token);
        return new TestConsumer(client, SqliteReportSink.Open(databasePath));
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
        Sink.Dispose();
        _cts.Dispose();
    }
}
