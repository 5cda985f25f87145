using System.Text.Json;
using System.Text.Json.Serialization;
using EdgeSensor.Sdk.Tests.TestSupport;

namespace EdgeSensor.Sdk.Tests.Vectors;

/// <summary>One wire-format v1 test vector as stored in tests/vectors/wire-v1/*.json (see the README there).</summary>
public sealed record WireVector
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>"Accepted" or the name of the expected rejection reason.</summary>
    public required string Expect { get; init; }

    /// <summary>Whether the firmware core seals exactly this payload (flag 0x01 in modes 1 and 3, else none; valid values).</summary>
    public required bool CoreCanSeal { get; init; }

    /// <summary>The device the receiver's key store knows: 16 lowercase hex digits.</summary>
    public required string DeviceId { get; init; }

    /// <summary>That device's root key, hex.</summary>
    public required string RootKey { get; init; }

    public uint? Epoch { get; init; }

    public ulong? Sequence { get; init; }

    public string? ChainKey { get; init; }

    public string? AeadKey { get; init; }

    public string? Nonce { get; init; }

    public string? Aad { get; init; }

    public string? Body { get; init; }

    public BodyValues? Report { get; init; }

    public required string Payload { get; init; }

    [JsonIgnore]
    public ulong DeviceIdValue => Convert.ToUInt64(DeviceId, 16);

    [JsonIgnore]
    public byte[] RootKeyBytes => Convert.FromHexString(RootKey);

    [JsonIgnore]
    public byte[] PayloadBytes => Convert.FromHexString(Payload);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "vectors", "wire-v1");

    public static IReadOnlyList<WireVector> LoadAll()
    {
        var vectors = Directory.GetFiles(Folder, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => JsonSerializer.Deserialize<WireVector>(File.ReadAllText(path), JsonOptions)!)
            .ToList();
        Assert.IsTrue(vectors.Count >= 10, $"expected the wire-v1 vectors in {Folder}");
        return vectors;
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions) + "\n";
}
