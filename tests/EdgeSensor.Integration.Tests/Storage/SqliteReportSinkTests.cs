using EdgeSensor.Integration.Tests.Support;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Opening;
using EdgeSensor.Sdk.Sinks;

namespace EdgeSensor.Integration.Tests.Storage;

[TestClass]
public sealed class SqliteReportSinkTests
{
    internal static List<ReceivedReport> OpenAll(TestFleet fleet, int perDevice)
    {
        using var opener = new ReportOpener(fleet.Store);
        var list = new List<ReceivedReport>();
        foreach (var device in fleet.Devices)
        {
            for (ulong s = 1; s <= (ulong)perDevice; s++)
            {
                var result = opener.Open(TestFleet.Payload(device, s));
                Assert.IsTrue(result.Success, result.ToString());
                list.Add(new ReceivedReport(result.Report, device.Site, DateTimeOffset.UtcNow));
            }
        }

        return list;
    }

    [TestMethod]
    public async Task Write_SameReportsTwice_StoresOnce()
    {
        using var fleet = TestFleet.Create(2);
        var reports = OpenAll(fleet, 5);
        using var sink = SqliteReportSink.Open(fleet.DatabasePath);
        Assert.AreEqual(10, await sink.WriteAsync(reports, CancellationToken.None));
        Assert.AreEqual(0, await sink.WriteAsync(reports, CancellationToken.None));
        Assert.AreEqual(0, await sink.WriteAsync([reports[0], reports[0], reports[1] with { }], CancellationToken.None));
        Assert.AreEqual(10L, sink.Count());
    }

    [TestMethod]
    public async Task TwoSinksOnOneFile_WritingConcurrently_StoreEachReportOnce()
    {
        using var fleet = TestFleet.Create(3);
        var reports = OpenAll(fleet, 40);
        using var a = SqliteReportSink.Open(fleet.DatabasePath);
        using var b = SqliteReportSink.Open(fleet.DatabasePath);
        var writeA = Task.Run(async () => { int n = 0; foreach (var chunk in reports.Chunk(7)) { n += await a.WriteAsync(chunk, CancellationToken.None); } return n; });
        var writeB = Task.Run(async () => { int n = 0; foreach (var chunk in reports.AsEnumerable().Reverse().Chunk(5)) { n += await b.WriteAsync(chunk, CancellationToken.None); } return n; });
        int total = await writeA + await writeB;
        Assert.AreEqual(reports.Count, total, "each report counted as new exactly once");
        Assert.AreEqual((long)reports.Count, a.Count());
    }

    [TestMethod]
    public async Task ReadBack_RoundTripsEveryField()
    {
        using var fleet = TestFleet.Create(1);
        var reports = OpenAll(fleet, 3);
        using (var sink = SqliteReportSink.Open(fleet.DatabasePath))
        {
            await sink.WriteAsync(reports, CancellationToken.None);
        }

        var back = new List<ReceivedReport>();
        await foreach (var r in ReportDatabase.ReadAsync(fleet.DatabasePath))
        {
            back.Add(r);
        }

        Assert.HasCount(3, back);
        for (int i = 0; i < 3; i++)
        {
            Assert.AreEqual(reports[i].Report, back[i].Report);
            Assert.AreEqual(reports[i].Site, back[i].Site);
        }
    }

    [TestMethod]
    public async Task Csv_HasHeaderAndOneLinePerReport()
    {
        using var fleet = TestFleet.Create(1);
        var reports = OpenAll(fleet, 4);
        using var writer = new StringWriter();
        var csv = new CsvReportSink(writer);
        await csv.WriteAsync(reports, CancellationToken.None);
        string[] lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(5, lines);
        Assert.AreEqual(CsvReportSink.Header, lines[0].TrimEnd('\r'));
        Assert.StartsWith(fleet.Devices[0].DeviceIdText + ",north-gate,0,1,", lines[1]);
        Assert.AreEqual(CsvReportSink.Header.Split(',').Length, lines[1].Split(',').Length);
    }
}
