namespace EdgeSensor.Simulator.Faults;

/// <summary>What the fleet-wide faults act on; the run implements it over its broker and MQTT connections.</summary>
public interface IFleetFaultTarget
{
    /// <summary>Stops the broker the run started (connections and sessions go).</summary>
    Task StopBrokerAsync(CancellationToken cancellationToken);

    /// <summary>Starts a broker again on the same port and waits until the consumer has subscribed again.</summary>
    Task RestartBrokerAsync(CancellationToken cancellationToken);

    /// <summary>Disconnects the devices' MQTT connections and refuses reconnecting until <see cref="RestoreDeviceLinks"/>.</summary>
    Task DropDeviceLinksAsync(CancellationToken cancellationToken);

    void RestoreDeviceLinks();
}
