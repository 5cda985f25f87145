namespace EdgeSensor.NanoCheck;

/// <summary>One thing the nanoFramework runtime or its metadata processor would reject.</summary>
/// <param name="Rule">Stable rule id (NANO001...), listed in README.md.</param>
/// <param name="Message">What is wrong and why the device rejects it.</param>
/// <param name="TypeName">The type it was found in (full name), or null for assembly-level findings.</param>
/// <param name="MemberName">The member it was found in, or null.</param>
/// <param name="Location">Source file and line from the portable PDB, when there is one.</param>
internal sealed record Finding(string Rule, string Message, string? TypeName, string? MemberName, SourceLocation? Location)
{
    /// <summary>MSBuild's canonical error format, so the build lists the finding as an error at its file.</summary>
    public string Format(string assemblyPath)
    {
        var origin = Location is { } l ? $"{l.File}({l.Line},1)" : assemblyPath;
        var where = TypeName is null ? "" : MemberName is null ? $" [{TypeName}]" : $" [{TypeName}::{MemberName}]";
        return $"{origin}: error {Rule}: {Message}{where}";
    }
}

/// <summary>A source file and line.</summary>
internal readonly record struct SourceLocation(string File, int Line);
