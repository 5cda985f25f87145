using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Provisioning;

namespace EdgeSensor.Sdk.Tests.Keys;

/// <summary>Valid bundles for the tests.</summary>
internal static class BundleSamples
{
    public const string CaPem = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUO2\n-----END CERTIFICATE-----\n";

    public static DeviceRecord Device { get; } = new(0x9b7f9adc16efab6a, "north-gate", Enumerable.Range(1, 32).Select(i => (byte)i).ToArray(), DeviceStatus.Active);

    /// <summary>A bundle with every field set, most away from their defaults.</summary>
    public static DeviceConfigurationBundle Full()
    {
        var bundle = new DeviceConfigurationBundle
        {
            Broker = new() { Host = "mqtt.example.org", Port = 8884, Tls = true, CaCertificatePem = CaPem, Username = "gate-7", Password = "mqtt \"secret\" ü" },
            Wifi = new() { Ssid = "Café 😀", Password = "wifi-secret" },
            Pins = new() { I2cSda = 18, I2cScl = 19, TofXshut = -1, TofInterrupt = 35, Pir = 39, StatusLed = 2 },
            MountHeightMillimeters = 2750,
            Zones = new() { TimingBudgetMilliseconds = 50, RoiWidth = 6, RoiHeight = 12, Zone0RoiCenter = 166, Zone1RoiCenter = 230, InsideZone = 0 },
            PirHoldMilliseconds = 1800,
            WindowLengthSeconds = 900,
            Disclosure = new() { Mode = "differential-privacy", SuppressionThreshold = 7, EpsilonMilli = 750, CrossingsPerPerson = 6 },
        };
        bundle.AssignDevice(Device);
        return bundle;
    }
}
