using System.Text.Json.Serialization;

namespace EdgeSensor.Sdk.KeyStore;

/// <summary>Source-generated JSON metadata for the key store's two layers.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KeyStoreEnvelope))]
[JsonSerializable(typeof(KeyStoreContents))]
internal sealed partial class KeyStoreJson : JsonSerializerContext
{
}
