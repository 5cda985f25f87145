using EdgeSensor.Simulator.Randomness;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Tests.Traces;

[TestClass]
public sealed class TraceReaderFuzzTests
{
    /// <summary>Random damage to a valid trace: the reader either accepts it or rejects it with a line-numbered
    /// <see cref="TraceFormatException"/> pointing into the file — never another exception.</summary>
    [TestMethod]
    public void DamagedTracesFailOnlyWithALineNumber()
    {
        string valid = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "traces", "one-entry.csv"));
        string[] lines = valid.Split('\n');
        const string junk = ",;-#: 0123456789abtofpirtruth\t\"\u00e9";
        var rng = new Rng(2024);
        int rejected = 0;
        for (int round = 0; round < 400; round++)
        {
            string[] copy = (string[])lines.Clone();
            int hits = rng.NextInt(1, 4);
            for (int h = 0; h < hits; h++)
            {
                int i = rng.NextInt(0, copy.Length);
                char[] chars = copy[i].ToCharArray();
                if (chars.Length > 0 && rng.Chance(0.7))
                {
                    chars[rng.NextInt(0, chars.Length)] = junk[rng.NextInt(0, junk.Length)];
                    copy[i] = new string(chars);
                }
                else
                {
                    copy[i] = rng.Chance(0.5) ? string.Empty : copy[rng.NextInt(0, copy.Length)];
                }
            }

            try
            {
                TraceReader.Read(new StringReader(string.Join('\n', copy)));
            }
            catch (TraceFormatException e)
            {
                rejected++;
                Assert.IsInRange(1, copy.Length, e.LineNumber, e.Message);
                StringAssert.StartsWith(e.Message, $"line {e.LineNumber}: ");
            }
        }

        Assert.IsGreaterThan(50, rejected, "the damage is detected");
    }
}
