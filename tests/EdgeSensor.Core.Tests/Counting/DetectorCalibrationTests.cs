using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// Boot calibration where the floor is hard to range (issue 9): at 2.8-3.0 m in sunlight most floor readings are
/// signal fails (VL53L1X range status 2) and the valid ones spread by a hundred mm or more, so a window that is both
/// still and tight never came and the zone never counted, although heads (near, strong signal) range well.
/// </summary>
[TestClass]
public sealed class DetectorCalibrationTests
{
    private const int Mount = 2800;
    private const int SignalFail = 2;

    // A still floor whose readings spread with sigma 150 mm (IQR ~200 mm, over the 120 mm default limit).
    [TestMethod]
    public void Calibrator_NoisyButStillFloor_Calibrates()
    {
        var c = new ZoneCalibrator(16, 120, (Mount * 3) / 4);
        var noise = new Random(7);
        bool done = false;
        for (int i = 0; i < 64 && !done; i++)
        {
            done = c.Add(Mount + Gaussian(noise, 150));
        }

        Assert.IsTrue(done, "a noisy but still floor must calibrate");
        Assert.IsTrue(c.BaselineMillimeters > Mount - 100 && c.BaselineMillimeters < Mount + 100, $"baseline {c.BaselineMillimeters}");
        Assert.IsTrue(c.NoiseMillimeters > 75 && c.NoiseMillimeters < 300, $"noise {c.NoiseMillimeters}");
    }

    // The spread allowance must not let a person standing in the window become the floor.
    [TestMethod]
    public void Calibrator_PersonInAQuarterOfTheWindow_StillRefused()
    {
        var c = new ZoneCalibrator(16, 120, (Mount * 3) / 4);
        int[] window = { 2800, 2810, 1200, 1210, 1190, 1205, 1200, 2790, 2805, 2800, 2795, 2810, 2800, 2790, 2800, 2805 };
        foreach (int v in window)
        {
            Assert.IsFalse(c.Add(v));
        }

        Assert.AreEqual(1, c.Restarts);
    }

    // 84 % of the rows signal fails, the valid floor readings noisy, people passing from the start: the zone
    // calibrates on the floor (not on a head) and then sees each head as a target.
    [TestMethod]
    public void Channel_FloorMostlyBeyondRange_CalibratesAndSeesHeads()
    {
        var zone = new ZoneChannel(new CounterSettings { MountHeightMillimeters = Mount });
        var rng = new Random(3);
        int rises = 0;
        for (int i = 0; i < 3000; i++)
        {
            long t = i * 70L;
            bool head = i % 150 >= 40 && i % 150 < 48;
            int value;
            int status = 0;
            if (head)
            {
                value = 1150 + Gaussian(rng, 30);
            }
            else if (rng.Next(100) < 84)
            {
                value = 0;
                status = SignalFail;
            }
            else
            {
                value = Mount + 60 + Gaussian(rng, 120);
            }

            if (zone.Process(t, value, status) == ZoneEvent.Rise)
            {
                rises++;
            }
        }

        Assert.IsTrue(zone.IsCalibrated, "the zone must calibrate");
        Assert.IsTrue(zone.BaselineMillimeters > Mount - 150, $"baseline {zone.BaselineMillimeters} is a head, not the floor");
        Assert.IsTrue(rises >= 18 && rises <= 20, $"{rises} targets for 20 heads");
    }

    private static int Gaussian(Random rng, int sigma)
    {
        return (int)(StandardNormal.NextBounded(rng) * sigma);
    }
}
