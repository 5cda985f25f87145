using System.Diagnostics.CodeAnalysis;
using static EdgeSensor.Sdk.Provisioning.DeviceConfigurationLimits;

namespace EdgeSensor.Sdk.Provisioning;

/// <summary>
/// Validation: the same rules, in the same order and with the same messages, as the firmware's reader
/// (EdgeSensor.Core.Configuration.DeviceConfigurationReader). Each message starts with the field's JSON path.
/// </summary>
public sealed partial class DeviceConfigurationBundle
{
    private const string OutputPinRule = "must be a usable ESP32 GPIO that can drive an output (0..33 without 6..11, 20, 24, 28..31)";
    private const string InputPinRule = "must be a usable ESP32 GPIO (0..39 without 6..11, 20, 24, 28..31)";
    private const string NotWiredRule = " or -1 (not wired)";

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field that is out of range.</summary>
    public void Validate()
    {
        if (!TryValidate(out string? error))
        {
            throw new ArgumentException(error);
        }
    }

    /// <summary>Checks every field; on failure <paramref name="error"/> names the first bad one, e.g.
    /// <c>broker.port must be 1..65535</c>.</summary>
    public bool TryValidate([NotNullWhen(false)] out string? error) => TryValidate(requireWifi: true, out error);

    private bool TryValidate(bool requireWifi, [NotNullWhen(false)] out string? error)
    {
        error = ValidateHeaderAndIdentity() ?? ValidateBroker() ?? ValidateWifi(requireWifi) ?? ValidatePins() ?? ValidateCounting() ?? ValidateDisclosure();
        return error is null;
    }

    private string? ValidateHeaderAndIdentity()
    {
        if (Format != FormatName)
        {
            return $"format must be \"{FormatName}\": this is not an EdgeSensor device configuration";
        }

        if (Version != CurrentVersion)
        {
            return $"version must be {CurrentVersion}";
        }

        if (!BundleRules.IsDeviceId(DeviceId))
        {
            return "deviceId must be 16 lowercase hex digits, not all zero";
        }

        if (!BundleRules.IsSite(Site))
        {
            return "site must be 1..64 characters of a-z, 0-9, '-', '_'";
        }

        if (!RootKeyRemoved && !BundleRules.IsRootKey(RootKey))
        {
            return "rootKey must be base64 of 32 bytes (44 characters ending in '='), not all zero";
        }

        return Topic != $"edgesensor/{Site}/{DeviceId}/report" ? "topic must be edgesensor/<site>/<deviceId>/report" : null;
    }

    private string? ValidateBroker()
    {
        if (Broker is null)
        {
            return "broker is missing";
        }

        if (!BundleRules.IsHost(Broker.Host))
        {
            return "broker.host must be 1..253 characters of A-Z, a-z, 0-9, '.', '-' (a DNS name or IPv4 address)";
        }

        if (Broker.Port is < 1 or > 65535)
        {
            return "broker.port must be 1..65535";
        }

        if (Broker.CaCertificatePem is { } ca && !BundleRules.IsCertificatePem(ca))
        {
            return $"broker.caCertificatePem must be a PEM certificate (ASCII, -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----, at most {MaxCaCertificateLength} characters)";
        }

        if (Broker.CaCertificatePem is not null && !Broker.Tls)
        {
            return "broker.caCertificatePem needs broker.tls true";
        }

        if (Broker.Username is { } user && !BundleRules.IsPlainText(user, 1, MaxMqttCredentialLength))
        {
            return "broker.username must be 1..256 characters without control characters";
        }

        if (Broker.Password is { } password && !BundleRules.IsPlainText(password, 1, MaxMqttCredentialLength))
        {
            return "broker.password must be 1..256 characters without control characters";
        }

        return Broker.Password is not null && Broker.Username is null ? "broker.password needs broker.username (MQTT 3.1.1 section 3.1.2.9)" : null;
    }

    private string? ValidateWifi(bool required)
    {
        if (Wifi is null)
        {
            return required ? "wifi is missing" : null;
        }

        if (!BundleRules.IsSsid(Wifi.Ssid))
        {
            return "wifi.ssid must be 1..32 UTF-8 bytes without control characters";
        }

        return BundleRules.IsWifiPassword(Wifi.Password) ? null : "wifi.password must be empty (open network), 8..63 printable ASCII characters or 64 hex digits";
    }

    private string? ValidatePins()
    {
        if (Pins is null)
        {
            return "pins is missing";
        }

        (string Name, int Pin, bool Output, bool Optional)[] pins =
        [
            ("i2cSda", Pins.I2cSda, true, false),
            ("i2cScl", Pins.I2cScl, true, false),
            ("tofXshut", Pins.TofXshut, true, true),
            ("tofInterrupt", Pins.TofInterrupt, false, true),
            ("pir", Pins.Pir, false, true),
            ("statusLed", Pins.StatusLed, true, true),
        ];
        foreach (var (name, pin, output, optional) in pins)
        {
            bool ok = pin == DeviceConfigurationDefaults.NotWired ? optional : output ? BundleRules.CanOutput(pin) : BundleRules.IsUsableGpio(pin);
            if (!ok)
            {
                return $"pins.{name} {(output ? OutputPinRule : InputPinRule)}{(optional ? NotWiredRule : string.Empty)}";
            }
        }

        for (int i = 1; i < pins.Length; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (pins[i].Pin != DeviceConfigurationDefaults.NotWired && pins[i].Pin == pins[j].Pin)
                {
                    return $"pins.{pins[i].Name} uses GPIO{pins[i].Pin}, already used by pins.{pins[j].Name}";
                }
            }
        }

        return null;
    }

    private string? ValidateCounting()
    {
        if (MountHeightMillimeters is < MinMountHeightMillimeters or > MaxMountHeightMillimeters)
        {
            return "mountHeightMillimeters must be 2000..3500";
        }

        if (Zones is null)
        {
            return "zones is missing";
        }

        if (!TimingBudgetsMilliseconds.Contains(Zones.TimingBudgetMilliseconds))
        {
            return "zones.timingBudgetMilliseconds must be 20, 33, 50, 100, 200 or 500";
        }

        if (Zones.RoiWidth is < MinRoiSize or > MaxRoiSize)
        {
            return "zones.roiWidth must be 4..16";
        }

        if (Zones.RoiHeight is < MinRoiSize or > MaxRoiSize)
        {
            return "zones.roiHeight must be 4..16";
        }

        foreach (var (name, center) in new[] { ("zone0RoiCenter", Zones.Zone0RoiCenter), ("zone1RoiCenter", Zones.Zone1RoiCenter) })
        {
            if (center is < 0 or > MaxSpadNumber)
            {
                return $"zones.{name} must be a SPAD number 0..255";
            }

            if (!BundleRules.RoiFits(center, Zones.RoiWidth, Zones.RoiHeight))
            {
                return $"zones.{name} does not fit: a roiWidth x roiHeight region centred on this SPAD leaves the 16x16 array";
            }
        }

        if (Zones.Zone0RoiCenter == Zones.Zone1RoiCenter)
        {
            return "zones.zone1RoiCenter must differ from zones.zone0RoiCenter";
        }

        if (Zones.InsideZone is not (0 or 1))
        {
            return "zones.insideZone must be 0 or 1";
        }

        if (PirHoldMilliseconds is < 0 or > MaxPirHoldMilliseconds)
        {
            return "pirHoldMilliseconds must be 0..600000";
        }

        return WindowLengthSeconds is < MinWindowLengthSeconds or > MaxWindowLengthSeconds || 86400 % WindowLengthSeconds != 0
            ? "windowLengthSeconds must be 10..3600 and divide 86400"
            : null;
    }

    private string? ValidateDisclosure()
    {
        var d = Disclosure;
        if (d is null)
        {
            return "disclosure is missing";
        }

        if (d.Mode is not ("none" or "suppression" or "differential-privacy"))
        {
            return "disclosure.mode must be none, suppression or differential-privacy";
        }

        if (d.SuppressionThreshold != 0 && d.SuppressionThreshold is < MinSuppressionThreshold or > MaxSuppressionThreshold)
        {
            return "disclosure.suppressionThreshold must be 0 or 2..100";
        }

        if (d.EpsilonMilli != 0 && d.EpsilonMilli is < MinEpsilonMilli or > MaxEpsilonMilli)
        {
            return "disclosure.epsilonMilli must be 0 or 10..10000";
        }

        if (d.CrossingsPerPerson is < MinCrossingsPerPerson or > MaxCrossingsPerPerson)
        {
            return "disclosure.crossingsPerPerson must be 1..100";
        }

        return d.Mode switch
        {
            "suppression" when d.SuppressionThreshold == 0 => "disclosure.suppressionThreshold must be 2..100 with mode suppression",
            "differential-privacy" when d.EpsilonMilli == 0 => "disclosure.epsilonMilli must be 10..10000 with mode differential-privacy",

            // Every window is a noised cell: shorter windows add noise to every hourly sum.
            "differential-privacy" when WindowLengthSeconds < MinPersonPrivacyWindowSeconds => "windowLengthSeconds must be at least 900 with disclosure.mode differential-privacy",
            _ => null,
        };
    }
}
