using System.Text.Json.Serialization;

namespace EdgeSensor.Sdk.KeyStore;

/// <summary>One device in the decrypted list.</summary>
internal sealed class KeyStoreDevice
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    [JsonPropertyName("site")]
    public string Site { get; set; } = string.Empty;

    [JsonPropertyName("rootKey")]
    public string RootKey { get; set; } = string.Empty;

    [JsonPropertyName("status")]
    public string Status { get; set; } = "active";

    [JsonPropertyName("createdUtc")]
    public DateTimeOffset CreatedUtc { get; set; }

    [JsonPropertyName("changedUtc")]
    public DateTimeOffset ChangedUtc { get; set; }
}
