using System.Diagnostics;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Simulator.Faults;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>
/// The run's broker and device connections as the fleet-wide faults act on them (between simulation steps, when
/// every device has reached the fault's time). Waits are bounded in wall time so that a run stays deterministic
/// without hanging: before the broker stops, what was acknowledged reaches the consumer; after it restarts, the
/// consumer has subscribed again before any device publishes.
/// </summary>
internal sealed class FleetFaultTarget(EmbeddedBroker? broker, PublisherConnection?[] connections, DevicePublisher[] publishers, ConsumerTally tally) : IFleetFaultTarget
{
    /// <summary>The longest a fault waits, in wall time, for the consumer to catch up or come back.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private int _port;

    /// <summary>The broker now running (null while an outage lasts, or with an external broker).</summary>
    public EmbeddedBroker? Broker { get; private set; } = broker;

    public EdgeSensorClient? Consumer { get; set; }

    public async Task StopBrokerAsync(CancellationToken cancellationToken)
    {
        if (Broker is null)
        {
            return;
        }

        // What the broker acknowledged goes to the consumer first: the outage then loses nothing by chance of timing.
        long published = publishers.Sum(p => (long)p.Published);
        var waited = Stopwatch.StartNew();
        while (tally.Received < published && waited.Elapsed < MaxWait)
        {
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }

        _port = Broker.Port;
        await Broker.DisposeAsync().ConfigureAwait(false);
        Broker = null;
    }

    public async Task RestartBrokerAsync(CancellationToken cancellationToken)
    {
        if (Broker is not null || _port == 0)
        {
            return;
        }

        long reconnects = Consumer?.ReconnectCount ?? 0;
        try
        {
            Broker = await EmbeddedBroker.StartAsync(_port, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            // Another program took the port while the broker was down: the devices know no other address.
            throw new FleetException($"broker-outage: the embedded broker could not listen on port {_port} again ({ex.Message}); another program took it during the outage");
        }

        // The SDK reconnects with backoff and subscribes again before it counts the reconnect; devices wait for that.
        var waited = Stopwatch.StartNew();
        while (Consumer is not null && !(Consumer.IsConnected && Consumer.ReconnectCount > reconnects) && waited.Elapsed < MaxWait)
        {
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task DropDeviceLinksAsync(CancellationToken cancellationToken)
    {
        foreach (PublisherConnection? c in connections)
        {
            if (c is not null)
            {
                await c.BlockAsync().ConfigureAwait(false);
            }
        }
    }

    public void RestoreDeviceLinks()
    {
        foreach (PublisherConnection? c in connections)
        {
            c?.Unblock();
        }
    }
}
