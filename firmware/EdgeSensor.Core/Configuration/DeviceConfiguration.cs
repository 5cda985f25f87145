using System;
using EdgeSensor.Core.Aggregation;
using EdgeSensor.Core.Counting;
using EdgeSensor.Core.Device;
using EdgeSensor.Core.Privacy;

namespace EdgeSensor.Core.Configuration
{
    /// <summary>
    /// The device configuration read from the bundle on the board (<c>I:\edgesensor\device.json</c>, format
    /// v2, docs/provisioning.md) by <see cref="DeviceConfigurationReader"/>, which validates every value.
    /// Holds secrets (<see cref="RootKey"/>, <see cref="WifiPassword"/>, <see cref="MqttPassword"/>): never log
    /// it; call <see cref="ClearSecrets"/> once they have been handed on.
    /// </summary>
    public sealed class DeviceConfiguration
    {
        /// <summary>The pin value meaning "not wired".</summary>
        public const int NotWired = -1;

        /// <summary>The device's 64-bit id (never 0).</summary>
        public ulong DeviceId { get; set; }

        /// <summary>Site: 1..64 of a-z, 0-9, '-', '_'.</summary>
        public string Site { get; set; } = string.Empty;

        /// <summary>MQTT topic the device publishes to: edgesensor/&lt;site&gt;/&lt;device id&gt;/report.</summary>
        public string Topic { get; set; } = string.Empty;

        /// <summary>The 32-byte root key, or empty when <see cref="RootKeyRemoved"/>. Secret.</summary>
        public byte[] RootKey { get; set; } = new byte[0];

        /// <summary>
        /// True when the file says <c>"rootKey": null</c>: the device imported the key into its store at an
        /// earlier boot and removed it from the file (docs/provisioning.md). Usable only with a provisioned store.
        /// </summary>
        public bool RootKeyRemoved { get; set; }

        /// <summary>Broker host: a DNS name or an IPv4 address.</summary>
        public string BrokerHost { get; set; } = string.Empty;

        /// <summary>Broker port, 1..65535.</summary>
        public int BrokerPort { get; set; }

        /// <summary>Whether the MQTT connection uses TLS.</summary>
        public bool BrokerUseTls { get; set; }

        /// <summary>PEM of the CA that signed the broker's certificate; null = the device's stored CAs.</summary>
        public string? BrokerCaCertificatePem { get; set; }

        /// <summary>MQTT user name; null = none.</summary>
        public string? MqttUsername { get; set; }

        /// <summary>MQTT password; null = none. Secret.</summary>
        public string? MqttPassword { get; set; }

        /// <summary>Wi-Fi network name (1..32 UTF-8 bytes).</summary>
        public string WifiSsid { get; set; } = string.Empty;

        /// <summary>Wi-Fi password: empty for an open network, else a WPA2 passphrase or 64-hex-digit key. Secret.</summary>
        public string WifiPassword { get; set; } = string.Empty;

        /// <summary>GPIO of the I2C data line (SDA).</summary>
        public int I2cDataPin { get; set; }

        /// <summary>GPIO of the I2C clock line (SCL).</summary>
        public int I2cClockPin { get; set; }

        /// <summary>GPIO driving the VL53L1X XSHUT input, or <see cref="NotWired"/>.</summary>
        public int TofShutdownPin { get; set; }

        /// <summary>GPIO reading the VL53L1X GPIO1 (interrupt) output, or <see cref="NotWired"/>.</summary>
        public int TofInterruptPin { get; set; }

        /// <summary>GPIO reading the PIR output, or <see cref="NotWired"/> (no PIR fitted).</summary>
        public int PirPin { get; set; }

        /// <summary>GPIO driving a status LED, or <see cref="NotWired"/>.</summary>
        public int StatusLedPin { get; set; }

        /// <summary>Sensor height above the floor, 2000..3500 mm.</summary>
        public int MountHeightMillimeters { get; set; }

        /// <summary>VL53L1X timing budget per ranging: 20, 33, 50, 100, 200 or 500 ms.</summary>
        public int TimingBudgetMilliseconds { get; set; }

        /// <summary>Width of each zone's ROI, 4..16 SPADs.</summary>
        public int ZoneRoiWidth { get; set; }

        /// <summary>Height of each zone's ROI, 4..16 SPADs.</summary>
        public int ZoneRoiHeight { get; set; }

        /// <summary>Zone 0's ROI centre (VL53L1X SPAD number, see <see cref="SpadGrid"/>).</summary>
        public int Zone0RoiCenter { get; set; }

        /// <summary>Zone 1's ROI centre (VL53L1X SPAD number).</summary>
        public int Zone1RoiCenter { get; set; }

        /// <summary>The zone (0 or 1) on the inside: walking into it from the other is an entry.</summary>
        public int InsideZone { get; set; }

        /// <summary>The PIR module's output hold time, 0..600000 ms.</summary>
        public int PirHoldMilliseconds { get; set; }

        /// <summary>Aggregation window, 10..3600 s, dividing 86400.</summary>
        public int WindowLengthSeconds { get; set; }

        /// <summary>Disclosure control applied to each window.</summary>
        public DisclosureSettings Disclosure { get; set; } = new DisclosureSettings();

        /// <summary>
        /// The engine's settings: counting (mount height, inside zone, timing budget, PIR hold), the window
        /// and disclosure control, other values at their defaults. A new object on every call.
        /// </summary>
        public DeviceSettings ToDeviceSettings()
        {
            var disclosure = new DisclosureSettings();
            disclosure.Mode = Disclosure.Mode;
            disclosure.SuppressionThreshold = Disclosure.SuppressionThreshold;
            disclosure.EpsilonMilli = Disclosure.EpsilonMilli;
            disclosure.ContributionBound = Disclosure.ContributionBound;

            var counter = new CounterSettings();
            counter.MountHeightMillimeters = MountHeightMillimeters;
            counter.InsideZone = InsideZone;
            counter.TimingBudgetMilliseconds = TimingBudgetMilliseconds;
            counter.PirHoldMilliseconds = PirHoldMilliseconds;

            var aggregator = new AggregatorSettings();
            aggregator.WindowLengthSeconds = WindowLengthSeconds;

            var settings = new DeviceSettings();
            settings.DeviceId = DeviceId;
            settings.Counter = counter;
            settings.Aggregator = aggregator;
            settings.Disclosure = disclosure;
            return settings;
        }

        /// <summary>Overwrites the root key with zeros and drops the passwords (once the key ratchet and the
        /// network have taken them).</summary>
        public void ClearSecrets()
        {
            Array.Clear(RootKey, 0, RootKey.Length);

            WifiPassword = string.Empty;
            MqttPassword = null;
        }
    }
}
