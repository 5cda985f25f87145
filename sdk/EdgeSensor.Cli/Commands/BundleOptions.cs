using System.CommandLine;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Provisioning;
using Defaults = EdgeSensor.Sdk.Provisioning.DeviceConfigurationDefaults;

namespace EdgeSensor.Cli.Commands;

/// <summary>
/// Options that describe a device configuration bundle v2 (provision, devices rotate). Passwords never come
/// from an argument (it would show in the process list): the Wi-Fi password from
/// <see cref="WifiPasswordVariable"/> or <c>--wifi-password-file</c>, the device's MQTT password from
/// <see cref="MqttPasswordVariable"/> or <c>--mqtt-password-file</c>.
/// </summary>
internal sealed class BundleOptions
{
    public const string WifiPasswordVariable = "EDGESENSOR_WIFI_PASSWORD";
    public const string MqttPasswordVariable = "EDGESENSOR_DEVICE_MQTT_PASSWORD";

    public Option<string> BrokerHost { get; } = new("--broker-host") { Description = "Broker host name (or IPv4 address) the device connects to.", Required = true };

    public Option<int> BrokerPort { get; } = new("--broker-port") { Description = "Broker port.", DefaultValueFactory = _ => Defaults.BrokerPort };

    public Option<bool> NoTls { get; } = new("--no-tls") { Description = "Device connects without TLS (test benches only)." };

    public Option<FileInfo?> CaFile { get; } = new("--ca-file") { Description = "PEM of the CA that signed the broker certificate; embedded in the bundle." };

    public Option<string?> MqttUser { get; } = new("--mqtt-username") { Description = "MQTT user name for the device (broker ACL)." };

    public Option<FileInfo?> MqttPasswordFile { get; } = new("--mqtt-password-file") { Description = $"File holding the device's MQTT password (first line). Default: ${MqttPasswordVariable}; none if neither is set." };

    public Option<string> WifiSsid { get; } = new("--wifi-ssid") { Description = "Wi-Fi network (SSID) the device joins.", Required = true };

    public Option<FileInfo?> WifiPasswordFile { get; } = new("--wifi-password-file") { Description = $"File holding the Wi-Fi password (first line). Default: ${WifiPasswordVariable}." };

    public Option<bool> WifiOpen { get; } = new("--wifi-open") { Description = "The Wi-Fi network is open (no password)." };

    public Option<int> SdaPin { get; } = new("--i2c-sda-pin") { Description = "GPIO of the ToF sensor's SDA.", DefaultValueFactory = _ => Defaults.I2cSdaPin };

    public Option<int> SclPin { get; } = new("--i2c-scl-pin") { Description = "GPIO of the ToF sensor's SCL.", DefaultValueFactory = _ => Defaults.I2cSclPin };

    public Option<int> XshutPin { get; } = new("--tof-xshut-pin") { Description = "GPIO of the ToF sensor's XSHUT; -1 = not wired.", DefaultValueFactory = _ => Defaults.TofXshutPin };

    public Option<int> InterruptPin { get; } = new("--tof-interrupt-pin") { Description = "GPIO of the ToF sensor's GPIO1 (interrupt); -1 = not wired.", DefaultValueFactory = _ => Defaults.TofInterruptPin };

    public Option<int> PirPin { get; } = new("--pir-pin") { Description = "GPIO of the PIR output; -1 = no PIR.", DefaultValueFactory = _ => Defaults.PirPin };

    public Option<int> LedPin { get; } = new("--status-led-pin") { Description = "GPIO of a status LED; -1 = none.", DefaultValueFactory = _ => Defaults.StatusLedPin };

    public Option<int> MountHeight { get; } = new("--mount-height") { Description = "Sensor height above the floor in mm (2000..3500).", DefaultValueFactory = _ => Defaults.MountHeightMillimeters };

    public Option<int> TimingBudget { get; } = new("--timing-budget") { Description = "ToF timing budget in ms (20, 33, 50, 100, 200 or 500).", DefaultValueFactory = _ => Defaults.TimingBudgetMilliseconds };

    public Option<int> RoiWidth { get; } = new("--roi-width") { Description = "Width of each zone's region of interest in SPADs (4..16).", DefaultValueFactory = _ => Defaults.RoiWidth };

    public Option<int> RoiHeight { get; } = new("--roi-height") { Description = "Height of each zone's region of interest in SPADs (4..16).", DefaultValueFactory = _ => Defaults.RoiHeight };

    public Option<int> Zone0Center { get; } = new("--zone0-center") { Description = "Zone 0's ROI centre (VL53L1X SPAD number).", DefaultValueFactory = _ => Defaults.Zone0RoiCenter };

    public Option<int> Zone1Center { get; } = new("--zone1-center") { Description = "Zone 1's ROI centre (VL53L1X SPAD number).", DefaultValueFactory = _ => Defaults.Zone1RoiCenter };

    public Option<int> InsideZone { get; } = new("--inside-zone") { Description = "The zone on the inside (0 or 1): walking into it is an entry.", DefaultValueFactory = _ => Defaults.InsideZone };

    public Option<int> PirHold { get; } = new("--pir-hold") { Description = "The PIR module's measured hold time in ms (0..600000).", DefaultValueFactory = _ => Defaults.PirHoldMilliseconds };

    public Option<int> Window { get; } = new("--window") { Description = "Aggregation window in seconds (10..3600, divides a day).", DefaultValueFactory = _ => Defaults.WindowLengthSeconds };

    public Option<string> Disclosure { get; } = new Option<string>("--disclosure")
    {
        Description = "Disclosure control: suppression (counts 0..k-1 withheld), differential-privacy (noisy entries and exits, ε per person per 24 h) or none (needs --weaken-privacy).",
        DefaultValueFactory = _ => Defaults.DisclosureMode,
    }.AcceptOnlyFromAmong("none", "suppression", "differential-privacy");

    public Option<int> K { get; } = new("--threshold") { Description = "Small-count threshold k for suppression: counts 0..k-1 are withheld (2..100; below 5 needs --weaken-privacy).", DefaultValueFactory = _ => Defaults.SuppressionThreshold };

    public Option<double> Epsilon { get; } = new("--epsilon") { Description = "Differential privacy: ε per person per 24 h budget period (0.01..10; above 1 needs --weaken-privacy).", DefaultValueFactory = _ => Defaults.EpsilonMilli / 1000.0 };

    public Option<int> CrossingsPerPerson { get; } = new("--crossings-per-person") { Description = "Differential privacy: the most crossings one person is assumed to make per budget period (1..100; below 4 needs --weaken-privacy).", DefaultValueFactory = _ => Defaults.CrossingsPerPerson };

    public Option<bool> WeakenPrivacy { get; } = new("--weaken-privacy") { Description = "Confirm a disclosure setting weaker than the defaults (none, k below 5, ε above 1, fewer than 4 crossings); a warning is printed." };

    // Removed options: refused with what replaced them rather than "unrecognized", so old scripts get an answer.
    private readonly Option<string?> _dailyBudget = Removed<string?>("--daily-budget", "--daily-budget was removed: --epsilon is now ε per person per 24 h budget period (with --crossings-per-person as the contribution bound), so there is no daily budget to set.");

    private readonly Option<string?> _releasePir = Removed<string?>("--release-pir-activity", "--release-pir-activity was removed: differential-privacy mode always withholds PIR activity (it carries no noise); use --disclosure suppression to release it when no count is withheld.");

    public Option<FileInfo?> Out { get; } = new("--out", "-o") { Description = "Where to write the configuration bundle (default: ./<device id>.edgesensor.json)." };

    public Option<bool> Force { get; } = OutputPath.CreateForceOption();

    public void AddTo(Command command)
    {
        Option[] options =
        [
            BrokerHost, BrokerPort, NoTls, CaFile, MqttUser, MqttPasswordFile, WifiSsid, WifiPasswordFile, WifiOpen,
            SdaPin, SclPin, XshutPin, InterruptPin, PirPin, LedPin, MountHeight, TimingBudget, RoiWidth, RoiHeight,
            Zone0Center, Zone1Center, InsideZone, PirHold, Window, Disclosure, K, Epsilon, CrossingsPerPerson, WeakenPrivacy, Out, Force,
            _dailyBudget, _releasePir,
        ];
        foreach (Option option in options)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// Builds the bundle's settings from the options and checks them with a placeholder identity, before
    /// anything is written; <see cref="Write"/> then gives it the real device.
    /// </summary>
    /// <param name="parse">The command line.</param>
    /// <param name="context">Where secrets come from.</param>
    /// <param name="previous">The device's current bundle (<c>devices rotate --from</c>): its disclosure settings and
    /// window are kept unless an option sets them, so that rotating a key never changes a device's privacy by itself.</param>
    public DeviceConfigurationBundle Build(ParseResult parse, CliContext context, DeviceConfigurationBundle? previous = null)
    {
        bool Given(Option option) => parse.GetResult(option) is { Implicit: false };
        string mode = previous is null || Given(Disclosure) ? parse.GetValue(Disclosure)! : previous.Disclosure.Mode;
        bool dp = mode == "differential-privacy";
        int threshold = previous is null || Given(K) || previous.Disclosure.Mode != "suppression" ? parse.GetValue(K) : previous.Disclosure.SuppressionThreshold;
        int epsilonMilli = previous is null || Given(Epsilon) || previous.Disclosure.Mode != "differential-privacy" ? Milli(parse.GetValue(Epsilon), "--epsilon") : previous.Disclosure.EpsilonMilli;
        int crossings = previous is null || Given(CrossingsPerPerson) ? parse.GetValue(CrossingsPerPerson) : previous.Disclosure.CrossingsPerPerson;
        int window = previous is null || Given(Window) ? parse.GetValue(Window) : previous.WindowLengthSeconds;
        var bundle = new DeviceConfigurationBundle
        {
            Broker = new DeviceConfigurationBundle.BrokerSettings
            {
                Host = parse.GetValue(BrokerHost)!,
                Port = parse.GetValue(BrokerPort),
                Tls = !parse.GetValue(NoTls),
                CaCertificatePem = ReadCa(parse.GetValue(CaFile)),
                Username = parse.GetValue(MqttUser),
                Password = Secret(parse.GetValue(MqttPasswordFile), MqttPasswordVariable, context, "MQTT password"),
            },
            Wifi = new DeviceConfigurationBundle.WifiSettings { Ssid = parse.GetValue(WifiSsid)!, Password = WifiPassword(parse, context) },
            Pins = new DeviceConfigurationBundle.PinSettings
            {
                I2cSda = parse.GetValue(SdaPin),
                I2cScl = parse.GetValue(SclPin),
                TofXshut = parse.GetValue(XshutPin),
                TofInterrupt = parse.GetValue(InterruptPin),
                Pir = parse.GetValue(PirPin),
                StatusLed = parse.GetValue(LedPin),
            },
            MountHeightMillimeters = parse.GetValue(MountHeight),
            Zones = new DeviceConfigurationBundle.ZoneSettings
            {
                TimingBudgetMilliseconds = parse.GetValue(TimingBudget),
                RoiWidth = parse.GetValue(RoiWidth),
                RoiHeight = parse.GetValue(RoiHeight),
                Zone0RoiCenter = parse.GetValue(Zone0Center),
                Zone1RoiCenter = parse.GetValue(Zone1Center),
                InsideZone = parse.GetValue(InsideZone),
            },
            PirHoldMilliseconds = parse.GetValue(PirHold),
            WindowLengthSeconds = window,
            Disclosure = new DeviceConfigurationBundle.DisclosureSettings
            {
                Mode = mode,
                SuppressionThreshold = mode == "suppression" ? threshold : 0,
                EpsilonMilli = dp ? epsilonMilli : 0,
                CrossingsPerPerson = crossings,
            },
        };

        // A placeholder identity (never written) so that every other field is checked now.
        bundle.AssignDevice(new DeviceRecord(1, "placeholder", Enumerable.Repeat((byte)1, DeviceRecord.RootKeySizeBytes).ToArray(), DeviceStatus.Active));
        if (!bundle.TryValidate(out string? error))
        {
            throw new CliException($"Bundle: {error}.", ExitCodes.Usage);
        }

        // A weaker setting the device already has was confirmed when it was set; only a new one asks again.
        if (previous is null || !SameDisclosure(previous.Disclosure, bundle.Disclosure))
        {
            ConfirmWeakening(parse, bundle.Disclosure);
        }

        return bundle;
    }

    /// <summary>
    /// A disclosure setting weaker than the defaults is refused unless --weaken-privacy confirms it, and then it
    /// is named on stderr, so that nobody lowers the protection of the people counted by a typo or an old script.
    /// </summary>
    private void ConfirmWeakening(ParseResult parse, DeviceConfigurationBundle.DisclosureSettings disclosure)
    {
        string? weaker = DisclosurePolicy.Weakening(disclosure, DisclosureOptionText.Cli);
        if (weaker is null)
        {
            return;
        }

        if (!parse.GetValue(WeakenPrivacy))
        {
            throw new CliException($"{weaker}. This weakens privacy: pass --weaken-privacy to confirm.", ExitCodes.Usage);
        }

        TextWriter error = parse.InvocationConfiguration.Error;
        error.WriteLine($"Warning: {weaker} (--weaken-privacy).");
    }

    private static bool SameDisclosure(DeviceConfigurationBundle.DisclosureSettings a, DeviceConfigurationBundle.DisclosureSettings b) =>
        a.Mode == b.Mode && a.SuppressionThreshold == b.SuppressionThreshold && a.EpsilonMilli == b.EpsilonMilli && a.CrossingsPerPerson == b.CrossingsPerPerson;

    private static Option<T> Removed<T>(string name, string message)
    {
        var option = new Option<T>(name) { Hidden = true, Arity = ArgumentArity.ZeroOrOne };
        option.Validators.Add(result => result.AddError(message));
        return option;
    }

    /// <summary>
    /// Checks the explicit --out path before the key store changes (<see cref="OutputPath"/>); the default path,
    /// named after a device id not drawn yet, is checked in <see cref="Write"/>.
    /// </summary>
    public void CheckOut(ParseResult parse, string keyStorePath)
    {
        if (parse.GetValue(Out) is { } file)
        {
            OutputPath.Check(file.FullName, keyStorePath, parse.GetValue(Force));
        }
    }

    /// <summary>Gives the bundle the device's identity and writes it (mode 0600); returns the path.</summary>
    public string Write(ParseResult parse, DeviceConfigurationBundle bundle, DeviceRecord device, string keyStorePath)
    {
        bundle.AssignDevice(device);
        string requested = parse.GetValue(Out)?.FullName ?? $"{device.DeviceIdText}.edgesensor.json";
        string path = OutputPath.Check(requested, keyStorePath, parse.GetValue(Force));
        try
        {
            bundle.WriteTo(path);
        }
        catch (ArgumentException ex)
        {
            throw new CliException($"Bundle: {ex.Message}.", ExitCodes.Usage);
        }

        return path;
    }

    private string WifiPassword(ParseResult parse, CliContext context)
    {
        string? password = Secret(parse.GetValue(WifiPasswordFile), WifiPasswordVariable, context, "Wi-Fi password");
        bool open = parse.GetValue(WifiOpen);
        return (open, password) switch
        {
            (true, null) => string.Empty,
            (true, _) => throw new CliException($"--wifi-open and a Wi-Fi password (--wifi-password-file or ${WifiPasswordVariable}) exclude each other.", ExitCodes.Usage),
            (false, null) => throw new CliException($"Give the Wi-Fi password in ${WifiPasswordVariable} or --wifi-password-file F, or --wifi-open for an open network.", ExitCodes.Usage),
            (false, _) => password,
        };
    }

    /// <summary>A secret from a file (first line) or else an environment variable; null when neither is given.</summary>
    private static string? Secret(FileInfo? file, string variable, CliContext context, string what)
    {
        if (file is not null)
        {
            if (!file.Exists)
            {
                throw new CliException($"{what} file '{file.FullName}' not found.", ExitCodes.Usage);
            }

            string text = ReadAtMost(file, MaxSecretFileBytes, what);
            int end = text.IndexOfAny(['\r', '\n']);
            string secret = end < 0 ? text : text[..end];
            return secret.Length > 0 ? secret : throw new CliException($"{what} file '{file.FullName}' is empty.", ExitCodes.Usage);
        }

        string? value = context.Environment(variable);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static string? ReadCa(FileInfo? file)
    {
        if (file is null)
        {
            return null;
        }

        return file.Exists ? ReadAtMost(file, MaxCaFileBytes, "CA") : throw new CliException($"CA file '{file.FullName}' not found.", ExitCodes.Usage);
    }

    /// <summary>The largest password file read (only its first line is used).</summary>
    private const int MaxSecretFileBytes = 64 * 1024;

    /// <summary>The largest CA file read: the bundle's limit in characters, at up to four UTF-8 bytes each.</summary>
    private const int MaxCaFileBytes = DeviceConfigurationLimits.MaxCaCertificateLength * 4;

    /// <summary>A file's text, refused past <paramref name="limit"/> bytes without reading on (/dev/zero never ends).</summary>
    private static string ReadAtMost(FileInfo file, int limit, string what)
    {
        byte[] bytes = BoundedFile.ReadAtMost(file.FullName, limit)
            ?? throw new CliException($"{what} file '{file.FullName}' is larger than {limit} bytes.", ExitCodes.Usage);
        using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static int Milli(double value, string option) =>
        double.IsFinite(value) && value is >= 0 and <= 1_000_000
            ? (int)Math.Round(value * 1000)
            : throw new CliException($"{option} is out of range.", ExitCodes.Usage);
}
