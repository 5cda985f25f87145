using MQTTnet;
using MQTTnet.Formatter;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>
/// One MQTT connection that several virtual devices publish through (each on its own topic, in its own order).
/// A connection per device does not scale: 10,000 devices would need 10,000 sockets here and as many at the broker,
/// and the per-connection set-up dominated short runs. Reconnects once for all its devices when the link drops.
/// </summary>
internal sealed class PublisherConnection : IAsyncDisposable
{
    private readonly MqttClientOptions _options;
    private readonly SemaphoreSlim _reconnecting = new(1, 1);

    private PublisherConnection(IMqttClient client, MqttClientOptions options)
    {
        Client = client;
        _options = options;
    }

    public IMqttClient Client { get; }

    public bool IsConnected => Client.IsConnected;

    /// <summary>True while the devices' link is down (<c>--fault wifi-drop</c>): reconnecting is refused.</summary>
    public bool Blocked { get; private set; }

    /// <summary>Takes the link down: disconnects now and refuses to reconnect until <see cref="Unblock"/>.</summary>
    public async Task BlockAsync()
    {
        Blocked = true;
        await _reconnecting.WaitAsync().ConfigureAwait(false);
        try
        {
            if (Client.IsConnected)
            {
                await Client.DisconnectAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Already gone.
        }
        finally
        {
            _reconnecting.Release();
        }
    }

    public void Unblock() => Blocked = false;

    public static async Task<PublisherConnection> ConnectAsync(string clientId, string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        IMqttClient client = new MqttClientFactory().CreateMqttClient();
        MqttClientOptions options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .WithTimeout(timeout)
            .Build();
        try
        {
            await client.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new FleetException($"publisher {clientId} could not connect to {host}:{port}: {ex.Message}", ex);
        }

        return new PublisherConnection(client, options);
    }

    /// <summary>Connects again if the link dropped; false when the broker cannot be reached now.</summary>
    public async Task<bool> EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (Blocked)
        {
            return false;
        }

        await _reconnecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!Client.IsConnected)
            {
                await Client.ConnectAsync(_options, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
        finally
        {
            _reconnecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Client.IsConnected)
        {
            await Client.DisconnectAsync().ConfigureAwait(false);
        }

        Client.Dispose();
        _reconnecting.Dispose();
    }
}
