using System;

namespace EdgeSensor.Core.Configuration
{
    /// <summary>
    /// Makes the copy of the configuration file that the device writes back once its store holds the key: the same
    /// bytes with the <c>rootKey</c> value replaced by <c>null</c> and padding spaces, so nothing else moves, then
    /// checked by reading the copy again. The copy keeps the passwords (needed at every boot) but not the root key.
    /// </summary>
    public static class RootKeyRemoval
    {
        // "rootKey" with its quotes, as UTF-8.
        private static readonly byte[] MemberName = new byte[] { 0x22, 0x72, 0x6F, 0x6F, 0x74, 0x4B, 0x65, 0x79, 0x22 };

        /// <summary>
        /// Copies the first <paramref name="count"/> bytes of <paramref name="utf8Json"/> (a configuration that
        /// <see cref="DeviceConfigurationReader"/> accepts, with a root key) into <paramref name="withoutKey"/> with
        /// <c>"rootKey": null</c>. False with a reason (and no copy) when the key cannot be located or the copy would
        /// not read back as the same configuration without its key. The caller wipes both buffers when done.
        /// </summary>
        public static bool TryRemove(byte[] utf8Json, int count, out byte[]? withoutKey, out string error)
        {
            withoutKey = null;
            if (utf8Json == null || count < 0 || count > utf8Json.Length)
            {
                error = "no configuration data";
                return false;
            }

            int start;
            int end;
            if (!TryLocateValue(utf8Json, count, out start, out end))
            {
                error = "rootKey is not a plain string member (cannot remove it in place)";
                return false;
            }

            byte[] copy = new byte[count];
            Array.Copy(utf8Json, copy, count);
            copy[start] = (byte)'n';
            copy[start + 1] = (byte)'u';
            copy[start + 2] = (byte)'l';
            copy[start + 3] = (byte)'l';
            for (int i = start + 4; i < end; i++)
            {
                copy[i] = (byte)' ';
            }

            if (!ReadsBackWithoutKey(utf8Json, copy, count, out error))
            {
                Array.Clear(copy, 0, copy.Length);
                return false;
            }

            withoutKey = copy;
            error = string.Empty;
            return true;
        }

        /// <summary>
        /// The span [start, end) of the string value of a <c>"rootKey"</c> member name (a match followed by ':').
        /// A string value that merely reads "rootKey" is followed by ',' or '}', and one inside another string has
        /// its quotes escaped, so neither matches; the read-back check catches anything else.
        /// </summary>
        private static bool TryLocateValue(byte[] json, int count, out int start, out int end)
        {
            start = 0;
            end = 0;
            for (int at = 0; at + MemberName.Length <= count; at++)
            {
                if (!MatchesAt(json, at))
                {
                    continue;
                }

                int i = SkipWhitespace(json, at + MemberName.Length, count);
                if (i >= count || json[i] != (byte)':')
                {
                    continue;
                }

                i = SkipWhitespace(json, i + 1, count);
                if (i >= count || json[i] != (byte)'"')
                {
                    return false;
                }

                int close = i + 1;
                while (close < count && json[close] != (byte)'"' && json[close] != (byte)'\\')
                {
                    close++;
                }

                // Base64 needs no escapes; an escaped key is left alone. "null" must fit.
                if (close >= count || json[close] != (byte)'"' || close + 1 - i < 4)
                {
                    return false;
                }

                start = i;
                end = close + 1;
                return true;
            }

            return false;
        }

        private static bool MatchesAt(byte[] json, int at)
        {
            for (int k = 0; k < MemberName.Length; k++)
            {
                if (json[at + k] != MemberName[k])
                {
                    return false;
                }
            }

            return true;
        }

        private static int SkipWhitespace(byte[] json, int i, int count)
        {
            while (i < count && (json[i] == (byte)' ' || json[i] == (byte)'\t' || json[i] == (byte)'\n' || json[i] == (byte)'\r'))
            {
                i++;
            }

            return i;
        }

        private static bool ReadsBackWithoutKey(byte[] original, byte[] copy, int count, out string error)
        {
            DeviceConfiguration? before;
            DeviceConfiguration? after;
            bool readBefore = DeviceConfigurationReader.TryRead(original, count, out before, out error);
            bool readAfter = DeviceConfigurationReader.TryRead(copy, count, out after, out error);
            bool same = readBefore && readAfter && before != null && after != null
                && !before.RootKeyRemoved && after.RootKeyRemoved
                && before.DeviceId == after.DeviceId && before.Topic == after.Topic
                && before.WifiSsid == after.WifiSsid && before.WifiPassword == after.WifiPassword;
            if (before != null)
            {
                before.ClearSecrets();
            }

            if (after != null)
            {
                after.ClearSecrets();
            }

            error = same ? string.Empty : "the configuration without its root key does not read back as the same configuration";
            return same;
        }
    }
}
