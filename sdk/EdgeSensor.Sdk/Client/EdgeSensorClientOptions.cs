using System.Security.Cryptography.X509Certificates;
using EdgeSensor.Sdk.Topics;

namespace EdgeSensor.Sdk.Client;

/// <summary>How <c>EdgeSensorClient</c> connects, what it subscribes to and how it buffers.</summary>
public sealed class EdgeSensorClientOptions
{
    /// <summary>Broker host name or address.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>Broker port; 0 picks 8883 with TLS and 1883 without.</summary>
    public int Port { get; set; }

    /// <summary>Connect with TLS (1.2 or 1.3).</summary>
    public bool UseTls { get; set; }

    /// <summary>PEM file of the CA that signed the broker certificate; when set, only that CA is trusted.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>The broker's CA certificate(s) in memory; alternative to <see cref="CaCertificatePath"/>.</summary>
    public X509Certificate2Collection? TrustedCaCertificates { get; set; }

    /// <summary>Client certificate (with private key) for mutual TLS.</summary>
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>PEM file of the client certificate for mutual TLS (with <see cref="ClientKeyPath"/>).</summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>PEM file of the client certificate's private key.</summary>
    public string? ClientKeyPath { get; set; }

    /// <summary>MQTT user name.</summary>
    public string? Username { get; set; }

    /// <summary>MQTT password. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>MQTT client id; unique per consumer process. Default: <c>edgesensor-</c> plus a random suffix.</summary>
    public string ClientId { get; set; } = "edgesensor-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Sites to subscribe to. With neither sites nor devices, every site is subscribed.</summary>
    public IList<string> Sites { get; } = new List<string>();

    /// <summary>Individual devices to subscribe to (any site).</summary>
    public IList<ulong> DeviceIds { get; } = new List<ulong>();

    /// <summary>
    /// MQTT v5 shared subscription group: consumers with the same group split the reports between
    /// them (each report goes to one of them). <see langword="null"/> for a plain subscription.
    /// </summary>
    public string? SharedGroup { get; set; }

    /// <summary>Reports buffered between the network and the reader, 1..1,000,000 (default 4096).</summary>
    public int BufferCapacity { get; set; } = 4096;

    /// <summary>What happens when the buffer is full.</summary>
    public BackPressureMode BackPressure { get; set; } = BackPressureMode.Wait;

    /// <summary>First reconnect delay (then doubling, with jitter).</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest reconnect delay.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>MQTT keep-alive.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one connect attempt.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the broker keeps this consumer's session (subscriptions and unacknowledged QoS 1
    /// messages) after a disconnect, in seconds; 0 for a clean session each time. Default one hour,
    /// so a reconnect resumes where it stopped.
    /// </summary>
    public uint SessionExpirySeconds { get; set; } = 3600;

    /// <summary>Effective port.</summary>
    public int EffectivePort => Port != 0 ? Port : UseTls ? 8883 : 1883;

    /// <summary>Checks the options; returns the problems found (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host))
        {
            errors.Add("Host is required.");
        }

        if (Port is < 0 or > 65535)
        {
            errors.Add("Port must be 0..65535.");
        }

        if (string.IsNullOrWhiteSpace(ClientId) || ClientId.Length > 64)
        {
            errors.Add("ClientId must be 1..64 characters.");
        }

        foreach (string site in Sites)
        {
            if (!ReportTopics.IsValidSite(site))
            {
                errors.Add($"Site '{site}' is not valid: 1..64 characters of a-z, 0-9, '-' and '_'.");
            }
        }

        if (SharedGroup is not null && !ReportTopics.IsValidSite(SharedGroup))
        {
            errors.Add("SharedGroup must be 1..64 characters of a-z, 0-9, '-' and '_'.");
        }

        if (BufferCapacity is < 1 or > 1_000_000)
        {
            errors.Add("BufferCapacity must be 1..1000000.");
        }

        if (ReconnectMinDelay <= TimeSpan.Zero || ReconnectMaxDelay < ReconnectMinDelay)
        {
            errors.Add("Reconnect delays must be positive with ReconnectMaxDelay >= ReconnectMinDelay.");
        }

        if (ConnectTimeout <= TimeSpan.Zero || KeepAlive < TimeSpan.Zero)
        {
            errors.Add("ConnectTimeout must be positive and KeepAlive not negative.");
        }

        bool anyTlsSetting = CaCertificatePath is not null || TrustedCaCertificates is not null || ClientCertificate is not null || ClientCertificatePath is not null;
        if (anyTlsSetting && !UseTls)
        {
            errors.Add("Certificates are set but UseTls is false.");
        }

        if ((ClientCertificatePath is null) != (ClientKeyPath is null))
        {
            errors.Add("ClientCertificatePath and ClientKeyPath go together.");
        }

        if (Password is not null && Username is null)
        {
            errors.Add("A password needs a Username.");
        }

        return errors;
    }

    /// <summary>The topic filters this configuration subscribes to (shared-group prefix applied).</summary>
    public IReadOnlyList<string> TopicFilters()
    {
        var filters = new List<string>();
        foreach (string site in Sites)
        {
            filters.Add(ReportTopics.ForSite(site));
        }

        foreach (ulong id in DeviceIds)
        {
            filters.Add(ReportTopics.ForDeviceAnySite(id));
        }

        if (filters.Count == 0)
        {
            filters.Add(ReportTopics.AllSites);
        }

        return SharedGroup is null ? filters : filters.Select(f => ReportTopics.Shared(SharedGroup, f)).ToArray();
    }
}
