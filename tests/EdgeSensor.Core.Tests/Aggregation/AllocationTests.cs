using EdgeSensor.Core.Aggregation;
using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Reports;
using EdgeSensor.Core.Tests.Privacy;

namespace EdgeSensor.Core.Tests.Aggregation;

[TestClass]
public sealed class AllocationTests
{
    [TestMethod]
    [DataRow(DisclosureMode.None, false)]
    [DataRow(DisclosureMode.SmallCountSuppression, false)]
    [DataRow(DisclosureMode.PersonDifferentialPrivacy, false)]
    [DataRow(DisclosureMode.PersonDifferentialPrivacy, true)]
    public void WindowCloseAndApply_AllocateNothing(DisclosureMode mode, bool deviceDrbg)
    {
        IRandomSource random = deviceDrbg
            ? new DrbgRandomSource(new byte[32], 0, 32, new byte[DrbgRandomSource.DeviceNonceLength], 0, DrbgRandomSource.DeviceNonceLength)
            : new SplitMix64Random(1);
        var aggregator = new WindowAggregator(new AggregatorSettings { WindowLengthSeconds = 10 });
        var control = new DisclosureControl(
            new DisclosureSettings { Mode = mode },
            random);
        var report = new WindowReport();
        uint t = 1_764_000_000;
        long ms = 0;

        void RunWindows(int count)
        {
            for (int i = 0; i < count; i++)
            {
                aggregator.RecordEntry();
                aggregator.RecordExit();
                aggregator.RecordOccupancy(i % 9);
                aggregator.RecordSamples(200, i % 3);
                aggregator.RecordSample(true);
                aggregator.RecordPirState(i % 2 == 0, ms);
                aggregator.SetCalibrationState(CalibrationState.Calibrated);
                t += 10;
                ms += 10_000;
                if (aggregator.TryCloseWindow(t, ms, report))
                {
                    control.Apply(report, ms);
                }
            }
        }

        RunWindows(2_000); // warm-up: JIT tiers, first window
        long before = GC.GetAllocatedBytesForCurrentThread();
        RunWindows(10_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The smallest object is 24 bytes, so anything allocated per window would total ≥ 240 000 bytes;
        // the slack only tolerates a one-off runtime allocation (tiered JIT / OSR) during the run.
        Console.WriteLine($"{mode}{(deviceDrbg ? " + DRBG" : string.Empty)}: {allocated} bytes over 10 000 windows");
        Assert.IsTrue(allocated < 4096, $"{allocated} bytes over 10 000 windows");
    }
}
