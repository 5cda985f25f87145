using System.CommandLine;
using EdgeSensor.Sdk.Keys;

namespace EdgeSensor.Cli.Commands;

/// <summary>Options that describe a device configuration bundle (provision, devices rotate).</summary>
internal sealed class BundleOptions
{
    public Option<string> BrokerHost { get; } = new("--broker-host") { Description = "Broker host name the device connects to.", Required = true };

    public Option<int> BrokerPort { get; } = new("--broker-port") { Description = "Broker port.", DefaultValueFactory = _ => 8883 };

    public Option<bool> NoTls { get; } = new("--no-tls") { Description = "Device connects without TLS (test benches only)." };

    public Option<FileInfo?> CaFile { get; } = new("--ca-file") { Description = "PEM of the CA that signed the broker certificate; embedded in the bundle." };

    public Option<string?> MqttUser { get; } = new("--mqtt-username") { Description = "MQTT user name for the device (broker ACL)." };

    public Option<int> Window { get; } = new("--window") { Description = "Aggregation window in seconds (10..3600, divides a day).", DefaultValueFactory = _ => 60 };

    public Option<string> Disclosure { get; } = new Option<string>("--disclosure") { Description = "Disclosure control per window.", DefaultValueFactory = _ => "none" }
        .AcceptOnlyFromAmong("none", "suppression", "differential-privacy");

    public Option<int> K { get; } = new("--threshold") { Description = "Small-count threshold k for suppression: counts below k are withheld (2..100).", DefaultValueFactory = _ => 5 };

    public Option<double> Epsilon { get; } = new("--epsilon") { Description = "Differential-privacy epsilon per window (0.01..10).", DefaultValueFactory = _ => 1.0 };

    public Option<double> DailyBudget { get; } = new("--daily-budget") { Description = "Daily epsilon budget; 0 = none.", DefaultValueFactory = _ => 0 };

    public Option<FileInfo?> Out { get; } = new("--out", "-o") { Description = "Where to write the configuration bundle (default: ./<device id>.edgesensor.json)." };

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { BrokerHost, BrokerPort, NoTls, CaFile, MqttUser, Window, Disclosure, K, Epsilon, DailyBudget, Out })
        {
            command.Options.Add(option);
        }
    }

    public string WriteBundle(ParseResult parse, DeviceRecord device)
    {
        string mode = parse.GetValue(Disclosure)!;
        var disclosure = new DeviceConfigurationBundle.DisclosureSettings
        {
            Mode = mode,
            SuppressionThreshold = mode == "suppression" ? parse.GetValue(K) : 0,
            EpsilonMilli = mode == "differential-privacy" ? (int)Math.Round(parse.GetValue(Epsilon) * 1000) : 0,
            DailyBudgetMilli = mode == "differential-privacy" ? (int)Math.Round(parse.GetValue(DailyBudget) * 1000) : 0,
        };
        FileInfo? ca = parse.GetValue(CaFile);
        var broker = new DeviceConfigurationBundle.BrokerSettings
        {
            Host = parse.GetValue(BrokerHost)!,
            Port = parse.GetValue(BrokerPort),
            Tls = !parse.GetValue(NoTls),
            CaCertificatePem = ca is null ? null : File.ReadAllText(ca.FullName),
            Username = parse.GetValue(MqttUser),
        };
        DeviceConfigurationBundle bundle;
        try
        {
            bundle = DeviceConfigurationBundle.For(device, broker, parse.GetValue(Window), disclosure);
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Usage);
        }

        string path = parse.GetValue(Out)?.FullName ?? Path.GetFullPath($"{device.DeviceIdText}.edgesensor.json");
        bundle.WriteTo(path);
        return path;
    }

    /// <summary>Checks the bundle settings before anything is written.</summary>
    public void Validate(ParseResult parse)
    {
        var probe = new DeviceRecord(1, "probe", new byte[32], DeviceStatus.Active);
        string mode = parse.GetValue(Disclosure)!;
        try
        {
            _ = DeviceConfigurationBundle.For(
                probe,
                new DeviceConfigurationBundle.BrokerSettings { Host = parse.GetValue(BrokerHost)!, Port = parse.GetValue(BrokerPort) },
                parse.GetValue(Window),
                new DeviceConfigurationBundle.DisclosureSettings
                {
                    Mode = mode,
                    SuppressionThreshold = parse.GetValue(K),
                    EpsilonMilli = (int)Math.Round(parse.GetValue(Epsilon) * 1000),
                    DailyBudgetMilli = (int)Math.Round(parse.GetValue(DailyBudget) * 1000),
                });
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Usage);
        }

        if (parse.GetValue(CaFile) is { Exists: false } missing)
        {
            throw new CliException($"CA file '{missing.FullName}' not found.", ExitCodes.Usage);
        }
    }
}
