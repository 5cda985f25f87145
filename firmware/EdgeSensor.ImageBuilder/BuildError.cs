namespace EdgeSensor.ImageBuilder;

/// <summary>A reason the image cannot be built; printed in MSBuild's error format so the build fails on it.</summary>
internal sealed class BuildError(string code, string origin, string message) : Exception(message)
{
    public string Code { get; } = code;

    /// <summary>The file the error is about (MSBuild shows it as the error's location).</summary>
    public string Origin { get; } = origin;

    public string Format() => $"{Origin}: error {Code}: {Message}";
}

/// <summary>Error codes; docs/firmware.md (## Image) says what each means.</summary>
internal static class ErrorCodes
{
    public const string Unresolved = "NFIMG001";
    public const string VersionMismatch = "NFIMG002";
    public const string MetadataProcessor = "NFIMG003";
    public const string CoreLibraryDiffers = "NFIMG004";
    public const string ImageScan = "NFIMG005";
    public const string TooLarge = "NFIMG006";
    public const string Document = "NFIMG007";
    public const string FileAccess = "NFIMG008";
}
