using System;

namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>
    /// The topic a device publishes to: <c>edgesensor/&lt;site&gt;/&lt;device id as 16 lowercase hex digits&gt;/report</c>,
    /// the scheme the SDK subscribes to. A site is 1..64 characters of <c>a-z 0-9 - _</c>, so a configuration can
    /// never inject MQTT wildcards or extra levels (MQTT 3.1.1 section 4.7).
    /// </summary>
    public static class ReportTopic
    {
        /// <summary>Longest site name.</summary>
        public const int MaxSiteLength = 64;

        /// <summary>True when <paramref name="site"/> is a valid site name.</summary>
        public static bool IsValidSite(string? site)
        {
            if (site == null || site.Length == 0 || site.Length > MaxSiteLength)
            {
                return false;
            }

            for (int i = 0; i < site.Length; i++)
            {
                char c = site[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Builds the topic; false (and an error naming the problem) for an invalid site or device id 0.</summary>
        public static bool TryBuild(string? site, ulong deviceId, out string topic, out string error)
        {
            topic = string.Empty;
            if (!IsValidSite(site))
            {
                error = "Site must be 1..64 characters of a-z, 0-9, '-' and '_'";
                return false;
            }

            if (deviceId == 0)
            {
                error = "DeviceId must not be 0";
                return false;
            }

            topic = "edgesensor/" + site + "/" + FormatDeviceId(deviceId) + "/report";
            error = string.Empty;
            return true;
        }

        /// <summary>16 lowercase hex digits, most significant first (no format strings: the device lacks "x16").</summary>
        public static string FormatDeviceId(ulong deviceId)
        {
            char[] digits = new char[16];
            for (int i = 15; i >= 0; i--)
            {
                int nibble = (int)(deviceId & 0xF);
                digits[i] = (char)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
                deviceId >>= 4;
            }

            return new string(digits);
        }
    }
}
