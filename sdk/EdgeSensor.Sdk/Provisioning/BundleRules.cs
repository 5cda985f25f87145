using System.Text;
using EdgeSensor.Sdk.Topics;

namespace EdgeSensor.Sdk.Provisioning;

/// <summary>The text and pin rules of the bundle's fields (docs/provisioning.md); the firmware's reader applies the same.</summary>
internal static class BundleRules
{
    public static bool IsDeviceId(string? text) =>
        text is { Length: 16 } && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')) && text != "0000000000000000";

    public static bool IsSite(string? site) => ReportTopics.IsValidSite(site);

    /// <summary>Canonical padded base64 (no whitespace) of 32 bytes, not all zero.</summary>
    public static bool IsRootKey(string? text)
    {
        if (text is not { Length: 44 })
        {
            return false;
        }

        byte[] key = new byte[DeviceConfigurationLimits.RootKeyBytes + 3];
        return Convert.TryFromBase64String(text, key, out int written)
            && written == DeviceConfigurationLimits.RootKeyBytes
            && Convert.ToBase64String(key, 0, written) == text
            && key.Any(b => b != 0);
    }

    public static bool IsHost(string? host) =>
        host is { Length: >= 1 and <= DeviceConfigurationLimits.MaxHostLength }
        && host.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-');

    /// <summary>Well-formed UTF-16, min..max characters, no control characters (U+0000..U+001F, U+007F).</summary>
    public static bool IsPlainText(string? text, int minLength, int maxLength)
    {
        if (text is null || text.Length < minLength || text.Length > maxLength || !IsWellFormed(text))
        {
            return false;
        }

        return !text.Any(c => c < 0x20 || c == 0x7F);
    }

    public static bool IsSsid(string? ssid) =>
        IsPlainText(ssid, 1, DeviceConfigurationLimits.MaxSsidBytes) && Encoding.UTF8.GetByteCount(ssid!) <= DeviceConfigurationLimits.MaxSsidBytes;

    public static bool IsWifiPassword(string? password) => password switch
    {
        null => false,
        { Length: 0 } => true,
        { Length: DeviceConfigurationLimits.WifiHexKeyLength } => password.All(char.IsAsciiHexDigit),
        { Length: >= DeviceConfigurationLimits.MinWifiPassphraseLength and <= DeviceConfigurationLimits.MaxWifiPassphraseLength } => password.All(c => c is >= ' ' and <= '~'),
        _ => false,
    };

    public static bool IsCertificatePem(string? pem)
    {
        if (pem is null || pem.Length > DeviceConfigurationLimits.MaxCaCertificateLength || pem.Any(c => c > 0x7E || (c < 0x20 && c is not ('\n' or '\r' or '\t'))))
        {
            return false;
        }

        int begin = pem.IndexOf("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal);
        return begin >= 0 && pem.IndexOf("-----END CERTIFICATE-----", begin, StringComparison.Ordinal) > begin;
    }

    /// <summary>An ESP32 GPIO that exists and is free: 0..39 without 6..11 (SPI flash), 20, 24, 28..31.</summary>
    public static bool IsUsableGpio(int gpio) =>
        gpio is >= 0 and <= DeviceConfigurationLimits.MaxGpio and not (>= 6 and <= 11) and not 20 and not 24 and not (>= 28 and <= 31);

    /// <summary>A usable GPIO that can drive an output (GPIO34..39 are input only).</summary>
    public static bool CanOutput(int gpio) => IsUsableGpio(gpio) && gpio < 34;

    /// <summary>Whether a width x height ROI centred on SPAD <paramref name="center"/> lies inside the 16x16 array
    /// (ST's SPAD map: top half 128 + 8·column + row, bottom half 127 − 8·column − (row − 8)).</summary>
    public static bool RoiFits(int center, int width, int height)
    {
        if (center is < 0 or > 255)
        {
            return false;
        }

        int column = center >= 128 ? (center - 128) / 8 : (127 - center) / 8;
        int row = center >= 128 ? (center - 128) % 8 : 8 + ((127 - center) % 8);
        int left = column - (width / 2);
        int top = row - ((height - 1) / 2);
        return left >= 0 && left + width <= 16 && top >= 0 && top + height <= 16;
    }

    private static bool IsWellFormed(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
