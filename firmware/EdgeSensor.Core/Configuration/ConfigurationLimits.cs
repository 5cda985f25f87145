namespace EdgeSensor.Core.Configuration
{
    /// <summary>
    /// The limits of the configuration bundle v2 (docs/provisioning.md), checked by
    /// <see cref="DeviceConfigurationReader"/>. The SDK writes bundles under the same limits
    /// (EdgeSensor.Sdk.Provisioning.DeviceConfigurationLimits); a test keeps the two sets equal.
    /// </summary>
    public static class ConfigurationLimits
    {
        /// <summary>The bundle's <c>format</c>.</summary>
        public const string FormatName = "edgesensor-device-config";

        /// <summary>The bundle version this reader reads.</summary>
        public const int Version = 2;

        /// <summary>Largest bundle file, bytes (a CA certificate chain fits; the device reads it into RAM once).</summary>
        public const int MaxDocumentBytes = 32768;

        /// <summary>Longest site name (a-z, 0-9, '-', '_').</summary>
        public const int MaxSiteLength = 64;

        /// <summary>Root key length, bytes.</summary>
        public const int RootKeyBytes = 32;

        /// <summary>Longest broker host name (RFC 1035 §2.3.4: 255 octets on the wire, 253 as text).</summary>
        public const int MaxHostLength = 253;

        /// <summary>Longest MQTT user name and password, characters.</summary>
        public const int MaxMqttCredentialLength = 256;

        /// <summary>Longest CA certificate PEM, characters.</summary>
        public const int MaxCaCertificateLength = 16384;

        /// <summary>Longest SSID, UTF-8 bytes (IEEE 802.11: 0..32 octets).</summary>
        public const int MaxSsidBytes = 32;

        /// <summary>WPA2 passphrase length, characters (IEEE 802.11i Annex H.4: 8..63 printable ASCII).</summary>
        public const int MinWifiPassphraseLength = 8;

        /// <summary>Longest WPA2 passphrase; a 64-character value must be the hex pre-shared key.</summary>
        public const int MaxWifiPassphraseLength = 63;

        /// <summary>Length of a raw WPA2 pre-shared key written as hex.</summary>
        public const int WifiHexKeyLength = 64;

        /// <summary>Highest ESP32 GPIO number.</summary>
        public const int MaxGpio = 39;

        /// <summary>Sensor height above the floor, mm (CounterSettings.MountHeightMillimeters).</summary>
        public const int MinMountHeightMillimeters = 2000;

        /// <summary>Highest mount, mm.</summary>
        public const int MaxMountHeightMillimeters = 3500;

        /// <summary>Smallest ROI side, SPADs (VL53L1X UM2555: at least 4x4).</summary>
        public const int MinRoiSize = 4;

        /// <summary>Largest ROI side: the whole 16x16 SPAD array.</summary>
        public const int MaxRoiSize = 16;

        /// <summary>Highest SPAD number (the array has 256).</summary>
        public const int MaxSpadNumber = 255;

        /// <summary>Longest PIR hold, ms (CounterSettings.PirHoldMilliseconds).</summary>
        public const int MaxPirHoldMilliseconds = 600000;

        /// <summary>Shortest aggregation window, s.</summary>
        public const int MinWindowLengthSeconds = 10;

        /// <summary>Longest aggregation window, s; windows must also divide 86400.</summary>
        public const int MaxWindowLengthSeconds = 3600;

        /// <summary>Smallest small-count threshold k written to a bundle (k = 1 would suppress nothing: use mode none).</summary>
        public const int MinSuppressionThreshold = 2;

        /// <summary>Largest small-count threshold k.</summary>
        public const int MaxSuppressionThreshold = 100;

        /// <summary>Smallest ε per person per budget period in thousandths (0.01).</summary>
        public const int MinEpsilonMilli = 10;

        /// <summary>Largest ε per person per budget period in thousandths (10.0).</summary>
        public const int MaxEpsilonMilli = 10000;

        /// <summary>Smallest contribution bound (crossings one person makes per budget period).</summary>
        public const int MinCrossingsPerPerson = 1;

        /// <summary>Largest contribution bound.</summary>
        public const int MaxCrossingsPerPerson = 100;

        /// <summary>Shortest window with disclosure mode differential-privacy, s.</summary>
        public const int MinPersonPrivacyWindowSeconds = 900;

        /// <summary>
        /// The VL53L1X timing budgets (ms) that reach a floor 2 m or more away: the long-distance mode's
        /// values (UM2555, VL53L1X_SetTimingBudgetInMs). 15 ms exists only in short mode (up to 1.3 m).
        /// </summary>
        public static bool IsTimingBudget(int milliseconds)
        {
            return milliseconds == 20 || milliseconds == 33 || milliseconds == 50 || milliseconds == 100 || milliseconds == 200 || milliseconds == 500;
        }
    }
}
