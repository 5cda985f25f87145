using System.Globalization;

namespace EdgeSensor.Sdk.Topics;

/// <summary>
/// The fixed topic scheme: <c>edgesensor/&lt;site&gt;/&lt;device id, 16 lowercase hex&gt;/report</c>.
/// Sites are 1..64 characters of <c>a-z 0-9 - _</c>, so they can never inject MQTT wildcards.
/// </summary>
public static class ReportTopics
{
    /// <summary>The first topic level.</summary>
    public const string Root = "edgesensor";

    /// <summary>The last topic level.</summary>
    public const string Leaf = "report";

    /// <summary>True when <paramref name="site"/> is a valid site name.</summary>
    public static bool IsValidSite(string? site)
    {
        if (string.IsNullOrEmpty(site) || site.Length > 64)
        {
            return false;
        }

        foreach (char c in site)
        {
            bool ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws when <paramref name="site"/> is not a valid site name.</summary>
    public static void ValidateSite(string site, string parameterName)
    {
        if (!IsValidSite(site))
        {
            throw new ArgumentException("A site is 1..64 characters of a-z, 0-9, '-' and '_'.", parameterName);
        }
    }

    /// <summary>The topic one device publishes to.</summary>
    public static string ForDevice(string site, ulong deviceId)
    {
        ValidateSite(site, nameof(site));
        return $"{Root}/{site}/{FormatDeviceId(deviceId)}/{Leaf}";
    }

    /// <summary>A filter for every device of a site (<c>edgesensor/site/+/report</c>).</summary>
    public static string ForSite(string site)
    {
        ValidateSite(site, nameof(site));
        return $"{Root}/{site}/+/{Leaf}";
    }

    /// <summary>A filter for every device of every site.</summary>
    public static string AllSites => $"{Root}/+/+/{Leaf}";

    /// <summary>A filter for one device in any site.</summary>
    public static string ForDeviceAnySite(ulong deviceId) => $"{Root}/+/{FormatDeviceId(deviceId)}/{Leaf}";

    /// <summary>Wraps a filter in an MQTT v5 shared subscription (<c>$share/group/filter</c>, MQTT 5.0 section 4.8.2).</summary>
    public static string Shared(string group, string filter)
    {
        if (!IsValidSite(group))
        {
            throw new ArgumentException("A share group is 1..64 characters of a-z, 0-9, '-' and '_'.", nameof(group));
        }

        return $"$share/{group}/{filter}";
    }

    /// <summary>16 lowercase hex digits.</summary>
    public static string FormatDeviceId(ulong deviceId) => deviceId.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Parses 16 hex digits (case-insensitive).</summary>
    public static bool TryParseDeviceId(ReadOnlySpan<char> text, out ulong deviceId)
    {
        deviceId = 0;
        return text.Length == 16 && ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out deviceId);
    }

    /// <summary>Splits a report topic into site and device id; false for any other topic.</summary>
    public static bool TryParse(string topic, out string site, out ulong deviceId)
    {
        site = string.Empty;
        deviceId = 0;
        string[] parts = topic.Split('/');
        if (parts.Length != 4 || parts[0] != Root || parts[3] != Leaf || !IsValidSite(parts[1]))
        {
            return false;
        }

        site = parts[1];
        return TryParseDeviceId(parts[2], out deviceId);
    }
}
