using EdgeSensor.Sdk.Topics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>
/// A bare MQTTnet subscriber on the run's topics, the yardstick for the SDK: it only counts what arrives (QoS 1, the
/// same as the consumer), opening nothing, so the difference to the SDK consumer is the SDK's own cost.
/// </summary>
internal sealed class BareSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private long _received;

    private BareSubscriber(IMqttClient client) => _client = client;

    public long Received => Interlocked.Read(ref _received);

    public static async Task<BareSubscriber> StartAsync(string host, int port, string site, LatencyProbe probe, TimeSpan timeout, CancellationToken cancellationToken)
    {
        IMqttClient client = new MqttClientFactory().CreateMqttClient();
        var subscriber = new BareSubscriber(client);
        client.ApplicationMessageReceivedAsync += e =>
        {
            if (ReportTopics.TryParse(e.ApplicationMessage.Topic, out _, out ulong deviceId))
            {
                probe.ReceivedBare(deviceId);
            }

            Interlocked.Increment(ref subscriber._received);
            return Task.CompletedTask;
        };
        MqttClientOptions options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId("edgesensor-sim-bare-" + Guid.NewGuid().ToString("N")[..8])
            .WithCleanStart()
            .WithTimeout(timeout)
            .Build();
        try
        {
            await client.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
            await client.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder().WithTopicFilter(ReportTopics.ForSite(site), MqttQualityOfServiceLevel.AtLeastOnce).Build(),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new FleetException($"the bare subscriber could not connect to {host}:{port}: {ex.Message}", ex);
        }

        return subscriber;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync().ConfigureAwait(false);
        }

        _client.Dispose();
    }
}
