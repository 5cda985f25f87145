using System.Text.RegularExpressions;
using EdgeSensor.Simulator.Commands;
using EdgeSensor.Simulator.Reporting;

namespace EdgeSensor.Simulator.Tests.Reporting;

[TestClass]
public sealed partial class PlotCommandTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "traces", name);

    [TestMethod]
    public void Plot_DrawsBothZones_TheTruthAndTheEnginesCrossings()
    {
        string output = Path.Combine(Path.GetTempPath(), "edgesensor-plot-" + Guid.NewGuid().ToString("N") + ".svg");
        try
        {
            var stderr = new StringWriter();
            int exit = Program.Run(["plot", Fixture("single-file-60s-seed1.csv"), "--out", output], new StringWriter(), stderr);

            Assert.AreEqual(ExitCodes.Ok, exit, stderr.ToString());
            Assert.AreEqual($"plot: {output}", stderr.ToString().TrimEnd());
            string svg = File.ReadAllText(output);
            System.Xml.Linq.XDocument.Parse(svg); // well-formed: a browser or an editor opens it
            string[] legend = ["zone 0", "zone 1", "true entry", "true exit", "engine entry", "engine exit"];
            foreach (string entry in legend)
            {
                StringAssert.Contains(svg, $">{entry}</text>");
            }

            Assert.AreEqual(legend.Length, DataPath().Matches(svg).Count, "one drawn path per legend entry: the fixture has entries and exits, true and counted");
            StringAssert.Contains(svg, ">time (s)</text>");
            StringAssert.Contains(svg, ">distance (mm)</text>");
            StringAssert.Contains(svg, "truth 1 in / 3 out");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [TestMethod]
    public void ABadTrace_IsRefusedInWords_WithoutAStackTrace()
    {
        string bad = Path.Combine(Path.GetTempPath(), "edgesensor-bad-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(bad, "t_ms,kind,channel,value,status\n0,tof,0,notanumber,0\n");
        try
        {
            var stderr = new StringWriter();
            Assert.AreEqual(ExitCodes.BadInput, Program.Run(["plot", bad], new StringWriter(), stderr));
            StringAssert.StartsWith(stderr.ToString(), "error: ");
            Assert.DoesNotContain("   at ", stderr.ToString());
            Assert.IsFalse(File.Exists(Path.ChangeExtension(bad, ".svg")), "nothing drawn from a bad trace");

            Assert.AreEqual(ExitCodes.BadInput, Program.Run(["plot", bad + ".missing"], new StringWriter(), stderr = new StringWriter()));
            StringAssert.StartsWith(stderr.ToString(), "error: cannot read");
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [TestMethod]
    [DataRow("--out", "trace.gif", "--out must name an .svg or .png file")]
    [DataRow("--colour", "red", "Unrecognized command or argument '--colour'")]
    public void UsageErrors_ExitTwo(string option, string value, string message)
    {
        var stderr = new StringWriter();
        Assert.AreEqual(ExitCodes.Usage, Program.Run(["plot", Fixture("one-entry.csv"), option, value], new StringWriter(), stderr));
        StringAssert.Contains(stderr.ToString(), message);
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void Plot_ToPng_IsDrawnByTheSystemsChromium()
    {
        if (SvgToPng.FindBrowser() is null)
        {
            const string why = "Chromium is not installed; ./test.sh installs it (tests/system-packages.txt)";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(why);
            }

            Assert.Inconclusive(why);
        }

        string output = Path.Combine(Path.GetTempPath(), "edgesensor-plot-" + Guid.NewGuid().ToString("N") + ".png");
        try
        {
            var stderr = new StringWriter();
            Assert.AreEqual(ExitCodes.Ok, Program.Run(["plot", Fixture("single-file-60s-seed1.csv"), "--out", output], new StringWriter(), stderr), stderr.ToString());

            byte[] png = File.ReadAllBytes(output);
            CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4], "a PNG file");
            Assert.AreEqual(TracePlot.Width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), "IHDR width: the whole chart");
            Assert.AreEqual(TracePlot.Height, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
            Assert.IsGreaterThan(10_000, png.Length, "lines and text, not a blank page");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [GeneratedRegex("<path class=\"data\" d=\"M")]
    private static partial Regex DataPath();
}
