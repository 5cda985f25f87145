using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Tests.Traces;

[TestClass]
public sealed class TraceReaderTests
{
    private const string Header = "t_ms,kind,channel,value,status\n";

    [TestMethod]
    [DataRow("", 1, "no header", DisplayName = "empty file")]
    [DataRow("# only a comment\n", 1, "no header", DisplayName = "no header at all")]
    [DataRow("0,tof,0,2400,0\n", 1, "expected the header", DisplayName = "row before header")]
    [DataRow(Header + "0,tof,0,2400\n", 2, "expected 5 fields", DisplayName = "too few fields")]
    [DataRow(Header + "0,tof,0,2400,0,9\n", 2, "expected 5 fields", DisplayName = "too many fields")]
    [DataRow(Header + "zero,tof,0,2400,0\n", 2, "t_ms 'zero' is not an integer", DisplayName = "time not a number")]
    [DataRow(Header + "-5,tof,0,2400,0\n", 2, "negative", DisplayName = "negative time")]
    [DataRow(Header + "0,lidar,0,2400,0\n", 2, "unknown kind 'lidar'", DisplayName = "unknown kind")]
    [DataRow(Header + "0,tof,x,2400,0\n", 2, "channel 'x'", DisplayName = "channel not a number")]
    [DataRow(Header + "0,tof,0,2400.5,0\n", 2, "value '2400.5'", DisplayName = "value not an integer")]
    [DataRow(Header + "0,tof,0,2400,ok\n", 2, "status 'ok'", DisplayName = "status not a number")]
    [DataRow(Header + "0,tof,2,2400,0\n", 2, "tof channel 2 is not a zone", DisplayName = "tof zone out of range")]
    [DataRow(Header + "0,tof,0,-1,0\n", 2, "tof distance -1", DisplayName = "negative distance")]
    [DataRow(Header + "0,tof,0,2400,300\n", 2, "range status 300", DisplayName = "status out of range")]
    [DataRow(Header + "0,pir,0,2,0\n", 2, "pir level 2", DisplayName = "pir level not 0/1")]
    [DataRow(Header + "0,truth,0,0,0\n", 2, "truth value 0", DisplayName = "truth value not +-1")]
    [DataRow(Header + "10,tof,0,2400,0\n\n# c\n5,tof,1,2400,0\n", 5, "earlier than the previous row's 10", DisplayName = "rows out of order")]
    [DataRow("# zones: 3\n" + Header, 1, "metadata 'zones: 3'", DisplayName = "three zones")]
    [DataRow("# a\n# inside_zone: 2\n" + Header, 2, "metadata 'inside_zone: 2'", DisplayName = "inside zone out of range")]
    [DataRow("# mount_height_mm: tall\n" + Header, 1, "metadata 'mount_height_mm: tall'", DisplayName = "mount height not a number")]
    [DataRow("# timing_budget_ms: 5\n" + Header, 1, "timing_budget_ms", DisplayName = "timing budget too short")]
    [DataRow("# edgesensor-trace v2\n" + Header, 1, "unsupported trace format version 'v2'", DisplayName = "unknown version")]
    public void MalformedTraceNamesTheLine(string text, int line, string fragment)
    {
        var e = Assert.ThrowsExactly<TraceFormatException>(() => TraceReader.Read(new StringReader(text)));
        Assert.AreEqual(line, e.LineNumber, e.Message);
        StringAssert.StartsWith(e.Message, $"line {line}: ");
        StringAssert.Contains(e.Message, fragment);
    }

    [TestMethod]
    public void ReadsMetadataCommentsAndRows()
    {
        const string text = """
            # edgesensor-trace v1
            # mount_height_mm: 2600
            # inside_zone: 0
            # timing_budget_ms: 50
            # note: free text: with colons
            # a comment without a key
            t_ms,kind,channel,value,status
            0,tof,0,2590,0
            35,tof,1,0,2
            40,pir,0,1,0
            # a comment between rows
            1200,truth,0,-1,0
            """;
        Trace trace = TraceReader.Read(new StringReader(text));
        Assert.AreEqual(2600, trace.Metadata.MountHeightMillimeters);
        Assert.AreEqual(0, trace.Metadata.InsideZone);
        Assert.AreEqual(50, trace.Metadata.TimingBudgetMs);
        Assert.AreEqual("free text: with colons", trace.Metadata["note"]);
        Assert.HasCount(4, trace.Records);
        Assert.AreEqual(new TraceRecord(35, TraceKind.Tof, 1, 0, 2), trace.Records[1]);
        Assert.AreEqual(new TraceRecord(1200, TraceKind.Truth, 0, -1, 0), trace.Records[3]);
    }

    [TestMethod]
    public void DefaultsApplyWithoutMetadata()
    {
        Trace trace = TraceReader.Read(new StringReader(Header + "0,tof,1,2400,0\r\n"));
        Assert.AreEqual(2400, trace.Metadata.MountHeightMillimeters);
        Assert.AreEqual(1, trace.Metadata.InsideZone);
        Assert.AreEqual(33, trace.Metadata.TimingBudgetMs);
        Assert.HasCount(1, trace.Records);
    }
}
