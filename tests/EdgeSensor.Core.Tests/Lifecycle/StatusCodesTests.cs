using EdgeSensor.Core.Lifecycle;

namespace EdgeSensor.Core.Tests.Lifecycle;

[TestClass]
public sealed class StatusCodesTests
{
    [TestMethod]
    public void LogLine_NamesCodeAndDetail()
    {
        Assert.AreEqual("status 11 configuration-invalid: BrokerPort must be 1..65535",
            StatusCodes.LogLine(DeviceStatus.ConfigurationInvalid, "BrokerPort must be 1..65535"));
        Assert.AreEqual("status 0 running", StatusCodes.LogLine(DeviceStatus.Running, null));
    }

    [TestMethod]
    public void EveryStatus_HasItsOwnNameAndLedPattern()
    {
        var names = new HashSet<string>();
        var patterns = new HashSet<string>();
        foreach (DeviceStatus status in Enum.GetValues<DeviceStatus>())
        {
            Assert.IsTrue(names.Add(StatusCodes.Name(status)), $"{status} shares its name");
            Assert.AreNotEqual("unknown", StatusCodes.Name(status));
            Assert.IsTrue(patterns.Add(Waveform(status)), $"{status} blinks like another status");
        }
    }

    [TestMethod]
    public void BlinkPattern_ShowsTheCountOnceACycle_LongForFatal()
    {
        foreach (DeviceStatus status in Enum.GetValues<DeviceStatus>())
        {
            string wave = Waveform(status);
            int blinks = wave.Split('0', StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.AreEqual(StatusCodes.BlinkCount(status), blinks, status.ToString());
            int longestOn = wave.Split('0', StringSplitOptions.RemoveEmptyEntries).Max(run => run.Length);
            Assert.AreEqual(StatusCodes.IsFatal(status) ? 60 : 15, longestOn, $"{status}: on-time in 10 ms steps");
        }

        Assert.IsTrue(StatusCodes.IsFatal(DeviceStatus.ConfigurationMissing));
        Assert.IsFalse(StatusCodes.IsFatal(DeviceStatus.BrokerUnreachable));
    }

    [TestMethod]
    public void BlinkPattern_Repeats()
    {
        int cycle = BlinkPattern.CycleMilliseconds(DeviceStatus.ConnectingWifi);
        for (long t = 0; t < cycle; t += 7)
        {
            Assert.AreEqual(BlinkPattern.IsOn(DeviceStatus.ConnectingWifi, t), BlinkPattern.IsOn(DeviceStatus.ConnectingWifi, t + (3 * cycle)));
        }
    }

    // One cycle sampled every 10 ms as a string of 1 (on) and 0 (off).
    private static string Waveform(DeviceStatus status)
    {
        int cycle = BlinkPattern.CycleMilliseconds(status);
        var chars = new char[cycle / 10];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = BlinkPattern.IsOn(status, i * 10L) ? '1' : '0';
        }

        return new string(chars);
    }
}
