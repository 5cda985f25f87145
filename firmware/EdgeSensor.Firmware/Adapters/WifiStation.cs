using System;
using System.Device.Wifi;
using System.Net.NetworkInformation;
using System.Threading;
using EdgeSensor.Core.Lifecycle;
using nanoFramework.Networking;

namespace EdgeSensor.Firmware.Adapters
{
    /// <summary>
    /// <see cref="IWifi"/> over <c>WifiNetworkHelper.ConnectDhcp</c> (System.Device.Wifi,
    /// https://github.com/nanoframework/System.Device.Wifi, NetworkHelper/WifiNetworkHelper.cs), which is retryable,
    /// joins with automatic reconnection and waits for an address until its cancellation token expires. It also stores
    /// the credentials in the device's network configuration on every call; the boot's backoff keeps those writes rare.
    /// The link state follows <c>NetworkChange.NetworkAvailabilityChanged</c>.
    /// </summary>
    public sealed class WifiStation : IWifi
    {
        private string _ssid = string.Empty;
        private string _password = string.Empty;
        private bool _connected;

        /// <summary>Subscribes to link changes.</summary>
        public WifiStation()
        {
            NetworkChange.NetworkAvailabilityChanged += OnAvailabilityChanged;
        }

        /// <summary>The network to join (from the configuration file); no attempt succeeds before this is set.</summary>
        public void SetCredentials(string ssid, string password)
        {
            _ssid = ssid == null ? string.Empty : ssid;
            _password = password == null ? string.Empty : password;
        }

        /// <inheritdoc />
        public bool IsConnected
        {
            get { return _connected; }
        }

        /// <inheritdoc />
        public bool TryConnect(int timeoutMilliseconds)
        {
            if (_ssid.Length == 0)
            {
                return false;
            }

            try
            {
                CancellationTokenSource timeout = new CancellationTokenSource(timeoutMilliseconds);
                bool joined = WifiNetworkHelper.ConnectDhcp(_ssid, _password, WifiReconnectionKind.Automatic, false, 0, timeout.Token);
                _connected = joined;
                return joined;
            }
            catch (Exception)
            {
                _connected = false;
                return false;
            }
        }

        private void OnAvailabilityChanged(object sender, NetworkAvailabilityEventArgs e)
        {
            _connected = e.IsAvailable;
        }
    }
}
