namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>The station link (Wi-Fi with DHCP on the device).</summary>
    public interface IWifi
    {
        /// <summary>
        /// Joins the configured network and waits for an IP address, at most <paramref name="timeoutMilliseconds"/>.
        /// True when the link is up. Never throws for a radio or network failure.
        /// </summary>
        bool TryConnect(int timeoutMilliseconds);

        /// <summary>True while the link has an IP address.</summary>
        bool IsConnected { get; }
    }
}
