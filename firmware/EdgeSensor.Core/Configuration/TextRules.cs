using System.Diagnostics.CodeAnalysis;

namespace EdgeSensor.Core.Configuration
{
    /// <summary>The text rules of the bundle's string fields (docs/provisioning.md).</summary>
    public static class TextRules
    {
        private const string Base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

        /// <summary>1..64 of a-z, 0-9, '-', '_' (the topic's second level; never an MQTT wildcard).</summary>
        public static bool IsSite(string? site)
        {
            if (site == null || site.Length < 1 || site.Length > ConfigurationLimits.MaxSiteLength)
            {
                return false;
            }

            for (int i = 0; i < site.Length; i++)
            {
                char c = site[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Exactly 16 lowercase hex digits, not all zero.</summary>
        public static bool TryParseDeviceId(string? text, out ulong id)
        {
            id = 0;
            if (text == null || text.Length != 16)
            {
                return false;
            }

            for (int i = 0; i < 16; i++)
            {
                char c = text[i];
                int digit;
                if (c >= '0' && c <= '9')
                {
                    digit = c - '0';
                }
                else if (c >= 'a' && c <= 'f')
                {
                    digit = c - 'a' + 10;
                }
                else
                {
                    id = 0;
                    return false;
                }

                id = (id << 4) | (uint)digit;
            }

            return id != 0;
        }

        /// <summary>A DNS name or IPv4 address: 1..253 of A-Z, a-z, 0-9, '.', '-'.</summary>
        public static bool IsHost(string? host)
        {
            if (host == null || host.Length < 1 || host.Length > ConfigurationLimits.MaxHostLength)
            {
                return false;
            }

            for (int i = 0; i < host.Length; i++)
            {
                char c = host[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary><paramref name="minLength"/>..<paramref name="maxLength"/> characters, none a control character (U+0000..U+001F, U+007F).</summary>
        public static bool IsPlainText(string? text, int minLength, int maxLength)
        {
            if (text == null || text.Length < minLength || text.Length > maxLength)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] < 0x20 || text[i] == 0x7F)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>1..32 UTF-8 bytes, no control characters.</summary>
        public static bool IsSsid(string? ssid)
        {
            if (ssid == null || !IsPlainText(ssid, 1, ConfigurationLimits.MaxSsidBytes))
            {
                return false;
            }

            int bytes = 0;
            for (int i = 0; i < ssid.Length; i++)
            {
                char c = ssid[i];
                if (c < 0x80)
                {
                    bytes += 1;
                }
                else if (c < 0x800)
                {
                    bytes += 2;
                }
                else if (c >= 0xD800 && c <= 0xDBFF)
                {
                    bytes += 4;
                    i++;
                }
                else
                {
                    bytes += 3;
                }
            }

            return bytes <= ConfigurationLimits.MaxSsidBytes;
        }

        /// <summary>Empty (open network), a WPA2 passphrase of 8..63 printable ASCII characters, or 64 hex digits.</summary>
        public static bool IsWifiPassword(string? password)
        {
            if (password == null)
            {
                return false;
            }

            if (password.Length == 0)
            {
                return true;
            }

            if (password.Length == ConfigurationLimits.WifiHexKeyLength)
            {
                for (int i = 0; i < password.Length; i++)
                {
                    char c = password[i];
                    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
                    {
                        return false;
                    }
                }

                return true;
            }

            if (password.Length < ConfigurationLimits.MinWifiPassphraseLength || password.Length > ConfigurationLimits.MaxWifiPassphraseLength)
            {
                return false;
            }

            for (int i = 0; i < password.Length; i++)
            {
                if (password[i] < 0x20 || password[i] > 0x7E)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>ASCII PEM holding "-----BEGIN CERTIFICATE-----" and, after it, "-----END CERTIFICATE-----";
        /// at most 16384 characters; line breaks and tabs are the only control characters.</summary>
        public static bool IsCertificatePem(string? pem)
        {
            if (pem == null || pem.Length > ConfigurationLimits.MaxCaCertificateLength)
            {
                return false;
            }

            for (int i = 0; i < pem.Length; i++)
            {
                char c = pem[i];
                if (c > 0x7E || (c < 0x20 && c != '\n' && c != '\r' && c != '\t'))
                {
                    return false;
                }
            }

            int begin = IndexOfOrdinal(pem, "-----BEGIN CERTIFICATE-----", 0);
            return begin >= 0 && IndexOfOrdinal(pem, "-----END CERTIFICATE-----", begin) > begin;
        }

        /// <summary>First index of <paramref name="value"/> at or after <paramref name="start"/>, comparing
        /// characters exactly (string.IndexOf(string) compares by culture on .NET), or -1.</summary>
        private static int IndexOfOrdinal(string text, string value, int start)
        {
            for (int i = start; i <= text.Length - value.Length; i++)
            {
                int j = 0;
                while (j < value.Length && text[i + j] == value[j])
                {
                    j++;
                }

                if (j == value.Length)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// Canonical base64 (RFC 4648 §4, padded, no whitespace) of exactly 32 bytes that are not all zero:
        /// 43 alphabet characters, the last with its two unused bits zero, then '='.
        /// </summary>
        public static bool TryDecodeRootKey(string? text, [NotNullWhen(true)] out byte[]? key)
        {
            key = null;
            if (text == null || text.Length != 44 || text[43] != '=')
            {
                return false;
            }

            var bytes = new byte[ConfigurationLimits.RootKeyBytes];
            int accumulator = 0;
            int bits = 0;
            int written = 0;
            bool anyNonZero = false;
            for (int i = 0; i < 43; i++)
            {
                int sextet = Base64Alphabet.IndexOf(text[i]);
                if (sextet < 0)
                {
                    return false;
                }

                accumulator = (accumulator << 6) | sextet;
                bits += 6;
                if (bits >= 8)
                {
                    bits -= 8;
                    byte b = (byte)(accumulator >> bits);
                    bytes[written++] = b;
                    anyNonZero |= b != 0;
                    accumulator &= (1 << bits) - 1;
                }
            }

            if (bits != 2 || accumulator != 0 || written != bytes.Length || !anyNonZero)
            {
                return false;
            }

            key = bytes;
            return true;
        }
    }
}
