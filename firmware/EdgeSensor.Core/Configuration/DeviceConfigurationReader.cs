using System.Diagnostics.CodeAnalysis;
using EdgeSensor.Core.Device;
using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Reports;

namespace EdgeSensor.Core.Configuration
{
    /// <summary>
    /// Reads and validates the configuration bundle v2 (docs/provisioning.md) the device loads at boot from
    /// <c>I:\edgesensor\device.json</c>. Strict: every field of the format is required except the broker's
    /// optional three, unknown and duplicate fields are rejected, and every value is range-checked with the
    /// limits of <see cref="ConfigurationLimits"/>. A version 1 bundle is refused (it has no Wi-Fi settings).
    /// <c>"rootKey": null</c> is read as a key the device already imported and removed from the file
    /// (<see cref="DeviceConfiguration.RootKeyRemoved"/>); whether that is usable depends on the store (NodeStarter).
    /// Nothing throws on bad input: a failure is false and one message naming the JSON path.
    /// </summary>
    public static partial class DeviceConfigurationReader
    {
        private static readonly string[] RootFields = new string[]
        {
            "format", "version", "deviceId", "site", "rootKey", "topic", "broker", "wifi", "pins",
            "mountHeightMillimeters", "zones", "pirHoldMilliseconds", "windowLengthSeconds", "disclosure",
        };

        /// <summary>
        /// Reads <paramref name="count"/> bytes of <paramref name="utf8Json"/>. On success
        /// <paramref name="configuration"/> holds every value, validated; on failure it is null and
        /// <paramref name="error"/> says which field is wrong and why.
        /// </summary>
        public static bool TryRead(byte[] utf8Json, int count, [NotNullWhen(true)] out DeviceConfiguration? configuration, out string error)
        {
            configuration = null;
            if (utf8Json == null || count < 0 || count > utf8Json.Length)
            {
                error = "no configuration data";
                return false;
            }

            if (count > ConfigurationLimits.MaxDocumentBytes)
            {
                error = "the configuration is larger than " + ConfigurationLimits.MaxDocumentBytes.ToString() + " bytes";
                return false;
            }

            JsonNode? root;
            if (!JsonParser.TryParse(utf8Json, count, out root, out error))
            {
                return false;
            }

            if (root.Kind != JsonKind.Object)
            {
                error = "the configuration must be a JSON object";
                return false;
            }

            var fields = new ConfigurationFields();
            if (!ReadHeader(root, fields))
            {
                error = fields.Error ?? string.Empty;
                return false;
            }

            var result = new DeviceConfiguration();
            fields.RejectUnknown(root, string.Empty, RootFields);
            ReadIdentity(root, fields, result);
            ReadBroker(root, fields, result);
            ReadWifi(root, fields, result);
            ReadPins(root, fields, result);
            ReadCounting(root, fields, result);
            ReadDisclosure(root, fields, result);
            if (fields.Failed)
            {
                error = fields.Error ?? string.Empty;
                return false;
            }

            // Belt and braces: the engine's own checks must agree with the bundle's limits.
            string inner;
            DeviceSettings settings = result.ToDeviceSettings();
            if (!settings.TryValidate(out inner))
            {
                error = "the engine rejects the configuration: " + inner;
                return false;
            }

            configuration = result;
            error = string.Empty;
            return true;
        }

        /// <summary>format and version come first, so a file of another kind or version gets a message about that.</summary>
        private static bool ReadHeader(JsonNode root, ConfigurationFields fields)
        {
            JsonNode? format = root.Find("format");
            if (format == null || format.Kind != JsonKind.String || format.Text != ConfigurationLimits.FormatName)
            {
                fields.Fail("format", "must be \"" + ConfigurationLimits.FormatName + "\": this is not an EdgeSensor device configuration");
                return false;
            }

            int version = fields.Integer(root, string.Empty, "version", int.MinValue, int.MaxValue, "must be 2 (this firmware reads version 2 bundles)");
            if (fields.Failed)
            {
                return false;
            }

            if (version == 1)
            {
                fields.Fail("version", "is 1: a version 1 bundle has no Wi-Fi settings; re-provision the device with 'edgesensor provision', which writes version 2");
                return false;
            }

            if (version != ConfigurationLimits.Version)
            {
                fields.Fail("version", "must be 2 (this firmware reads version 2 bundles; this one is version " + version.ToString() + ")");
                return false;
            }

            return true;
        }

        private static void ReadIdentity(JsonNode root, ConfigurationFields fields, DeviceConfiguration result)
        {
            string? deviceIdText = fields.String(root, string.Empty, "deviceId");
            ulong deviceId;
            if (!fields.Failed && !TextRules.TryParseDeviceId(deviceIdText, out deviceId))
            {
                fields.Fail("deviceId", "must be 16 lowercase hex digits, not all zero");
            }
            else
            {
                TextRules.TryParseDeviceId(deviceIdText, out deviceId);
                result.DeviceId = deviceId;
            }

            string? site = fields.String(root, string.Empty, "site");
            if (!fields.Failed && !TextRules.IsSite(site))
            {
                fields.Fail("site", "must be 1..64 characters of a-z, 0-9, '-', '_'");
            }

            result.Site = site ?? string.Empty;
            JsonNode? rootKeyNode = root.Find("rootKey");
            if (!fields.Failed && rootKeyNode != null && rootKeyNode.Kind == JsonKind.Null)
            {
                // Removed by the device once its store held the key (RootKeyRemoval); NodeStarter accepts
                // this only together with a provisioned store.
                result.RootKey = new byte[0];
                result.RootKeyRemoved = true;
            }
            else
            {
                ReadRootKey(root, fields, result);
            }

            string? topic = fields.String(root, string.Empty, "topic");
            if (!fields.Failed && topic != "edgesensor/" + site + "/" + deviceIdText + "/report")
            {
                fields.Fail("topic", "must be edgesensor/<site>/<deviceId>/report");
            }

            result.Topic = topic ?? string.Empty;
        }

        private static void ReadRootKey(JsonNode root, ConfigurationFields fields, DeviceConfiguration result)
        {
            string? rootKeyText = fields.String(root, string.Empty, "rootKey");
            byte[]? rootKey;
            if (!fields.Failed && !TextRules.TryDecodeRootKey(rootKeyText, out rootKey))
            {
                fields.Fail("rootKey", "must be base64 of 32 bytes (44 characters ending in '='), not all zero");
            }
            else
            {
                result.RootKey = TextRules.TryDecodeRootKey(rootKeyText, out rootKey) ? rootKey : new byte[0];
            }
        }

        private static void ReadDisclosure(JsonNode root, ConfigurationFields fields, DeviceConfiguration result)
        {
            const string P = "disclosure";
            JsonNode? node = fields.Object(root, string.Empty, P, new string[] { "mode", "suppressionThreshold", "epsilonMilli", "crossingsPerPerson", "dailyBudgetMilli", "releasePirActivity" });
            RejectRemoved(node, fields);
            string? mode = fields.String(node, P, "mode");
            if (!fields.Failed && mode != "none" && mode != "suppression" && mode != "differential-privacy")
            {
                fields.Fail("disclosure.mode", "must be none, suppression or differential-privacy");
            }

            int threshold = fields.Integer(node, P, "suppressionThreshold", 0, ConfigurationLimits.MaxSuppressionThreshold, "must be 0 or 2..100");
            if (threshold == 1)
            {
                fields.Fail("disclosure.suppressionThreshold", "must be 0 or 2..100");
            }

            int epsilon = fields.Integer(node, P, "epsilonMilli", 0, ConfigurationLimits.MaxEpsilonMilli, "must be 0 or 10..10000");
            if (epsilon > 0 && epsilon < ConfigurationLimits.MinEpsilonMilli)
            {
                fields.Fail("disclosure.epsilonMilli", "must be 0 or 10..10000");
            }

            // Optional: the contribution bound C of person-level differential privacy.
            int crossings = DisclosureSettings.DefaultContributionBound;
            if (node != null && node.Find("crossingsPerPerson") != null)
            {
                crossings = fields.Integer(node, P, "crossingsPerPerson", ConfigurationLimits.MinCrossingsPerPerson, ConfigurationLimits.MaxCrossingsPerPerson, "must be 1..100");
            }

            if (fields.Failed)
            {
                return;
            }

            var disclosure = new DisclosureSettings();
            if (mode == "none")
            {
                disclosure.Mode = DisclosureMode.None;
            }
            else if (mode == "suppression")
            {
                if (threshold == 0)
                {
                    fields.Fail("disclosure.suppressionThreshold", "must be 2..100 with mode suppression");
                }

                disclosure.Mode = DisclosureMode.SmallCountSuppression;
                disclosure.SuppressionThreshold = (ushort)threshold;
            }
            else
            {
                if (epsilon == 0)
                {
                    fields.Fail("disclosure.epsilonMilli", "must be 10..10000 with mode differential-privacy");
                }
                else if (result.WindowLengthSeconds < DisclosureSettings.MinPersonPrivacyWindowSeconds)
                {
                    // Every window is a noised cell: shorter windows add noise to every hourly sum.
                    fields.Fail("windowLengthSeconds", "must be at least 900 with disclosure.mode differential-privacy");
                }

                // Person-level differential privacy (mode 3): the per-window mode is no longer configurable.
                disclosure.Mode = DisclosureMode.PersonDifferentialPrivacy;
                disclosure.EpsilonMilli = (ushort)epsilon;
                disclosure.ContributionBound = (ushort)crossings;
            }

            result.Disclosure = disclosure;
        }

        /// <summary>Fields of earlier bundles whose meaning is gone: refused with what replaced them, never ignored.</summary>
        private static void RejectRemoved(JsonNode? node, ConfigurationFields fields)
        {
            if (fields.Failed || node == null)
            {
                return;
            }

            if (node.Find("dailyBudgetMilli") != null)
            {
                fields.Fail("disclosure.dailyBudgetMilli", "was removed: disclosure.epsilonMilli is now ε per person per 24 h budget period, with disclosure.crossingsPerPerson as the contribution bound");
            }
            else if (node.Find("releasePirActivity") != null)
            {
                fields.Fail("disclosure.releasePirActivity", "was removed: differential-privacy mode always withholds PIR activity (it carries no noise); use mode suppression or none to release it");
            }
        }
    }
}
