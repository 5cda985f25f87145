using CsCheck;

namespace EdgeSensor.Sdk.Tests.Hostile;

/// <summary>The campaign runner itself: a failing case is reported with its seed and shrunk to a simpler one.</summary>
[TestClass]
public sealed class HostileRunTests
{
    [TestMethod]
    public void FailingCase_IsReportedWithItsSeed_AndShrunk()
    {
        // Fails for any array holding a value above 900: the simplest failing input is one such value.
        Gen<int[]> arrays = Gen.Int[0, 1000].Array[5, 40];
        var e = Assert.ThrowsExactly<AssertFailedException>(() => HostileRun.Run("selftest", 1_000, arrays, values =>
        {
            if (values.Any(v => v > 900))
            {
                throw new InvalidOperationException("too big");
            }
        }));

        Console.WriteLine(e.Message);
        StringAssert.Contains(e.Message, "selftest: case ");
        StringAssert.Contains(e.Message, "(CsCheck seed ");
        StringAssert.Contains(e.Message, "InvalidOperationException: too big");
        string shrunk = e.Message[e.Message.IndexOf("shrunk: ", StringComparison.Ordinal)..];
        StringAssert.Contains(shrunk, "shrinks", "CsCheck says how far it shrank");
        // CsCheck prints an array as "L=n [a, b, ...]" when long, "[a, b]" in full when short.
        int firstLength = int.Parse(System.Text.RegularExpressions.Regex.Match(e.Message, @"L=(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        string shrunkArray = shrunk[shrunk.LastIndexOf('[')..];
        int shrunkLength = shrunkArray.Count(c => c == ',') + 1;
        Assert.IsLessThan(firstLength, shrunkLength, $"the shrunk input {shrunkArray} is shorter than the first failing one ({firstLength})");
    }
}
