namespace EdgeSensor.Sdk.Provisioning;

/// <summary>
/// Defaults of the bundle's settings: hardware/wiring.md's reference wiring, the counting engine's defaults
/// (CounterSettings, AggregatorSettings) and ST's two-zone people-counting layout. Used by
/// <c>edgesensor provision</c> and when a version 1 bundle is mapped to version 2.
/// </summary>
public static class DeviceConfigurationDefaults
{
    /// <summary>MQTT over TLS (IANA-registered port 8883).</summary>
    public const int BrokerPort = 8883;

    /// <summary>I2C SDA: GPIO21.</summary>
    public const int I2cSdaPin = 21;

    /// <summary>I2C SCL: GPIO22.</summary>
    public const int I2cSclPin = 22;

    /// <summary>VL53L1X XSHUT: GPIO4 (optional wire).</summary>
    public const int TofXshutPin = 4;

    /// <summary>VL53L1X GPIO1: GPIO33 (optional wire; the driver polls).</summary>
    public const int TofInterruptPin = 33;

    /// <summary>HC-SR501 OUT: GPIO27.</summary>
    public const int PirPin = 27;

    /// <summary>Status LED: GPIO25 in the reference wiring (hardware/wiring.md); -1 when a board has none.</summary>
    public const int StatusLedPin = 25;

    /// <summary>Pin value for "not wired".</summary>
    public const int NotWired = -1;

    /// <summary>Sensor 2.4 m above the floor.</summary>
    public const int MountHeightMillimeters = 2400;

    /// <summary>33 ms per ranging.</summary>
    public const int TimingBudgetMilliseconds = 33;

    /// <summary>Each zone is half the array: 8 SPADs wide ...</summary>
    public const int RoiWidth = 8;

    /// <summary>... and 16 high.</summary>
    public const int RoiHeight = 16;

    /// <summary>Zone 0: the left half (ST UM2600, people counting: centres 167 and 231).</summary>
    public const int Zone0RoiCenter = 167;

    /// <summary>Zone 1: the right half.</summary>
    public const int Zone1RoiCenter = 231;

    /// <summary>Zone 1 is inside.</summary>
    public const int InsideZone = 1;

    /// <summary>HC-SR501 hold at its minimum, about 2.5 s (measure yours: hardware/wiring.md).</summary>
    public const int PirHoldMilliseconds = 2500;

    /// <summary>One-minute windows.</summary>
    public const int WindowLengthSeconds = 60;

    /// <summary>Disclosure control of <c>edgesensor provision</c> unless told otherwise: private by default.</summary>
    public const string DisclosureMode = "suppression";

    /// <summary>Small-count threshold k: 0..4 withheld (the firmware's default too). Lower needs --weaken-privacy.</summary>
    public const int SuppressionThreshold = 5;

    /// <summary>ε per person per 24 h budget period, thousandths (ε 1). Higher needs --weaken-privacy.</summary>
    public const int EpsilonMilli = 1000;

    /// <summary>Contribution bound C: a person is assumed to cross at most 4 times per budget period (in and out twice).</summary>
    public const int CrossingsPerPerson = 4;
}
