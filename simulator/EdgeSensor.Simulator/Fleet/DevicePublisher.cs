using EdgeSensor.Core.Sealing;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>One device's MQTT connection: publishes its outbox in order, confirming each report only after the PUBACK.</summary>
internal sealed class DevicePublisher : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _options;
    private readonly byte[] _buffer = new byte[ReportSealer.MaxSealedLength];

    private DevicePublisher(VirtualDevice device, IMqttClient client, MqttClientOptions options)
    {
        Device = device;
        _client = client;
        _options = options;
    }

    public VirtualDevice Device { get; }

    public int Published { get; private set; }

    public int Retries { get; private set; }

    public static async Task<DevicePublisher> ConnectAsync(VirtualDevice device, string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        IMqttClient client = new MqttClientFactory().CreateMqttClient();
        MqttClientOptions options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId("edgesensor-sim-" + device.Record.DeviceIdText)
            .WithTimeout(timeout)
            .Build();
        try
        {
            await client.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new FleetException($"device {device.Record.DeviceIdText} could not connect to {host}:{port}: {ex.Message}", ex);
        }

        return new DevicePublisher(device, client, options);
    }

    public async Task PublishPendingAsync(CancellationToken cancellationToken)
    {
        if (!_client.IsConnected && Device.Node.PendingReports > 0 && !await TryReconnectAsync(cancellationToken).ConfigureAwait(false))
        {
            Retries++;
            return;
        }

        int length;
        while ((length = Device.Node.PeekReport(_buffer, 0)) > 0)
        {
            MqttApplicationMessage message = new MqttApplicationMessageBuilder()
                .WithTopic(Device.Topic)
                .WithPayload(_buffer.AsSpan(0, length).ToArray())
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            bool acknowledged;
            try
            {
                MqttClientPublishResult result = await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
                acknowledged = result.IsSuccess;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                acknowledged = false;
            }

            if (!acknowledged)
            {
                // Left in the outbox, as on the device: the next step tries again.
                Retries++;
                return;
            }

            Device.Node.ConfirmPublished();
            Published++;
        }
    }

    private async Task<bool> TryReconnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.ConnectAsync(_options, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
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
