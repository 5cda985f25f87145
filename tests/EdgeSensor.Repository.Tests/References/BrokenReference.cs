namespace EdgeSensor.Repository.Tests.References;

/// <summary>A link, path or mention at <paramref name="File"/>:<paramref name="Line"/> that does not resolve inside the repository.</summary>
/// <param name="File">Repository-relative path with forward slashes.</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Reference">The text as written.</param>
/// <param name="Reason">Why it does not resolve, and what to use instead where that is known.</param>
internal sealed record BrokenReference(string File, int Line, string Reference, string Reason)
{
    public override string ToString() => $"{File}:{Line}: '{Reference}': {Reason}";
}
