namespace EdgeSensor.Repository.Tests.References;

/// <summary>How a file is read: which parts are prose a reader follows, which are code.</summary>
internal enum SourceKind
{
    /// <summary>Markdown: prose, links and code spans are checked; fenced blocks only for outside mentions.</summary>
    Markdown,

    /// <summary>C#: comments (including XML docs) are checked; code and string literals are not.</summary>
    CSharp,

    /// <summary>MSBuild files: comments are checked as prose; the whole text for outside mentions.</summary>
    BuildXml,

    /// <summary>Shell scripts: comments are checked as prose; the whole text for outside mentions.</summary>
    Shell,
}
