using System.Text.Json;
using System.Text.Json.Serialization;
using EdgeSensor.Sdk.KeyStore;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Topics;

namespace EdgeSensor.Sdk.Provisioning;

/// <summary>
/// The configuration bundle v2 a device loads at boot (written by <c>edgesensor provision</c>, deployed to
/// <c>I:\edgesensor\device.json</c>): identity, root key, broker, Wi-Fi, pins, mounting, zone layout, window
/// length and disclosure control. It holds secrets (root key, Wi-Fi and MQTT passwords): it is written with
/// mode 0600 and should be deleted once the device is flashed. Format: docs/provisioning.md.
/// </summary>
public sealed partial class DeviceConfigurationBundle
{
    /// <summary>The value of <see cref="Format"/>.</summary>
    public const string FormatName = "edgesensor-device-config";

    /// <summary>The version this SDK writes.</summary>
    public const int CurrentVersion = 2;

    /// <summary>Always <see cref="FormatName"/>.</summary>
    [JsonPropertyName("format")]
    [JsonRequired]
    public string Format { get; set; } = FormatName;

    /// <summary>Format version (2).</summary>
    [JsonPropertyName("version")]
    [JsonRequired]
    public int Version { get; set; } = CurrentVersion;

    /// <summary>Device id, 16 lowercase hex digits.</summary>
    [JsonPropertyName("deviceId")]
    [JsonRequired]
    public string DeviceId { get; set; } = string.Empty;

    /// <summary>Site (topic segment).</summary>
    [JsonPropertyName("site")]
    [JsonRequired]
    public string Site { get; set; } = string.Empty;

    /// <summary>The 32-byte root key, base64; empty when <see cref="RootKeyRemoved"/>. Secret.</summary>
    [JsonIgnore]
    public string RootKey { get; set; } = string.Empty;

    /// <summary>
    /// True for a bundle read back from a device that imported its root key and removed it from the file
    /// (<c>"rootKey": null</c>, docs/provisioning.md). Such a bundle reads and validates (as on the device, where it
    /// boots only with a provisioned store) but is never written: a bundle for a device needs a key.
    /// </summary>
    [JsonIgnore]
    public bool RootKeyRemoved { get; set; }

    /// <summary>The JSON member: the key, or null once the device removed it.</summary>
    [JsonPropertyName("rootKey")]
    [JsonRequired]
    [JsonInclude]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    internal string? RootKeyMember
    {
        get => RootKeyRemoved ? null : RootKey;
        set
        {
            RootKeyRemoved = value is null;
            RootKey = value ?? string.Empty;
        }
    }

    /// <summary>The topic the device publishes its reports to.</summary>
    [JsonPropertyName("topic")]
    [JsonRequired]
    public string Topic { get; set; } = string.Empty;

    /// <summary>Where the device publishes.</summary>
    [JsonPropertyName("broker")]
    [JsonRequired]
    public BrokerSettings Broker { get; set; } = new();

    /// <summary>The Wi-Fi network the device joins; null only in a bundle read from version 1.</summary>
    [JsonPropertyName("wifi")]
    [JsonRequired]
    public WifiSettings? Wifi { get; set; }

    /// <summary>ESP32 GPIO numbers of the sensors and the LED.</summary>
    [JsonPropertyName("pins")]
    [JsonRequired]
    public PinSettings Pins { get; set; } = new();

    /// <summary>Sensor height above the floor, 2000..3500 mm.</summary>
    [JsonPropertyName("mountHeightMillimeters")]
    [JsonRequired]
    public int MountHeightMillimeters { get; set; } = DeviceConfigurationDefaults.MountHeightMillimeters;

    /// <summary>The ToF zone layout.</summary>
    [JsonPropertyName("zones")]
    [JsonRequired]
    public ZoneSettings Zones { get; set; } = new();

    /// <summary>The PIR module's output hold time, 0..600000 ms.</summary>
    [JsonPropertyName("pirHoldMilliseconds")]
    [JsonRequired]
    public int PirHoldMilliseconds { get; set; } = DeviceConfigurationDefaults.PirHoldMilliseconds;

    /// <summary>Aggregation window in seconds, 10..3600, dividing 86400.</summary>
    [JsonPropertyName("windowLengthSeconds")]
    [JsonRequired]
    public int WindowLengthSeconds { get; set; } = DeviceConfigurationDefaults.WindowLengthSeconds;

    /// <summary>Disclosure control applied to each window.</summary>
    [JsonPropertyName("disclosure")]
    [JsonRequired]
    public DisclosureSettings Disclosure { get; set; } = new();

    /// <summary>The version of the file this bundle was read from (1 for a mapped version 1 bundle); the
    /// version written is always <see cref="CurrentVersion"/>.</summary>
    [JsonIgnore]
    public int SourceVersion { get; private set; } = CurrentVersion;

    /// <summary>Sets the device's identity: id, site, root key and topic.</summary>
    public void AssignDevice(DeviceRecord device)
    {
        ArgumentNullException.ThrowIfNull(device);
        DeviceId = device.DeviceIdText;
        Site = device.Site;
        RootKey = Convert.ToBase64String(device.RootKey.Span);
        RootKeyRemoved = false;
        Topic = ReportTopics.ForDevice(device.Site, device.DeviceId);
    }

    /// <summary>The bundle's JSON (UTF-8, indented), after <see cref="Validate"/>.</summary>
    /// <exception cref="ArgumentException">A field is out of range, or <see cref="RootKeyRemoved"/>.</exception>
    public byte[] ToUtf8Json()
    {
        Validate();
        if (RootKeyRemoved)
        {
            throw new ArgumentException("rootKey was removed by the device after its import; a bundle to deploy needs a key (edgesensor devices rotate)");
        }

        return JsonSerializer.SerializeToUtf8Bytes(this, BundleJson.Default.DeviceConfigurationBundle);
    }

    /// <summary>Validates, then writes the bundle atomically with mode 0600.</summary>
    /// <exception cref="ArgumentException">A field is out of range (the message names it).</exception>
    public void WriteTo(string path) => SecureFile.WriteAllBytesAtomic(path, ToUtf8Json());
}
