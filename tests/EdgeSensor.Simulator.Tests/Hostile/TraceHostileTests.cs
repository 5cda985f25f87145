using CsCheck;
using EdgeSensor.Sdk.Tests.Hostile;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Tests.Hostile;

/// <summary>
/// Traces made of arbitrary lines (well-formed pieces, telling numbers and plain junk, in any order): the reader
/// returns a trace or throws a <see cref="TraceFormatException"/> naming a line of the input, never another
/// exception. (Traces/TraceReaderFuzzTests damages one real trace; this covers any text.)
/// </summary>
[TestClass]
public sealed class TraceHostileTests
{
    [TestMethod]
    public void AnyLines_ReadOrFailNamingALine()
    {
        long read = 0;
        long refused = 0;
        var report = HostileRun.Run("trace", 9_500, Texts, text =>
        {
            int lines = CountLines(text);
            try
            {
                Trace trace = TraceReader.Read(new StringReader(text));
                Assert.IsLessThanOrEqualTo(lines, trace.Records.Count);
                read++;
            }
            catch (TraceFormatException ex)
            {
                refused++;
                Assert.IsInRange(1, Math.Max(1, lines), ex.LineNumber, ex.Message);
                StringAssert.StartsWith(ex.Message, $"line {ex.LineNumber}: ");
                Assert.IsLessThan(400, ex.Message.Length, "a hostile line is never echoed whole");
            }
        });

        Console.WriteLine($"trace: {read} read, {refused} refused with a line number");
        Assert.IsGreaterThan(100L, read);
        Assert.IsGreaterThan(100L, refused);
        Assert.IsLessThan(TimeSpan.FromSeconds(2), report.WorstTime, "worst time of one trace");
    }

    [TestMethod]
    public void EndlessLine_FailsAtTheLimitInsteadOfFillingMemory()
    {
        // A reader that never ends a line: TextReader.ReadLine would buffer it until memory runs out.
        var endless = new EndlessReader("t_ms,kind,channel,value,status\n0,tof,0,");
        var e = Assert.ThrowsExactly<TraceFormatException>(() => TraceReader.Read(endless));
        Assert.AreEqual(2, e.LineNumber);
        StringAssert.Contains(e.Message, $"longer than {TraceReader.MaxLineLength} characters");
        Assert.IsLessThan(3L * TraceReader.MaxLineLength, endless.Consumed, "the reader stops at the limit");
    }

    [TestMethod]
    public void LineAtTheLimit_IsReadAndEveryLineEndIsHonoured()
    {
        string comment = "# " + new string('x', TraceReader.MaxLineLength - 2);
        string text = comment + "\r" + TraceReader.Header + "\r\n0,tof,0,2400,0\n5,tof,1,2400,0";
        Trace trace = TraceReader.Read(new StringReader(text));
        Assert.AreEqual(2, trace.Records.Count);

        var e = Assert.ThrowsExactly<TraceFormatException>(() => TraceReader.Read(new StringReader(comment + "x\n" + TraceReader.Header)));
        Assert.AreEqual(1, e.LineNumber);
    }

    private sealed class EndlessReader(string prefix) : TextReader
    {
        public long Consumed { get; private set; }

        public override int Peek() => Consumed < prefix.Length ? prefix[(int)Consumed] : '9';

        public override int Read()
        {
            int c = Peek();
            Consumed++;
            return c;
        }
    }

    private static int CountLines(string text)
    {
        var reader = new StringReader(text);
        int n = 0;
        while (reader.ReadLine() is not null)
        {
            n++;
        }

        return n;
    }

    private static readonly Gen<string> Number = Gen.OneOf(
        Gen.Int[-3, 70_000].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.OneOf(
            Gen.Const("0"), Gen.Const("-0"), Gen.Const("+1"), Gen.Const("1.5"), Gen.Const("1e3"), Gen.Const("NaN"), Gen.Const(""),
            Gen.Const(" 7 "), Gen.Const("2147483648"), Gen.Const("-2147483649"), Gen.Const("9223372036854775808"),
            Gen.Const("99999999999999999999999"), Gen.Const("0x10"), Gen.Const("\u0661"), Gen.Const("1\u00A0")));

    private static readonly Gen<string> Kind = Gen.OneOf(Gen.Const("tof"), Gen.Const("pir"), Gen.Const("truth"), Gen.Const("TOF"), Gen.Const(""), Gen.Const("tof "), Gen.String[0, 6]);

    private static readonly Gen<string> Row = Gen.Select(Number, Kind, Number, Number, Number, (t, k, c, v, s) => $"{t},{k},{c},{v},{s}");

    private static readonly Gen<string> Metadata = Gen.Select(
        Gen.OneOf(Gen.Const("zones"), Gen.Const("inside_zone"), Gen.Const("mount_height_mm"), Gen.Const("timing_budget_ms"), Gen.Const("pir_hold_ms"), Gen.Const("scenario"), Gen.String[0, 8]),
        Gen.Frequency((4, Number), (1, Gen.String[0, 300])),
        (key, value) => $"# {key}: {value}");

    private static readonly Gen<string> Line = Gen.Frequency(
        (3, Gen.Const(TraceReader.Header)),
        (1, Gen.OneOf(Gen.Const("# edgesensor-trace v1"), Gen.Const("# edgesensor-trace v2"), Gen.Const("#"), Gen.Const(""), Gen.Const("   "), Gen.Const("t_ms , kind,channel,value,status"))),
        (3, Metadata),
        (12, Row),
        (2, Gen.String[0, 120]),
        (1, Gen.Char.Array[0, 2000].Select(c => new string(c))),
        (1, Gen.OneOf(Gen.Const(new string(',', 10_000)), Gen.Const(new string('9', 5_000)), Gen.Const("\0\0\0"), Gen.Const("\uFEFFt_ms,kind,channel,value,status"))));

    private static readonly Gen<string> Newline = Gen.OneOf(Gen.Const("\n"), Gen.Const("\r\n"), Gen.Const("\r"));

    private static readonly Gen<string> ValidRow = Gen.OneOf(
        Gen.Select(Gen.Int[0, 1], Gen.Int[0, 65_535], Gen.Int[0, 255], (c, v, st) => $"tof,{c},{v},{st}"),
        Gen.Select(Gen.Int[0, 15], Gen.Int[0, 1], (c, v) => $"pir,{c},{v},0"),
        Gen.Select(Gen.Int[0, 1], Gen.Bool, (c, entry) => $"truth,{c},{(entry ? 1 : -1)},0"));

    /// <summary>A valid trace (header, sorted rows) with at most one line replaced by anything.</summary>
    private static readonly Gen<string> NearlyValid = Gen.Select(
        ValidRow.Array[0, 30], Gen.Int[0, 40], Line, Gen.Bool, Newline,
        (rows, at, junk, damage, newline) =>
        {
            var lines = new List<string> { "# edgesensor-trace v1", "# zones: 2", TraceReader.Header };
            lines.AddRange(rows.Select((row, i) => $"{i * 33},{row}"));
            if (damage)
            {
                lines[at % lines.Count] = junk;
            }

            return string.Join(newline, lines);
        });

    private static readonly Gen<string> Texts = Gen.Frequency(
        (1, Gen.Select(Line.Array[0, 40], Newline, (lines, newline) => string.Join(newline, lines))),
        (1, NearlyValid));
}
