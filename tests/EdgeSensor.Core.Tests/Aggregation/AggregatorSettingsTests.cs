using EdgeSensor.Core.Aggregation;

namespace EdgeSensor.Core.Tests.Aggregation;

[TestClass]
public sealed class AggregatorSettingsTests
{
    [TestMethod]
    [DataRow(10, true)]
    [DataRow(60, true)]
    [DataRow(900, true)]
    [DataRow(3600, true)]
    [DataRow(9, false)]
    [DataRow(0, false)]
    [DataRow(-60, false)]
    [DataRow(3601, false)]
    [DataRow(7200, false)]
    [DataRow(70, false)] // does not divide 86400
    public void WindowLength_Validation(int seconds, bool valid)
    {
        var settings = new AggregatorSettings { WindowLengthSeconds = seconds };
        Assert.AreEqual(valid, settings.TryValidate(out string error), error);
        Assert.AreEqual(valid, AggregatorSettings.IsValidWindowLength(seconds));
        if (!valid)
        {
            Assert.ThrowsExactly<ArgumentException>(() => new WindowAggregator(settings));
        }
    }

    [TestMethod]
    public void WindowRule_AcceptsExactlyTheLengthsThatTileADay()
    {
        for (int seconds = 0; seconds <= 7200; seconds++)
        {
            bool tiles = seconds is >= 10 and <= 3600 && (seconds * (86400 / seconds)) == 86400;
            Assert.AreEqual(tiles, AggregatorSettings.IsValidWindowLength(seconds), $"{seconds} s");
        }
    }

    [TestMethod]
    public void Default_Is60Seconds()
    {
        Assert.AreEqual(60, new AggregatorSettings().WindowLengthSeconds);
        Assert.AreEqual(60u, new WindowAggregator(new AggregatorSettings()).WindowLengthSeconds);
    }
}
