using System.Text.Json;
using System.Text.Json.Serialization;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.KeyStore;

namespace EdgeSensor.Sdk.Keys;

/// <summary>
/// The configuration file a device loads at boot (written by <c>edgesensor provision</c>): identity,
/// root key, broker, topic, window length and disclosure control. It holds the device's secret root
/// key: it is written with mode 0600 and should be deleted once the device is flashed.
/// Format: docs/provisioning.md.
/// </summary>
public sealed class DeviceConfigurationBundle
{
    /// <summary>The value of <see cref="Format"/>.</summary>
    public const string FormatName = "edgesensor-device-config";

    /// <summary>Always <see cref="FormatName"/>.</summary>
    [JsonPropertyName("format")]
    public string Format { get; set; } = FormatName;

    /// <summary>Format version (1).</summary>
    [JsonPropertyName("version")]
    public int Version { get; set; } = 1;

    /// <summary>Device id, 16 lowercase hex digits.</summary>
    [JsonPropertyName("deviceId")]
    public string DeviceId { get; set; } = string.Empty;

    /// <summary>Site (topic segment).</summary>
    [JsonPropertyName("site")]
    public string Site { get; set; } = string.Empty;

    /// <summary>The 32-byte root key, base64. Secret.</summary>
    [JsonPropertyName("rootKey")]
    public string RootKey { get; set; } = string.Empty;

    /// <summary>Where the device publishes.</summary>
    [JsonPropertyName("broker")]
    public BrokerSettings Broker { get; set; } = new();

    /// <summary>The topic the device publishes its reports to.</summary>
    [JsonPropertyName("topic")]
    public string Topic { get; set; } = string.Empty;

    /// <summary>Aggregation window in seconds, 10..3600, dividing 86400.</summary>
    [JsonPropertyName("windowLengthSeconds")]
    public int WindowLengthSeconds { get; set; } = 60;

    /// <summary>Disclosure control applied to each window.</summary>
    [JsonPropertyName("disclosure")]
    public DisclosureSettings Disclosure { get; set; } = new();

    /// <summary>Makes the bundle for a provisioned device.</summary>
    public static DeviceConfigurationBundle For(DeviceRecord device, BrokerSettings broker, int windowLengthSeconds, DisclosureSettings disclosure)
    {
        ArgumentNullException.ThrowIfNull(device);
        var bundle = new DeviceConfigurationBundle
        {
            DeviceId = device.DeviceIdText,
            Site = device.Site,
            RootKey = Convert.ToBase64String(device.RootKey.Span),
            Broker = broker,
            Topic = ReportTopics.ForDevice(device.Site, device.DeviceId),
            WindowLengthSeconds = windowLengthSeconds,
            Disclosure = disclosure,
        };
        bundle.Validate();
        return bundle;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when a field is out of range.</summary>
    public void Validate()
    {
        if (WindowLengthSeconds is < 10 or > 3600 || 86400 % WindowLengthSeconds != 0)
        {
            throw new ArgumentException("The window length must be 10..3600 s and divide a day (86400 s).");
        }

        if (Broker.Port is < 1 or > 65535 || string.IsNullOrWhiteSpace(Broker.Host))
        {
            throw new ArgumentException("The broker needs a host and a port 1..65535.");
        }

        Disclosure.Validate();
    }

    /// <summary>Writes the bundle atomically with mode 0600.</summary>
    public void WriteTo(string path) =>
        SecureFile.WriteAllBytesAtomic(path, JsonSerializer.SerializeToUtf8Bytes(this, BundleJson.Default.DeviceConfigurationBundle));

    /// <summary>Reads a bundle file.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid bundle.</exception>
    public static DeviceConfigurationBundle Read(string path)
    {
        try
        {
            var bundle = JsonSerializer.Deserialize(File.ReadAllBytes(path), BundleJson.Default.DeviceConfigurationBundle);
            if (bundle is null || bundle.Format != FormatName || bundle.Version != 1)
            {
                throw new InvalidDataException("Not an EdgeSensor device configuration bundle.");
            }

            bundle.Validate();
            return bundle;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw new InvalidDataException("Not a valid EdgeSensor device configuration bundle.", ex);
        }
    }

    /// <summary>Broker connection for the device.</summary>
    public sealed class BrokerSettings
    {
        /// <summary>Broker host name.</summary>
        [JsonPropertyName("host")]
        public string Host { get; set; } = "localhost";

        /// <summary>Broker port (8883 for TLS, 1883 plain).</summary>
        [JsonPropertyName("port")]
        public int Port { get; set; } = 8883;

        /// <summary>Whether to use TLS (strongly recommended).</summary>
        [JsonPropertyName("tls")]
        public bool Tls { get; set; } = true;

        /// <summary>PEM of the CA that signed the broker's certificate, when not a public CA.</summary>
        [JsonPropertyName("caCertificatePem")]
        public string? CaCertificatePem { get; set; }

        /// <summary>MQTT user name for the device (broker ACL: publish to its own topic only).</summary>
        [JsonPropertyName("username")]
        public string? Username { get; set; }
    }

    /// <summary>Per-window disclosure control.</summary>
    public sealed class DisclosureSettings
    {
        /// <summary><c>none</c>, <c>suppression</c> (small counts withheld) or <c>differential-privacy</c>.</summary>
        [JsonPropertyName("mode")]
        public string Mode { get; set; } = "none";

        /// <summary>Small-count threshold k (counts below k are withheld); with <c>suppression</c>.</summary>
        [JsonPropertyName("suppressionThreshold")]
        public int SuppressionThreshold { get; set; }

        /// <summary>ε per window in thousandths (1000 = 1.0); with <c>differential-privacy</c>.</summary>
        [JsonPropertyName("epsilonMilli")]
        public int EpsilonMilli { get; set; }

        /// <summary>Daily privacy budget, ε in thousandths; 0 = no limit.</summary>
        [JsonPropertyName("dailyBudgetMilli")]
        public int DailyBudgetMilli { get; set; }

        /// <summary>Throws <see cref="ArgumentException"/> on an unknown mode or missing parameter.</summary>
        public void Validate()
        {
            switch (Mode)
            {
                case "none":
                    break;
                case "suppression" when SuppressionThreshold is >= 2 and <= 100:
                    break;
                case "differential-privacy" when EpsilonMilli is >= 10 and <= 10000 && DailyBudgetMilli >= 0:
                    break;
                default:
                    throw new ArgumentException("Disclosure: mode none; suppression with k 2..100; or differential-privacy with epsilon 0.01..10.");
            }
        }
    }
}
