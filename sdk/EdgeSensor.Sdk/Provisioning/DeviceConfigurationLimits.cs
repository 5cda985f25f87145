namespace EdgeSensor.Sdk.Provisioning;

/// <summary>
/// The limits of the configuration bundle v2 (docs/provisioning.md) the SDK enforces when it writes or reads a
/// bundle. The firmware's reader (EdgeSensor.Core.Configuration.ConfigurationLimits) enforces the same ones; a
/// test keeps the two sets equal.
/// </summary>
public static class DeviceConfigurationLimits
{
    /// <summary>Largest bundle file, bytes.</summary>
    public const int MaxDocumentBytes = 32768;

    /// <summary>Longest site name.</summary>
    public const int MaxSiteLength = 64;

    /// <summary>Root key length, bytes.</summary>
    public const int RootKeyBytes = 32;

    /// <summary>Longest broker host name.</summary>
    public const int MaxHostLength = 253;

    /// <summary>Longest MQTT user name and password, characters.</summary>
    public const int MaxMqttCredentialLength = 256;

    /// <summary>Longest CA certificate PEM, characters.</summary>
    public const int MaxCaCertificateLength = 16384;

    /// <summary>Longest SSID, UTF-8 bytes (IEEE 802.11).</summary>
    public const int MaxSsidBytes = 32;

    /// <summary>Shortest WPA2 passphrase (IEEE 802.11i Annex H.4).</summary>
    public const int MinWifiPassphraseLength = 8;

    /// <summary>Longest WPA2 passphrase.</summary>
    public const int MaxWifiPassphraseLength = 63;

    /// <summary>Length of a raw WPA2 pre-shared key written as hex.</summary>
    public const int WifiHexKeyLength = 64;

    /// <summary>Highest ESP32 GPIO number.</summary>
    public const int MaxGpio = 39;

    /// <summary>Lowest mount, mm.</summary>
    public const int MinMountHeightMillimeters = 2000;

    /// <summary>Highest mount, mm.</summary>
    public const int MaxMountHeightMillimeters = 3500;

    /// <summary>Smallest ROI side, SPADs.</summary>
    public const int MinRoiSize = 4;

    /// <summary>Largest ROI side, SPADs.</summary>
    public const int MaxRoiSize = 16;

    /// <summary>Highest SPAD number.</summary>
    public const int MaxSpadNumber = 255;

    /// <summary>Longest PIR hold, ms.</summary>
    public const int MaxPirHoldMilliseconds = 600_000;

    /// <summary>Shortest window, s.</summary>
    public const int MinWindowLengthSeconds = 10;

    /// <summary>Longest window, s (windows also divide 86400).</summary>
    public const int MaxWindowLengthSeconds = 3600;

    /// <summary>Smallest suppression threshold k.</summary>
    public const int MinSuppressionThreshold = 2;

    /// <summary>Largest suppression threshold k.</summary>
    public const int MaxSuppressionThreshold = 100;

    /// <summary>Smallest ε per person per budget period, thousandths.</summary>
    public const int MinEpsilonMilli = 10;

    /// <summary>Largest ε per person per budget period, thousandths.</summary>
    public const int MaxEpsilonMilli = 10_000;

    /// <summary>Smallest contribution bound (crossings one person makes per budget period).</summary>
    public const int MinCrossingsPerPerson = 1;

    /// <summary>Largest contribution bound.</summary>
    public const int MaxCrossingsPerPerson = 100;

    /// <summary>Shortest window with disclosure mode differential-privacy, s: each window is a noised cell.</summary>
    public const int MinPersonPrivacyWindowSeconds = 900;

    /// <summary>VL53L1X long-distance-mode timing budgets, ms (15 ms is short mode only).</summary>
    public static IReadOnlyList<int> TimingBudgetsMilliseconds { get; } = [20, 33, 50, 100, 200, 500];
}
