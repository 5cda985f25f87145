using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using EdgeSensor.Sdk.Diagnostics;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Opening;
using EdgeSensor.Sdk.Reports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using EdgeSensor.Sdk.Topics;

namespace EdgeSensor.Sdk.Client;

/// <summary>
/// Consumes EdgeSensor reports from an MQTT broker: subscribes (optionally as a shared-subscription
/// group), opens and verifies every payload with <see cref="ReportOpener"/>, and delivers reports
/// through <see cref="ReadAllAsync"/> and/or <see cref="ReportReceived"/>. Rejections are raised as
/// <see cref="ReportRejected"/> and counted; a bad payload never stops the stream. Reports pass a
/// bounded buffer (<see cref="EdgeSensorClientOptions.BufferCapacity"/>) under the
/// <see cref="EdgeSensorClientOptions.BackPressure"/> policy. Reconnects on its own.
/// </summary>
public sealed partial class EdgeSensorClient : IAsyncDisposable
{
    private readonly EdgeSensorClientOptions _options;
    private readonly IDeviceKeyStore _keys;
    private readonly ReportOpener _opener;
    private readonly ILogger _logger;
    private readonly EdgeSensorMetrics _metrics;
    private readonly bool _ownsMetrics;
    private readonly MqttReportSubscriber _subscriber;
    private readonly Channel<ReceivedReport> _buffer;
    private readonly ConcurrentDictionary<ulong, (uint Epoch, ulong Sequence)> _lastSeen = new();
    private readonly TimeProvider _time;
    private long _received;
    private long _rejected;
    private long _dropped;

    /// <summary>Creates a client; call <see cref="StartAsync"/> to connect.</summary>
    /// <param name="options">Connection, subscription and buffering; validated here.</param>
    /// <param name="keys">Device keys (usually a <see cref="KeyStore.FileDeviceKeyStore"/>).</param>
    /// <param name="logger">Logs connection events and rejections (never keys or report contents).</param>
    /// <param name="metrics">Instruments to record on; a private set when <see langword="null"/>.</param>
    /// <param name="openerOptions">Replay window and epoch limits.</param>
    /// <param name="timeProvider">Clock for arrival times (tests).</param>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public EdgeSensorClient(
        EdgeSensorClientOptions options,
        IDeviceKeyStore keys,
        ILogger<EdgeSensorClient>? logger = null,
        EdgeSensorMetrics? metrics = null,
        ReportOpenerOptions? openerOptions = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keys);
        _options = options;
        _keys = keys;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _ownsMetrics = metrics is null;
        _metrics = metrics ?? new EdgeSensorMetrics();
        _time = timeProvider ?? TimeProvider.System;
        _opener = new ReportOpener(keys, openerOptions);
        _subscriber = new MqttReportSubscriber(options, OnMessageAsync, _logger);
        _subscriber.Connected += isReconnect =>
        {
            if (isReconnect)
            {
                _metrics.Reconnected();
            }
        };
        _buffer = Channel.CreateBounded<ReceivedReport>(new BoundedChannelOptions(options.BufferCapacity)
        {
            SingleReader = false,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _metrics.ObserveBufferDepth(() => _buffer.Reader.Count);
        _metrics.ObserveConnection(() => _subscriber.IsConnected);
    }

    /// <summary>Raised for each accepted report, on the receive path: keep handlers short.</summary>
    public event EventHandler<ReceivedReport>? ReportReceived;

    /// <summary>Raised for each rejected payload, on the receive path.</summary>
    public event EventHandler<ReportRejectedEventArgs>? ReportRejected;

    /// <summary>Reports accepted so far.</summary>
    public long ReceivedCount => Interlocked.Read(ref _received);

    /// <summary>Payloads rejected so far.</summary>
    public long RejectedCount => Interlocked.Read(ref _rejected);

    /// <summary>Reports dropped because the buffer was full (only with <see cref="BackPressureMode.DropNewest"/>).</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>True while connected to the broker.</summary>
    public bool IsConnected => _subscriber.IsConnected;

    /// <summary>Reconnects after a lost connection so far.</summary>
    public long ReconnectCount => _subscriber.ReconnectCount;

    /// <summary>The buffered reports, for readers that want a channel rather than <see cref="ReadAllAsync"/>.</summary>
    public ChannelReader<ReceivedReport> Reports => _buffer.Reader;

    /// <summary>Connects and subscribes (retrying with backoff); returns once subscribed.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _subscriber.StartAsync(cancellationToken);

    /// <summary>Every report until <see cref="StopAsync"/> (the buffer is drained first) or cancellation.</summary>
    public async IAsyncEnumerable<ReceivedReport> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var report in _buffer.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return report;
        }
    }

    /// <summary>Like <see cref="ReadAllAsync"/>, but just the reports.</summary>
    public async IAsyncEnumerable<AggregateReport> ReadReportsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in _buffer.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return item.Report;
        }
    }

    /// <summary>Disconnects, then completes the report stream once the buffer is drained.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _subscriber.StopAsync(cancellationToken).ConfigureAwait(false);
        _buffer.Writer.TryComplete();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _subscriber.DisposeAsync().ConfigureAwait(false);
        _opener.Dispose();
        if (_ownsMetrics)
        {
            _metrics.Dispose();
        }
    }

    /// <summary>The receive path for one MQTT message (internal so tests can drive it without a broker).</summary>
    internal async ValueTask OnMessageAsync(string topic, ReadOnlySequence<byte> payload, CancellationToken cancellationToken)
    {
        if (payload.Length > ReportOpener.MaxPayloadBytes)
        {
            Reject(topic, RejectionReason.Malformed, false, null, null, null);
            return;
        }

        byte[]? copy = payload.IsSingleSegment ? null : payload.ToArray();
        ReadOnlySpan<byte> bytes = copy ?? payload.FirstSpan;

        // Defence in depth behind broker ACLs, checked BEFORE opening: the topic must name the device in the clear
        // header, in that device's own site. Opening first would let any device account spend another device's
        // replay slot (and make us derive keys for forged headers) by publishing a copy on its own topic.
        if (!ReportTopics.TryParse(topic, out string site, out ulong topicDevice))
        {
            Reject(topic, RejectionReason.None, true, null, null, null);
            return;
        }

        if (ReportOpener.TryReadDeviceId(bytes, out ulong headerDevice)
            && (headerDevice != topicDevice || (_keys.TryGetDevice(headerDevice, out DeviceRecord? device) && device.Site != site)))
        {
            Reject(topic, RejectionReason.None, true, headerDevice, null, null);
            return;
        }

        OpenResult result = _opener.Open(bytes);
        if (!result.Success)
        {
            Reject(topic, result.Reason, false, result.DeviceId, result.Epoch, result.Sequence);
            return;
        }

        // The header was authenticated by the tag: the report is the topic's device's (checked above).
        var report = result.Report;

        TrackGaps(report.DeviceId, report.Epoch, report.Sequence);
        var now = _time.GetUtcNow();
        var received = new ReceivedReport(report, site, now);
        Interlocked.Increment(ref _received);
        _metrics.Received(site);
        _metrics.Lag(now - report.WindowEnd);
        RaiseSafely(ReportReceived, received);

        if (_buffer.Writer.TryWrite(received))
        {
            return;
        }

        if (_options.BackPressure == BackPressureMode.DropNewest)
        {
            Interlocked.Increment(ref _dropped);
            _metrics.Dropped();
            return;
        }

        try
        {
            // Lossless: hold the MQTT receive loop (and so the QoS 1 acknowledgement) until there is room.
            await _buffer.Writer.WriteAsync(received, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            // Stopping: the report was not acknowledged to the reader; the broker redelivers it to the session.
        }
    }

    private void TrackGaps(ulong deviceId, uint epoch, ulong sequence)
    {
        if (_options.SharedGroup is not null)
        {
            return; // each group member sees a share of every device's reports: gaps would be meaningless
        }

        _lastSeen.AddOrUpdate(
            deviceId,
            (epoch, sequence),
            (_, last) =>
            {
                if (epoch == last.Epoch && sequence > last.Sequence + 1)
                {
                    _metrics.OutboxGap((long)Math.Min(sequence - last.Sequence - 1, long.MaxValue));
                }

                return epoch > last.Epoch || (epoch == last.Epoch && sequence > last.Sequence) ? (epoch, sequence) : last;
            });
    }

    private void Reject(string topic, RejectionReason reason, bool topicMismatch, ulong? deviceId, uint? epoch, ulong? sequence)
    {
        var args = new ReportRejectedEventArgs(topic, reason, topicMismatch, deviceId, epoch, sequence);
        Interlocked.Increment(ref _rejected);
        _metrics.Rejected(args.ReasonTag);
        LogRejected(_logger, topic, args.ReasonTag);
        RaiseSafely(ReportRejected, args);
    }

    private void RaiseSafely<T>(EventHandler<T>? handler, T args)
    {
        if (handler is null)
        {
            return;
        }

        try
        {
            handler(this, args);
        }
        catch (Exception ex)
        {
            // An integrator's handler must not break the stream.
            LogHandlerFailed(_logger, ex);
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Rejected a payload on {Topic}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "A report event handler threw")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception);
}
