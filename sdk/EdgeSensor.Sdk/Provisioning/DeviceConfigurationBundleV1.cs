using System.Text.Json.Serialization;

namespace EdgeSensor.Sdk.Provisioning;

/// <summary>The version 1 bundle as it was written (read only, to map it to version 2).</summary>
internal sealed class DeviceConfigurationBundleV1
{
    [JsonPropertyName("format")]
    [JsonRequired]
    public string Format { get; set; } = string.Empty;

    [JsonPropertyName("version")]
    [JsonRequired]
    public int Version { get; set; }

    [JsonPropertyName("deviceId")]
    [JsonRequired]
    public string DeviceId { get; set; } = string.Empty;

    [JsonPropertyName("site")]
    [JsonRequired]
    public string Site { get; set; } = string.Empty;

    [JsonPropertyName("rootKey")]
    [JsonRequired]
    public string RootKey { get; set; } = string.Empty;

    [JsonPropertyName("broker")]
    [JsonRequired]
    public BrokerV1 Broker { get; set; } = new();

    [JsonPropertyName("topic")]
    [JsonRequired]
    public string Topic { get; set; } = string.Empty;

    [JsonPropertyName("windowLengthSeconds")]
    [JsonRequired]
    public int WindowLengthSeconds { get; set; }

    [JsonPropertyName("disclosure")]
    [JsonRequired]
    public DisclosureV1 Disclosure { get; set; } = new();

    internal sealed class BrokerV1
    {
        [JsonPropertyName("host")]
        [JsonRequired]
        public string Host { get; set; } = string.Empty;

        [JsonPropertyName("port")]
        [JsonRequired]
        public int Port { get; set; }

        [JsonPropertyName("tls")]
        [JsonRequired]
        public bool Tls { get; set; }

        [JsonPropertyName("caCertificatePem")]
        public string? CaCertificatePem { get; set; }

        [JsonPropertyName("username")]
        public string? Username { get; set; }
    }

    internal sealed class DisclosureV1
    {
        [JsonPropertyName("mode")]
        [JsonRequired]
        public string Mode { get; set; } = string.Empty;

        [JsonPropertyName("suppressionThreshold")]
        [JsonRequired]
        public int SuppressionThreshold { get; set; }

        [JsonPropertyName("epsilonMilli")]
        [JsonRequired]
        public int EpsilonMilli { get; set; }

        [JsonPropertyName("dailyBudgetMilli")]
        [JsonRequired]
        public int DailyBudgetMilli { get; set; }
    }
}
