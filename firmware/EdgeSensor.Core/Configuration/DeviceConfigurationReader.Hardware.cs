namespace EdgeSensor.Core.Configuration
{
    /// <summary>The network, pin and counting sections of the bundle.</summary>
    public static partial class DeviceConfigurationReader
    {
        private const string OutputPinRule = "must be a usable ESP32 GPIO that can drive an output (0..33 without 6..11, 20, 24, 28..31)";
        private const string InputPinRule = "must be a usable ESP32 GPIO (0..39 without 6..11, 20, 24, 28..31)";
        private const string NotWiredRule = " or -1 (not wired)";

        private static void ReadBroker(JsonNode root, ConfigurationFields fields, DeviceConfiguration result)
        {
            const string P = "broker";
            JsonNode? node = fields.Object(root, string.Empty, P, new string[] { "host", "port", "tls", "caCertificatePem", "username", "password" });
            string? host = fields.String(node, P, "host");
            if (!fields.Failed && !TextRules.IsHost(host))
            {
                fields.Fail("broker.host", "must be 1..253 characters of A-Z, a-z, 0-9, '.', '-' (a DNS name or IPv4 address)");
            }

            result.BrokerHost = host ?? string.Empty;
            result.BrokerPort = fields.Integer(node, P, "port", 1, 65535, "must be 1..65535");
            result.BrokerUseTls = fields.Boolean(node, P, "tls");
            string? ca = fields.OptionalString(node, P, "caCertificatePem");
            if (ca != null && !TextRules.IsCertificatePem(ca))
            {
                fields.Fail("broker.caCertificatePem", "must be a PEM certificate (ASCII, -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----, at most 16384 characters)");
            }
            else if (ca != null && !result.BrokerUseTls)
            {
                fields.Fail("broker.caCertificatePem", "needs broker.tls true");
            }

            result.BrokerCaCertificatePem = ca;
            string? username = fields.OptionalString(node, P, "username");
            if (username != null && !TextRules.IsPlainText(username, 1, ConfigurationLimits.MaxMqttCredentialLength))
            {
                fields.Fail("broker.username", "must be 1..256 characters without control characters");
            }

            result.MqttUsername = username;
            string? password = fields.OptionalString(node, P, "password");
            if (password != null && !TextRules.IsPlainText(password, 1, ConfigurationLimits.MaxMqttCredentialLength))
            {
                fields.Fail("broker.password", "must be 1..256 characters without control characters");
            }
            else if (password != null && username == null)
            {
                fields.Fail("broker.password", "needs broker.username (MQTT 3.1.1 section 3.1.2.9)");
            }

            result.MqttPassword = password;
        }

        private static void ReadWifi(JsonNode root, ConfigurationFields fields, DeviceConfiguration result)
        {
            const string P = "wifi";
            JsonNode? node = fields.Object(root, string.Empty, P, new string[] { "ssid", "password" });
            string? ssid = fields.String(node, P, "ssid");
            if (!fields.Failed && !TextRules.IsSsid(ssid))
            {
                fields.Fail("wifi.ssid", "must be 1..32 UTF-8 bytes without control characters");
            }

            result.WifiSsid = ssid ?? string.Empty;
            string? password = fields.String(node, P, "password");
            if (!fields.Failed && !TextRules.IsWifiPassword(password))
            {
                fields.Fail("wifi.password", "must be empty (open network), 8..63 printable ASCII characters or 64 hex digits");
            }

            result.WifiPassword = password ?? string.Empty;
        }

        private static void ReadPins(JsonNode root, ConfigurationFields fields, DeviceConfiguration result)
        {
            const string P = "pins";
            JsonNode? node = fields.Object(root, string.Empty, P, new string[] { "i2cSda", "i2cScl", "tofXshut", "tofInterrupt", "pir", "statusLed" });
            result.I2cDataPin = Pin(node, fields, "i2cSda", true, false);
            result.I2cClockPin = Pin(node, fields, "i2cScl", true, false);
            result.TofShutdownPin = Pin(node, fields, "tofXshut", true, true);
            result.TofInterruptPin = Pin(node, fields, "tofInterrupt", false, true);
            result.PirPin = Pin(node, fields, "pir", false, true);
            result.StatusLedPin = Pin(node, fields, "statusLed", true, true);
            if (fields.Failed)
            {
                return;
            }

            string[] names = new string[] { "i2cSda", "i2cScl", "tofXshut", "tofInterrupt", "pir", "statusLed" };
            int[] pins = new int[] { result.I2cDataPin, result.I2cClockPin, result.TofShutdownPin, result.TofInterruptPin, result.PirPin, result.StatusLedPin };
            for (int i = 1; i < pins.Length; i++)
            {
                for (int j = 0; j < i; j++)
                {
                    if (pins[i] != DeviceConfiguration.NotWired && pins[i] == pins[j])
                    {
                        fields.Fail("pins." + names[i], "uses GPIO" + pins[i].ToString() + ", already used by pins." + names[j]);
                        return;
                    }
                }
            }
        }

        private static int Pin(JsonNode? node, ConfigurationFields fields, string name, bool output, bool optional)
        {
            string rule = (output ? OutputPinRule : InputPinRule) + (optional ? NotWiredRule : string.Empty);
            int pin = fields.Integer(node, "pins", name, -1, ConfigurationLimits.MaxGpio, rule);
            if (fields.Failed)
            {
                return DeviceConfiguration.NotWired;
            }

            bool ok = pin == DeviceConfiguration.NotWired ? optional : (output ? Esp32Pins.CanOutput(pin) : Esp32Pins.IsUsable(pin));
            if (!ok)
            {
                fields.Fail("pins." + name, rule);
            }

            return pin;
        }

        private static void ReadCounting(JsonNode root, ConfigurationFields fields, DeviceConfiguration result)
        {
            result.MountHeightMillimeters = fields.Integer(root, string.Empty, "mountHeightMillimeters", ConfigurationLimits.MinMountHeightMillimeters, ConfigurationLimits.MaxMountHeightMillimeters, "must be 2000..3500");

            const string P = "zones";
            JsonNode? node = fields.Object(root, string.Empty, P, new string[] { "timingBudgetMilliseconds", "roiWidth", "roiHeight", "zone0RoiCenter", "zone1RoiCenter", "insideZone" });
            int budget = fields.Integer(node, P, "timingBudgetMilliseconds", 0, 1000, "must be 20, 33, 50, 100, 200 or 500");
            if (!fields.Failed && !ConfigurationLimits.IsTimingBudget(budget))
            {
                fields.Fail("zones.timingBudgetMilliseconds", "must be 20, 33, 50, 100, 200 or 500");
            }

            result.TimingBudgetMilliseconds = budget;
            int width = fields.Integer(node, P, "roiWidth", ConfigurationLimits.MinRoiSize, ConfigurationLimits.MaxRoiSize, "must be 4..16");
            int height = fields.Integer(node, P, "roiHeight", ConfigurationLimits.MinRoiSize, ConfigurationLimits.MaxRoiSize, "must be 4..16");
            result.ZoneRoiWidth = width;
            result.ZoneRoiHeight = height;
            result.Zone0RoiCenter = RoiCenter(node, fields, "zone0RoiCenter", width, height);
            result.Zone1RoiCenter = RoiCenter(node, fields, "zone1RoiCenter", width, height);
            if (!fields.Failed && result.Zone0RoiCenter == result.Zone1RoiCenter)
            {
                fields.Fail("zones.zone1RoiCenter", "must differ from zones.zone0RoiCenter");
            }

            result.InsideZone = fields.Integer(node, P, "insideZone", 0, 1, "must be 0 or 1");
            result.PirHoldMilliseconds = fields.Integer(root, string.Empty, "pirHoldMilliseconds", 0, ConfigurationLimits.MaxPirHoldMilliseconds, "must be 0..600000");
            int window = fields.Integer(root, string.Empty, "windowLengthSeconds", ConfigurationLimits.MinWindowLengthSeconds, ConfigurationLimits.MaxWindowLengthSeconds, "must be 10..3600 and divide 86400");
            if (!fields.Failed && 86400 % window != 0)
            {
                fields.Fail("windowLengthSeconds", "must be 10..3600 and divide 86400");
            }

            result.WindowLengthSeconds = window;
        }

        private static int RoiCenter(JsonNode? node, ConfigurationFields fields, string name, int width, int height)
        {
            int center = fields.Integer(node, "zones", name, 0, ConfigurationLimits.MaxSpadNumber, "must be a SPAD number 0..255");
            if (!fields.Failed && !SpadGrid.RoiFits(center, width, height))
            {
                fields.Fail("zones." + name, "does not fit: a roiWidth x roiHeight region centred on this SPAD leaves the 16x16 array");
            }

            return center;
        }
    }
}
