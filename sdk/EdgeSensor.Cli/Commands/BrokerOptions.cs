using System.CommandLine;
using EdgeSensor.Sdk.Client;

namespace EdgeSensor.Cli.Commands;

/// <summary>Connection and subscription options shared by <c>tail</c> and <c>store</c>.</summary>
internal sealed class BrokerOptions
{
    public Option<string> Host { get; } = new("--host") { Description = "Broker host.", DefaultValueFactory = _ => "localhost" };

    public Option<int> Port { get; } = new("--port") { Description = "Broker port (default 8883 with --tls, else 1883)." };

    public Option<bool> Tls { get; } = new("--tls") { Description = "Connect with TLS." };

    public Option<FileInfo?> CaFile { get; } = new("--ca-file") { Description = "PEM of the CA that signed the broker certificate (implies --tls)." };

    public Option<FileInfo?> CertFile { get; } = new("--cert-file") { Description = "Client certificate PEM for mutual TLS (with --key-file)." };

    public Option<FileInfo?> KeyFile { get; } = new("--key-file") { Description = "Client private key PEM for mutual TLS." };

    public Option<string?> Username { get; } = new("--username", "-u") { Description = "MQTT user name; the password comes from $EDGESENSOR_MQTT_PASSWORD." };

    public Option<string[]> Sites { get; } = new("--site", "-s") { Description = "Site to subscribe to (repeatable; default: all sites).", AllowMultipleArgumentsPerToken = false };

    public Option<string[]> Devices { get; } = new("--device", "-d") { Description = "Device id to subscribe to (repeatable)." };

    public Option<string?> Group { get; } = new("--group", "-g") { Description = "MQTT v5 shared-subscription group: consumers with the same group split the reports." };

    public Option<string?> ClientId { get; } = new("--client-id") { Description = "MQTT client id (keep it stable to resume the broker session)." };

    public Option<int> Count { get; } = new("--count", "-n") { Description = "Stop after this many reports (0 = run until Ctrl+C)." };

    public Option<TimeSpan?> Duration { get; } = new("--duration") { Description = $"Stop after this long ({DurationArgument.Examples}).", CustomParser = DurationArgument.Parse };

    public void AddTo(Command command)
    {
        // Bad numbers are usage errors at parse time, never a stack trace later (a negative --duration once threw).
        Count.Validators.Add(result =>
        {
            if (TryGet(result, out int count) && count < 0)
            {
                result.AddError("--count must be 0 (no limit) or a positive number of reports.");
            }
        });
        Duration.Validators.Add(result =>
        {
            if (TryGet(result, out TimeSpan? duration) && duration is { } value && (value <= TimeSpan.Zero || value.TotalMilliseconds > int.MaxValue))
            {
                result.AddError($"--duration must be positive and at most 24 days ({DurationArgument.Examples}).");
            }
        });
        Port.Validators.Add(result =>
        {
            if (TryGet(result, out int port) && port is < 0 or > 65535)
            {
                result.AddError("--port must be 1..65535.");
            }
        });
        foreach (Option option in new Option[] { Host, Port, Tls, CaFile, CertFile, KeyFile, Username, Sites, Devices, Group, ClientId, Count, Duration })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// The option's value, or false when its token does not convert (e.g. "--count x"): the parser reports that
    /// itself, and GetValueOrDefault would throw out of the validator instead.
    /// </summary>
    private static bool TryGet<T>(System.CommandLine.Parsing.OptionResult result, out T value)
    {
        try
        {
            value = result.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }

    public EdgeSensorClientOptions Build(ParseResult parse, CliContext context)
    {
        var options = new EdgeSensorClientOptions
        {
            Host = parse.GetValue(Host)!,
            Port = parse.GetValue(Port),
            UseTls = parse.GetValue(Tls) || parse.GetValue(CaFile) is not null || parse.GetValue(CertFile) is not null,
            CaCertificatePath = parse.GetValue(CaFile)?.FullName,
            ClientCertificatePath = parse.GetValue(CertFile)?.FullName,
            ClientKeyPath = parse.GetValue(KeyFile)?.FullName,
            Username = parse.GetValue(Username),
            SharedGroup = parse.GetValue(Group),
        };
        if (options.Username is not null)
        {
            options.Password = context.Environment("EDGESENSOR_MQTT_PASSWORD");
        }

        if (parse.GetValue(ClientId) is { } clientId)
        {
            options.ClientId = clientId;
        }

        foreach (string site in parse.GetValue(Sites) ?? [])
        {
            options.Sites.Add(site);
        }

        foreach (string device in parse.GetValue(Devices) ?? [])
        {
            options.DeviceIds.Add(DevicesCommand.ParseId(device));
        }

        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new CliException(string.Join(" ", errors), ExitCodes.Usage);
        }

        return options;
    }

    /// <summary>A token cancelled by Ctrl+C (the action's token), --duration, or never.</summary>
    public CancellationTokenSource StopAfter(ParseResult parse, CancellationToken cancellationToken)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (parse.GetValue(Duration) is { } duration)
        {
            cts.CancelAfter(duration);
        }

        return cts;
    }
}
