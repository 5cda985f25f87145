using System.Text.Json.Serialization;

namespace EdgeSensor.Sdk.Provisioning;

/// <summary>
/// Source-generated JSON metadata for the bundle: strict reading (unknown members and nulls in non-nullable
/// members are errors; required members are marked), indented writing without null members.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    MaxDepth = 8)]
[JsonSerializable(typeof(DeviceConfigurationBundle))]
[JsonSerializable(typeof(DeviceConfigurationBundleV1))]
internal sealed partial class BundleJson : JsonSerializerContext
{
}
