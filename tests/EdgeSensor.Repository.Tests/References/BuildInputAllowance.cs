namespace EdgeSensor.Repository.Tests.References;

/// <summary>
/// The one use of a path outside the repository that is a build input, not a reference a reader follows:
/// the default location of the nanoFramework class libraries the firmware compiles against, which a
/// machine may provide beside the clone (overridable with NanoFrameworkKitDir).
/// </summary>
internal static class BuildInputAllowance
{
    public const string File = "firmware/build/NanoFramework.Libraries.props";

    /// <summary>The exact text allowed, on a non-comment line of <see cref="File"/>.</summary>
    public const string Text = "$(MSBuildThisFileDirectory)../../../shared/nanoframework-kit";

    public static bool Allows(string relativePath, string line, int matchIndex, int matchLength)
    {
        if (relativePath != File)
        {
            return false;
        }

        int at = line.IndexOf(Text, StringComparison.Ordinal);
        return at >= 0 && matchIndex >= at && matchIndex + matchLength <= at + Text.Length;
    }
}
