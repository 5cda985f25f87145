using System.Globalization;
using System.Text.RegularExpressions;
using EdgeSensor.Simulator.Reporting;

namespace EdgeSensor.Simulator.Tests.Reporting;

[TestClass]
public sealed partial class ChartTests
{
    [TestMethod]
    public void ALongSeries_IsThinnedPerPixelColumn_AndKeepsItsSpike()
    {
        var points = Enumerable.Range(0, 200_000).Select(i => ((double)i, i == 123_457 ? 1000.0 : 10.0)).ToList();
        string svg = new LineChart { Title = "t", XLabel = "x", YLabel = "y" }.Add("s", "#000", SeriesStyle.Line, points).ToSvg();

        string d = DataPath().Match(svg).Groups[1].Value;
        var ys = Coordinates().Matches(d).Select(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.IsLessThan(2 * 880, ys.Count, "at most two points per pixel column");
        Assert.IsLessThan(ys.Max() - 100, ys.Min(), "the single high value is still drawn");
    }

    [TestMethod]
    [DataRow(0, 10, 5, new[] { 0.0, 2, 4, 6, 8, 10 })]
    [DataRow(0, 1, 4, new[] { 0.0, 0.5, 1 })]
    [DataRow(3, 97, 5, new[] { 20.0, 40, 60, 80 })]
    public void Ticks_AreRoundSteps(double min, double max, int count, double[] expected) =>
        CollectionAssert.AreEqual(expected, Svg.Ticks(min, max, count));

    [TestMethod]
    public void BarChart_RefusesASeriesOfTheWrongLength() =>
        Assert.ThrowsExactly<ArgumentException>(() => new BarChart { Title = "t", YLabel = "y", Categories = ["a", "b"] }.Add("s", "#000", [1.0]));

    [GeneratedRegex("<path class=\"data\" d=\"([^\"]*)\"")]
    private static partial Regex DataPath();

    [GeneratedRegex("[ML]([-0-9.]+),([-0-9.]+)")]
    private static partial Regex Coordinates();
}
