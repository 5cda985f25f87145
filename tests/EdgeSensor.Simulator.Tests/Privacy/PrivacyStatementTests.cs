using EdgeSensor.Tests.Shared;

namespace EdgeSensor.Simulator.Tests.Privacy;

[TestClass]
public sealed class PrivacyStatementTests
{
    /// <summary>The README's privacy claim is docs/privacy.md's one-sentence statement, word for word.</summary>
    [TestMethod]
    public void Readme_RepeatsThePrivacyStatementWordForWord()
    {
        string root = RepositoryRoot.Path;
        string[] doc = File.ReadAllLines(Path.Combine(root, "docs", "privacy.md"));
        int heading = Array.FindIndex(doc, l => l.StartsWith("## 1. The statement", StringComparison.Ordinal));
        Assert.IsGreaterThanOrEqualTo(0, heading, "docs/privacy.md has a '## 1. The statement' section");
        string? statement = doc.Skip(heading + 1).FirstOrDefault(l => l.StartsWith("> ", StringComparison.Ordinal));
        Assert.IsNotNull(statement, "the statement is the section's quoted line");
        statement = statement[2..].Trim();
        Assert.IsGreaterThan(40, statement.Length);

        string readme = File.ReadAllText(Path.Combine(root, "README.md"));
        StringAssert.Contains(readme, statement, "README.md must state the privacy claim exactly as docs/privacy.md does");
    }
}
