using System.Text.RegularExpressions;

namespace EdgeSensor.Repository.Tests.References;

/// <summary>Mentions of files known to live outside the repository, and of paths that leave it.</summary>
internal static partial class OutsideMentions
{
    private const string UseDesign = "a design note outside the repository: link docs/design.md instead";
    private const string UseConstraints = "a fact sheet outside the repository: link docs/nanoframework.md or the public source";
    private const string OutsidePath = "a path outside the repository";

    private static readonly (Regex Pattern, string Reason)[] s_rules =
    [
        (DesignNotes(), UseDesign),
        (TeamNotes(), "a team note outside the repository"),
        (FactSheetSection(), UseConstraints),
        (FactSheetNumberedSection(), UseConstraints),
        (ParentShared(), OutsidePath),
        (SharedFile(), OutsidePath),
        (MachinePath(), "a path on one machine, not in the repository"),
    ];

    /// <summary>Each mention in <paramref name="line"/>: where it starts, its text and why it is a problem.</summary>
    public static IEnumerable<(int Index, string Text, string Reason)> Find(string line)
    {
        foreach ((Regex pattern, string reason) in s_rules)
        {
            foreach (Match m in pattern.Matches(line))
            {
                yield return (m.Index, m.Value, reason);
            }
        }
    }

    // A name right after '/' is part of a path or URL (another project's design note on GitHub); shared/ paths have their own rules.
    [GeneratedRegex(@"(?<![/\w.-])DESIGN\.md\b")]
    private static partial Regex DesignNotes();

    [GeneratedRegex(@"(?<![/\w.-])(?:STYLE|PACKAGES)\.md\b")]
    private static partial Regex TeamNotes();

    [GeneratedRegex(@"\bnF\s*§")]
    private static partial Regex FactSheetSection();

    [GeneratedRegex(@"\bnanoframework\.md`?\s*§")]
    private static partial Regex FactSheetNumberedSection();

    [GeneratedRegex(@"(?<![\w.-])(?:\.\./)+shared\b")]
    private static partial Regex ParentShared();

    [GeneratedRegex(@"(?<![\w.-])shared/(?:nanoframework|DESIGN|STYLE|PACKAGES)")]
    private static partial Regex SharedFile();

    [GeneratedRegex(@"(?<![\w.])/work/")]
    private static partial Regex MachinePath();
}
