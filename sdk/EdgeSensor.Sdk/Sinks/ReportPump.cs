using System.Threading.Channels;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace EdgeSensor.Sdk.Sinks;

/// <summary>
/// Moves reports from a client's buffer into sinks in batches (whatever is waiting, up to
/// <see cref="MaxBatchSize"/>). A failing sink is retried with backoff and the batch is never
/// dropped, so a sink outage turns into back-pressure on the client, not into loss.
/// </summary>
public sealed partial class ReportPump
{
    private readonly IReadOnlyList<IReportSink> _sinks;
    private readonly EdgeSensorMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _retry;
    private long _stored;
    private long _duplicates;

    /// <summary>Creates a pump into <paramref name="sinks"/>.</summary>
    public ReportPump(IEnumerable<IReportSink> sinks, EdgeSensorMetrics? metrics = null, ILogger? logger = null, int maxBatchSize = 512)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        _sinks = sinks.ToArray();
        _metrics = metrics;
        _logger = logger ?? NullLogger.Instance;
        MaxBatchSize = maxBatchSize;
        _retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(100),
                MaxDelay = TimeSpan.FromSeconds(10),
                MaxRetryAttempts = int.MaxValue,
                OnRetry = args =>
                {
                    LogSinkFailed(_logger, args.AttemptNumber + 1, args.Outcome.Exception?.Message ?? string.Empty);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>Largest batch handed to a sink.</summary>
    public int MaxBatchSize { get; }

    /// <summary>Reports newly stored (summed over sinks' first sink: see docs).</summary>
    public long StoredCount => Interlocked.Read(ref _stored);

    /// <summary>Reports the first sink already had.</summary>
    public long DuplicateCount => Interlocked.Read(ref _duplicates);

    /// <summary>Raised after each batch with the number of reports it held.</summary>
    public event Action<int>? BatchWritten;

    /// <summary>Runs until <paramref name="reader"/> completes (client stopped and drained) or cancellation.</summary>
    public async Task RunAsync(ChannelReader<ReceivedReport> reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var batch = new List<ReceivedReport>(MaxBatchSize);
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (batch.Count < MaxBatchSize && reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            await WriteBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            batch.Clear();
        }
    }

    /// <summary>Writes one batch to every sink (retrying failures); returns the first sink's new-report count.</summary>
    public async Task<int> WriteBatchAsync(IReadOnlyList<ReceivedReport> batch, CancellationToken cancellationToken)
    {
        int firstInserted = 0;
        for (int i = 0; i < _sinks.Count; i++)
        {
            var sink = _sinks[i];
            int inserted = await _retry.ExecuteAsync(async ct => await WriteOnceAsync(sink, batch, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            _metrics?.Stored(inserted, sink.Name);
            _metrics?.Duplicates(batch.Count - inserted, sink.Name);
            if (i == 0)
            {
                firstInserted = inserted;
                Interlocked.Add(ref _stored, inserted);
                Interlocked.Add(ref _duplicates, batch.Count - inserted);
            }
        }

        BatchWritten?.Invoke(batch.Count);
        return firstInserted;
    }

    /// <summary>One attempt, counted as an ok or failed write (a cancelled one counts as neither).</summary>
    private async ValueTask<int> WriteOnceAsync(IReportSink sink, IReadOnlyList<ReceivedReport> batch, CancellationToken cancellationToken)
    {
        try
        {
            int inserted = await sink.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            _metrics?.SinkWrite(sink.Name, ok: true);
            return inserted;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _metrics?.SinkWrite(sink.Name, ok: false);
            throw;
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Sink write attempt {Attempt} failed: {Error}; retrying")]
    private static partial void LogSinkFailed(ILogger logger, int attempt, string error);
}
