using EdgeSensor.Simulator.Emulation;
using EdgeSensor.Simulator.Sensors;

namespace EdgeSensor.Simulator.Tests.Emulation;

[TestClass]
public sealed class RoiGeometryTests
{
    [TestMethod]
    public void PeopleCountingRois_AreTheSimulatorsTwoZones()
    {
        TofZoneGeometry[] zones = TofZoneGeometry.TwoZones(27);
        TofZoneGeometry outside = RoiGeometry.For(167, 8, 16, 27), inside = RoiGeometry.For(231, 8, 16, 27);
        foreach (var (roi, zone) in new[] { (outside, zones[0]), (inside, zones[1]) })
        {
            roi.Footprint(2400, out double a0, out double a1, out double a2, out double a3);
            zone.Footprint(2400, out double b0, out double b1, out double b2, out double b3);
            Assert.AreEqual((b0, b1, b2, b3), (a0, a1, a2, a3));
        }
    }

    [TestMethod]
    public void OffAxisRoi_SeesWhatABruteForceDepthScanSees()
    {
        // A 4 × 4 ROI at the inside corner (columns 12..15, rows 12..15): its pyramid leans away from the axis, so a
        // block can be seen over a middle band of depths only. Compare with a 0.5 mm scan of depths.
        TofZoneGeometry zone = RoiGeometry.For(Core.Drivers.Vl53l1x.Vl53l1xRoi.SpadNumber(14, 14), 4, 4, 27);
        var rng = new Randomness.Rng(5);
        int seenCount = 0, partlySeen = 0;
        for (int i = 0; i < 200; i++)
        {
            double cx = rng.Uniform(-200, 800), cy = rng.Uniform(-200, 800), a = rng.Uniform(30, 200), b = rng.Uniform(30, 200);
            double top = rng.Uniform(300, 2000);
            double expected = -1;
            for (double depth = Math.Max(0, 2400 - top); depth <= 2400; depth += 0.5)
            {
                zone.Footprint(depth, out double x0, out double x1, out double y0, out double y1);
                double dx = Math.Max(0, Math.Max((x0 - cx) / a, (cx - x1) / a)), dy = Math.Max(0, Math.Max((y0 - cy) / b, (cy - y1) / b));
                if (dx * dx + dy * dy <= 1)
                {
                    expected = 2400 - depth;
                    break;
                }
            }

            double seen = zone.VisibleTop(2400, cx, cy, a, b, top);
            if (expected < 0)
            {
                Assert.AreEqual(-1, seen, $"case {i}: the scan saw nothing");
            }
            else
            {
                Assert.AreEqual(expected, seen, 1.0, $"case {i}");
                seenCount++;
                partlySeen += seen < top - 1 ? 1 : 0;
            }
        }

        Assert.IsGreaterThan(20, seenCount, "the sample covers blocks in view");
        Assert.IsGreaterThan(5, partlySeen, "and blocks seen lower down their side");
    }
}
