using EdgeSensor.Simulator.Emulation;
using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Sensors;

namespace EdgeSensor.Simulator.Tests.Emulation;

/// <summary>
/// The same table run against our driver and against dotnet/iot's <c>Iot.Device.Vl53L1X</c>: each must set up the
/// emulator (budget, ROI size, centres), range the two zones alternately at the programmed pace, and read what the
/// ToF physics sees through each programmed ROI. Then both must read exactly the same values.
/// </summary>
[TestClass]
public sealed class SharedEmulatorTableTests
{
    private const int Readings = 12;

    public static IEnumerable<object[]> DriverCases =>
        from driver in new[] { "ours", "dotnet-iot" }
        from index in Enumerable.Range(0, RangingCase.All.Length)
        select new object[] { driver, index };

    public static IEnumerable<object[]> Cases => Enumerable.Range(0, RangingCase.All.Length).Select(i => new object[] { i });

    [TestMethod]
    [DynamicData(nameof(DriverCases))]
    public void Driver_RangesTheProgrammedRois_AsThePhysicsSees(string driver, int caseIndex)
    {
        RangingCase c = RangingCase.All[caseIndex];
        Scene scene = c.Scene();
        RangingHarness harness = RangingHarness.Create(driver, scene, 7);
        harness.Start(c);

        // The noise of the ROI the case programs: fewer SPADs, noisier readings (TofSensorModel.NoiseSigma).
        var model = new TofSensorModel(new TofSensorOptions { TimingBudgetMs = c.BudgetMs, Roi = new ZoneRoi(c.Width, c.Height, c.Centre0, c.Centre1) });
        int valid = 0;
        Reading previous = default;
        for (int i = 0; i < Readings; i++)
        {
            Reading r = harness.Next();
            Assert.AreEqual(i % 2, r.Zone, $"{driver}, {c}: zones alternate");
            if (i > 0)
            {
                Assert.IsGreaterThanOrEqualTo(c.BudgetMs - 1, r.TimeMs - previous.TimeMs, $"{driver}, {c}: one budget per range");
            }

            int centre = r.Zone == 0 ? c.Centre0 : c.Centre1;
            double expected = scene.MountHeightMillimeters
                - scene.HighestSurface(RoiGeometry.For(centre, c.Width, c.Height, 27), r.TimeMs - c.BudgetMs / 2.0);
            if (r.Status == TofRangeStatus.Valid)
            {
                valid++;
                Assert.AreEqual(expected, r.DistanceMillimeters, 6 * model.NoiseSigma(expected) + 2, $"{driver}, {c}: reading {i} (zone {r.Zone})");
            }

            previous = r;
        }

        Assert.IsGreaterThanOrEqualTo(Readings - 2, valid, $"{driver}, {c}: mostly valid indoors");
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void OurDriver_AndDotnetIots_ReadTheSameValues(int caseIndex)
    {
        RangingCase c = RangingCase.All[caseIndex];
        RangingHarness ours = RangingHarness.Create("ours", c.Scene(), 11);
        RangingHarness theirs = RangingHarness.Create("dotnet-iot", c.Scene(), 11);
        ours.Start(c);
        theirs.Start(c);
        for (int i = 0; i < Readings; i++)
        {
            Reading a = ours.Next(), b = theirs.Next();
            Assert.AreEqual((a.Zone, a.DistanceMillimeters, a.Status), (b.Zone, b.DistanceMillimeters, b.Status), $"{c}: reading {i}");
        }
    }
}
