using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Sinks;

namespace EdgeSensor.Integration.Tests.Support;

/// <summary>An <see cref="EdgeSensorClient"/> pumping into a PostgreSQL sink, as one `store --postgres` process would.</summary>
internal sealed class PostgresConsumer : IAsyncDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly Task _pumpTask;

    private PostgresConsumer(EdgeSensorClient client, PostgresReportSink sink)
    {
        Client = client;
        Sink = sink;
        Pump = new ReportPump([sink]);
        _pumpTask = Pump.RunAsync(client.Reports, _cts.Token);
    }

    public EdgeSensorClient Client { get; }

    public PostgresReportSink Sink { get; }

    public ReportPump Pump { get; }

    public static async Task<PostgresConsumer> StartAsync(EdgeSensorClientOptions options, IDeviceKeyStore keys, string connectionString)
    {
        var sink = new PostgresReportSink(connectionString);
        var client = new EdgeSensorClient(options, keys);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await client.StartAsync(timeout.Token);
        return new PostgresConsumer(client, sink);
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
