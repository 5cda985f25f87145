using EdgeSensor.Core.Counting;
using EdgeSensor.Core.Filtering;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>The small pieces of the engine on their own: median filter, calibrator, zone detector.</summary>
[TestClass]
public sealed class BuildingBlockTests
{
    [TestMethod]
    public void MedianOfThree_RemovesASingleSpike()
    {
        var m = new MedianFilter(3);
        Assert.AreEqual(2400, m.Add(2400));
        Assert.AreEqual(2400, m.Add(2410));  // two samples: the lower middle
        Assert.AreEqual(2400, m.Add(500));   // spike: median of 2400, 2410, 500
        Assert.AreEqual(2390, m.Add(2390));  // window 2410, 500, 2390
    }

    [TestMethod]
    public void MedianOfFive_AndReset()
    {
        var m = new MedianFilter(5);
        foreach (int v in new[] { 5, 1, 4, 2 })
        {
            m.Add(v);
        }

        Assert.AreEqual(3, m.Add(3));
        m.Reset();
        Assert.AreEqual(0, m.Count);
        Assert.AreEqual(9, m.Add(9));
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(2)]
    [DataRow(7)]
    public void MedianFilter_BadWindow_Throws(int window)
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MedianFilter(window));
    }

    [TestMethod]
    public void Calibrator_MedianOfStillFloor()
    {
        var c = new ZoneCalibrator(8, 100, 1800);
        int[] floor = { 2401, 2399, 2405, 2396, 2400, 2398, 2403, 2402 };
        for (int i = 0; i < floor.Length - 1; i++)
        {
            Assert.IsFalse(c.Add(floor[i]));
        }

        Assert.IsTrue(c.Add(floor[^1]));
        Assert.IsTrue(c.IsCalibrated);
        Assert.AreEqual(2401, c.BaselineMillimeters);
        Assert.IsTrue(c.NoiseMillimeters < 10);
    }

    [TestMethod]
    public void Calibrator_SomeoneWalkingThrough_RestartsThenSettles()
    {
        var c = new ZoneCalibrator(8, 100, 1800);
        int[] disturbed = { 2400, 2400, 1900, 1200, 700, 1300, 2400, 2400 };
        foreach (int v in disturbed)
        {
            Assert.IsFalse(c.Add(v));
        }

        Assert.AreEqual(1, c.Restarts);
        bool done = false;
        for (int i = 0; i < 8 && !done; i++)
        {
            done = c.Add(2400);
        }

        Assert.IsTrue(done);
        Assert.AreEqual(2400, c.BaselineMillimeters);
    }

    [TestMethod]
    public void Calibrator_PersonStandingStill_RefusedUntilTheLimit()
    {
        var c = new ZoneCalibrator(8, 100, 1800);
        int windows = 0;
        while (!c.IsCalibrated)
        {
            c.Add(700);
            windows++;
        }

        // Refused for MaxImplausibleWindows windows (the first full, later ones half-refilled), then accepted.
        Assert.IsTrue(windows > 8 * ZoneCalibrator.MaxImplausibleWindows / 2);
        Assert.AreEqual(700, c.BaselineMillimeters);
    }

    [TestMethod]
    public void Detector_HysteresisAndValleySplit()
    {
        var d = new ZoneOccupancyDetector(200);
        d.SetThresholds(2400, 300, 200, 10);
        Assert.AreEqual(ZoneEvent.None, d.Update(0, 2150));        // between enter (2100) and exit (2200): nothing
        Assert.AreEqual(ZoneEvent.Rise, d.Update(35, 2050));
        Assert.AreEqual(ZoneEvent.None, d.Update(70, 2150));       // in the band: still occupied
        Assert.AreEqual(ZoneEvent.None, d.Update(105, 700));
        Assert.AreEqual(ZoneEvent.None, d.Update(140, 1100));      // valley between two heads
        Assert.AreEqual(ZoneEvent.Split, d.Update(175, 720));
        Assert.AreEqual(140, d.Finished.EndMs);
        Assert.AreEqual(700, d.Finished.NearestMillimeters);
        Assert.AreEqual(TargetOrigin.Floor, d.Finished.Origin);
        Assert.AreEqual(ZoneEvent.Fall, d.Update(210, 2300));
        Assert.AreEqual(140, d.Finished.StartMs);
        Assert.AreEqual(175, d.Finished.OnsetMs);                  // detected at the second head, started at the valley
        Assert.AreEqual(720, d.Finished.NearestMillimeters);
        Assert.AreEqual(TargetOrigin.ValleySplit, d.Finished.Origin);
        Assert.IsFalse(d.IsOccupied);
    }

    [TestMethod]
    public void Detector_OnePersonsOutline_IsNotSplit()
    {
        var d = new ZoneOccupancyDetector(200);
        d.SetThresholds(2400, 300, 200, 10);
        int[] profile = { 1900, 1500, 1100, 800, 650, 650, 660, 950, 1300, 1700, 2100, 2390 };
        int events = 0;
        for (int i = 0; i < profile.Length; i++)
        {
            ZoneEvent e = d.Update(i * 70, profile[i]);
            if (e != ZoneEvent.None)
            {
                events++;
                Assert.AreNotEqual(ZoneEvent.Split, e);
            }
        }

        Assert.AreEqual(2, events); // one rise, one fall
    }
}
