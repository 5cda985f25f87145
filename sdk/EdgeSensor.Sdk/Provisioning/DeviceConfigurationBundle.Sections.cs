using System.Text.Json.Serialization;

namespace EdgeSensor.Sdk.Provisioning;

/// <summary>The bundle's nested sections.</summary>
public sealed partial class DeviceConfigurationBundle
{
    /// <summary>Broker connection for the device.</summary>
    public sealed class BrokerSettings
    {
        /// <summary>Broker host: a DNS name or an IPv4 address.</summary>
        [JsonPropertyName("host")]
        [JsonRequired]
        public string Host { get; set; } = string.Empty;

        /// <summary>Broker port (8883 for TLS, 1883 plain).</summary>
        [JsonPropertyName("port")]
        [JsonRequired]
        public int Port { get; set; } = DeviceConfigurationDefaults.BrokerPort;

        /// <summary>Whether to use TLS (strongly recommended).</summary>
        [JsonPropertyName("tls")]
        [JsonRequired]
        public bool Tls { get; set; } = true;

        /// <summary>PEM of the CA that signed the broker's certificate, when not a public CA (needs TLS).</summary>
        [JsonPropertyName("caCertificatePem")]
        public string? CaCertificatePem { get; set; }

        /// <summary>MQTT user name for the device (broker ACL: publish to its own topic only).</summary>
        [JsonPropertyName("username")]
        public string? Username { get; set; }

        /// <summary>MQTT password for the device (needs a user name). Secret.</summary>
        [JsonPropertyName("password")]
        public string? Password { get; set; }
    }

    /// <summary>The Wi-Fi network the device joins.</summary>
    public sealed class WifiSettings
    {
        /// <summary>Network name, 1..32 UTF-8 bytes.</summary>
        [JsonPropertyName("ssid")]
        [JsonRequired]
        public string Ssid { get; set; } = string.Empty;

        /// <summary>Empty for an open network, else a WPA2 passphrase (8..63 printable ASCII) or 64 hex digits. Secret.</summary>
        [JsonPropertyName("password")]
        [JsonRequired]
        public string Password { get; set; } = string.Empty;
    }

    /// <summary>ESP32 GPIO numbers; -1 = not wired (all but the I2C pair may be -1).</summary>
    public sealed class PinSettings
    {
        /// <summary>I2C data (VL53L1X SDA).</summary>
        [JsonPropertyName("i2cSda")]
        [JsonRequired]
        public int I2cSda { get; set; } = DeviceConfigurationDefaults.I2cSdaPin;

        /// <summary>I2C clock (VL53L1X SCL).</summary>
        [JsonPropertyName("i2cScl")]
        [JsonRequired]
        public int I2cScl { get; set; } = DeviceConfigurationDefaults.I2cSclPin;

        /// <summary>VL53L1X XSHUT (output, open drain).</summary>
        [JsonPropertyName("tofXshut")]
        [JsonRequired]
        public int TofXshut { get; set; } = DeviceConfigurationDefaults.TofXshutPin;

        /// <summary>VL53L1X GPIO1, its interrupt output (input).</summary>
        [JsonPropertyName("tofInterrupt")]
        [JsonRequired]
        public int TofInterrupt { get; set; } = DeviceConfigurationDefaults.TofInterruptPin;

        /// <summary>PIR output (input); -1 = no PIR fitted.</summary>
        [JsonPropertyName("pir")]
        [JsonRequired]
        public int Pir { get; set; } = DeviceConfigurationDefaults.PirPin;

        /// <summary>Status LED (output).</summary>
        [JsonPropertyName("statusLed")]
        [JsonRequired]
        public int StatusLed { get; set; } = DeviceConfigurationDefaults.StatusLedPin;
    }

    /// <summary>The ToF zone layout: two regions of interest of the VL53L1X SPAD array, read alternately.</summary>
    public sealed class ZoneSettings
    {
        /// <summary>Timing budget per ranging: 20, 33, 50, 100, 200 or 500 ms.</summary>
        [JsonPropertyName("timingBudgetMilliseconds")]
        [JsonRequired]
        public int TimingBudgetMilliseconds { get; set; } = DeviceConfigurationDefaults.TimingBudgetMilliseconds;

        /// <summary>ROI width, 4..16 SPADs.</summary>
        [JsonPropertyName("roiWidth")]
        [JsonRequired]
        public int RoiWidth { get; set; } = DeviceConfigurationDefaults.RoiWidth;

        /// <summary>ROI height, 4..16 SPADs.</summary>
        [JsonPropertyName("roiHeight")]
        [JsonRequired]
        public int RoiHeight { get; set; } = DeviceConfigurationDefaults.RoiHeight;

        /// <summary>Zone 0's ROI centre, a SPAD number.</summary>
        [JsonPropertyName("zone0RoiCenter")]
        [JsonRequired]
        public int Zone0RoiCenter { get; set; } = DeviceConfigurationDefaults.Zone0RoiCenter;

        /// <summary>Zone 1's ROI centre, a SPAD number.</summary>
        [JsonPropertyName("zone1RoiCenter")]
        [JsonRequired]
        public int Zone1RoiCenter { get; set; } = DeviceConfigurationDefaults.Zone1RoiCenter;

        /// <summary>The zone (0 or 1) on the inside: walking into it is an entry.</summary>
        [JsonPropertyName("insideZone")]
        [JsonRequired]
        public int InsideZone { get; set; } = DeviceConfigurationDefaults.InsideZone;
    }

    /// <summary>Disclosure control (docs/privacy.md).</summary>
    public sealed class DisclosureSettings
    {
        /// <summary>
        /// <c>suppression</c> (small counts withheld, the default), <c>differential-privacy</c> (person-level: noisy
        /// entries and exits, ε per person per 24 h budget period) or <c>none</c>.
        /// </summary>
        [JsonPropertyName("mode")]
        [JsonRequired]
        public string Mode { get; set; } = DeviceConfigurationDefaults.DisclosureMode;

        /// <summary>Small-count threshold k (0..k-1 withheld), 2..100 with <c>suppression</c>; otherwise 0 or 2..100 (ignored).</summary>
        [JsonPropertyName("suppressionThreshold")]
        [JsonRequired]
        public int SuppressionThreshold { get; set; } = DeviceConfigurationDefaults.SuppressionThreshold;

        /// <summary>
        /// ε per person per budget period (at least 24 h of device uptime) in thousandths, 10..10000 with
        /// <c>differential-privacy</c>; otherwise 0 or 10..10000 (ignored).
        /// </summary>
        [JsonPropertyName("epsilonMilli")]
        [JsonRequired]
        public int EpsilonMilli { get; set; }

        /// <summary>
        /// Contribution bound C, 1..100: the most crossings one person is assumed to make per budget period (someone
        /// crossing c &gt; C times gets ε·c/C). Optional when read (default 4); always written.
        /// </summary>
        [JsonPropertyName("crossingsPerPerson")]
        public int CrossingsPerPerson { get; set; } = DeviceConfigurationDefaults.CrossingsPerPerson;
    }
}
