using System.Buffers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Protocol;
using Polly;
using Polly.Retry;

namespace EdgeSensor.Sdk.Client;

/// <summary>Receives one MQTT message: topic and payload (valid only during the call).</summary>
public delegate ValueTask ReceivedMessageHandler(string topic, ReadOnlySequence<byte> payload, CancellationToken cancellationToken);

/// <summary>
/// The MQTT half of the client: connects (MQTT 5, optional TLS), subscribes with QoS 1 (optionally as
/// a shared subscription), reconnects with exponential backoff and jitter (Polly) after any loss of
/// the connection, and hands every message to a handler. The handler is awaited before the message
/// is acknowledged, so a slow handler slows the broker down instead of losing messages.
/// </summary>
public sealed partial class MqttReportSubscriber : IAsyncDisposable
{
    private readonly EdgeSensorClientOptions _options;
    private readonly ReceivedMessageHandler _handler;
    private readonly ILogger _logger;
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _mqttOptions;
    private readonly ResiliencePipeline _connectPipeline;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private int _started;
    private int _everConnected;
    private long _reconnects;

    /// <summary>Creates the subscriber; nothing connects until <see cref="StartAsync"/>.</summary>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public MqttReportSubscriber(EdgeSensorClientOptions options, ReceivedMessageHandler handler, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid EdgeSensor client options: " + string.Join(" ", errors), nameof(options));
        }

        _options = options;
        _handler = handler;
        _logger = logger ?? NullLogger.Instance;
        _mqttOptions = MqttConnectionFactory.Build(options);
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _client.DisconnectedAsync += OnDisconnectedAsync;
        _connectPipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException and not MqttRefusedException),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ReconnectMinDelay,
                MaxDelay = options.ReconnectMaxDelay,
                MaxRetryAttempts = int.MaxValue,
                OnRetry = args =>
                {
                    LogRetry(_logger, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, args.Outcome.Exception?.GetType().Name ?? "none", Reason(args.Outcome.Exception));
                    return default;
                },
            })
            .Build();
    }

    /// <summary>True while connected to the broker.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <summary>Successful reconnects after a lost connection.</summary>
    public long ReconnectCount => Interlocked.Read(ref _reconnects);

    /// <summary>Raised after each connect and subscribe; the argument is true for a reconnect after a lost connection.</summary>
    public event Action<bool>? Connected;

    /// <summary>Raised when the connection is lost (not on <see cref="StopAsync"/>).</summary>
    public event Action? ConnectionLost;

    /// <summary>
    /// Connects and subscribes, retrying with backoff until it succeeds or <paramref name="cancellationToken"/>
    /// is cancelled. A broker refusal that retrying cannot fix (bad credentials, not authorised) throws
    /// <see cref="MqttRefusedException"/> at once.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The subscriber is already started.");
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        await ConnectWithRetryAsync(linked.Token).ConfigureAwait(false);
    }

    /// <summary>Disconnects cleanly (the broker keeps the session for <see cref="EdgeSensorClientOptions.SessionExpirySeconds"/>).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or ObjectDisposedException)
            {
                LogDisconnectFailed(_logger, ex.Message);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _client.Dispose();
        _stopping.Dispose();
        _connectGate.Dispose();
    }

    private async Task ConnectWithRetryAsync(CancellationToken cancellationToken)
    {
        await _connectGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_client.IsConnected)
            {
                return;
            }

            await _connectPipeline.ExecuteAsync(async ct => await ConnectOnceAsync(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _connectGate.Release();
        }
    }

    private async Task ConnectOnceAsync(CancellationToken cancellationToken)
    {
        // A previous attempt may have connected and then failed to subscribe: subscribe again on that connection.
        bool sessionPresent = false;
        if (!_client.IsConnected)
        {
            var result = await _client.ConnectAsync(_mqttOptions, cancellationToken).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                if (MqttRefusedException.IsPermanent(result.ResultCode))
                {
                    throw new MqttRefusedException(result.ResultCode);
                }

                throw new MQTTnet.Exceptions.MqttCommunicationException($"The broker refused the connection: {result.ResultCode}.");
            }

            sessionPresent = result.IsSessionPresent;
        }

        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (string filter in _options.TopicFilters())
        {
            subscribe.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        var granted = await _client.SubscribeAsync(subscribe.Build(), cancellationToken).ConfigureAwait(false);
        foreach (var item in granted.Items)
        {
            if (item.ResultCode is not (MqttClientSubscribeResultCode.GrantedQoS0 or MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2))
            {
                throw new MqttRefusedException($"The broker refused the subscription to '{item.TopicFilter.Topic}': {item.ResultCode}.");
            }
        }

        LogConnected(_logger, _options.Host, _options.EffectivePort, _options.UseTls, sessionPresent);
        bool isReconnect = Interlocked.Exchange(ref _everConnected, 1) == 1;
        if (isReconnect)
        {
            Interlocked.Increment(ref _reconnects);
        }

        Connected?.Invoke(isReconnect);
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e) =>
        _handler(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload, _stopping.Token).AsTask();

    private async Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        if (_stopping.IsCancellationRequested || !e.ClientWasConnected)
        {
            return;
        }

        LogConnectionLost(_logger, e.Reason.ToString(), e.Exception?.Message ?? string.Empty);
        ConnectionLost?.Invoke();

        // Reconnect off MQTTnet's event thread; the connect gate keeps one attempt loop at a time.
        _ = Task.Run(async () =>
        {
            try
            {
                await ConnectWithRetryAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            catch (MqttRefusedException ex)
            {
                LogReconnectAbandoned(_logger, ex.Message);
            }
            catch (ObjectDisposedException)
            {
            }
        });
        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>The innermost message: MQTTnet wraps "Connection refused" in "Error while connecting host ...".</summary>
    private static string Reason(Exception? exception)
    {
        if (exception is null)
        {
            return string.Empty;
        }

        string outer = exception.Message;
        string inner = exception.GetBaseException().Message;
        return ReferenceEquals(exception.GetBaseException(), exception) || string.IsNullOrWhiteSpace(inner) ? outer : $"{outer} ({inner})";
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Connected to {Host}:{Port} (TLS {Tls}, session present {SessionPresent})")]
    private static partial void LogConnected(ILogger logger, string host, int port, bool tls, bool sessionPresent);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Connection lost ({Reason}): {Error}")]
    private static partial void LogConnectionLost(ILogger logger, string reason, string error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Connect attempt {Attempt} failed ({Kind}: {Error}); next in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, int attempt, double delayMs, string kind, string error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Reconnecting abandoned: {Error}")]
    private static partial void LogReconnectAbandoned(ILogger logger, string error);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Disconnect failed: {Error}")]
    private static partial void LogDisconnectFailed(ILogger logger, string error);
}
