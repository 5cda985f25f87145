using EdgeSensor.Core.Sealing;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>One device's publishing: its outbox in order over a shared <see cref="PublisherConnection"/>, confirming each
/// report only after the PUBACK.</summary>
internal sealed class DevicePublisher
{
    private readonly PublisherConnection _connection;
    private readonly byte[] _buffer = new byte[ReportSealer.MaxSealedLength];

    private readonly LatencyProbe? _probe;

    public DevicePublisher(VirtualDevice device, PublisherConnection connection, LatencyProbe? probe = null)
    {
        Device = device;
        _connection = connection;
        _probe = probe;
    }

    public VirtualDevice Device { get; }

    public int Published { get; private set; }

    public int Retries { get; private set; }

    /// <summary>Publishes what waits in the outbox; never throws but for cancellation (a failure leaves reports queued).</summary>
    public async Task PublishPendingAsync(CancellationToken cancellationToken)
    {
        if (Device.Node.PendingReports == 0)
        {
            return;
        }

        if (!_connection.IsConnected && !await _connection.EnsureConnectedAsync(cancellationToken).ConfigureAwait(false))
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
            _probe?.Sent(Device.Record.DeviceId, Published);
            bool acknowledged;
            try
            {
                MqttClientPublishResult result = await _connection.Client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
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
            Device.Confirmed();
            Published++;
        }
    }
}
