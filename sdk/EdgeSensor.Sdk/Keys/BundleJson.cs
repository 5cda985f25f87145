using System.Text.Json.Serialization;

namespace EdgeSensor.Sdk.Keys;

/// <summary>Source-generated JSON metadata for the bundle.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeviceConfigurationBundle))]
internal sealed partial class BundleJson : JsonSerializerContext
{
}
