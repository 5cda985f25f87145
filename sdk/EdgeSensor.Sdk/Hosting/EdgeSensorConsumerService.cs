using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Diagnostics;
using EdgeSensor.Sdk.Sinks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeSensor.Sdk.Hosting;

/// <summary>
/// The hosted consumer: connects the <see cref="EdgeSensorClient"/> when the host starts and, when
/// sinks are registered, pumps reports into them. On shutdown it disconnects, drains the buffer
/// into the sinks (within the host's shutdown timeout) and returns.
/// </summary>
public sealed partial class EdgeSensorConsumerService : BackgroundService
{
    private readonly EdgeSensorClient _client;
    private readonly IReportSink[] _sinks;
    private readonly EdgeSensorMetrics _metrics;
    private readonly ILogger<EdgeSensorConsumerService> _logger;
    private readonly EdgeSensorOptions _options;

    /// <summary>Created by dependency injection.</summary>
    public EdgeSensorConsumerService(
        EdgeSensorClient client,
        IEnumerable<IReportSink> sinks,
        EdgeSensorMetrics metrics,
        IOptions<EdgeSensorOptions> options,
        ILogger<EdgeSensorConsumerService> logger)
    {
        _client = client;
        _sinks = sinks.Where(s => s is not EdgeSensorServiceCollectionExtensions.NoSink).ToArray();
        _metrics = metrics;
        _logger = logger;
        _options = options.Value;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _client.StartAsync(stoppingToken).ConfigureAwait(false);
        LogStarted(_logger, _sinks.Length);
        if (_sinks.Length == 0)
        {
            return; // the application reads EdgeSensorClient.ReadAllAsync itself
        }

        var pump = new ReportPump(_sinks, _metrics, _logger, _options.MaxBatchSize);

        // Not cancelled by stoppingToken: StopAsync completes the client's stream, and the pump drains it.
        await pump.RunAsync(_client.Reports, CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _client.StopAsync(cancellationToken).ConfigureAwait(false);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "EdgeSensor consumer started with {SinkCount} sink(s)")]
    private static partial void LogStarted(ILogger logger, int sinkCount);
}
