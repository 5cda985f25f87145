using System.Reflection;

namespace EdgeSensor.NanoCheck;

/// <summary>
/// One assembly a checked assembly may reference. A simple name ("mscorlib") allows any version of it; a full
/// identity ("System.Net, Version=1.11.60.0, Culture=neutral, PublicKeyToken=...", as MSBuild's resolved
/// references carry it) also pins the version and the public key token, so a same-named assembly from another
/// framework (the .NET System.Net, 4.0.0.0, Microsoft's key) is still reported.
/// </summary>
internal sealed class AllowedReference
{
    private AllowedReference(string name, Version? version, byte[]? publicKeyToken)
    {
        Name = name;
        Version = version;
        PublicKeyToken = publicKeyToken;
    }

    public string Name { get; }

    /// <summary>Required version, or null when any version is allowed.</summary>
    public Version? Version { get; }

    /// <summary>Required token (empty = unsigned), or null when any key is allowed.</summary>
    public byte[]? PublicKeyToken { get; }

    /// <summary>Parses a simple name or a full assembly identity; false (with the reason) when it is neither.</summary>
    public static bool TryParse(string text, out AllowedReference? reference, out string? error)
    {
        reference = null;
        error = null;
        AssemblyName parsed;
        try
        {
            parsed = new AssemblyName(text);
        }
        catch (Exception e) when (e is FileLoadException or ArgumentException)
        {
            error = $"'{text}' is not an assembly name ({e.Message})";
            return false;
        }
        if (string.IsNullOrEmpty(parsed.Name))
        {
            error = $"'{text}' names no assembly";
            return false;
        }
        reference = new AllowedReference(parsed.Name, parsed.Version, parsed.GetPublicKeyToken());
        return true;
    }

    /// <summary>Parses or throws <see cref="ArgumentException"/>: for names given in code.</summary>
    public static AllowedReference Parse(string text) =>
        TryParse(text, out var reference, out var error) ? reference! : throw new ArgumentException(error, nameof(text));

    /// <summary>Whether a reference with this identity is allowed by this entry.</summary>
    public bool Allows(string name, Version version, byte[] publicKeyToken) =>
        string.Equals(Name, name, StringComparison.Ordinal)
        && (Version is null || Version == version)
        && (PublicKeyToken is null || PublicKeyToken.AsSpan().SequenceEqual(publicKeyToken));

    public override string ToString() => Version is null && PublicKeyToken is null
        ? Name
        : $"{Name}, Version={Version?.ToString() ?? "any"}, PublicKeyToken={Token(PublicKeyToken)}";

    /// <summary>A token as the .NET identity format writes it ("null" for an unsigned assembly).</summary>
    public static string Token(byte[]? token) =>
        token is null ? "any" : token.Length == 0 ? "null" : Convert.ToHexStringLower(token);
}
