using System.Text.Json.Serialization;

namespace EdgeSensor.Sdk.KeyStore;

/// <summary>The decrypted device list.</summary>
internal sealed class KeyStoreContents
{
    [JsonPropertyName("devices")]
    public List<KeyStoreDevice> Devices { get; set; } = [];
}
